"""The menus of a window built the way the app builds it: the window first, then the database, then a
language switch (each rebuilds the menus). Keys are pressed, not actions triggered, so a shortcut that went
into a menu being deleted fails here."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database
from teamlead.ui.context import AppContext
from teamlead.ui.importing.wizard import ImportWizard
from teamlead.ui.main_window import MainWindow
from teamlead.ui.settings_actions import apply_settings
from tests.ui.conftest import TODAY, Asked, seed


@pytest.fixture
def built(qtbot: QtBot, qsettings: QSettings, asked: Asked) -> Iterator[MainWindow]:
    window = MainWindow(None, qsettings=qsettings, ask=asked)
    qtbot.addWidget(window)
    window.show()
    yield window
    if window.has_context:
        window.context.tasks.shutdown(wait=True)


def file_menu_texts(window: MainWindow) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def press_ctrl_i_opens_the_wizard(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(w.isVisible() for w in window.findChildren(ImportWizard)), timeout=10_000)
    for wizard in window.findChildren(ImportWizard):
        wizard.reject()


@pytest.mark.parametrize("filled", [False, True], ids=["empty", "with-partners"])
def test_import_roster_stays_in_the_file_menu_and_ctrl_i_works_after_opening_and_a_language_switch(
    qtbot: QtBot, built: MainWindow, database: Database, filled: bool
) -> None:
    if filled:
        seed(database)
    with qtbot.waitSignal(built.screen_ready, timeout=10_000):
        built.set_context(AppContext(database, today=TODAY))
    assert "&Import…" in file_menu_texts(built)
    press_ctrl_i_opens_the_wizard(qtbot, built)

    apply_settings(built, "nl")
    qtbot.waitUntil(lambda: built.menuBar().actions()[0].text() == "&Bestand")
    assert "&Importeren…" in file_menu_texts(built)
    press_ctrl_i_opens_the_wizard(qtbot, built)
    apply_settings(built, "en")
