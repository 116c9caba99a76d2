"""Help → About: the version, the open database and its schema revision, copied for a support request."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from teamlead import __version__
from teamlead.data.database import Database
from teamlead.data.migrate import head_revision
from teamlead.ui.help_dialogs import AboutDialog
from teamlead.ui.main_window import MainWindow

WindowMaker = Callable[[Database], MainWindow]


def test_about_names_version_database_and_revision_and_copies_them(
    qtbot: QtBot, make_window: WindowMaker, database: Database
) -> None:
    window = make_window(database)
    window.actions_by_name["about"].trigger()
    dialog = window.findChild(AboutDialog, "aboutBox")
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: "…" not in dialog.support_text())
    text = dialog.support_text()
    assert f"Teamlead {__version__}" in text
    assert database.display_name() in text
    assert f": {head_revision()}" in text
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == text
