"""Help: the list of keyboard shortcuts, and About."""

from __future__ import annotations

import platform

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
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
        self.table.setTabKeyNavigation(False)  # Tab goes on to Close; the arrows move in the rows
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(self)  # in the dialog already: its default button stays the default
        close = buttons.addButton(tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 460)


class AboutDialog(QDialog):
    """What Teamlead is, and the details a support request needs (version, database, schema revision, the
    platform), with a button that copies those details to paste into an e-mail."""

    def __init__(self, parent: QWidget | None = None, *, database: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutBox")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(tr("About Teamlead"))
        self._database = database
        self._revision: str | None = None
        title = QLabel(f"<b>{tr('Teamlead {version}', version=__version__)}</b>")
        about = QLabel(
            tr(
                "The partner network of a district in one place: partners, contact persons, notes and signals, "
                "meetings and agreements, and reports for the city."
            )
        )
        about.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setObjectName("supportDetails")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(tr("Details for a support request"))
        self.details.setFixedHeight(self.details.fontMetrics().lineSpacing() * 5 + 16)  # its four lines
        label = QLabel(tr("&Details for a support request:"))
        label.setBuddy(self.details)
        buttons = QDialogButtonBox(self)  # in the dialog already: its default button stays the default
        self.copy_button = buttons.addButton(tr("&Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        close = buttons.addButton(tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, about, label, self.details, buttons):
            layout.addWidget(widget)
        self._show_details()
        self.resize(560, self.sizeHint().height())

    def set_revision(self, revision: str | None) -> None:
        """The schema revision, once read from the database in the background."""
        self._revision = revision or tr("none")
        self._show_details()

    def support_text(self) -> str:
        return self.details.toPlainText()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.support_text())

    def _show_details(self) -> None:
        lines = [
            f"Teamlead {__version__}",
            tr("Database: {database}", database=self._database or tr("none open")),
            tr("Schema revision: {revision}", revision=self._revision or "…"),
            f"Python {platform.python_version()}, Qt {qVersion()}, {platform.platform(terse=True)}",
        ]
        self.details.setPlainText("\n".join(lines))
