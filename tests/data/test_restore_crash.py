"""``teamlead restore`` killed (kill -9) before each of its file operations in turn: the database's path always
holds the old database or the new one, and the next start finishes or undoes the restore, keeping the old
database and the ``-wal`` a crashed session left beside it, and no partial file anywhere."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from itertools import count
from pathlib import Path

import pytest

from teamlead.data.database import open_database
from teamlead.data.geography import District
from teamlead.data.integrity import State, inspect_sqlite
from teamlead.rules import scratch

WORKER = Path(__file__).parents[1] / "halting_worker.py"
ROOT = Path(__file__).resolve().parents[2]


def _database(path: Path, name: str) -> Path:
    database = open_database(path)
    try:
        with database.begin() as session:
            session.add(District(name=name))
    finally:
        database.dispose()
    return path


def _crash_with_a_row_in_the_wal(path: Path) -> None:
    """A session killed after a commit: its row is only in the ``-wal`` beside the database."""
    with subprocess.Popen(  # closes the pipes when done
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None);"
            "c.execute('PRAGMA journal_mode=WAL'); c.execute(\"INSERT INTO district(name, created_at,"
            " updated_at, version) VALUES ('OLD-WAL', '2026-01-01', '2026-01-01', 1)\");"
            "print('written', flush=True); sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as crasher:
        assert crasher.stdout is not None
        assert crasher.stdout.readline().strip() == "written"
        crasher.send_signal(signal.SIGKILL)
        crasher.wait()
    assert path.with_name(path.name + "-wal").exists()


def _names(path: Path, *, with_wal: bool = True) -> set[str]:
    """The districts in ``path``: as SQLite reads it (with its ``-wal``), or the main file alone."""
    mode = "mode=ro" if with_wal else "immutable=1"
    connection = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True)
    try:
        return {str(row[0]) for row in connection.execute("SELECT name FROM district")}
    finally:
        connection.close()


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    """(a folder with the old database and the -wal and -shm of a crashed session, the backup)."""
    folder = tmp_path / "setup"
    folder.mkdir()
    _crash_with_a_row_in_the_wal(_database(folder / "teamlead.sqlite3", "OLD"))
    return folder, _database(tmp_path / "backup.sqlite3", "NEW")


def _run(folder: Path, backup: Path, stop: int) -> tuple[str, subprocess.Popen[str]]:
    worker = subprocess.Popen(
        [
            sys.executable,
            str(WORKER),
            str(stop),
            "--database",
            str(folder / "teamlead.sqlite3"),
            "restore",
            str(backup),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert worker.stdout is not None
    while True:
        line = worker.stdout.readline()
        if line.startswith(("stopped", "done")) or not line:
            return line.strip(), worker


def test_a_restore_killed_before_any_file_operation_leaves_the_old_or_the_new_database(
    setup: tuple[Path, Path], tmp_path: Path
) -> None:
    original, backup = setup
    outcomes: list[str] = []
    for stop in count(1):
        folder = tmp_path / f"case-{stop}"
        folder.mkdir()
        for file in original.iterdir():
            (folder / file.name).write_bytes(file.read_bytes())
        path = folder / "teamlead.sqlite3"
        line, worker = _run(folder, backup, stop)
        if line.startswith("done"):
            _out, err = worker.communicate()
            assert line == "done 0", err
            assert _names(path) == {"NEW"}
            break
        worker.send_signal(signal.SIGKILL)
        worker.communicate()
        assert path.is_file(), line  # never empty
        assert _names(path, with_wal=False) in ({"OLD"}, {"NEW"}), line  # never half

        scratch.sweep()  # the next start: its sweep, then opening the database
        open_database(path).dispose()

        inspection = inspect_sqlite(path, thorough=True)
        assert inspection.state is State.CURRENT, line
        assert inspection.sound, line
        replaced = list(folder.glob("teamlead-replaced-*.sqlite3"))
        if _names(path) == {"NEW"}:
            outcomes.append("finished")
            assert len(replaced) == 1, line
            assert _names(replaced[0]) == {"OLD", "OLD-WAL"}, line  # with the crashed session's -wal
        else:
            outcomes.append("as before")
            assert _names(path) == {"OLD", "OLD-WAL"}, line
            assert replaced == [], line
        assert [file.name for file in folder.iterdir() if file.name.startswith(".~teamlead-")] == [], line
    assert stop > 10
    assert set(outcomes) == {"finished", "as before"}
