"""The safety entries of the File menu: Backups…, and a Privacy submenu. Called by
:func:`teamlead.ui.menus.build_menus`, so they are rebuilt with the rest on a language switch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

from teamlead.i18n import tr

if TYPE_CHECKING:
    from teamlead.ui.main_window import MainWindow


def add_safety_actions(window: MainWindow, file_menu: QMenu, bar: QMenuBar) -> dict[str, QAction]:
    """Add the entries (enabled once a database is open) and return them by name."""
    backups = QAction(tr("&Backups…"), window)
    backups.setObjectName("backups")
    backups.triggered.connect(lambda: _backups(window))
    before = next((a for a in file_menu.actions() if a.objectName() == "settings"), None)
    if before is None:
        file_menu.addAction(backups)
    else:
        file_menu.insertAction(before, backups)
    privacy = QMenu(tr("&Privacy"), file_menu)
    privacy.setObjectName("privacyMenu")
    person = privacy.addAction(tr("A &person's data (access, erasure)…"))
    person.setObjectName("personPrivacy")
    person.triggered.connect(lambda: _person_privacy(window))
    retention = privacy.addAction(tr("&Retention of notes…"))
    retention.setObjectName("retention")
    retention.triggered.connect(lambda: _retention(window))
    if before is None:
        file_menu.addMenu(privacy)
    else:
        file_menu.insertMenu(before, privacy)
    actions = {"backups": backups, "privacy_person": person, "privacy_retention": retention}
    for action in actions.values():
        action.setEnabled(window.has_context)
    return actions


# The dialogs are imported when first asked for, not while the menus are built before the first paint.


def _backups(window: MainWindow) -> None:
    from teamlead.ui.safety.backups_dialog import open_backups_dialog

    open_backups_dialog(window)


def _person_privacy(window: MainWindow) -> None:
    from teamlead.ui.safety.privacy_dialogs import open_person_privacy

    open_person_privacy(window)


def _retention(window: MainWindow) -> None:
    from teamlead.ui.safety.privacy_dialogs import open_retention

    open_retention(window)
