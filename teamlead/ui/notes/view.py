"""The Notes & signals section: contact moments, newest first, filtered in SQL (kind, period, place, partner).

With 200,000 notes the view never loads them all: it asks for a page of the most recent ones matching the
filters (in the background), and "Show more" asks for a bigger page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, override

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.filter_choices import Choices, choices
from teamlead.data.queries.name_choices import NameChoice, organisation_choices
from teamlead.data.queries.notes import NoteRow, notes
from teamlead.data.queries.signals import ThemeChoice, theme_choices
from teamlead.i18n import tr, trn
from teamlead.rules import words
from teamlead.rules.vocabulary import Change, NoteKind, RecordKind, SignalState
from teamlead.ui.context import AppContext
from teamlead.ui.widgets.completion_list import CompletionField
from teamlead.ui.widgets.filter_bar import SEARCH_MIN_WIDTH, FlowLayout, labelled
from teamlead.ui.widgets.formatting import day_cell
from teamlead.ui.widgets.key_column import KeyColumn
from teamlead.ui.widgets.rows_model import RowRole, RowsModel

PAGE = 500


def periods() -> tuple[tuple[str, int | None], ...]:
    return (
        (tr("Any time"), None),
        (tr("Last 7 days"), 7),
        (tr("Last 30 days"), 30),
        (tr("Last 90 days"), 90),
        (tr("Last 12 months"), 365),
    )


class NotesTableModel(RowsModel[NoteRow]):
    DATE, KIND, PARTNERS, PEOPLE, NEIGHBOURHOOD, TEXT, FOLLOW_UP = range(7)

    def headers(self) -> Sequence[str]:
        return (
            tr("Date"),
            tr("Kind"),
            tr("Partners"),
            tr("People"),
            tr("Neighbourhood"),
            tr("Text"),
            tr("Follow-up"),
        )

    def display(self, row: NoteRow, column: int) -> str:
        if column == self.DATE:
            return day_cell(row.occurred_on)
        if column == self.KIND:
            if row.signal_state in (SignalState.OPEN, SignalState.NO_FEEDBACK):
                return f"{words.note_kind(row.kind)} · {words.signal_state(row.signal_state).lower()}"
            return words.note_kind(row.kind)
        if column == self.PARTNERS:
            return ", ".join(row.organisations)
        if column == self.PEOPLE:
            return ", ".join(row.persons)
        if column == self.NEIGHBOURHOOD:
            return row.neighbourhood
        if column == self.TEXT:
            return " ".join(row.text.split())[:200]
        if row.follow_up_on is None:
            return ""
        return (
            tr("{date} (done)", date=day_cell(row.follow_up_on))
            if row.follow_up_done
            else day_cell(row.follow_up_on)
        )

    def sort_key(self, row: NoteRow, column: int) -> Any:
        if column == self.DATE:
            return (row.occurred_on, row.id)
        if column == self.FOLLOW_UP:  # by the day (Dutch shows it day first); none after every day
            return (row.follow_up_on or date.max, row.id)
        return super().sort_key(row, column)

    @override
    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        signal = (
            index.isValid()
            and index.column() == self.KIND
            and self.row_at(index.row()).kind == NoteKind.SIGNAL
        )
        if role == Qt.ItemDataRole.FontRole and signal:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class NotesView(QWidget):
    """Filters on top, the notes table, and the selected note's full text below."""

    loaded = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._limit = PAGE
        self._pending: int | None = None
        self.is_loaded = False
        """True once the first rows are on screen (the frame's ready check reads it)."""
        self.kind = QComboBox()
        self.kind.addItem(tr("All kinds"), None)
        for key, name in words.note_kind_names().items():
            self.kind.addItem(name, str(key))
        self.period = QComboBox()
        for text, days in periods():
            self.period.addItem(text, days)
        self.neighbourhood = QComboBox()
        self.neighbourhood.addItem(tr("All neighbourhoods"), None)
        self.state = QComboBox()
        self.state.setObjectName("notesStateFilter")
        self.state.addItem(tr("Any state"), None)
        for key, name in words.signal_state_names().items():
            self.state.addItem(name, str(key))
        self.theme = QComboBox()
        self.theme.setObjectName("notesThemeFilter")
        self.theme.addItem(tr("Any theme"), None)
        self.partner = CompletionField[int](tr("All partners"))
        self.partner.setObjectName("notesPartnerFilter")
        self.partner.refusal = tr("No partner is called {name}.")
        self.new_button = QPushButton(tr("&Log a contact moment…"))
        self.round_button = QPushButton(tr("Follow &up signal…"))
        self.round_button.setObjectName("signalRoundButton")
        self.round_button.setToolTip(tr("Who was asked, what they said, the close and the feedback"))
        self.round_button.setEnabled(False)
        bar = FlowLayout()
        for text, widget in (
            (tr("&Kind:"), self.kind),
            (tr("&Period:"), self.period),
            (tr("Neigh&bourhood:"), self.neighbourhood),
            (tr("Signal s&tate:"), self.state),
            (tr("T&heme:"), self.theme),
            (tr("P&artner:"), self.partner),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            searching = widget is self.partner
            bar.add_widget(labelled(label, widget, min_width=SEARCH_MIN_WIDTH if searching else 0), searching)
        bar.add_widget(self.new_button)
        bar.add_widget(self.round_button)
        self.model = NotesTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("notesTable")
        self.table.setAccessibleName(tr("Notes and signals"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NotesTableModel.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        for column, width in ((0, 90), (1, 80), (2, 200), (3, 150), (4, 130), (6, 90)):
            header.resizeSection(column, width)
        self.key_column = KeyColumn(self.table, NotesTableModel.TEXT, keep=(NotesTableModel.DATE, 6))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(tr("Text of the selected note"))
        self.count_label = QLabel()
        self.more_button = QPushButton(tr("Show &more"))
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.more_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addLayout(footer)
        for combo in (self.kind, self.period, self.neighbourhood, self.state, self.theme):
            combo.activated.connect(self._filters_changed)
        self.round_button.clicked.connect(self.follow_up_signal)
        self.table.doubleClicked.connect(self.follow_up_signal)
        self.partner.changed.connect(self._filters_changed)  # picked, or the line emptied: all partners
        self.more_button.clicked.connect(self.show_more)
        self.new_button.clicked.connect(self.log_note)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        context.data_changed.connect(self._data_changed)
        context.read(self._load_choices, self._show_choices, key="notes.choices")
        self.reload()

    def title(self) -> str:
        return tr("Notes & signals")

    @staticmethod
    def _load_choices(session: Session) -> tuple[Choices, list[NameChoice], list[ThemeChoice]]:
        return choices(session), organisation_choices(session), theme_choices(session)

    def _show_choices(self, loaded: tuple[Choices, list[NameChoice], list[ThemeChoice]]) -> None:
        places, partners, themes = loaded
        chosen_theme = self.theme.currentData()
        self.theme.clear()
        self.theme.addItem(tr("Any theme"), None)
        for theme in themes:
            self.theme.addItem(theme.name, theme.id)
        self.theme.setCurrentIndex(max(0, self.theme.findData(chosen_theme)))
        current = self.neighbourhood.currentData()
        self.neighbourhood.clear()
        self.neighbourhood.addItem(tr("All neighbourhoods"), None)
        for place in places.neighbourhoods:
            self.neighbourhood.addItem(place.name, place.id)
        self.neighbourhood.setCurrentIndex(max(0, self.neighbourhood.findData(current)))
        self.partner.set_choice_values((choice.label, choice.id, choice.id) for choice in partners)

    def _data_changed(self, what: Change) -> None:
        if what in (Change.NOTE, Change.GEOGRAPHY, Change.ALL):
            self.reload()
        if what in (Change.ORGANISATION, Change.GEOGRAPHY, Change.THEMES, Change.ALL):
            self._context.read(self._load_choices, self._show_choices, key="notes.choices")

    def _filters_changed(self, *_args: object) -> None:
        self._limit = PAGE
        self.reload()

    def show_more(self) -> None:
        self._limit += PAGE
        self.reload()

    def set_filters(
        self,
        *,
        kind: str | None = None,
        days: int | None = None,
        neighbourhood_id: int | None = None,
        organisation_id: int | None = None,
        signal_state: str | None = None,
        theme_id: int | None = None,
    ) -> None:
        """Set every filter at once (as a user would with the combos) and reload."""
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.state.setCurrentIndex(max(0, self.state.findData(signal_state)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme_id)))
        self.period.setCurrentIndex(max(0, self.period.findData(days)))
        self.neighbourhood.setCurrentIndex(max(0, self.neighbourhood.findData(neighbourhood_id)))
        blocked = self.partner.blockSignals(True)  # one reload for all the filters
        self.partner.set_value(organisation_id)
        self.partner.blockSignals(blocked)
        self._filters_changed()

    def reload(self, *_args: object) -> None:
        days = self.period.currentData()
        today = self._context.today()
        filters: dict[str, Any] = {
            "kind": self.kind.currentData(),
            "date_from": today - timedelta(days=days) if days else None,
            "neighbourhood_id": self.neighbourhood.currentData(),
            "organisation_id": self.partner.value(),
            "signal_state": self.state.currentData(),
            "theme_id": self.theme.currentData(),
            "limit": self._limit + 1,  # one more than shown tells whether there are more
        }

        def load(session: Session) -> list[NoteRow]:
            return notes(session, **filters)

        self._context.read(load, self._show_rows, key="notes.rows")

    def _show_rows(self, rows: list[NoteRow]) -> None:
        more = len(rows) > self._limit
        self.model.set_rows(rows[: self._limit])
        self.more_button.setEnabled(more)
        count = self.model.rowCount()
        self.count_label.setText(
            trn(
                "The {count} most recent note matching the filters",
                "The {count} most recent notes matching the filters",
                count,
            )
            if more
            else trn("{count} note", "{count} notes", count)
        )
        self.text.clear()
        self.round_button.setEnabled(False)
        self.is_loaded = True
        self.loaded.emit()

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        row = indexes[0].data(RowRole) if indexes else None
        self.text.setPlainText(row.text if isinstance(row, NoteRow) else "")
        self.round_button.setEnabled(isinstance(row, NoteRow) and self._has_round(row))

    @staticmethod
    def _has_round(row: NoteRow) -> bool:
        return row.signal_state not in ("", SignalState.NONE)

    def selected_note(self) -> NoteRow | None:
        indexes = self.table.selectionModel().selectedRows()
        row = indexes[0].data(RowRole) if indexes else None
        return row if isinstance(row, NoteRow) else None

    def follow_up_signal(self, *_args: object) -> None:
        """Open the selected signal's round (a signal recorded before rounds has none to open)."""
        from teamlead.ui.signals.round_dialog import open_signal_round

        row = self.selected_note()
        if row is not None and self._has_round(row):
            open_signal_round(self._context, row.id, self)

    def open_record(self, kind: RecordKind, record_id: int) -> bool:
        """Show a note: reset the filters so it is among the rows, then select it."""
        if kind != RecordKind.NOTE:
            return False
        for number, row in enumerate(self.model.rows()):
            if row.id == record_id:
                self.table.selectRow(number)
                self.table.scrollTo(self.model.index(number, 0))
                return True
        self._pending = record_id
        self.set_filters()
        self.loaded.connect(self._select_pending, Qt.ConnectionType.SingleShotConnection)
        return True

    def _select_pending(self) -> None:
        for number, row in enumerate(self.model.rows()):
            if row.id == self._pending:
                self.table.selectRow(number)
                self.table.scrollTo(self.model.index(number, 0))

    def log_note(self) -> None:
        from teamlead.ui.notes.dialog import open_note_dialog

        open_note_dialog(self._context, self, organisation_id=self.partner.value())
