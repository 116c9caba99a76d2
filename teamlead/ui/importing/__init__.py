"""The import wizard and its place in the window: File → Import… (Ctrl+I) and the welcome page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from teamlead.i18n import tr

if TYPE_CHECKING:
    from teamlead.ui.main_window import MainWindow


def add_import_action(window: MainWindow) -> QAction:
    """Put "Import…" (a roster, outcome figures or an export) in the File menu, after "Log a contact moment".

    The wizard is imported when it is opened: importing it (and with it openpyxl and the export reader) took
    0.9 s before the window's first paint.
    """

    def open_wizard() -> None:
        from teamlead.ui.importing.wizard import open_import_wizard

        open_import_wizard(window.context, window)

    action = QAction(tr("&Import…"), window)
    action.setObjectName("importRoster")
    action.setStatusTip(tr("Import a roster, outcome figures per neighbourhood and year, or an export"))
    action.setShortcut(QKeySequence("Ctrl+I"))
    action.triggered.connect(open_wizard)
    menu = window.menuBar().findChild(QMenu, "fileMenu")
    if menu is not None:
        actions = menu.actions()
        if len(actions) > 1:
            menu.insertAction(actions[1], action)
        else:
            menu.addAction(action)
    return action
