"""Add a user, or change one: name, role, districts, and a password typed twice.

The password goes to the server, which keeps only its SCRAM verifier (:mod:`teamlead.data.access.accounts`);
Teamlead keeps it in this form's fields until the form closes, and nowhere else. Left empty, the user logs in
with the server's own authentication (or, when changing, keeps their password).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teamlead.data.access.names import DISTRICT_GROUPS, NAME_PATTERN, Group
from teamlead.data.queries.districts import DistrictRef
from teamlead.i18n import tr
from teamlead.ui.style import mute
from teamlead.ui.users.roles import role_help, role_title


@dataclass(frozen=True)
class UserForm:
    """What the form asks the service to do."""

    name: str
    group: Group
    district_ids: tuple[int, ...]
    password: str | None


class UserFormDialog(QDialog):
    """One user's name (fixed when changing), role, districts and password."""

    submitted = Signal(object)
    """The form is filled in correctly (a :class:`UserForm`): the caller asks the server."""

    def __init__(
        self,
        districts: Sequence[DistrictRef],
        parent: QWidget | None = None,
        *,
        name: str = "",
        group: Group = Group.TEAMLEAD,
        district_ids: Sequence[int] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("userFormDialog")
        self.changing = bool(name)
        self.setWindowTitle(tr("Change user {name}", name=name) if self.changing else tr("Add a user"))
        self.name = QLineEdit(name)
        self.name.setObjectName("userName")
        self.name.setReadOnly(self.changing)
        self.name.setMaxLength(41)
        self.role = QComboBox()
        self.role.setObjectName("userRole")
        for choice in Group:
            self.role.addItem(role_title(choice), choice.value)
        self.role.setCurrentIndex(self.role.findData(group.value))
        self.role_help = mute(QLabel())
        self.role_help.setWordWrap(True)
        self.districts = QListWidget()
        self.districts.setObjectName("userDistricts")
        self.districts.setAccessibleName(tr("Districts"))
        for district in districts:
            item = QListWidgetItem(district.name, self.districts)
            item.setData(Qt.ItemDataRole.UserRole, district.id)
            checked = district.id in district_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.districts.setMaximumHeight(140)
        self.password = QLineEdit()
        self.password.setObjectName("userPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("userPasswordAgain")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        password_note = mute(
            QLabel(
                tr("Leave empty to keep the current password.")
                if self.changing
                else tr("Leave empty when the server checks who logs in by its own means.")
            )
        )
        password_note.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("userFormProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        form = QFormLayout()
        form.addRow(tr("&Name:"), self.name)
        form.addRow(tr("&Role:"), self.role)
        form.addRow("", self.role_help)
        form.addRow(tr("&Districts:"), self.districts)
        form.addRow(tr("&Password:"), self.password)
        form.addRow(tr("Password &again:"), self.repeat)
        form.addRow("", password_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText(tr("&Save") if self.changing else tr("&Add"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        (self.role if self.changing else self.name).setFocus()

    def group(self) -> Group:
        return Group(self.role.currentData())

    def _role_changed(self) -> None:
        group = self.group()
        self.role_help.setText(role_help(group))
        self.districts.setEnabled(group in DISTRICT_GROUPS)

    def checked_districts(self) -> tuple[int, ...]:
        items = (self.districts.item(row) for row in range(self.districts.count()))
        return tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item is not None and item.checkState() is Qt.CheckState.Checked
        )

    def check_district(self, name: str) -> None:
        """Tick a district, as a click on its box would (tests)."""
        for item in self.districts.findItems(name, Qt.MatchFlag.MatchExactly):
            item.setCheckState(Qt.CheckState.Checked)

    def problem_with(self) -> str | None:
        """What keeps the form from being saved, in words; None when it may go to the server."""
        name = self.name.text().strip()
        if NAME_PATTERN.fullmatch(name) is None:
            return tr(
                "A user name is a lower-case letter followed by up to 40 lower-case letters, digits, '_', "
                "'.' or '-'."
            )
        if self.group() in DISTRICT_GROUPS and not self.checked_districts():
            return tr("A team lead or colleague works in one or more districts: tick at least one.")
        if self.password.text() != self.repeat.text():
            return tr("The two passwords differ: type the same password twice.")
        return None

    def result_form(self) -> UserForm:
        group = self.group()
        return UserForm(
            self.name.text().strip(),
            group,
            self.checked_districts() if group in DISTRICT_GROUPS else (),
            self.password.text() or None,
        )

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def accept(self) -> None:
        """Checked here first; then the server is asked, and the form stays open until it answers."""
        problem = self.problem_with()
        if problem is not None:
            self.show_problem(problem)
            return
        self.show_problem("")
        self.save_button.setEnabled(False)
        self.submitted.emit(self.result_form())

    def refused(self, message: str) -> None:
        """The server (or the service) said no: the form stays, with why."""
        self.save_button.setEnabled(True)
        self.show_problem(message)

    def saved(self) -> None:
        """Done: the password leaves the fields, and the form closes."""
        self.password.clear()
        self.repeat.clear()
        super().accept()
