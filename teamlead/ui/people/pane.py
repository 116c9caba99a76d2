"""A person's page: details (editable), phone and e-mail to copy, every role they held, notes about them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.key_contact_page import person_reachability
from teamlead.data.queries.notes import notes
from teamlead.data.queries.organisation import TimelineEntry
from teamlead.data.queries.partner_page import RoleLine, role_lines
from teamlead.data.queries.people import PersonDetail, person_detail
from teamlead.i18n import tr
from teamlead.rules.vocabulary import Change, ReachWindow, RecordKind
from teamlead.services import contact_forms, persons
from teamlead.ui.context import AppContext
from teamlead.ui.people.dialogs import open_role_dialog
from teamlead.ui.people.reachability import ReachabilityField
from teamlead.ui.widgets.copy_label import CopyLabel
from teamlead.ui.widgets.forms import FieldForm, show_save_error
from teamlead.ui.widgets.roles_model import RoleTableModel
from teamlead.ui.widgets.rows_model import RowRole
from teamlead.ui.widgets.tables import table
from teamlead.ui.widgets.timeline_model import TimelineModel

NOTES_SHOWN = 200


@dataclass(frozen=True)
class PersonPage:
    """What the page shows, loaded together in the background."""

    detail: PersonDetail
    roles: tuple[RoleLine, ...]
    timeline: tuple[TimelineEntry, ...]
    reachability: tuple[ReachWindow, ...] = ()


def load_person_page(session: Session, person_id: int) -> PersonPage | None:
    detail = person_detail(session, person_id)
    if detail is None:
        return None
    roles = role_lines(session, tuple(reversed(detail.roles)))  # newest first, like the timeline
    timeline = tuple(
        TimelineEntry(RecordKind.NOTE, note.id, note.occurred_on, None, note.text, note.kind)
        for note in notes(session, person_id=person_id, limit=NOTES_SHOWN)
    )
    return PersonPage(detail, roles, timeline, person_reachability(session, person_id))


class PersonPane(QWidget):
    """Detail of one person; edits are saved with the version that was loaded."""

    loaded = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._page: PersonPage | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.phone_copy = CopyLabel(what=tr("Phone"), large=True)
        self.email_copy = CopyLabel(what=tr("E-mail"))
        contact = QHBoxLayout()
        contact.addWidget(self.phone_copy)
        contact.addWidget(self.email_copy)
        contact.addStretch()
        self.form = FieldForm()
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.remarks = QPlainTextEdit()
        self.remarks.setMaximumHeight(70)
        self.remarks.setTabChangesFocus(True)
        self.form.add_field("name", tr("&Name"), self.name)
        self.form.add_field("phone", tr("&Phone"), self.phone)
        self.form.add_field("email", tr("&E-mail"), self.email)
        self.reachability = ReachabilityField()
        self.form.add_field("reachability", tr("Reacha&ble"), self.reachability)
        self.form.add_field("remarks", tr("Remar&ks"), self.remarks)
        self.save_button = QPushButton(tr("&Save"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.undo_button = QPushButton(tr("&Undo changes"))
        self.note_button = QPushButton(tr("&Log a contact moment…"))
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch()
        details_layout.addLayout(buttons)
        details_layout.addStretch()

        self.roles = RoleTableModel(context.today, self)
        self.roles_view = table(self.roles, tr("Roles over time"))
        for column in (RoleTableModel.PERSON, RoleTableModel.PHONE, RoleTableModel.EMAIL):
            self.roles_view.setColumnHidden(column, True)  # the person's own, shown above
        self.change_role_button = QPushButton(tr("C&hange role…"))
        self.end_role_button = QPushButton(tr("E&nd role…"))
        self.move_button = QPushButton(tr("&Move…"))
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.addWidget(self.roles_view)
        role_buttons = QHBoxLayout()
        for button in (self.change_role_button, self.end_role_button, self.move_button):
            role_buttons.addWidget(button)
        role_buttons.addStretch()
        history_layout.addLayout(role_buttons)
        self.timeline = TimelineModel(self)
        self.timeline_view = table(self.timeline, tr("Notes"))

        self.tabs = QTabWidget()
        self.tabs.addTab(details, tr("&Details"))
        self.tabs.addTab(history, tr("&Roles and history"))
        self.tabs.addTab(self.timeline_view, tr("No&tes"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.note_button)
        layout.addLayout(top)
        layout.addLayout(contact)
        layout.addWidget(self.tabs)

        self._dirty = False
        for line in (self.name, self.phone, self.email):
            line.textEdited.connect(self._edited)
        self.remarks.textChanged.connect(self._edited)
        self.reachability.changed.connect(self._edited)
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.undo_changes)
        self.note_button.clicked.connect(self.log_note)
        self.change_role_button.clicked.connect(partial(self._role_action, "change"))
        self.end_role_button.clicked.connect(partial(self._role_action, "end"))
        self.move_button.clicked.connect(partial(self._role_action, "move"))
        self.roles_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.roles_view.doubleClicked.connect(
            lambda index: self._context.open_record.emit(
                RecordKind.ORGANISATION, index.data(RowRole).organisation_id
            )
        )
        self.timeline_view.doubleClicked.connect(
            lambda index: self._context.open_record.emit(RecordKind.NOTE, index.data(RowRole).id)
        )
        self.show_page(None)

    def person_id(self) -> int | None:
        return self._page.detail.id if self._page else None

    def page(self) -> PersonPage | None:
        return self._page

    def show_person(self, person_id: int) -> None:
        self._context.read(
            partial(load_person_page, person_id=person_id), self.show_page, key="people.detail"
        )

    def reload(self) -> None:
        if self._page is not None and not self._dirty:
            self.show_person(self._page.detail.id)

    def show_page(self, page: PersonPage | None) -> None:
        self._page = page
        self._dirty = False
        self._loading = True
        detail = page.detail if page else None
        self.heading.setText(detail.name if detail else tr("Choose a person"))
        self.phone_copy.set_value(detail.phone if detail else "")
        self.email_copy.set_value(detail.email if detail else "")
        self.name.setText(detail.name if detail else "")
        self.phone.setText(detail.phone if detail else "")
        self.email.setText(detail.email if detail else "")
        self.remarks.setPlainText(detail.remarks if detail else "")
        self.reachability.set_windows(page.reachability if page else ())
        for line in (self.name, self.phone, self.email):
            line.setCursorPosition(0)
        self.form.clear_errors()
        self.roles.set_rows(page.roles if page else ())
        self.timeline.set_rows(page.timeline if page else ())
        self._loading = False
        self.setEnabled(page is not None)
        self._update_buttons()
        self.loaded.emit()

    def _edited(self, *_args: object) -> None:
        if not getattr(self, "_loading", False):
            self._dirty = True
            self.form.clear_errors()
            self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        self.save_button.setEnabled(self._dirty)
        self.undo_button.setEnabled(self._dirty)
        role = self.selected_role()
        current = role is not None and role.current(self._context.today())
        for button in (self.change_role_button, self.end_role_button, self.move_button):
            button.setEnabled(current)

    def selected_role(self) -> RoleLine | None:
        rows = self.roles_view.selectionModel().selectedRows()
        value = rows[0].data(RowRole) if rows else None
        return value if isinstance(value, RoleLine) else None

    def save(self) -> None:
        page = self._page
        if page is None:
            return
        data = persons.PersonInput(
            name=self.name.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            remarks=self.remarks.toPlainText(),
        )
        windows = self.reachability.windows()
        self.save_button.setEnabled(False)
        self._context.write(
            lambda session: contact_forms.save_person(
                session, page.detail.id, data, reachability=windows, expected_version=page.detail.version
            ),
            self._changed,
            changed=Change.PERSON,
            on_error=self._failed,
        )

    def _changed(self, _none: None = None) -> None:
        """The person on screen was saved: show them as they are now (a bound method, see the partner page)."""
        if self._page is not None:
            self._saved(self._page.detail.id)

    def _saved(self, person_id: int) -> None:
        self._dirty = False
        self.show_person(person_id)

    def _failed(self, error: BaseException) -> None:
        self._update_buttons()
        show_save_error(self.form, self._context.tasks, error)

    def undo_changes(self) -> None:
        self.show_page(self._page)

    def log_note(self) -> None:
        from teamlead.ui.notes.dialog import open_note_dialog

        if self._page is not None:
            current = [r.organisation_id for r in self._page.roles if r.current(self._context.today())]
            open_note_dialog(
                self._context,
                self,
                organisation_id=current[0] if current else None,
                person_id=self._page.detail.id,
            )

    def _role_action(self, action: str) -> None:
        role = self.selected_role()
        if role is not None:
            open_role_dialog(self._context, action, role, self)
