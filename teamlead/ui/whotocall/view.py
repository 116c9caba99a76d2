"""Who to call: pick a neighbourhood and see at once every active partner serving it, with phone numbers.

The curfew-night screen (``shared/domain.md``): within the hour the team lead calls youth work, police,
housing and schools in one neighbourhood. So the neighbourhood picker takes the focus and completes on any
part of a name, the partners' key contacts come first (those reachable now, by the app's clock, at the top),
then every partner grouped by domain, and the numbers are large, readable and copy on a click. An offer filter
narrows the list to partners who can offer, say, a room tonight.

Opened from a signal's round ("Ask partners"), the screen is in asking mode: a bar names the signal and every
partner gets an "Ask…" button; each answer is recorded as a contact moment with that partner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.filter_choices import Choices, choices
from teamlead.data.queries.people import (
    CallGroup,
    CallPartner,
    Contact,
    OfferChoice,
    offer_choices,
    who_to_call,
)
from teamlead.data.queries.signals import SignalPage, signal_page
from teamlead.i18n import tr, trn
from teamlead.rules import words
from teamlead.rules.reachability import reachable_at
from teamlead.rules.vocabulary import Change, RecordKind
from teamlead.ui.context import AppContext
from teamlead.ui.signals.ask_dialog import AskTarget, open_ask_dialog
from teamlead.ui.whotocall.pocket import PocketButton
from teamlead.ui.widgets.completion_list import CompletionField
from teamlead.ui.widgets.copy_label import CopyLabel
from teamlead.ui.widgets.formatting import format_date

REACHABLE_STYLE = "color: #2e7d32; font-weight: 600;"
REACHABLE_REFRESH_MS = 5 * 60 * 1000


@dataclass(frozen=True)
class KeyContactRow:
    """A key contact in the list at the top: whom, at which partner, and whether reachable now."""

    partner: CallPartner
    contact: Contact
    reachable: bool


def key_contact_rows(groups: list[CallGroup], now: datetime, offer_id: int | None) -> list[KeyContactRow]:
    """The key contacts of the partners shown, those reachable at ``now`` first, each in domain order."""
    rows = [
        KeyContactRow(partner, partner.key_contact, reachable_at(partner.key_contact.reachability, now))
        for group in groups
        for partner in group.partners
        if partner.key_contact is not None and (offer_id is None or offer_id in partner.offer_ids)
    ]
    return sorted(rows, key=lambda row: not row.reachable)  # stable: domain order within each


class WhoToCallView(QWidget):
    """A neighbourhood picker and an offer filter over the key contacts, then every partner by domain."""

    loaded = Signal()
    """The list for the chosen neighbourhood (or the empty prompt) is on screen."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._neighbourhood_id: int | None = None
        self._districts: dict[int, int | None] = {}  # neighbourhood id -> its district
        self.groups: list[CallGroup] = []
        self.key_rows: list[KeyContactRow] = []
        """The key contacts on screen, in their order (reachable now first)."""
        self.asking: SignalPage | None = None
        self._ask_cells: list[tuple[int, QPushButton | None]] = []
        """Each partner's "Ask…" button (None once answered) in the order shown: where focus goes next."""
        self._answering: int | None = None
        """The partner whose answer is being recorded: once the list shows it, focus moves on to the next."""
        """The signal whose partners are being asked (asking mode), else None."""
        self.is_loaded = False
        """True once the neighbourhoods can be picked (the frame's ready check reads it)."""
        self.picker = CompletionField[int](tr("Type a neighbourhood, e.g. Wildemanbuurt"))
        self.picker.setObjectName("whoToCallNeighbourhood")
        self.picker.refusal = tr("No neighbourhood is called {name}.")
        label = QLabel(tr("&Neighbourhood:"))
        label.setBuddy(self.picker)
        self.picker.setAccessibleName(tr("Neighbourhood"))
        self.offer = QComboBox()
        self.offer.setObjectName("whoToCallOffer")
        self.offer.addItem(tr("Any offer"), None)
        self.offer.setAccessibleName(tr("Can offer"))
        offer_label = QLabel(tr("Can o&ffer:"))
        offer_label.setBuddy(self.offer)
        self.summary = QLabel()
        self.summary.setObjectName("whoToCallSummary")
        self.log_button = QPushButton(tr("&Log what happened…"))
        self.log_button.setToolTip(tr("Log a signal in this neighbourhood (Ctrl+L)"))
        self.pocket_button = PocketButton(context)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.picker, 1)
        top.addWidget(offer_label)
        top.addWidget(self.offer)
        top.addWidget(self.log_button)
        top.addWidget(self.pocket_button)
        self.page_button = QPushButton(tr("Neighbourhood &page"))
        self.page_button.setObjectName("neighbourhoodPageButton")
        self.page_button.setToolTip(
            tr("This neighbourhood's page: its focus, places, partners by domain, signals and figures")
        )
        self.page_button.setEnabled(False)
        self.asking_bar = QFrame()
        self.asking_bar.setObjectName("askingBar")
        self.asking_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.asking_bar.setStyleSheet("#askingBar { background: #fff4e5; }")
        self.asking_text = QLabel()
        self.asking_text.setWordWrap(True)
        self.done_asking_button = QPushButton(tr("&Done asking"))
        bar = QHBoxLayout(self.asking_bar)
        bar.addWidget(self.asking_text, 1)
        bar.addWidget(self.done_asking_button)
        self.asking_bar.hide()
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.list_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.list_widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.asking_bar)
        summary_row = QHBoxLayout()  # the page button on the summary's line: the picker keeps its width
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.page_button)
        layout.addLayout(summary_row)
        layout.addWidget(scroll, 1)
        self.picker.changed.connect(self._picked)
        self.offer.activated.connect(lambda _index: self._show_groups(self.groups))
        self.log_button.clicked.connect(self.log_signal)
        self.done_asking_button.clicked.connect(self.stop_asking)
        self.log_button.setEnabled(False)
        self.pocket_button.said.connect(self.summary.setText)
        self.page_button.clicked.connect(self.open_neighbourhood_page)
        context.data_changed.connect(self._data_changed)
        self.setFocusProxy(self.picker)
        # Who is reachable now changes with the clock (17:00, 23:00...): a screen left open redraws the list.
        self._clock = QTimer(self)
        self._clock.setInterval(REACHABLE_REFRESH_MS)
        self._clock.timeout.connect(self._clock_ticked)
        self._clock.start()
        self._show_groups([])
        self._read_choices()

    def title(self) -> str:
        return tr("Who to call")

    def open_record(self, kind: RecordKind, record_id: int) -> bool:
        """Home of asking the partners about a signal (its note id); partners and people open elsewhere."""
        if kind != RecordKind.SIGNAL_ASK:
            return False
        self._context.read(
            lambda session: signal_page(session, record_id), self._start_asking, key="whotocall.asking"
        )
        return True

    def _clock_ticked(self) -> None:
        if self.isVisible() and self.key_rows:
            self._show_groups(self.groups)

    def _read_choices(self) -> None:
        def load(session: Session) -> tuple[Choices, list[OfferChoice]]:
            return choices(session), offer_choices(session)

        self._context.read(load, self._show_choices, key="whotocall.choices")

    def _show_choices(self, loaded: tuple[Choices, list[OfferChoice]]) -> None:
        places, offers = loaded
        self._districts = {choice.id: choice.group_id for choice in places.neighbourhoods}
        blocked = self.picker.blockSignals(True)
        self.picker.set_choice_values((choice.name, choice.id, choice.id) for choice in places.neighbourhoods)
        self.picker.blockSignals(blocked)
        current = self.offer.currentData()
        self.offer.clear()
        self.offer.addItem(tr("Any offer"), None)
        for offer in offers:
            self.offer.addItem(offer.name, offer.id)
        self.offer.setCurrentIndex(max(0, self.offer.findData(current)))
        if self.offer.currentData() != current:  # the chosen offer was deleted: the whole list again
            self._show_groups(self.groups)
        if self._neighbourhood_id is not None and self.picker.value() is None:  # merged or deleted meanwhile
            self._neighbourhood_id = None
            self._show_groups([])
        self.picker.setFocus()
        if not self.is_loaded:
            self.is_loaded = True
            self.loaded.emit()

    def _picked(self) -> None:
        neighbourhood_id = self.picker.value()
        if neighbourhood_id is not None and neighbourhood_id != self._neighbourhood_id:
            if self.asking is not None and self.asking.neighbourhood_id != neighbourhood_id:
                self.stop_asking()  # another neighbourhood: its partners are not being asked
            self.show_neighbourhood(neighbourhood_id)

    def show_neighbourhood(self, neighbourhood_id: int) -> None:
        """Load and show the partners serving the neighbourhood."""
        self._neighbourhood_id = neighbourhood_id
        self.picker.set_value(neighbourhood_id)
        today = self._context.today()

        def load(session: Session) -> list[CallGroup]:
            return who_to_call(session, neighbourhood_id, today=today)

        self._context.read(load, self._show_groups, key="whotocall.groups")

    def open_neighbourhood_page(self) -> None:
        """The chosen neighbourhood's own page (the Neighbourhoods section)."""
        if self._neighbourhood_id is not None:
            self._context.open_record.emit(RecordKind.NEIGHBOURHOOD, self._neighbourhood_id)

    def _start_asking(self, page: SignalPage | None) -> None:
        if page is None:
            return
        self.asking = page
        self.asking_bar.show()
        self._show_asking_text()
        if page.neighbourhood_id is not None:
            self.show_neighbourhood(page.neighbourhood_id)

    def _show_asking_text(self) -> None:
        page = self.asking
        if page is None:
            return
        asked = len(page.asks)
        self.asking_text.setText(
            tr(
                "Asking partners about the signal of {date} in {place}: {asked}",
                date=format_date(page.occurred_on),
                place=page.neighbourhood,
                asked=trn("{count} asked so far.", "{count} asked so far.", asked),
            )
        )

    def stop_asking(self) -> None:
        """Leave asking mode (the signal's round dialog shows the answers)."""
        self.asking = None
        self._answering = None
        self.asking_bar.hide()
        self._show_groups(self.groups)

    def _data_changed(self, what: Change) -> None:
        """A partner, person or name changed: the list again; a neighbourhood added, renamed or merged (in
        Settings): the picker again, so it offers it at once. An answer recorded: the asking bar again."""
        shown = self._neighbourhood_id
        if what in (Change.ORGANISATION, Change.PERSON, Change.GEOGRAPHY, Change.ALL) and shown is not None:
            self.show_neighbourhood(shown)
        if what in (Change.ALL, Change.ORGANISATION, Change.GEOGRAPHY, Change.OFFERS):
            self._read_choices()
        if what in (Change.NOTE, Change.ALL) and self.asking is not None:
            note_id = self.asking.note_id
            self._context.read(
                lambda session: signal_page(session, note_id),
                self._asking_reloaded,
                key="whotocall.asking-again",
            )

    def _asking_reloaded(self, page: SignalPage | None) -> None:
        if self.asking is None:
            return
        if page is None:
            self.stop_asking()
            return
        self.asking = page
        self._show_asking_text()
        self._show_groups(self.groups)

    def _clear(self) -> None:
        while self.list_layout.count():
            item = self.list_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _show_groups(self, groups: list[CallGroup]) -> None:
        self.groups = groups
        focused = next(
            (pid for pid, button in self._ask_cells if button is not None and button.hasFocus()), None
        )
        self._clear()
        self._ask_cells = []
        self.log_button.setEnabled(self._neighbourhood_id is not None)
        self.pocket_button.set_neighbourhood(self._neighbourhood_id, self.picker.label())
        self.page_button.setEnabled(self._neighbourhood_id is not None)
        offer_id = self.offer.currentData()
        shown = [
            CallGroup(group.domain_id, group.domain, partners)
            for group in groups
            if (partners := tuple(p for p in group.partners if offer_id is None or offer_id in p.offer_ids))
        ]
        count = sum(len(group.partners) for group in shown)
        if self._neighbourhood_id is None:
            self.summary.setText(
                tr("Choose a neighbourhood to see every active partner there and their numbers.")
            )
        elif not groups:
            self.summary.setText(tr("No active partner serves {name} yet.", name=self.picker.label()))
        elif offer_id is not None and not shown:
            self.summary.setText(
                tr(
                    "No active partner in {name} offers {offer}.",
                    name=self.picker.label(),
                    offer=self.offer.currentText(),
                )
            )
        else:
            self.summary.setText(
                trn(
                    "{count} active partner serves {name}.",
                    "{count} active partners serve {name}.",
                    count,
                    name=self.picker.label(),
                )
            )
        self.key_rows = key_contact_rows(shown, self._context.now(), offer_id)
        if self.key_rows:
            self.list_layout.addWidget(self._heading(tr("Key contacts")))
            self.list_layout.addWidget(self._key_contacts_card(self.key_rows))
        for group in shown:
            self.list_layout.addWidget(self._heading(group.domain or tr("No domain")))
            for partner in group.partners:
                self.list_layout.addWidget(self._partner_card(partner))
        self._focus_next_ask(focused)
        if self.is_loaded:
            self.loaded.emit()

    def _focus_next_ask(self, focused: int | None) -> None:
        """After an answer the list is drawn again (and the focused button with it): keyboard focus goes to
        the next partner still to ask, so a team lead calling down the list never reaches for the mouse; a
        later redraw keeps it on the partner it was on."""
        answered, self._answering = self._answering, None
        if self.asking is None or (answered is None and focused is None):
            return
        start = next((i for i, (pid, _b) in enumerate(self._ask_cells) if pid in (answered, focused)), -1)
        start += 1 if answered is not None else 0
        order = self._ask_cells[start:] + self._ask_cells[:start]
        button = next((button for _pid, button in order if button is not None), None)
        if button is not None:
            button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.list_scroll.ensureWidgetVisible(button)

    @staticmethod
    def _heading(text: str) -> QLabel:
        heading = QLabel(text)
        heading.setStyleSheet("font-size: 13pt; font-weight: 700; margin-top: 8px;")
        return heading

    def _key_contacts_card(self, rows: list[KeyContactRow]) -> QFrame:
        card = QFrame()
        card.setObjectName("keyContacts")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(card)
        for number, row in enumerate(rows):
            contact, partner = row.contact, row.partner
            who = QLabel(f"{contact.name} — {partner.name}")
            who.setWordWrap(True)  # a long partner name wraps instead of pushing the numbers off screen
            who.setObjectName("keyContactName")
            who.setStyleSheet("font-size: 12pt; font-weight: 600;")
            who.setToolTip(partner.domain)
            grid.addWidget(who, number, 0)
            phone = CopyLabel(contact.phone, what=tr("Phone of {name}", name=contact.name), large=True)
            phone.setObjectName("callPhone")
            grid.addWidget(phone, number, 1)
            grid.addWidget(self._reach_label(contact, row.reachable), number, 2)
            if self.asking is not None:
                grid.addWidget(self._ask_cell(partner, contact.person_id), number, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        return card

    def _reach_label(self, contact: Contact, reachable: bool) -> QLabel:
        windows = ", ".join(words.reach_window(window) for window in contact.reachability)
        if reachable:
            label = QLabel(tr("Reachable now"))
            label.setStyleSheet(REACHABLE_STYLE)
            label.setToolTip(windows)
        else:
            label = QLabel(windows or tr("Reachability not known"))
            label.setWordWrap(True)
        label.setObjectName("reachability")
        return label

    def _ask_cell(self, partner: CallPartner, person_id: int | None) -> QWidget:
        """The partner's answer once asked, else an "Ask…" button."""
        page = self.asking
        answered = [ask for ask in page.asks if ask.organisation_id == partner.id] if page else []
        if answered:
            label = QLabel(tr("Asked: {answer}", answer=words.signal_answer(answered[-1].answer)))
            label.setObjectName("askedAnswer")
            self._ask_cells.append((partner.id, None))
            return label
        button = QPushButton(tr("Ask…"))
        self._ask_cells.append((partner.id, button))
        button.setObjectName("askButton")
        button.setAccessibleName(tr("Ask {partner}", partner=partner.name))
        button.clicked.connect(lambda: self.ask(partner, person_id))
        return button

    def ask(self, partner: CallPartner, person_id: int | None = None) -> None:
        """Record a partner's answer about the signal being asked about."""
        page = self.asking
        if page is None:
            return
        self._answering = partner.id
        people = tuple((contact.person_id, contact.name) for contact in partner.people)
        chosen = person_id if person_id is not None else (people[0][0] if people else None)
        open_ask_dialog(
            self._context, AskTarget(page.note_id, partner.id, partner.name, people, chosen), self
        )

    def _partner_card(self, partner: CallPartner) -> QFrame:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(card)
        name = QPushButton(partner.name)
        name.setFlat(True)
        name.setStyleSheet("font-size: 12pt; font-weight: 600; text-align: left;")
        name.setToolTip(tr("Open this partner"))
        name.clicked.connect(lambda: self._context.open_record.emit(RecordKind.ORGANISATION, partner.id))
        # A long name is cut rather than widening the list past the window (the tooltip has it whole).
        name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        name.setToolTip(f"{partner.name}\n{tr('Open this partner')}")
        asking = self.asking is not None
        grid.addWidget(name, 0, 0, 1, 1 if asking else 2)
        if partner.phone:
            grid.addWidget(
                CopyLabel(partner.phone, what=tr("Phone of {name}", name=partner.name), large=True),
                0,
                1 if asking else 2,
            )
        if asking:
            grid.addWidget(self._ask_cell(partner, None), 0, 2)
        first = 1
        if partner.offers:
            offers = QLabel(tr("Offers: {offers}", offers=", ".join(partner.offers)))
            offers.setWordWrap(True)
            grid.addWidget(offers, first, 0, 1, 3)
            first += 1
        if not partner.people:
            grid.addWidget(QLabel(tr("No contact person on record")), first, 0, 1, 3)
        for row, contact in enumerate(partner.people, start=first):
            text = f"{contact.name}" + (f" — {', '.join(contact.roles)}" if contact.roles else "")
            who = QLabel(f"★ {text}" if contact.key else text)
            who.setStyleSheet("font-size: 12pt;")
            if contact.key:
                who.setToolTip(tr("Key contact"))
            grid.addWidget(who, row, 0)
            phone = CopyLabel(contact.phone, what=tr("Phone of {name}", name=contact.name), large=True)
            phone.setObjectName("callPhone")
            grid.addWidget(phone, row, 1)
            grid.addWidget(CopyLabel(contact.email, what=tr("E-mail of {name}", name=contact.name)), row, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        return card

    def screen_district_id(self) -> int | None:
        """The district of the neighbourhood on screen: where what is logged from here belongs."""
        return self._districts.get(self._neighbourhood_id) if self._neighbourhood_id is not None else None

    def log_signal(self) -> None:
        """Afterwards: log what happened, as a signal in this neighbourhood and its district (even when the
        partner on the phone has its home in another district)."""
        from teamlead.rules.vocabulary import NoteKind
        from teamlead.ui.notes.dialog import open_note_dialog

        dialog = open_note_dialog(self._context, self)
        dialog.kind.setCurrentIndex(dialog.kind.findData(str(NoteKind.SIGNAL)))
        dialog.preset_neighbourhood(self._neighbourhood_id)
        dialog.set_screen_district(self.screen_district_id())
