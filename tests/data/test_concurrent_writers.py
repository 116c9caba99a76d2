"""Two programs writing one database: each waits for the other's write to end instead of failing at once.

On SQLite a write transaction begins ``IMMEDIATE``, so it waits (the busy timeout) for the write lock at its
start; one that begins as a reader and writes later could not wait, and failed whenever someone else saved
meanwhile. The colleague is a real second process saving notes through the notes service
(``saver_worker.py``); the import is ``teamlead import`` as a user runs it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select
from sqlalchemy.engine import URL

from teamlead import cli
from teamlead.data.database import Database, open_database
from teamlead.data.models import Organisation
from teamlead.data.notes import Note
from teamlead.errors import DatabaseError
from teamlead.services.notes import NoteInput, log_note
from teamlead.services.organisations import OrganisationInput, add_organisation
from tests.importing.big import write_big_roster

WORKER = Path(__file__).with_name("saver_worker.py")
ROOT = Path(__file__).resolve().parents[2]


def _name(url: URL) -> str:
    return url.render_as_string(hide_password=False)


@pytest.fixture
def colleague(database: Database) -> Iterator[Any]:
    """A second process, saving notes from its first line on stdin until stdin closes."""

    def start(interval: float) -> subprocess.Popen[str]:
        saver = subprocess.Popen(
            [sys.executable, str(WORKER), _name(database.url), str(interval)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        started.append(saver)
        assert saver.stdout is not None
        assert saver.stdout.readline().strip() == "ready"
        return saver

    started: list[subprocess.Popen[str]] = []
    database.dispose()
    try:
        yield start
    finally:
        for saver in started:
            saver.kill()
            saver.communicate()


def _stop(saver: subprocess.Popen[str]) -> list[str]:
    """Close the colleague's stdin; its lines after ``saving`` markers: ``saved …`` or ``failed …``."""
    output, _ = saver.communicate("", timeout=120)
    return [line for line in output.splitlines() if line != "saving"]


def _import(database: Database, roster: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "teamlead", "--database", _name(database.url), "import", str(roster)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=300,
    )


@pytest.mark.parametrize(("interval", "imports"), [(2.0, 3), (0.02, 1)], ids=["every-2s", "rapid"])
def test_imports_and_a_colleagues_saves_all_succeed(
    database: Database, colleague: Any, tmp_path: Path, interval: float, imports: int
) -> None:
    roster = write_big_roster(tmp_path / "partners.xlsx", 300)
    saver = colleague(interval)
    saver.stdin.write("go\n")
    saver.stdin.flush()
    started = time.time()
    results = [_import(database, roster) for _ in range(imports)]
    ended = time.time()
    lines = _stop(saver)
    for result in results:
        assert result.returncode == 0, result.stderr
    assert [line for line in lines if not line.startswith("saved")] == []
    during = [line for line in lines if started <= float(line.split()[1]) <= ended]
    # Saves waited for the imports' writes instead of failing; how many fit in depends on how fast this
    # machine imports (an unloaded one finishes three imports in under 6 s), so only that some did.
    assert during, lines


def test_an_import_waits_for_a_save_that_comes_while_it_reads(
    database: Database, colleague: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The colleague saves just after the import has begun reading what is there, so the save lies inside
    the import's transaction: the import waits for it (or it for the import); neither fails."""
    roster = write_big_roster(tmp_path / "partners.xlsx", 40)
    saver = colleague(60)
    assert saver.stdout is not None
    fired: list[bool] = []

    def save_now(connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if fired or not connection.in_transaction() or not statement.lstrip().upper().startswith("SELECT"):
            return
        fired.append(True)
        saver.stdin.write("go\n")
        saver.stdin.flush()
        assert saver.stdout.readline().strip() == "saving"
        time.sleep(0.5)  # time for its save to land in the middle of the import

    event.listen(Engine, "after_cursor_execute", save_now)
    try:
        code = cli.main(["--database", _name(database.url), "import", str(roster)])
    finally:
        event.remove(Engine, "after_cursor_execute", save_now)
    lines = _stop(saver)
    assert code == 0, capsys.readouterr().err
    assert fired
    assert len(lines) == 1
    assert lines[0].startswith("saved"), lines
    reopened = open_database(database.url)
    try:
        with reopened.session() as session:
            assert session.scalar(select(func.count()).where(Note.text == "Gebeld 1")) == 1
            assert (session.scalar(select(func.count()).select_from(Organisation)) or 0) > 10
    finally:
        reopened.dispose()


def test_a_write_that_waited_in_vain_says_another_program_is_writing(sqlite_database: Database) -> None:
    """Someone holds the write lock longer than Teamlead waits: the message says so, and nothing changed."""
    path = sqlite_database.path
    assert path is not None
    with sqlite_database.begin() as session:
        partner = add_organisation(session, OrganisationInput(name="Buurtteam De Punt"))
    with subprocess.Popen(  # closes the pipes when done
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None);"
            "c.execute('BEGIN IMMEDIATE'); print('writing', flush=True); sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "writing"
            started = time.monotonic()
            with pytest.raises(DatabaseError) as raised, sqlite_database.begin() as session:
                log_note(session, NoteInput(kind="call", text="Gebeld", organisation_ids=[partner]))
            waited = time.monotonic() - started
        finally:
            holder.communicate("")
    assert "which is writing to it" in raised.value.message
    assert "stayed locked" not in raised.value.message
    assert waited >= 4
    with sqlite_database.session() as session:
        assert session.scalar(select(func.count()).where(Note.text == "Gebeld")) == 0
