"""The main window driven as a user would: welcome page, sections, dashboard rows, settings, databases."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database, open_database
from teamlead.rules import settings
from teamlead.rules.vocabulary import Change
from teamlead.ui.dashboard.view import DashboardView
from teamlead.ui.database_dialogs import open_database_at
from teamlead.ui.main_window import MainWindow
from teamlead.ui.settings_actions import open_settings
from teamlead.ui.widgets.record_table import RECORD_ROLE
from tests.ui.conftest import Asked, seed

WindowMaker = Callable[[Database], MainWindow]


def test_an_empty_database_opens_on_the_welcome_page(
    make_window: WindowMaker, sqlite_database: Database
) -> None:
    window = make_window(sqlite_database)
    assert window.showing_welcome
    assert window.welcome is not None
    assert window.welcome.demo_button.isVisible()
    assert str(sqlite_database.path) in window.database_label.text()


def test_start_empty_shows_the_dashboard(
    qtbot: QtBot, make_window: WindowMaker, sqlite_database: Database
) -> None:
    window = make_window(sqlite_database)
    assert window.welcome is not None
    qtbot.mouseClick(window.welcome.empty_button, Qt.MouseButton.LeftButton)
    view = window.current_view()
    assert isinstance(view, DashboardView)
    qtbot.waitUntil(lambda: view.is_loaded)
    assert view.cards["overdue"].count.text() == "0"
    assert view.cards["overdue"].body.currentWidget() is view.cards["overdue"].empty


def test_the_dashboard_shows_what_needs_attention_and_opens_it(
    qtbot: QtBot, make_window: WindowMaker, database: Database
) -> None:
    seeded = seed(database)
    window = make_window(database)
    view = window.current_view()
    assert isinstance(view, DashboardView)
    assert view.is_loaded
    overdue = view.models["overdue"]
    assert [overdue.index(r, 0).data() for r in range(overdue.rowCount())] == [
        "Politie basisteam Slotervaart"
    ]
    assert view.tiles["overdue"].value.text() == "1"
    signals = view.models["signals"]
    assert signals.rowCount() == 1
    assert signals.index(0, 1).data() == "Open"
    assert signals.index(0, 2).data() == "Wildemanbuurt"
    assert "winkelcentrum" in signals.index(0, 3).data()
    assert view.models["follow_ups"].index(0, 0).data(RECORD_ROLE) == ("note", seeded.follow_up)

    table = view.cards["overdue"].table
    table.setFocus()
    table.setCurrentIndex(overdue.index(0, 0))
    with qtbot.waitSignal(window.context.open_record) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == ["organisation", seeded.police]


def test_the_dashboard_reloads_after_a_change(
    qtbot: QtBot, make_window: WindowMaker, database: Database
) -> None:
    seeded = seed(database)
    window = make_window(database)
    view = window.current_view()
    assert isinstance(view, DashboardView)
    from teamlead.services import notes
    from teamlead.services.notes import NoteInput

    with qtbot.waitSignal(view.loaded, timeout=10_000):
        window.context.write(
            lambda session: notes.log_note(
                session,
                NoteInput(kind="visit", text="Langs geweest", organisation_ids=[seeded.police]),
                today=window.context.today(),
            ),
            changed="note",
        )
    assert view.models["overdue"].rowCount() == 0
    assert view.tiles["overdue"].value.text() == "0"


def test_the_language_switch_retranslates_the_window(
    qtbot: QtBot, make_window: WindowMaker, sqlite_database: Database
) -> None:
    """Through the settings dialog: Dutch, and Nieuw-West as the default district (kept by id, for this
    database)."""
    from teamlead.ui.settings_dialog import SettingsDialog

    seeded = seed(sqlite_database)
    window = make_window(sqlite_database)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Go", "&Help"]
    open_settings(window)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.district_box.isEnabled)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("nl"))
    dialog.district_box.setCurrentIndex(dialog.district_box.findText("Nieuw-West"))
    dialog.accept()
    assert [action.text() for action in window.menuBar().actions()] == [
        "&Bestand",
        "Bee&ld",
        "&Ga naar",
        "&Help",
    ]
    assert window.sidebar.item(0).text() == "Overzicht"
    view = window.current_view()
    assert isinstance(view, DashboardView)
    qtbot.waitUntil(lambda: view.is_loaded)
    assert view.heading.text() == "Overzicht"
    assert view.subtitle.text().startswith("Nieuw-West")
    assert settings.load().language == "nl"
    assert list(settings.load().default_districts.values()) == [seeded.district]


def test_a_damaged_database_is_refused_and_left_untouched(
    make_window: WindowMaker, sqlite_database: Database, tmp_path: Path, asked: Asked
) -> None:
    window = make_window(sqlite_database)
    damaged = tmp_path / "damaged.sqlite3"
    content = b"SQLite format 3\x00" + b"\x07" * 4000
    damaged.write_bytes(content)
    assert not open_database_at(window, damaged)
    assert len(asked.messages) == 1
    assert "damaged" in asked.messages[0] or "cannot" in asked.messages[0].lower()
    assert damaged.read_bytes() == content
    assert window.context.database is sqlite_database


def test_opening_another_database_switches_and_remembers_it(
    qtbot: QtBot, make_window: WindowMaker, sqlite_database: Database, tmp_path: Path
) -> None:
    window = make_window(sqlite_database)
    other = tmp_path / "other.sqlite3"
    with qtbot.waitSignal(window.screen_ready, timeout=10_000):
        assert open_database_at(window, other, create=True)
    assert str(other) in window.database_label.text()
    assert settings.load().recent_databases[0] == str(other)
    assert window.recent_menu is not None
    assert [action.data() for action in window.recent_menu.actions()] == [
        str(other),
        str(sqlite_database.path),
    ]


def test_window_geometry_and_section_are_remembered(
    make_window: WindowMaker, sqlite_database: Database, qsettings: object
) -> None:
    seed(sqlite_database)
    window = make_window(sqlite_database)
    window.resize(760, 560)
    saved = window.size()
    assert saved.height() == 560
    window.close()
    again = make_window(sqlite_database)
    assert again.size() == saved
    assert again.section_keys()[again.sidebar.currentRow()] == "dashboard"


def test_a_start_on_the_remembered_section_leaves_the_window_settings_alone(
    make_window: WindowMaker, sqlite_database: Database, qsettings: QSettings
) -> None:
    """QSettings rewrites its file at every ``setValue`` (a lock file, two fsyncs, a rename): a start that
    shows the section it remembered must not, least of all before its first paint."""
    seed(sqlite_database)
    window = make_window(sqlite_database)
    window.sidebar.setCurrentRow(window.section_keys().index("partners"))
    window.close()
    qsettings.sync()
    ini = Path(qsettings.fileName())
    written = ini.stat()
    again = make_window(sqlite_database)
    assert again.section_keys()[again.sidebar.currentRow()] == "partners"
    qsettings.sync()  # writes any change the start made
    assert (ini.stat().st_ino, ini.stat().st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
    again.sidebar.setCurrentRow(again.section_keys().index("dashboard"))
    qsettings.sync()
    assert ini.stat().st_ino != written.st_ino
    assert qsettings.value("window/section") == "dashboard"


def test_loading_the_demo_from_the_welcome_page_shows_a_full_dashboard(
    qtbot: QtBot, make_window: WindowMaker, sqlite_database: Database
) -> None:
    window = make_window(sqlite_database)
    welcome = window.welcome
    assert welcome is not None
    assert welcome.scale.currentData() == "small"
    qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    assert welcome.progress.isVisible()
    assert welcome.cancel_button.isVisible()
    qtbot.waitUntil(lambda: not window.showing_welcome, timeout=60_000)
    view = window.current_view()
    assert isinstance(view, DashboardView)
    qtbot.waitUntil(lambda: view.is_loaded, timeout=10_000)
    total = sum(model.rowCount() for model in view.models.values())
    assert total > 0
    assert view.models["meetings"].rowCount() > 0


def test_cancelling_the_demo_leaves_the_database_empty(
    qtbot: QtBot, make_window: WindowMaker, sqlite_database: Database
) -> None:
    from teamlead.data.queries.empty import has_records

    window = make_window(sqlite_database)
    welcome = window.welcome
    assert welcome is not None
    welcome.scale.setCurrentIndex(welcome.scale.findData("district"))
    qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(welcome.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not welcome.busy, timeout=60_000)
    assert window.showing_welcome
    assert welcome.demo_button.isEnabled()
    with sqlite_database.session() as session:
        assert not has_records(session)


def test_the_shortcut_list_names_every_action_with_its_keys(
    qtbot: QtBot, make_window: WindowMaker, sqlite_database: Database
) -> None:
    from teamlead.ui.menus import shortcut_rows

    seed(sqlite_database)
    window = make_window(sqlite_database)
    rows = dict(shortcut_rows(window))
    assert rows["Notes & signals"] == "Ctrl+4"
    assert rows["Search"] == "Ctrl+K, Ctrl+F"
    assert rows["Log a contact moment"] == "Ctrl+L"
    assert "Ctrl+Shift+W" in rows["Who to call"]
    window.actions_by_name["shortcuts"].trigger()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    assert dialog is not None
    assert dialog.table.rowCount() == len(rows)
    dialog.close()


@pytest.fixture
def upgraded(tmp_path: Path) -> Iterator[Database]:
    """A database of schema 0006 (one district, records without one), upgraded by opening it."""
    path = tmp_path / "teamlead.sqlite3"
    shutil.copyfile(Path(__file__).parents[1] / "data" / "fixtures" / "schema-0006.sqlite3", path)
    database = open_database(path)
    yield database
    database.dispose()


def test_the_app_says_once_what_an_upgrade_did(
    qtbot: QtBot, upgraded: Database, make_window: WindowMaker
) -> None:
    """The window says what the upgrade did in a message box once the first screen is there."""
    assert upgraded.upgrade is not None
    window = make_window(upgraded)
    qtbot.waitUntil(lambda: window.upgrade_message is not None, timeout=10_000)
    box = window.upgrade_message
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert "upgraded from schema 0006" in box.text()
    assert "Records that had no district are now in Nieuw-West: 3 partners" in box.text()
    box.accept()
    window.context.data_changed.emit(Change.ALL)
    qtbot.wait(50)
    assert [b for b in window.findChildren(QMessageBox, "upgradeMessage") if b.isVisible()] == []
