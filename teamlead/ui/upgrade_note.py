"""After opening upgraded the database: what the upgrade did to the user's records, said once per upgrade in a
box that does not block, when the first screen is on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer

from teamlead.i18n import tr

if TYPE_CHECKING:
    from teamlead.data.database import Database
    from teamlead.ui.main_window import MainWindow


def tell_upgrade(window: MainWindow, database: Database) -> None:
    """Show ``database``'s upgrade lines on ``window`` once its first screen is ready (``--exit-when-ready``
    exits before the box would show); nothing when opening upgraded nothing or this upgrade was told."""
    upgrade = database.upgrade
    if upgrade is None or id(upgrade) in window.upgrades_told:
        return
    window.upgrades_told.add(id(upgrade))
    text = "\n\n".join(upgrade.lines())

    def show() -> None:
        if not window.isVisible():
            return
        from PySide6.QtWidgets import QMessageBox  # rarely shown: not loaded before the first paint

        box = QMessageBox(QMessageBox.Icon.Information, tr("Database upgraded"), text, parent=window)
        box.setObjectName("upgradeMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        window.upgrade_message = box

    window.screen_ready.connect(lambda: QTimer.singleShot(0, show), Qt.ConnectionType.SingleShotConnection)
