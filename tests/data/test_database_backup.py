"""Backups while the database is in use, and restoring them: consistent copies, nothing ever deleted."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from teamlead import cli
from teamlead.data.database import open_database
from teamlead.data.geography import District
from teamlead.data.integrity import State, inspect_sqlite
from tests.data.database_files import fresh_copy, make_teamlead_file, snapshot

# Inserts a district per transaction through the app's own engine, logging each committed count, until the stop
# file appears (at most 120 s): a fixed window ran out before the six backups on a loaded machine.
WRITER = """
import sys, time
from pathlib import Path
from sqlalchemy import func, select
from teamlead.data.database import open_database
from teamlead.data.geography import District
database = open_database(sys.argv[1])
stop = Path(sys.argv[3])
deadline = time.monotonic() + 120
with open(sys.argv[2], "a") as log:
    while not stop.exists() and time.monotonic() < deadline:
        with database.begin() as session:
            session.add(District(name=f"Stadsdeel {time.monotonic_ns()}"))
            session.flush()
            count = session.scalar(select(func.count()).select_from(District))
        print(count, file=log, flush=True)
database.dispose()
"""


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_teamlead_file(tmp_path_factory.mktemp("template") / "teamlead.sqlite3", districts=50)


def districts(path: Path) -> int:
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        count: int = connection.execute("SELECT count(*) FROM district").fetchone()[0]
    finally:
        connection.close()
    return count


def test_backups_taken_while_another_process_writes_are_consistent(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = fresh_copy(template, tmp_path / "db")
    log = tmp_path / "committed.log"
    log.touch()
    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(log), str(stop)])
    try:
        while not log.read_text().strip():  # let the writer get going
            time.sleep(0.02)
        copies = []
        for number in range(6):
            target = tmp_path / "copies" / f"copy-{number}.sqlite3"
            assert cli.main(["--database", str(path), "backup", "-o", str(target)]) == 0
            assert capsys.readouterr().out.strip() == str(target)
            copies.append(target)
            time.sleep(0.25)
        writer_was_running = writer.poll() is None
    finally:
        stop.touch()
        assert writer.wait(timeout=30) == 0
    committed = {50} | {int(line) for line in log.read_text().split()}
    counts = []
    for copy in copies:
        inspection = inspect_sqlite(copy, thorough=True)
        assert inspection.state is State.CURRENT
        assert inspection.sound, inspection
        counts.append(districts(copy))
        assert counts[-1] in committed
        assert not Path(f"{copy}-wal").exists()
    assert writer_was_running
    assert counts == sorted(counts)  # each copy a moment no earlier than the one before
    assert counts[0] < counts[-1]
    assert sorted(p.name for p in (tmp_path / "copies").iterdir()) == [c.name for c in copies]  # no partials


def test_backup_without_a_target_goes_into_the_backups_folder(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = fresh_copy(template, tmp_path / "db")
    assert cli.main(["--database", str(path), "backup"]) == 0
    first = Path(capsys.readouterr().out.strip())
    assert cli.main(["--database", str(path), "backup"]) == 0
    second = Path(capsys.readouterr().out.strip())
    assert first.parent == second.parent == path.parent / "backups"
    assert first != second
    assert first.name.startswith("teamlead-20")
    assert first.suffix == ".sqlite3"
    assert districts(first) == districts(second) == 50
    assert sorted(os.listdir(path.parent)) == ["backups", "teamlead.sqlite3"]  # no -wal/-shm left behind


def test_backup_replaces_an_existing_file_and_fills_a_folder(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = fresh_copy(template, tmp_path / "db")
    target = tmp_path / "out.sqlite3"
    target.write_text("an older file with that name")
    assert cli.main(["--database", str(path), "backup", "-o", str(target)]) == 0
    assert districts(target) == 50
    folder = tmp_path / "usb"
    folder.mkdir()
    assert cli.main(["--database", str(path), "backup", "-o", str(folder)]) == 0
    printed = Path(capsys.readouterr().out.split()[-1])
    assert printed.parent == folder
    assert districts(printed) == 50


def test_backup_onto_the_database_itself_is_refused(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = fresh_copy(template, tmp_path / "db")
    assert cli.main(["--database", str(path), "backup", "-o", str(path)]) == 2
    assert "cannot replace the database itself" in capsys.readouterr().err


def restore(path: Path, backup: Path) -> tuple[int, str, str]:
    """``teamlead --database PATH restore BACKUP``: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["--database", str(path), "restore", str(backup)])
    return code, out.getvalue(), err.getvalue()


def aside_from(stdout: str) -> Path:
    return Path(stdout.strip().splitlines()[-1].split(" kept as ", 1)[1])


def test_restore_keeps_the_current_database_aside_and_the_restored_one_opens(
    template: Path, tmp_path: Path
) -> None:
    path = fresh_copy(template, tmp_path / "db")
    backup = tmp_path / "backup.sqlite3"
    assert cli.main(["--database", str(path), "backup", "-o", str(backup)]) == 0
    database = open_database(path)
    with database.begin() as session:
        session.add(District(name="Na de reservekopie"))
    database.dispose()
    current = path.read_bytes()

    code, out, err = restore(path, backup)
    assert code == 0, err
    aside = aside_from(out)
    assert aside.parent == path.parent
    assert aside.name.startswith("teamlead-replaced-")
    assert aside.read_bytes() == current
    database = open_database(path)
    try:
        with database.session() as session:
            assert session.scalar(select(func.count()).select_from(District)) == 50
    finally:
        database.dispose()


def test_restore_replaces_a_damaged_database_and_keeps_it(template: Path, tmp_path: Path) -> None:
    path = fresh_copy(template, tmp_path / "db")
    backup = tmp_path / "backup.sqlite3"
    assert cli.main(["--database", str(path), "backup", "-o", str(backup)]) == 0
    damaged = path.read_bytes()[:5000]
    path.write_bytes(damaged)
    code, out, err = restore(path, backup)
    assert code == 0, err
    assert aside_from(out).read_bytes() == damaged
    assert inspect_sqlite(path, thorough=True).state is State.CURRENT


def test_restore_where_there_is_no_database_yet(template: Path, tmp_path: Path) -> None:
    path = tmp_path / "new" / "teamlead.sqlite3"
    path.parent.mkdir()
    code, out, err = restore(path, template)
    assert code == 0, err
    assert "no database to keep aside" in out
    assert districts(path) == 50


def crash_with_a_row_in_the_wal(path: Path) -> None:
    """A process killed after a commit leaves ``-wal`` and ``-shm`` beside ``path``, its row only in the WAL."""
    with subprocess.Popen(  # closes the pipes when done
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None);"
            "c.execute('PRAGMA journal_mode=WAL'); c.execute(\"INSERT INTO district(name, created_at,"
            " updated_at, version) VALUES ('Alleen in de WAL', '2026-01-01', '2026-01-01', 1)\");"
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
    assert Path(f"{path}-wal").exists()


def test_restore_moves_a_crashed_sessions_wal_aside_with_its_database(template: Path, tmp_path: Path) -> None:
    """A killed process leaves -wal and -shm; they belong to the file set aside, not to the restored one."""
    path = fresh_copy(template, tmp_path / "db")
    crash_with_a_row_in_the_wal(path)
    code, out, err = restore(path, template)
    assert code == 0, err
    aside = aside_from(out)
    assert Path(f"{aside}-wal").exists()
    assert not Path(f"{path}-wal").exists()
    assert districts(aside) == 51  # the aside file with its WAL still holds the last work
    assert districts(path) == 50


def test_restore_next_to_a_stale_wal_whose_database_is_gone_keeps_the_wal_aside(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The database was deleted but its -wal stayed: replayed onto the restored file it would damage it."""
    path = fresh_copy(template, tmp_path / "db")
    crash_with_a_row_in_the_wal(path)
    path.unlink()
    stale = Path(f"{path}-wal").read_bytes()
    code, out, err = restore(path, template)
    assert code == 0, err
    assert not Path(f"{path}-wal").exists()
    kept = [line for line in out.splitlines() if "files SQLite had left beside it" in line]
    assert len(kept) == 1, out
    wal = next(path.parent.glob("teamlead-replaced-*.sqlite3-wal"))
    assert str(wal) in kept[0]
    assert wal.read_bytes() == stale
    assert cli.main(["--database", str(path), "check"]) == 0, capsys.readouterr().err
    assert districts(path) == 50


@pytest.mark.parametrize("kind", ["text", "newer", "missing"])
def test_restore_refuses_a_file_that_is_not_a_usable_backup(
    template: Path, tmp_path: Path, kind: str
) -> None:
    path = fresh_copy(template, tmp_path / "db")
    backup = tmp_path / "backup.sqlite3"
    if kind == "text":
        backup.write_text("geen database")
    elif kind == "newer":
        backup.write_bytes(template.read_bytes())
        connection = sqlite3.connect(backup)
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
        connection.close()
    before = snapshot(path.parent)
    code, _out, err = restore(path, backup)
    assert code == 1
    assert "Not restored" in err
    assert "Traceback" not in err
    assert snapshot(path.parent) == before


def test_restore_refuses_while_the_database_is_open_elsewhere(template: Path, tmp_path: Path) -> None:
    path = fresh_copy(template, tmp_path / "db")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from teamlead.data.database import open_database; d = open_database(sys.argv[1]);"
            "d.engine.connect().exec_driver_sql('SELECT 1'); print('open', flush=True); sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "open"
        code, _out, err = restore(path, template)
        assert code == 1
        assert "is open in another program" in err
        assert path.exists()
    finally:
        holder.communicate("")


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("command", "tool"), [(["backup"], "pg_dump"), (["restore", "x.sqlite3"], "pg_restore")]
)
def test_backup_and_restore_on_a_server_name_its_tools(
    postgres_url: URL, command: list[str], tool: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres_url.render_as_string(hide_password=False)
    assert cli.main(["--database", url, *command]) == 1
    assert tool in capsys.readouterr().err


def test_backup_and_aside_names_are_valid_on_windows(tmp_path: Path) -> None:
    """Names carry the date and time without ':' and a label without characters Windows refuses."""
    from datetime import datetime

    from teamlead.data.backup import aside_path, default_backup_path
    from teamlead.rules.files import WINDOWS_FORBIDDEN

    now = datetime(2026, 3, 2, 9, 5, 7)
    database = tmp_path / "teamlead.sqlite3"
    names = [
        default_backup_path(database, now=now).name,
        default_backup_path(database, "auto", now=now).name,
        default_backup_path(database, "before-upgrade-from-0006:x/y", now=now).name,
        aside_path(database, now=now).name,
    ]
    assert names[0] == "teamlead-2026-03-02-090507.sqlite3"
    for name in names:
        assert not set(name) & WINDOWS_FORBIDDEN, name
