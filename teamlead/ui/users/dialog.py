"""File → Users…: who connects to this shared database, in which role and districts; add, change, remove.

Every action goes through :mod:`teamlead.services.users` on the administrator's own connection, in the
background: the server checks the right to manage roles, and its answer (or refusal) is shown in words.
Removing a user asks first, then revokes their access and ends their open sessions at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from teamlead.data.access.names import Group
from teamlead.data.queries.districts import DistrictRef, all_districts
from teamlead.i18n import tr
from teamlead.services import users
from teamlead.services.users import ALL_DISTRICTS, UserLine
from teamlead.ui.context import AppContext
from teamlead.ui.tasks import message_for
from teamlead.ui.users.form import UserForm, UserFormDialog
from teamlead.ui.users.roles import role_title
from teamlead.ui.widgets.rows_model import RowsModel

COLUMN_ROOM = 24
"""Pixels beside a column's widest text, so names and roles do not touch."""

Listed = tuple[list[UserLine], list[DistrictRef]]


class UsersModel(RowsModel[UserLine]):
    def headers(self) -> list[str]:
        return [tr("Name"), tr("Role"), tr("Districts")]

    def display(self, row: UserLine, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return role_title(row.role)
        return tr("All districts") if row.districts == (ALL_DISTRICTS,) else ", ".join(row.districts)


class UsersDialog(QDialog):
    """The users of the open database (PostgreSQL only; an SQLite file has one user)."""

    loaded = Signal()
    """The list shows the server's users."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle(tr("Users"))
        self._context = context
        self._districts: list[DistrictRef] = []
        self.form: UserFormDialog | None = None
        self.model = UsersModel(self)
        self.table = QTableView()
        self.table.setObjectName("usersList")
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Users"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.change_selected())
        self.status = QLabel()
        self.status.setObjectName("usersStatus")
        self.status.setWordWrap(True)
        self.add_button = QPushButton(tr("&Add…"))
        self.change_button = QPushButton(tr("C&hange…"))
        self.remove_button = QPushButton(tr("&Remove…"))
        self.add_button.clicked.connect(lambda: self.add_user())
        self.change_button.clicked.connect(lambda: self.change_selected())
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        row = QHBoxLayout()
        for button in (self.add_button, self.change_button, self.remove_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox()
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("&Close"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.shared = context.database.engine.dialect.name == "postgresql"
        for button in (self.add_button, self.change_button, self.remove_button):
            button.setEnabled(False)
        if self.shared:
            self.reload()
        else:
            self.status.setText(
                tr("Users exist only on a shared PostgreSQL database; this SQLite file has one user: you.")
            )
        self.table.setFocus()

    def reload(self) -> None:
        database = self._context.database

        def work() -> Listed:
            with database.session() as session:
                districts = all_districts(session)
            return users.list_users(database), districts

        self._context.tasks.run(work, self._show, key="users.list", on_error=self._failed)

    def _show(self, listed: Listed) -> None:
        lines, self._districts = listed
        selected = self.selected()
        self.model.set_rows(lines)
        self.table.resizeColumnsToContents()
        for column in (0, 1):
            self.table.setColumnWidth(column, self.table.columnWidth(column) + COLUMN_ROOM)
        names = [line.name for line in lines]
        if lines:
            self.table.selectRow(names.index(selected.name) if selected and selected.name in names else 0)
        for button in (self.add_button, self.change_button, self.remove_button):
            button.setEnabled(True)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(message_for(error))

    def selected(self) -> UserLine | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, name: str) -> None:
        """Select a user by name (tests; a user would click the row)."""
        for number, line in enumerate(self.model.rows()):
            if line.name == name:
                self.table.selectRow(number)

    # --- add, change, remove ------------------------------------------------------------------------------

    def add_user(self) -> UserFormDialog:
        form = UserFormDialog(self._districts, self)
        self._open_form(form, self._add)
        return form

    def change_selected(self) -> UserFormDialog | None:
        line = self.selected()
        if line is None or not self.change_button.isEnabled():
            return None
        ids = tuple(d.id for d in self._districts if d.name in line.districts)
        group = Group(line.role) if line.role in set(Group) else Group.COLLEAGUE
        form = UserFormDialog(self._districts, self, name=line.name, group=group, district_ids=ids)
        self._open_form(form, self._change)
        return form

    def _open_form(self, form: UserFormDialog, act: Callable[[UserForm], str]) -> None:
        self.form = form
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.submitted.connect(lambda filled: self._run(form, act, filled))
        form.open()

    def _run(self, form: UserFormDialog, act: Callable[[UserForm], str], filled: UserForm) -> None:
        def done(said: str) -> None:
            form.saved()
            self._told(said)

        self._context.tasks.run(
            lambda: act(filled), done, on_error=lambda error: form.refused(message_for(error))
        )

    def _add(self, form: UserForm) -> str:
        users.add_user(self._context.database, form.name, form.group, form.district_ids, form.password)
        return tr("Added {name} ({role}).", name=form.name, role=role_title(form.group))

    def _change(self, form: UserForm) -> str:
        users.change_user(self._context.database, form.name, form.group, form.district_ids, form.password)
        return tr("Changed {name}.", name=form.name)

    def remove_selected(self, *, confirmed: bool = False) -> QMessageBox | None:
        """Ask first (unless ``confirmed``); then revoke the user's access and end their sessions."""
        line = self.selected()
        if line is None or not self.remove_button.isEnabled():
            return None
        if confirmed:
            self._remove(line.name)
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Remove user"),
            tr(
                "Remove {name}? They can no longer log in, and any session they have open ends now. "
                "Their name stays in the history of changes.",
                name=line.name,
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("removeUserQuestion")
        remove = box.addButton(tr("&Remove"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._remove(line.name) if button is remove else None)
        box.open()
        return box

    def _remove(self, name: str) -> None:
        def work() -> str:
            ended = users.remove_user(self._context.database, name)
            return tr("Removed {name}; open sessions ended: {count}.", name=name, count=ended)

        self._context.tasks.run(work, self._told, on_error=self._failed)

    def _told(self, said: str) -> None:
        self.status.setText(said)
        self.reload()


def open_users_dialog(context: AppContext, parent: QWidget) -> UsersDialog:
    dialog = UsersDialog(context, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
