"""Who to call: pick a neighbourhood and see at once every active partner serving it, with phone numbers.

The curfew-night screen (``shared/domain.md``): within the hour the team lead calls youth work, police,
housing and schools in one neighbourhood. So the neighbourhood picker takes the focus and completes on any
part of a name, the partners are grouped by domain, and the numbers are large, readable and copy on a click.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.filter_choices import Choices, choices
from teamlead.data.queries.people import CallGroup, CallPartner, who_to_call
from teamlead.i18n import tr, trn
from teamlead.rules.vocabulary import Change, RecordKind
from teamlead.ui.context import AppContext
from teamlead.ui.widgets.completion_list import CompletionField
from teamlead.ui.widgets.copy_label import CopyLabel


class WhoToCallView(QWidget):
    """A neighbourhood picker over a scrollable list of partners grouped by domain."""

    loaded = Signal()
    """The list for the chosen neighbourhood (or the empty prompt) is on screen."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._neighbourhood_id: int | None = None
        self._districts: dict[int, int | None] = {}  # neighbourhood id -> its district
        self.groups: list[CallGroup] = []
        self.is_loaded = False
        """True once the neighbourhoods can be picked (the frame's ready check reads it)."""
        self.picker = CompletionField[int](tr("Type a neighbourhood, e.g. Wildemanbuurt"))
        self.picker.setObjectName("whoToCallNeighbourhood")
        self.picker.refusal = tr("No neighbourhood is called {name}.")
        label = QLabel(tr("&Neighbourhood:"))
        label.setBuddy(self.picker)
        self.picker.setAccessibleName(tr("Neighbourhood"))
        self.summary = QLabel()
        self.summary.setObjectName("whoToCallSummary")
        self.log_button = QPushButton(tr("&Log what happened…"))
        self.log_button.setToolTip(tr("Log a signal in this neighbourhood (Ctrl+L)"))
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.picker, 1)
        top.addWidget(self.log_button)
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.list_widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        self.picker.changed.connect(self._picked)
        self.log_button.clicked.connect(self.log_signal)
        self.log_button.setEnabled(False)
        context.data_changed.connect(self._data_changed)
        self.setFocusProxy(self.picker)
        self._show_groups([])
        context.read(choices, self._show_choices, key="whotocall.choices")

    def title(self) -> str:
        return tr("Who to call")

    def open_record(self, kind: RecordKind, record_id: int) -> bool:
        """This view is the home of no record (partners and people open in their own sections)."""
        return False

    def _show_choices(self, loaded: Choices) -> None:
        self._districts = {choice.id: choice.group_id for choice in loaded.neighbourhoods}
        blocked = self.picker.blockSignals(True)
        self.picker.set_choice_values((choice.name, choice.id, choice.id) for choice in loaded.neighbourhoods)
        self.picker.blockSignals(blocked)
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
            self.show_neighbourhood(neighbourhood_id)

    def show_neighbourhood(self, neighbourhood_id: int) -> None:
        """Load and show the partners serving the neighbourhood."""
        self._neighbourhood_id = neighbourhood_id
        self.picker.set_value(neighbourhood_id)
        today = self._context.today()

        def load(session: Session) -> list[CallGroup]:
            return who_to_call(session, neighbourhood_id, today=today)

        self._context.read(load, self._show_groups, key="whotocall.groups")

    def _data_changed(self, what: Change) -> None:
        """A partner, person or name changed: the list again; a neighbourhood added, renamed or merged (in
        Settings): the picker again, so it offers it at once."""
        shown = self._neighbourhood_id
        if what in (Change.ORGANISATION, Change.PERSON, Change.GEOGRAPHY, Change.ALL) and shown is not None:
            self.show_neighbourhood(shown)
        if what in (Change.ALL, Change.ORGANISATION, Change.GEOGRAPHY):
            self._context.read(choices, self._show_choices, key="whotocall.choices")

    def _clear(self) -> None:
        while self.list_layout.count():
            item = self.list_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _show_groups(self, groups: list[CallGroup]) -> None:
        self.groups = groups
        self._clear()
        self.log_button.setEnabled(self._neighbourhood_id is not None)
        if self._neighbourhood_id is None:
            self.summary.setText(
                tr("Choose a neighbourhood to see every active partner there and their numbers.")
            )
        elif not groups:
            self.summary.setText(tr("No active partner serves {name} yet.", name=self.picker.label()))
        else:
            count = sum(len(group.partners) for group in groups)
            self.summary.setText(
                trn(
                    "{count} active partner serves {name}.",
                    "{count} active partners serve {name}.",
                    count,
                    name=self.picker.label(),
                )
            )
        for group in groups:
            heading = QLabel(group.domain or tr("No domain"))
            heading.setStyleSheet("font-size: 13pt; font-weight: 700; margin-top: 8px;")
            self.list_layout.addWidget(heading)
            for partner in group.partners:
                self.list_layout.addWidget(self._partner_card(partner))
        if self.is_loaded:
            self.loaded.emit()

    def _partner_card(self, partner: CallPartner) -> QFrame:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(card)
        name = QPushButton(partner.name)
        name.setFlat(True)
        name.setStyleSheet("font-size: 12pt; font-weight: 600; text-align: left;")
        name.setToolTip(tr("Open this partner"))
        name.clicked.connect(lambda: self._context.open_record.emit(RecordKind.ORGANISATION, partner.id))
        grid.addWidget(name, 0, 0, 1, 2)
        if partner.phone:
            grid.addWidget(
                CopyLabel(partner.phone, what=tr("Phone of {name}", name=partner.name), large=True), 0, 2
            )
        if not partner.people:
            grid.addWidget(QLabel(tr("No contact person on record")), 1, 0, 1, 3)
        for row, contact in enumerate(partner.people, start=1):
            who = QLabel(f"{contact.name}" + (f" — {', '.join(contact.roles)}" if contact.roles else ""))
            who.setStyleSheet("font-size: 12pt;")
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
