"""Automatic backups in the running app, the Backups dialog (restore keeps the current database aside), and
the sync-folder warning."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database
from teamlead.services.organisations import OrganisationInput, add_organisation
from teamlead.startup.rotation import list_backups
from teamlead.ui.database_dialogs import open_database_at
from teamlead.ui.safety.backups_dialog import BackupsDialog
from tests.ui.safety.conftest import Started, answer_modal


def _partners(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM organisation ORDER BY name")]
    finally:
        connection.close()


def test_backup_after_opening_then_restore_from_the_dialog(
    start_window: Callable[[str], Started], qtbot: QtBot, sqlite_database: Database
) -> None:
    path = sqlite_database.path
    assert path is not None
    with sqlite_database.begin() as session:
        add_organisation(session, OrganisationInput(name="Buurthuis Het Anker"))
    sqlite_database.dispose()
    started = start_window(str(path))
    window = started.window
    backups = window.safety_backups  # type: ignore[attr-defined]
    with qtbot.waitSignal(backups.backup_done, timeout=20_000) as taken:
        pass  # the first automatic backup follows the first painted screen
    assert Path(taken.args[0]).parent == path.parent / "backups"
    assert [b.automatic for b in list_backups(path.parent / "backups", path)] == [True]
    with window.context.database.begin() as session:  # a change made after the backup
        add_organisation(session, OrganisationInput(name="Later toegevoegd"))

    window.actions_by_name["backups"].trigger()
    dialog = window.findChild(BackupsDialog)
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 2).data() == "automatic"
    assert dialog.model.index(0, 1).data().endswith("kB")
    answer_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    with qtbot.waitSignal(dialog.restored, timeout=20_000) as restored:
        dialog.restore_button.click()
    aside = Path(restored.args[0])
    assert _partners(aside) == ["Buurthuis Het Anker", "Later toegevoegd"]  # the current one, kept
    qtbot.waitUntil(lambda: window.has_context and window.context.database.path == path, timeout=10_000)
    assert _partners(path) == ["Buurthuis Het Anker"]
    dialog.close()


def test_backups_after_the_first_changes_and_on_close(
    start_window: Callable[[str], Started], qtbot: QtBot, sqlite_database: Database
) -> None:
    path = sqlite_database.path
    assert path is not None
    sqlite_database.dispose()
    started = start_window(str(path))
    window = started.window
    backups = window.safety_backups  # type: ignore[attr-defined]
    with qtbot.waitSignal(backups.backup_done, timeout=20_000):
        pass  # at opening: the database as it was (here: empty)
    with window.context.database.begin() as session:
        add_organisation(session, OrganisationInput(name="Eerste wijziging"))
    with qtbot.waitSignal(backups.backup_done, timeout=20_000) as first_changes:
        backups.check()  # what the minute's timer does
    assert _partners(Path(first_changes.args[0])) == ["Eerste wijziging"]
    with window.context.database.begin() as session:
        add_organisation(session, OrganisationInput(name="Vlak voor sluiten"))
    with qtbot.waitSignal(backups.backup_done, timeout=20_000) as on_close:
        window.close()
    assert _partners(Path(on_close.args[0])) == ["Eerste wijziging", "Vlak voor sluiten"]


def test_a_failed_automatic_backup_is_shown(
    start_window: Callable[[str], Started], qtbot: QtBot, sqlite_database: Database, tmp_path: Path
) -> None:
    from teamlead.rules import settings

    path = sqlite_database.path
    assert path is not None
    sqlite_database.dispose()
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the backup folder should be")
    settings.update(backup_folder=str(blocked))
    boxes = answer_modal(QMessageBox, lambda box: (box.objectName(), box.text(), box.close())[:2])
    started = start_window(str(path))
    with qtbot.waitSignal(started.window.safety_backups.backup_failed, timeout=20_000) as failed:  # type: ignore[attr-defined]
        pass
    assert "The automatic backup failed" in failed.args[0]
    qtbot.waitUntil(lambda: bool(boxes), timeout=5000)
    assert boxes[0][0] == "backupFailedBox"
    assert "automatic backup failed" in started.window.statusBar().currentMessage()


def test_a_database_in_a_sync_folder_is_warned_about_and_runs_without_wal(
    start_window: Callable[[str], Started], qtbot: QtBot, sqlite_database: Database, tmp_path: Path
) -> None:
    source = sqlite_database.path
    assert source is not None
    sqlite_database.dispose()
    folder = tmp_path / "OneDrive - Gemeente Amsterdam"
    folder.mkdir()
    path = folder / "teamlead.sqlite3"
    path.write_bytes(source.read_bytes())  # a WAL-mode file, as made on a local disk
    warnings = answer_modal(QMessageBox, lambda box: (box.objectName(), box.text(), box.close())[:2])
    started = start_window(str(path))
    qtbot.waitUntil(lambda: bool(warnings), timeout=20_000)
    assert warnings[0][0] == "locationWarning"
    assert "OneDrive" in warnings[0][1]
    assert "safest mode" in warnings[0][1]
    with started.window.context.database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    assert not path.with_name(path.name + "-wal").exists()


def test_opening_a_dropbox_database_from_the_file_menu_warns_too(
    start_window: Callable[[str], Started], qtbot: QtBot, sqlite_database: Database, tmp_path: Path
) -> None:
    source = sqlite_database.path
    assert source is not None
    sqlite_database.dispose()
    local = tmp_path / "local" / "teamlead.sqlite3"
    local.parent.mkdir()
    local.write_bytes(source.read_bytes())
    synced = tmp_path / "Dropbox" / "werk" / "teamlead.sqlite3"
    synced.parent.mkdir(parents=True)
    synced.write_bytes(source.read_bytes())
    started = start_window(str(local))
    qtbot.waitUntil(lambda: started.window.has_context, timeout=20_000)
    with started.window.context.database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"  # a local folder
    warnings = answer_modal(QMessageBox, lambda box: (box.text(), box.close())[0], name="locationWarning")
    assert open_database_at(started.window, synced)
    qtbot.waitUntil(lambda: bool(warnings), timeout=20_000)
    assert "Dropbox" in warnings[0]
    with started.window.context.database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
