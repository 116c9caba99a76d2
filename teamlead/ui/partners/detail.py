"""A partner's page beside the roster: its fields (editable), its people over time, its timeline, who changed
what, and actions.

Everything is loaded and saved in the background; a save quotes the version that was loaded, so a change made
meanwhile by someone else on a shared database is reported instead of overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.filter_choices import Choices
from teamlead.data.queries.key_contact_page import (
    KeyContactPage,
    OfferOption,
    key_contact_page,
    offer_options,
)
from teamlead.data.queries.organisation import OrganisationDetail
from teamlead.data.queries.partner_page import PartnerPage, RoleLine, partner_page
from teamlead.i18n import tr
from teamlead.rules.vocabulary import Change, RecordKind
from teamlead.services import contact_forms, organisations
from teamlead.ui.context import AppContext
from teamlead.ui.history.model import ChangesModel, fit_columns, history_table
from teamlead.ui.partners.editor import OrganisationForm
from teamlead.ui.partners.people_model import KEY_MARK, PartnerPeopleModel, reach_text
from teamlead.ui.partners.reach import another_districts, limit_to_reading
from teamlead.ui.people.dialogs import AddPersonDialog, open_role_dialog
from teamlead.ui.style import mute
from teamlead.ui.widgets.formatting import day_text
from teamlead.ui.widgets.forms import confirm, show_save_error
from teamlead.ui.widgets.roles_model import RoleTableModel
from teamlead.ui.widgets.rows_model import RowRole
from teamlead.ui.widgets.tables import table
from teamlead.ui.widgets.timeline_model import TimelineModel


@dataclass(frozen=True)
class LoadedPartner:
    """The partner's page and its key contact, reachability and offers, read together."""

    page: PartnerPage
    contacts: KeyContactPage


def load_partner(session: Session, organisation_id: int) -> LoadedPartner | None:
    page = partner_page(session, organisation_id)
    return LoadedPartner(page, key_contact_page(session, organisation_id)) if page is not None else None


class OrganisationPane(QWidget):
    """Detail of one partner, or the empty form for a new one."""

    saved = Signal(int)
    """A partner was added or saved (its id): the roster selects it."""

    loaded = Signal()
    """The detail of the requested partner is on screen."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._page: PartnerPage | None = None
        self._contacts = KeyContactPage(None, {}, frozenset(), ())
        self._new_district: int | None = None
        self._tips: dict[QPushButton, str] = {}

        self.heading = QLabel()
        self.heading.setObjectName("partnerHeading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.key_contact_line = QLabel()
        self.key_contact_line.setObjectName("keyContactLine")
        self.key_contact_line.setWordWrap(True)
        self.key_contact_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.offers_line = mute(QLabel())
        self.offers_line.setObjectName("offersLine")
        self.offers_line.setWordWrap(True)
        self.tabs = QTabWidget()
        self.editor = OrganisationForm(context)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        self.save_button = QPushButton(tr("&Save"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(tr("Save the changes (Ctrl+S)"))
        self.cancel_button = QPushButton(tr("&Undo changes"))
        self.archive_button = QPushButton(tr("&Archive…"))
        self.reactivate_button = QPushButton(tr("&Reactivate"))
        self.note_button = QPushButton(tr("&Log a contact moment…"))
        self.note_button.setToolTip(tr("Log a call, visit, e-mail or signal with this partner (Ctrl+L)"))
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(scroll)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch()
        for button in (self.archive_button, self.reactivate_button):
            buttons.addWidget(button)
        details_layout.addLayout(buttons)
        self.tabs.addTab(details, tr("&Details"))

        self.roles = PartnerPeopleModel(context.today, self)
        self.roles_view = table(self.roles, tr("People and their roles"))
        self.roles_view.setColumnHidden(RoleTableModel.ORGANISATION, True)  # it is this partner
        self.add_person_button = QPushButton(tr("Add a &person…"))
        self.change_role_button = QPushButton(tr("C&hange role…"))
        self.end_role_button = QPushButton(tr("E&nd role…"))
        self.move_button = QPushButton(tr("&Move…"))
        people = QWidget()
        people_layout = QVBoxLayout(people)
        people_layout.addWidget(self.roles_view)
        people_buttons = QGridLayout()  # two by two: the page stays narrow enough for the roster beside it
        people_buttons.addWidget(self.add_person_button, 0, 0)
        people_buttons.addWidget(self.change_role_button, 0, 1)
        people_buttons.addWidget(self.end_role_button, 1, 0)
        people_buttons.addWidget(self.move_button, 1, 1)
        people_buttons.setColumnStretch(2, 1)
        people_layout.addLayout(people_buttons)
        self.tabs.addTab(people, tr("Pe&ople"))

        self.timeline = TimelineModel(self)
        self.timeline_view = table(self.timeline, tr("Timeline"))
        self.tabs.addTab(self.timeline_view, tr("&Timeline"))

        self.changes = ChangesModel(parent=self)
        self.changes_view = history_table(self.changes, tr("Who changed what"))
        self.tabs.addTab(self.changes_view, tr("Chan&ges"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.note_button)
        layout.addLayout(top)
        layout.addWidget(self.key_contact_line)
        layout.addWidget(self.offers_line)
        layout.addWidget(self.tabs)

        self.editor.changed.connect(self._update_buttons)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.undo_changes)
        self.archive_button.clicked.connect(self.ask_archive)
        self.reactivate_button.clicked.connect(self.reactivate)
        self.note_button.clicked.connect(self.log_note)
        self.add_person_button.clicked.connect(self.add_person)
        self.change_role_button.clicked.connect(partial(self._role_action, "change"))
        self.end_role_button.clicked.connect(partial(self._role_action, "end"))
        self.move_button.clicked.connect(partial(self._role_action, "move"))
        self.roles_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.roles_view.doubleClicked.connect(self._open_person)
        self.timeline_view.doubleClicked.connect(self._open_timeline_entry)
        self._dirty = False
        self.show_page(None)
        self.reload_offers()

    # --- what is shown ----------------------------------------------------------------------------------

    @property
    def _detail(self) -> OrganisationDetail | None:
        return self._page.detail if self._page else None

    def organisation_id(self) -> int | None:
        return self._detail.id if self._detail else None

    def detail(self) -> OrganisationDetail | None:
        return self._detail

    def set_choices(self, choices: Choices) -> None:
        self.editor.set_choices(choices)
        if not self._dirty:
            self.editor.load(self._detail, district_id=self._new_district)

    def show_organisation(self, organisation_id: int) -> None:
        """Load the partner in the background and show it (unsaved edits of another one are dropped)."""
        self._context.read(
            partial(load_partner, organisation_id=organisation_id),
            self._loaded,
            key="partners.detail",
        )

    def reload_offers(self) -> None:
        """The list of offers changed (Settings): a new partner's form offers the new list; a shown partner
        reloads (unless edits are pending, which keep what the user ticked)."""
        if self._detail is not None:
            self.reload()
        elif not self._dirty:
            self._context.read(offer_options, self._show_offer_options, key="partners.offers")

    def _show_offer_options(self, options: tuple[OfferOption, ...]) -> None:
        if self._detail is None and not self._dirty:
            self._contacts = KeyContactPage(None, {}, frozenset(), options)
            self.editor.set_offer_options(options, ())

    def reload(self) -> None:
        if self._detail is not None and not self._dirty:
            self.show_organisation(self._detail.id)

    def start_new(self, district_id: int | None = None) -> None:
        """An empty form for a new partner, its name field focused."""
        self._new_district = district_id
        self.show_page(None)
        self.tabs.setCurrentIndex(0)
        self.editor.name.setFocus()

    def _loaded(self, loaded: LoadedPartner | None) -> None:
        if (
            loaded is None
        ):  # deleted meanwhile (another user of a shared database): say so, never a blank form
            self._context.tasks.report_message(tr("This partner no longer exists."))
            return
        self.show_page(loaded.page, loaded.contacts)

    def show_page(self, page: PartnerPage | None, contacts: KeyContactPage | None = None) -> None:
        """Show ``page`` (None: a new partner) with its key contact and offers (None: none yet; the
        offers to tick stay as loaded)."""
        self._page = page
        if contacts is None:
            contacts = KeyContactPage(None, {}, frozenset(), self._contacts.offers)
        self._contacts = contacts
        detail = self._detail
        self._dirty = False
        self.editor.load(detail, district_id=self._new_district)
        self._show_key_contacts(page, contacts)
        self.roles.set_key_contacts(contacts.key_contact_id, contacts.reachability)
        self.roles.set_rows(page.roles if page else ())
        self.timeline.set_rows(page.timeline if page else ())
        self.changes.set_rows(page.changes if page else ())
        fit_columns(self.changes_view)
        if detail is None:
            self.heading.setText(tr("New partner"))
        elif detail.status == "active":
            self.heading.setText(detail.name)
        else:
            self.heading.setText(
                tr(
                    "{name} — former partner since {date}",
                    name=detail.name,
                    date=day_text(detail.left_on) if detail.left_on else "?",
                )
            )
        self._update_buttons()
        self.loaded.emit()

    def _show_key_contacts(self, page: PartnerPage | None, contacts: KeyContactPage) -> None:
        today = self._context.today()
        current: dict[int, str] = {}
        for role in page.roles if page else ():
            if role.current(today):
                current.setdefault(role.person_id, role.person_name)
        people = sorted(current.items(), key=lambda person: person[1].casefold())
        names = {role.person_id: role.person_name for role in page.roles} if page else {}
        chosen = contacts.key_contact_id
        self.editor.show_key_contacts(people, contacts, names.get(chosen) if chosen is not None else None)
        self.key_contact_line.setVisible(page is not None)
        self.offers_line.setVisible(page is not None)
        if page is None:
            return
        if chosen is None:
            self.key_contact_line.setText(
                tr("Key contact: none chosen") if current else tr("Key contact: nobody works here now")
            )
        else:
            reach = reach_text(contacts.reachability.get(chosen, ()))
            name = names.get(chosen, "?")
            if chosen not in current:
                name = tr("{name} (no current role)", name=name)
            self.key_contact_line.setText(
                tr("Key contact: {mark} {name} — reachable: {when}", mark=KEY_MARK, name=name, when=reach)
                if reach
                else tr("Key contact: {mark} {name} — reachability not known", mark=KEY_MARK, name=name)
            )
        offered = contacts.offered()
        self.offers_line.setText(
            tr("Can offer: {offers}", offers=", ".join(offered))
            if offered
            else tr("Can offer: nothing recorded")
        )

    def _update_buttons(self, *_args: object) -> None:
        if self.sender() is self.editor:
            self._dirty = True
        existing = self._detail is not None
        active = existing and self._detail is not None and self._detail.status == "active"
        self.save_button.setEnabled(self._dirty or not existing)
        self.cancel_button.setEnabled(self._dirty)
        self.archive_button.setVisible(not existing or active)
        self.archive_button.setEnabled(active and not self._dirty)
        self.reactivate_button.setVisible(existing and not active)
        self.note_button.setEnabled(existing)
        for tab in (1, 2, 3):
            self.tabs.setTabEnabled(tab, existing)
        selected = self.selected_role()
        self.add_person_button.setEnabled(active)
        current = selected is not None and selected.current(self._context.today())
        for button in (self.change_role_button, self.end_role_button, self.move_button):
            button.setEnabled(current)
        foreign = existing and another_districts(
            self._context.identity, getattr(self._detail, "district_id", None)
        )
        changing = (self.save_button, self.archive_button, self.reactivate_button, self.add_person_button)
        limit_to_reading(
            (*changing, self.change_role_button, self.end_role_button, self.move_button), self._tips, foreign
        )

    def selected_role(self) -> RoleLine | None:
        rows = self.roles_view.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(RowRole)
        return value if isinstance(value, RoleLine) else None

    # --- actions ----------------------------------------------------------------------------------------

    # The work handed to the worker thread never holds a widget (only plain values), and the callbacks are
    # bound methods, so the task runner can tell when their widget is gone.

    def save(self) -> None:
        detail, today = self._detail, self._context.today()
        data = self.editor.value(detail)
        key_contact, offer_ids = self.editor.key_contact_choice(), tuple(self.editor.offer_ids())
        shown_key_contact = self.editor.shown_key_contact()
        self.save_button.setEnabled(False)
        if detail is None:
            self._context.write(
                lambda session: contact_forms.add_partner(session, data, offer_ids=offer_ids, today=today),
                self._saved,
                changed=Change.ORGANISATION,
                on_error=self._save_failed,
            )
        else:
            # On a shared database a colleague may have saved this partner meanwhile: show both versions and
            # let the user take theirs or save over it, never a silent lost update.
            from teamlead.services.conflicts import partner_form_values, partner_labels, stored_partner
            from teamlead.ui.safety.guarded import guarded_save

            guarded_save(
                self._context,
                self,
                # Saved over a colleague's version (another version than the one loaded), the key contact
                # is written as the form shows it: the conflict dialog showed it as "mine".
                save=lambda session, version: contact_forms.save_partner(
                    session,
                    detail.id,
                    data,
                    key_contact=key_contact if version == detail.version else shown_key_contact,
                    offer_ids=offer_ids,
                    expected_version=version,
                    today=today,
                ),
                expected_version=detail.version,
                load_theirs=lambda session: stored_partner(session, detail.id),
                mine=partner_form_values(
                    data,
                    key_contact_name=self.editor.key_contact_name(),
                    offer_names=self.editor.offer_names(),
                ),
                labels=partner_labels(),
                changed=Change.ORGANISATION,
                on_saved=self._changed,
                on_reload=lambda _theirs: self._changed(),
                on_kept=self._update_buttons,
                on_other_error=self._save_failed,
            )

    def _changed(self, _none: None = None) -> None:
        """An edit, archive or reactivation of the partner on screen was saved: show it as it is now."""
        if self._detail is not None:
            self._saved(self._detail.id)

    def _saved(self, organisation_id: int) -> None:
        self._dirty = False
        self.show_organisation(organisation_id)
        self.saved.emit(organisation_id)

    def _save_failed(self, error: BaseException) -> None:
        self._update_buttons()
        show_save_error(self.editor.form, self._context.tasks, error)

    def undo_changes(self) -> None:
        """Cancel the edits: the form shows the partner as saved."""
        self.show_page(self._page, self._contacts)

    def ask_archive(self) -> None:
        detail = self._detail
        if detail is None:
            return
        confirm(
            self,
            tr("Archive partner"),
            tr(
                "Archive {name}? It leaves the active roster as of today; its notes, people and "
                "agreements stay, and you can reactivate it later.",
                name=detail.name,
            ),
            tr("&Archive"),
            lambda: self._archive(detail),
        )

    def _archive(self, detail: OrganisationDetail) -> None:
        today = self._context.today()
        self._context.write(
            lambda session: organisations.archive_organisation(
                session, detail.id, expected_version=detail.version, today=today
            ),
            self._changed,
            changed=Change.ORGANISATION,
            on_error=self._save_failed,
        )

    def reactivate(self) -> None:
        detail = self._detail
        if detail is None:
            return
        self._context.write(
            lambda session: organisations.reactivate_organisation(
                session, detail.id, expected_version=detail.version
            ),
            self._changed,
            changed=Change.ORGANISATION,
            on_error=self._save_failed,
        )

    def log_note(self) -> None:
        from teamlead.ui.notes.dialog import open_note_dialog

        if self._detail is not None:
            open_note_dialog(self._context, self, organisation_id=self._detail.id)

    def add_person(self) -> None:
        if self._detail is None:
            return
        dialog = AddPersonDialog(self._context, self._detail.id, self._detail.name, self)
        dialog.accepted.connect(self.reload)
        dialog.open()

    def _role_action(self, action: str) -> None:
        role = self.selected_role()
        if role is not None:
            open_role_dialog(self._context, action, role, self)

    def _open_person(self, index: QModelIndex) -> None:
        role = index.data(RowRole)
        if isinstance(role, RoleLine):
            self._context.open_record.emit(RecordKind.PERSON, role.person_id)

    def _open_timeline_entry(self, index: QModelIndex) -> None:
        entry = index.data(RowRole)
        if entry is not None:
            self._context.open_record.emit(entry.kind, entry.id)
