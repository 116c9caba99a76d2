"""Dialogs for people and their roles: add someone at an organisation, change their role, end it, move them.

Each dialog saves through the services in the background with the version the user saw; a refused value shows
beside its field and the dialog stays open, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, override

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.name_choices import NameChoice, organisation_choices
from teamlead.data.queries.partner_page import RoleLine
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.vocabulary import Change
from teamlead.services import contact_forms, persons
from teamlead.ui.context import AppContext
from teamlead.ui.people.reachability import ReachabilityField
from teamlead.ui.widgets.completion_list import CompletionField
from teamlead.ui.widgets.date_field import DateField
from teamlead.ui.widgets.discard_guard import guard_discard
from teamlead.ui.widgets.forms import FieldForm, show_save_error
from teamlead.ui.widgets.keys import tab_order


class SaveDialog(QDialog):
    """A dialog with a :class:`FieldForm` whose OK runs a service in the background and closes on success."""

    def __init__(self, context: AppContext, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(title)
        self.setObjectName(type(self).__name__)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout.addWidget(self.intro)
        self.form = FieldForm()
        layout.addLayout(self.form)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.discard_guard = guard_discard(self, self.buttons)  # Esc or Cancel on typing asks first
        layout.addWidget(self.buttons)
        self.ok.setDefault(True)  # once inside the dialog: it stays the default after Tab passed over it
        self.result_value: Any = None
        self._placed = False

    @override
    def showEvent(self, event: QShowEvent) -> None:
        """The subclass adds its fields after the buttons: put them first in the tab chain and the cursor in
        the first one (else the dialog opened with the focus on its OK button)."""
        if not self._placed:
            self._placed = True
            editors = self.form.editors()
            if editors:
                tab_order(editors[-1], *self.buttons.buttons())
                editors[0].setFocus(Qt.FocusReason.OtherFocusReason)
        super().showEvent(event)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def work(self) -> Callable[[Session], Any]:
        raise NotImplementedError

    def changed_kind(self) -> Change:
        return Change.PERSON

    def save(self) -> None:
        self.form.clear_errors()
        try:
            work = self.work()
        except ValidationError as refused:  # a date that names no day: said beside it, nothing saved
            self.form.show_error(refused)
            return
        self.ok.setEnabled(False)
        self._context.write(work, self._saved, changed=self.changed_kind(), on_error=self._failed)

    def _saved(self, result: Any) -> None:
        self.result_value = result
        self.ok.setEnabled(True)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok.setEnabled(True)
        show_save_error(self.form, self._context.tasks, error)


class AddPersonDialog(SaveDialog):
    """A new contact person with their role at an organisation (from today, unless said otherwise)."""

    def __init__(
        self, context: AppContext, organisation_id: int, organisation_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, tr("Add a person"), tr("&Add person"), parent)
        self._organisation_id = organisation_id
        self.set_intro(tr("At {organisation}", organisation=organisation_name))
        self.name = QLineEdit()
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("e.g. youth worker, community officer"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("06 5555 0123")
        self.email = QLineEdit()
        self.email.setPlaceholderText(tr("name@example.org"))
        self.reachability = ReachabilityField()
        self.started = DateField(context.today(), today=context.today)
        self.form.add_field("name", tr("&Name"), self.name)
        self.form.add_field("title", tr("&Role"), self.title)
        self.form.add_field("phone", tr("&Phone"), self.phone)
        self.form.add_field("email", tr("&E-mail"), self.email)
        self.form.add_field("reachability", tr("Reacha&ble"), self.reachability)
        self.form.add_field("started_on", tr("&From"), self.started)

    def work(self) -> Callable[[Session], Any]:
        data = persons.PersonInput(name=self.name.text(), phone=self.phone.text(), email=self.email.text())
        organisation_id, title = self._organisation_id, self.title.text()
        started = self.started.checked_value("started_on")
        windows = self.reachability.windows()
        return lambda session: contact_forms.add_person(
            session,
            data,
            organisation_id=organisation_id,
            role_title=title,
            started_on=started,
            reachability=windows,
        )


class ChangeRoleDialog(SaveDialog):
    """A new role at the same organisation from a date; the old one ends the day before (history is kept)."""

    def __init__(self, context: AppContext, role: RoleLine, parent: QWidget | None = None) -> None:
        super().__init__(context, tr("Change role"), tr("&Change role"), parent)
        self._role = role
        self.set_intro(
            tr(
                "{person} is now {title} at {organisation}.",
                person=role.person_name,
                title=role.title or "—",
                organisation=role.organisation_name,
            )
        )
        self.title = QLineEdit(role.title)
        self.on = DateField(context.today(), today=context.today)
        self.form.add_field("title", tr("New &role"), self.title)
        self.form.add_field("started_on", tr("&From"), self.on)

    def work(self) -> Callable[[Session], Any]:
        role, title, on = self._role, self.title.text(), self.on.checked_value("started_on")
        return lambda session: persons.change_role(
            session, role.role_id, title, expected_version=role.role_version, on=on
        )


class EndRoleDialog(SaveDialog):
    """Someone leaves: their role ends on the last day it holds. They stay in the history."""

    def __init__(self, context: AppContext, role: RoleLine, parent: QWidget | None = None) -> None:
        super().__init__(context, tr("End role"), tr("&End role"), parent)
        self._role = role
        self.set_intro(
            tr(
                "{person} leaves as {title} at {organisation}. Their notes and history stay.",
                person=role.person_name,
                title=role.title or "—",
                organisation=role.organisation_name,
            )
        )
        self.on = DateField(context.today(), today=context.today)
        self.form.add_field("ended_on", tr("&Last day"), self.on)

    def work(self) -> Callable[[Session], Any]:
        role, on = self._role, self.on.checked_value("ended_on")
        return lambda session: persons.end_role(
            session, role.role_id, expected_version=role.role_version, ended_on=on
        )


class MovePersonDialog(SaveDialog):
    """The person moves to another organisation; the old role ends the day before the new one starts."""

    def __init__(
        self, context: AppContext, role: RoleLine, choices: list[NameChoice], parent: QWidget | None = None
    ) -> None:
        super().__init__(context, tr("Move to another organisation"), tr("&Move"), parent)
        self._role = role
        self.set_intro(
            tr(
                "{person} leaves {organisation}.",
                person=role.person_name,
                organisation=role.organisation_name,
            )
        )
        self.organisation = CompletionField[int](tr("Type part of a partner's name"))
        self.organisation.setObjectName("moveTo")
        self.organisation.refusal = tr("No organisation is called {name}.")
        self.organisation.set_choice_values(
            (c.label, c.id, c.id) for c in choices if c.id != role.organisation_id
        )
        self.title = QLineEdit(role.title)
        self.on = DateField(context.today(), today=context.today)
        self.form.add_field("organisation_id", tr("&To"), self.organisation)
        self.form.add_field("title", tr("&Role there"), self.title)
        self.form.add_field("started_on", tr("&From"), self.on)

    def work(self) -> Callable[[Session], Any]:
        role, title, on = self._role, self.title.text(), self.on.checked_value("started_on")
        pending = self.organisation.pending_text()
        organisation_id = self.organisation.value()

        def move(session: Session) -> int:
            if pending:
                raise ValidationError(
                    "organisation_id", tr("No organisation is called {name}.", name=pending)
                )
            if organisation_id is None:
                raise ValidationError("organisation_id", tr("Choose the organisation from the list."))
            return persons.move_person(
                session, role.role_id, organisation_id, expected_version=role.role_version, title=title, on=on
            )

        return move


def open_move_dialog(context: AppContext, role: RoleLine, parent: QWidget) -> None:
    """Load the organisations to pick from in the background, then show the dialog."""

    def show(choices: list[NameChoice]) -> None:
        dialog = MovePersonDialog(context, role, choices, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    context.read(organisation_choices, show, key="people.move-choices")


def open_role_dialog(context: AppContext, action: str, role: RoleLine, parent: QWidget) -> None:
    """The dialog behind a role button (``change``, ``end`` or ``move``) of a partner's or a person's page.

    The views reload on the write's ``data_changed(Change.PERSON)``; each dialog is deleted once closed.
    """
    if action == "move":
        open_move_dialog(context, role, parent)
        return
    dialog = (
        ChangeRoleDialog(context, role, parent)
        if action == "change"
        else EndRoleDialog(context, role, parent)
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
