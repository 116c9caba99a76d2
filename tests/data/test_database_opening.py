"""A file Teamlead cannot use is refused with a message that says what and what to do, and left untouched.

"Untouched" is strict: the same bytes (hashed before and after) and no ``-wal``, ``-shm``, journal or
``backups`` folder appearing beside it, for ``open_database`` (which the app and every command use) and for
the commands run as a user would run them.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from teamlead import cli
from teamlead.data.database import open_database
from teamlead.data.geography import Domain
from teamlead.data.integrity import State, inspect_sqlite
from teamlead.errors import DatabaseError
from tests.data.database_files import fresh_copy, make_teamlead_file, snapshot


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_teamlead_file(tmp_path_factory.mktemp("template") / "teamlead.sqlite3")


def garbage(path: Path) -> None:
    path.write_bytes(random.Random(3).randbytes(64 * 1024))


def text_file(path: Path) -> None:
    path.write_text("Overleg Nieuw-West\nDinsdag 10:00, buurthuis De Meeuw\n" * 50, encoding="utf-8")


def truncated_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def truncated_on_a_page(path: Path) -> None:
    data = path.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    path.write_bytes(data[: (len(data) // page // 2) * page])


def scribbled_over(path: Path) -> None:
    """A page in the middle overwritten with noise: the header is fine, the b-tree is not."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    middle = (len(data) // page // 2) * page
    data[middle : middle + page] = random.Random(5).randbytes(page)
    path.write_bytes(bytes(data))


def foreign(path: Path) -> None:
    path.unlink()
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('Fatima', '020 555 0101')")
    connection.commit()
    connection.close()


def newer(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()


BAD_FILES: dict[str, tuple[Callable[[Path], None], State, str]] = {
    "garbage": (garbage, State.NOT_SQLITE, "not an SQLite file"),
    "text": (text_file, State.NOT_SQLITE, "not an SQLite file"),
    "truncated-half": (truncated_half, State.DAMAGED, "is damaged"),
    "truncated-on-a-page": (truncated_on_a_page, State.DAMAGED, "was cut off"),
    "scribbled-over": (scribbled_over, State.DAMAGED, "is damaged"),
    "foreign": (foreign, State.FOREIGN, "holds other tables"),
    "newer": (newer, State.NEWER, "newer version of Teamlead"),
}


@pytest.fixture(params=sorted(BAD_FILES))
def bad_file(request: pytest.FixtureRequest, template: Path, tmp_path: Path) -> tuple[Path, State, str]:
    spoil, state, message = BAD_FILES[request.param]
    path = fresh_copy(template, tmp_path / "db")
    spoil(path)
    return path, state, message


def test_a_bad_file_is_recognised_for_what_it_is(bad_file: tuple[Path, State, str]) -> None:
    path, state, _message = bad_file
    before = snapshot(path.parent)
    assert inspect_sqlite(path).state is state
    assert inspect_sqlite(path, thorough=True).state is state
    assert snapshot(path.parent) == before


def test_opening_a_bad_file_refuses_it_untouched(bad_file: tuple[Path, State, str]) -> None:
    path, _state, message = bad_file
    before = snapshot(path.parent)
    with pytest.raises(DatabaseError, match=message) as raised:
        open_database(path)
    assert str(path) in raised.value.message
    assert snapshot(path.parent) == before


def commands_that_open_the_database() -> list[list[str]]:
    """Commands that open the database and need nothing else; more join as they are registered."""
    candidates = [["check"], ["backup"], ["demo"], ["meetings"], ["export", "-o", "{out}/all.xlsx"]]
    return [command for command in candidates if command[0] in cli.COMMANDS]


@pytest.mark.parametrize("command", commands_that_open_the_database(), ids=lambda command: command[0])
def test_every_command_refuses_a_bad_file_untouched(
    bad_file: tuple[Path, State, str], command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _state, message = bad_file
    before = snapshot(path.parent)
    argv = ["--database", str(path), *(part.format(out=tmp_path) for part in command)]
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert snapshot(path.parent) == before


def test_check_on_a_bad_file_as_a_separate_process(template: Path, tmp_path: Path) -> None:
    """The real program, no test harness around it: message on stderr, exit 1, no traceback, same bytes."""
    path = fresh_copy(template, tmp_path / "db")
    truncated_half(path)
    before = snapshot(path.parent)
    for command in (["check"], ["backup"]):
        result = subprocess.run(
            [sys.executable, "-m", "teamlead", "--database", str(path), *command],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 1, result.stderr
        assert "is damaged" in result.stderr
        assert "Traceback" not in result.stderr
    assert snapshot(path.parent) == before


def test_the_message_follows_the_language(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = fresh_copy(template, tmp_path / "db")
    newer(path)
    assert cli.main(["--language", "nl", "--database", str(path), "check"]) == 1
    assert "is gemaakt door een nieuwere versie van Teamlead" in capsys.readouterr().err


def test_a_zero_byte_file_counts_as_new_and_is_created(tmp_path: Path) -> None:
    path = tmp_path / "teamlead.sqlite3"
    path.touch()
    database = open_database(path)
    try:
        with database.session() as session:
            assert session.scalar(select(func.count()).select_from(Domain)) == 7
    finally:
        database.dispose()
    assert inspect_sqlite(path).state is State.CURRENT


def test_a_database_under_a_file_cannot_be_created_and_nothing_appears(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("een gewoon bestand")
    before = snapshot(tmp_path)
    with pytest.raises(DatabaseError, match="Cannot create"):
        open_database(blocker / "teamlead.sqlite3")
    assert snapshot(tmp_path) == before


def test_a_locked_database_is_refused_in_words_untouched(
    template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process holds the file in exclusive locking mode: refused after the busy timeout."""
    import teamlead.data.engine
    import teamlead.data.integrity

    monkeypatch.setattr(teamlead.data.engine, "BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr(teamlead.data.integrity, "BUSY_TIMEOUT_MS", 300)
    path = fresh_copy(template, tmp_path / "db")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None);"
            "c.execute('PRAGMA locking_mode=EXCLUSIVE'); c.execute('BEGIN EXCLUSIVE');"
            "print('locked', flush=True); sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        before = snapshot(path.parent)
        with pytest.raises(DatabaseError, match="in use by another program"):
            open_database(path)
        assert snapshot(path.parent) == before
    finally:
        holder.communicate("")


def nobody_can_run_python() -> bool:
    """Root ignores file permissions, so "cannot write" is tested as the user nobody, if it can run Python."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("runuser") is None:
        return False
    probe = ["runuser", "-u", "nobody", "--", sys.executable, "-c", "import teamlead"]
    return subprocess.run(probe, capture_output=True, check=False).returncode == 0


@pytest.mark.skipif(not nobody_can_run_python(), reason="needs root and a Python the user nobody can run")
def test_a_read_only_database_is_refused_untouched_for_a_user_who_cannot_write(template: Path) -> None:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="teamlead-readonly-", dir="/tmp"))
    try:
        folder.chmod(0o755)
        path = fresh_copy(template, folder)
        path.chmod(0o644)
        before = snapshot(folder)
        environment = {"PATH": os.environ["PATH"], "HOME": str(folder), "LANG": "C.UTF-8"}
        result = subprocess.run(
            [
                "runuser",
                "-u",
                "nobody",
                "--",
                sys.executable,
                "-m",
                "teamlead",
                "--database",
                str(path),
                "backup",
            ],
            capture_output=True,
            text=True,
            check=False,
            env=environment,
            cwd=folder,
        )
        assert result.returncode == 1, result.stderr
        assert "cannot write to" in result.stderr
        assert "Traceback" not in result.stderr
        assert snapshot(folder) == before
        checked = subprocess.run(
            [
                "runuser",
                "-u",
                "nobody",
                "--",
                sys.executable,
                "-m",
                "teamlead",
                "--database",
                str(path),
                "check",
            ],
            capture_output=True,
            text=True,
            check=False,
            env=environment,
            cwd=folder,
        )
        assert checked.returncode == 0, checked.stderr
        assert snapshot(folder) == before
    finally:
        shutil.rmtree(folder)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize(
    "command",
    [["check"], ["meetings"], ["backup"], ["restore", "{backup}"], ["restore", "{pipe}"]],
    ids=["check", "meetings", "backup", "restore-over-it", "restore-from-it"],
)
def test_a_pipe_is_refused_at_once_instead_of_waiting_for_a_writer(
    template: Path, tmp_path: Path, command: list[str]
) -> None:
    """Reading a FIFO blocks until someone writes into it: the command would hang for ever."""
    pipe = tmp_path / "teamlead.sqlite3"
    os.mkfifo(pipe)
    backup = fresh_copy(template, tmp_path / "backup")
    database = pipe if command[-1] != "{pipe}" else fresh_copy(template, tmp_path / "db")
    argv = [part.format(pipe=pipe, backup=backup) for part in command]
    result = subprocess.run(
        [sys.executable, "-m", "teamlead", "--database", str(database), *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert f"{pipe} is not an ordinary file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_a_device_is_no_database(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--database", "/dev/null", "meetings"]) == 1
    assert "/dev/null is not an ordinary file" in capsys.readouterr().err
