"""Damaged and foreign databases opened in the real window: the right choices, and the file's bytes unchanged."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from teamlead.data.backup import backup_database
from teamlead.data.database import Database
from teamlead.ui.safety.damaged import DamagedDialog
from tests.ui.safety.conftest import Started, answer_modal

RESTORE, OTHER, NEW, ASIDE, QUIT = (
    "&Restore the latest backup",
    "&Open another…",
    "Create &new…",
    "&Move it aside and start empty",
    "&Quit",
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _quit(dialog: DamagedDialog) -> tuple[list[str], str]:
    labels, text = dialog.labels(), dialog.text()
    dialog.choices[next(key for key in dialog.choices if key.value == "quit")].click()
    return labels, text


def open_and_quit(start_window: Callable[[str], Started], qtbot: QtBot, path: Path) -> tuple[list[str], str]:
    seen = answer_modal(DamagedDialog, _quit)
    started = start_window(str(path))
    qtbot.waitUntil(started.finished, timeout=20_000)
    assert started.codes == [0]  # quitting the question ends the app, as closing it would
    assert not started.window.has_context
    return seen[0]


def _unchanged(path: Path, before: str) -> None:
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == [path.name]


def test_garbage_offers_other_new_and_moving_aside(
    start_window: Callable[[str], Started], qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "teamlead.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a spreadsheet, not a database" * 50)
    before = digest(path)
    labels, text = open_and_quit(start_window, qtbot, path)
    assert labels == [OTHER, NEW, ASIDE, QUIT]
    assert "not an SQLite file" in text
    _unchanged(path, before)


def test_a_truncated_file_offers_its_latest_good_backup_and_restores_it(
    start_window: Callable[[str], Started], qtbot: QtBot, sqlite_database: Database
) -> None:
    path = sqlite_database.path
    assert path is not None
    backup_database(sqlite_database)  # teamlead backup: into backups/ beside it
    sqlite_database.dispose()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])  # cut off, not on a page boundary
    damaged = path.read_bytes()

    def restore(dialog: DamagedDialog) -> list[str]:
        labels = dialog.labels()
        dialog.choices[next(key for key in dialog.choices if key.value == "restore")].click()
        return labels

    seen = answer_modal(DamagedDialog, restore)
    from PySide6.QtWidgets import QMessageBox

    told = answer_modal(QMessageBox, lambda box: (box.text(), box.accept())[0])
    started = start_window(str(path))
    qtbot.waitUntil(lambda: started.window.has_context, timeout=20_000)
    assert seen == [[RESTORE, OTHER, NEW, ASIDE, QUIT]]
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert "is kept as" in told[0]
    aside = [p for p in path.parent.iterdir() if "-replaced-" in p.name]
    assert len(aside) == 1
    assert aside[0].read_bytes() == damaged
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_newer_schema_is_not_offered_to_be_moved_aside(
    start_window: Callable[[str], Started], qtbot: QtBot, sqlite_database: Database
) -> None:
    path = sqlite_database.path
    assert path is not None
    sqlite_database.dispose()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    before = digest(path)
    labels, text = open_and_quit(start_window, qtbot, path)
    assert labels == [OTHER, NEW, QUIT]
    assert "newer version of Teamlead" in text
    _unchanged(path, before)


def test_another_programs_database(
    start_window: Callable[[str], Started], qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "agenda.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE appointments (id INTEGER PRIMARY KEY, what TEXT)")
    connection.close()
    before = digest(path)
    labels, text = open_and_quit(start_window, qtbot, path)
    assert labels == [OTHER, NEW, QUIT]
    assert "holds other tables" in text
    _unchanged(path, before)


def test_a_removed_drive_is_not_created_again(
    start_window: Callable[[str], Started], qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "usb-stick" / "teamlead.sqlite3"
    labels, text = open_and_quit(start_window, qtbot, path)
    assert labels == [OTHER, NEW, QUIT]
    assert "disconnected" in text
    assert not path.parent.exists()


def test_a_zero_byte_file_counts_as_new(
    start_window: Callable[[str], Started], qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "teamlead.sqlite3"
    path.touch()
    started = start_window(str(path))
    qtbot.waitUntil(lambda: started.window.has_context, timeout=20_000)  # shared/interface.md: not a question
    assert path.stat().st_size > 0


def test_a_file_locked_by_another_program(
    start_window: Callable[[str], Started], qtbot: QtBot, sqlite_database: Database, tmp_path: Path
) -> None:
    path = sqlite_database.path
    assert path is not None
    sqlite_database.dispose()
    with subprocess.Popen(  # closes the pipe when done
        [
            "python3",
            "-c",
            "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); "
            "c.execute('PRAGMA journal_mode=DELETE'); c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); "
            "time.sleep(60)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "locked"
            before = digest(path)
            labels, text = open_and_quit(start_window, qtbot, path)
        finally:
            holder.kill()
    assert labels == [OTHER, NEW, QUIT]
    assert "in use by another program" in text
    assert digest(path) == before


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A read-only filesystem (a tmpfs remounted read-only): read-only even for root, so no other user is
    needed (the venv's Python lives under /root, which ``nobody`` cannot enter)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], check=False
    ).returncode:
        pytest.skip("mounting a tmpfs needs root; run as root or on Linux")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_read_only_file(
    start_window: Callable[[str], Started], qtbot: QtBot, sqlite_database: Database, read_only_folder: Path
) -> None:
    source = sqlite_database.path
    assert source is not None
    sqlite_database.dispose()
    path = read_only_folder / "teamlead.sqlite3"
    path.write_bytes(source.read_bytes())
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_folder)], check=True)
    before = digest(path)
    labels, text = open_and_quit(start_window, qtbot, path)
    assert labels == [OTHER, NEW, QUIT]
    assert "read-only" in text
    _unchanged(path, before)
