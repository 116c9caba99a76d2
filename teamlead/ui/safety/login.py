"""Logging in to a shared database: the server asked for a user name and password the URL did not carry.

The password goes to the server through the open connection's URL in memory and nowhere else: not in the
settings, not in the recent databases, not in the log.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from teamlead.i18n import tr
from teamlead.ui.widgets.keys import buttons_in_reading_order


class LoginDialog(QDialog):
    """User name (prefilled from the URL) and password, for one database server."""

    logged_in = Signal(str, str)
    """The user name and password typed, when the user pressed Log in."""

    def __init__(
        self, database_name: str, user_name: str, reason: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(tr("Log in to {name}", name=database_name))
        explanation = QLabel(reason)
        explanation.setWordWrap(True)
        self.user = QLineEdit(user_name)
        self.user.setObjectName("loginUser")
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(tr("&User name:"), self.user)
        form.addRow(tr("&Password:"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.log_in = buttons.addButton(tr("&Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.log_in.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons_in_reading_order(buttons)  # Tab left to right, wherever the platform puts each role
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)
        (self.password if user_name else self.user).setFocus()

    def accept(self) -> None:
        name, password = self.user.text().strip(), self.password.text()
        self.password.clear()
        super().accept()
        self.logged_in.emit(name, password)
