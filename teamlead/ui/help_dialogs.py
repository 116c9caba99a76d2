"""Help: the list of keyboard shortcuts, and About."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teamlead import __version__
from teamlead.i18n import tr


class ShortcutsDialog(QDialog):
    """A read-only two-column list: what, and the keys for it. Small and fixed, so a QTableWidget is fine."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([tr("Action"), tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox()
        close = buttons.addButton(tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 460)


def show_about_box(parent: QWidget) -> None:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowTitle(tr("About Teamlead"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(tr("Teamlead {version}", version=__version__))
    box.setInformativeText(
        tr(
            "The partner network of a district in one place: partners, contact persons, notes and signals, "
            "meetings and agreements, and reports for the city."
        )
    )
    box.open()
