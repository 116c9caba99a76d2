"""The "Log a contact moment" dialog, reachable from anywhere (the frame binds it to Ctrl+L).

Fast to fill in between two meetings: today's date, the kind, the partner (already filled in when opened
from a partner's page), the text, and optionally a follow-up date. Saving resets the partner's stay-in-touch
light, because every view showing partners reloads on ``data_changed(Change.NOTE)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import override

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.filter_choices import Choices, choices
from teamlead.data.queries.name_choices import NameChoice, organisation_choices, person_choices
from teamlead.data.queries.neighbourhood_page import place_choices
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.vocabulary import Change, NoteKind
from teamlead.services.neighbourhoods import set_note_place
from teamlead.services.notes import NoteInput, log_note
from teamlead.ui.context import AppContext
from teamlead.ui.widgets.completion_list import CompletionField
from teamlead.ui.widgets.date_field import DateField
from teamlead.ui.widgets.discard_guard import guard_discard
from teamlead.ui.widgets.district_field import DistrictField
from teamlead.ui.widgets.forms import FieldForm, show_save_error
from teamlead.ui.widgets.pick_list import PickList

FOLLOW_UP_DAYS = 7


@dataclass(frozen=True)
class NoteChoices:
    organisations: list[NameChoice]
    persons: list[NameChoice]
    places: Choices


def load_note_choices(session: Session, today: date) -> NoteChoices:
    return NoteChoices(organisation_choices(session), person_choices(session, today), choices(session))


class NoteDialog(QDialog):
    """Log one contact moment; stays open with the message beside the field when a value is refused."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        organisation_id: int | None = None,
        person_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._preset = (organisation_id, person_id)
        self._preset_neighbourhood: int | None = None
        self._screen_district: int | None = None
        self.saved_note_id: int | None = None
        self.round_dialog: QDialog | None = None
        """The signal round opened after saving a signal (tests follow it)."""
        self.setObjectName("noteDialog")
        self.setWindowTitle(tr("Log a contact moment"))
        self.setMinimumWidth(520)
        today = context.today()
        self.form = FieldForm()
        self.occurred = DateField(today, today=context.today)
        self.kind = QComboBox()
        for key, name in words.note_kind_names().items():
            self.kind.addItem(name, str(key))
        self.organisations = PickList(tr("Type part of a partner's name"))
        self.persons = PickList(tr("Type part of a person's name"))
        self.organisations.refusal = tr("No partner is called {name}.")
        self.persons.refusal = tr("No person is called {name}.")
        self._works_at: dict[int, tuple[int, ...]] = {}  # person id -> the partners they work at now
        self.neighbourhood = CompletionField[int](tr("Type part of a neighbourhood's name"))
        self.neighbourhood.setObjectName("noteNeighbourhood")
        self.neighbourhood.refusal = tr("No neighbourhood is called {name}.")
        self.place = QComboBox()
        self.place.setObjectName("notePlace")
        self.place.setAccessibleName(tr("Place"))
        self.place.addItem(tr("No place"), None)
        self.place.setEnabled(False)
        self.district = DistrictField()
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(tr("What was said or seen, what was agreed"))
        self.follow_up_check = QCheckBox(tr("&Follow up on"))
        self.follow_up = DateField(today + timedelta(days=FOLLOW_UP_DAYS), today=context.today)
        self.follow_up.setEnabled(False)
        self.follow_up.setAccessibleName(tr("Follow-up date"))
        follow_up = QWidget()
        follow_row = QHBoxLayout(follow_up)
        follow_row.setContentsMargins(0, 0, 0, 0)
        follow_row.addWidget(self.follow_up_check)
        follow_row.addWidget(self.follow_up)
        follow_row.addStretch()
        follow_up.setFocusProxy(self.follow_up)  # a refused follow-up date puts the cursor in it
        self.form.add_field("occurred_on", tr("&Date"), self.occurred)
        self.form.add_field("kind", tr("&Kind"), self.kind)
        self.form.add_field("organisation_ids", tr("&Partners"), self.organisations)
        self.form.add_field("person_ids", tr("P&eople"), self.persons)
        self.form.add_field("neighbourhood_id", tr("Neigh&bourhood (signals)"), self.neighbourhood)
        self.form.add_field("place_id", tr("P&lace"), self.place)
        self.form.add_field("district_id", tr("Dist&rict"), self.district)
        self.form.add_field("text", tr("&Text"), self.text)
        self.form.add_field("follow_up_on", "", follow_up)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setToolTip(tr("Save the note (Ctrl+Enter)"))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        from teamlead.ui.safety.note_warning import attach_personal_data_warning

        self.personal_data_warning = attach_personal_data_warning(self.text, layout)  # BSN, date of birth
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.discard_guard = guard_discard(self, self.buttons)  # Esc or Cancel on typing asks first
        self.follow_up_check.toggled.connect(self.follow_up.setEnabled)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.neighbourhood.changed.connect(self._suggest_district)
        self.neighbourhood.changed.connect(self._load_places)
        self.organisations.changed.connect(self._suggest_district)
        self.organisations.changed.connect(self._prefer_their_people)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self.text.installEventFilter(self)  # the text field would take Ctrl+Enter as a new line
        self.save_button.setEnabled(False)
        context.read(
            lambda session: load_note_choices(session, today), self._show_choices, key="notes.dialog-choices"
        )
        if organisation_id or person_id:
            self.text.setFocus()
        else:
            self.organisations.setFocus()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.text
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.save()
            return True
        return super().eventFilter(watched, event)

    def _show_choices(self, loaded: NoteChoices) -> None:
        self.organisations.set_choices(loaded.organisations)
        self.persons.set_choices(loaded.persons)
        self._works_at = {choice.id: choice.organisation_ids for choice in loaded.persons}
        self.neighbourhood.set_choice_values((n.name, n.id, n.id) for n in loaded.places.neighbourhoods)
        organisation_id, person_id = self._preset
        if organisation_id is not None:
            self.organisations.pick_id(organisation_id)
        if person_id is not None:
            self.persons.pick_id(person_id)
        self.preset_neighbourhood(self._preset_neighbourhood)
        self.district.start(
            self._context,
            neighbourhood_id=self.neighbourhood.value(),
            screen_district_id=self._screen_district,
            organisation_ids=self.organisations.ids(),
        )
        self.save_button.setEnabled(True)

    def _suggest_district(self, *_args: object) -> None:
        """The district the note will get, by the precedence: the neighbourhood's, the screen's, the first
        partner's, the default, the only one (unless the user picked one)."""
        if self.save_button.isEnabled():  # the choices are in: the form is complete enough to ask
            self.district.suggest_from(
                self._context,
                neighbourhood_id=self.neighbourhood.value(),
                screen_district_id=self._screen_district,
                organisation_ids=self.organisations.ids(),
            )

    def _load_places(self, *_args: object) -> None:
        """The places of the neighbourhood picked (a visit to the youth centre, a signal at the square)."""
        neighbourhood_id = self.neighbourhood.value()
        if neighbourhood_id is None:
            self._show_places([])
            return
        self._context.read(
            lambda session: place_choices(session, neighbourhood_id), self._show_places, key="notes.places"
        )

    def _show_places(self, places: list[tuple[int, str]]) -> None:
        chosen = self.place.currentData()
        self.place.clear()
        self.place.addItem(tr("No place"), None)
        for place_id, name in places:
            self.place.addItem(name, place_id)
        self.place.setCurrentIndex(max(0, self.place.findData(chosen)))
        self.place.setEnabled(bool(places))

    def _prefer_their_people(self) -> None:
        """The people of the partners picked (the one whose page the dialog was opened from, say) are offered
        first, in the pop-up and as Enter's first match."""
        partners = set(self.organisations.ids())
        self.persons.prefer([p for p, works_at in self._works_at.items() if partners.intersection(works_at)])

    def preset_neighbourhood(self, neighbourhood_id: int | None) -> None:
        """Fill in the neighbourhood (Who to call logs a signal where it happened), now or once loaded; the
        note is then that neighbourhood's district's, as the screen it is made from."""
        self._preset_neighbourhood = neighbourhood_id
        if neighbourhood_id is not None:
            self.neighbourhood.set_value(neighbourhood_id)  # shown once the choices are in

    def set_screen_district(self, district_id: int | None) -> None:
        """The district of the screen the note is logged from (Who to call: its neighbourhood's): the note's
        district even when the neighbourhood is cleared, and before the first partner's."""
        self._screen_district = district_id
        self._suggest_district()

    def _kind_changed(self) -> None:
        """A signal is about a place: suggest picking its neighbourhood."""
        if self.kind.currentData() == NoteKind.SIGNAL and self.neighbourhood.value() is None:
            self.neighbourhood.setFocus()

    def value(self) -> NoteInput:
        """What the form holds; a date that names no day is refused (ValidationError beside its field)."""
        occurred = self.occurred.checked_value("occurred_on")
        follow_up = self.follow_up.checked_value("follow_up_on") if self.follow_up_check.isChecked() else None
        return NoteInput(
            kind=self.kind.currentData(),
            text=self.text.toPlainText(),
            organisation_ids=tuple(self.organisations.ids()),
            person_ids=tuple(self.persons.ids()),
            occurred_on=occurred,
            neighbourhood_id=self.neighbourhood.value(),
            follow_up_on=follow_up,
            district_id=self.district.district_id(),
            screen_district_id=self._screen_district,
        )

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        pickers = (
            ("organisation_ids", self.organisations),
            ("person_ids", self.persons),
            ("neighbourhood_id", self.neighbourhood),
        )
        for field, picker in pickers:
            if picker.pending_text():
                self.form.show_error(
                    ValidationError(
                        field,
                        tr("No match for “{text}”: pick a name from the list.", text=picker.pending_text()),
                    )
                )
                return
        try:
            data = self.value()
        except ValidationError as refused:  # a date that names no day: said beside it, nothing saved
            self.form.show_error(refused)
            return
        today, now = self._context.today(), self._context.now()
        place_id = self.place.currentData() if self.place.isEnabled() else None

        def write(session: Session) -> int:
            note_id = log_note(session, data, today=today, now=now)
            if place_id is not None:
                set_note_place(session, note_id, place_id, now=now)
            return note_id

        self.save_button.setEnabled(False)
        self._context.write(
            write,
            self._saved,
            changed=Change.NOTE,
            on_error=self._failed,
        )

    def _saved(self, note_id: int) -> None:
        """Saved; a signal goes on to its round (themes, the partners to ask), as the work does."""
        self.saved_note_id = note_id
        signal = self.kind.currentData() == NoteKind.SIGNAL
        parent = self.parentWidget()
        self.accept()
        if signal:
            from teamlead.ui.signals.round_dialog import open_signal_round

            self.round_dialog = open_signal_round(self._context, note_id, parent)

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_save_error(self.form, self._context.tasks, error)


def open_note_dialog(
    context: AppContext,
    parent: QWidget | None = None,
    organisation_id: int | None = None,
    person_id: int | None = None,
) -> NoteDialog:
    """Open the dialog (window-modal, not blocking the event loop); it deletes itself when closed."""
    dialog = NoteDialog(context, parent, organisation_id=organisation_id, person_id=person_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
