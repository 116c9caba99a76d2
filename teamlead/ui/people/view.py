"""The People section: everyone on the roster with their current roles, and a person's page beside it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.people import PersonRow, people
from teamlead.i18n import tr, trn
from teamlead.rules.vocabulary import Change, RecordKind
from teamlead.ui.context import AppContext
from teamlead.ui.people.models import PeopleTableModel
from teamlead.ui.people.pane import PersonPane
from teamlead.ui.widgets.inputs import clear_on_escape
from teamlead.ui.widgets.key_column import KeyColumn
from teamlead.ui.widgets.loading import LoadingNote, count_or_loading
from teamlead.ui.widgets.rows_model import RowRole
from teamlead.ui.widgets.splitter import DetailSplitter

Loaded = tuple[list[PersonRow], list[str], list[tuple[str, ...]]]


class PeopleView(QWidget):
    """A filterable table of people; selecting one shows their page (details, roles over time, notes)."""

    loaded = Signal()
    """The people are on screen (after each load)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._pending: int | None = None
        self.is_loaded = False
        """True once the first rows are on screen (the frame's ready check reads it)."""
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(tr("Type to filter by name, role, organisation, phone or e-mail"))
        self.filter_edit.setAccessibleName(tr("Filter people"))
        label = QLabel(tr("&Filter:"))
        label.setBuddy(self.filter_edit)
        self.former = QCheckBox(tr("Also people &without a current role"))
        self.count_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(label)
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.former)
        self.model = PeopleTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("peopleTable")
        self.table.setAccessibleName(tr("People"))
        self.loading = LoadingNote(self.table, self.count_label)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PeopleTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        for column, width in ((1, 120), (2, 150), (3, 105), (4, 150)):
            header.resizeSection(column, width)
        self.key_column = KeyColumn(self.table, PeopleTableModel.NAME, keep=(PeopleTableModel.PHONE,))
        self.pane = PersonPane(context)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.count_label)
        splitter = DetailSplitter(left, self.pane, 480)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.filter_edit.textChanged.connect(self.set_filter_text)
        self.filter_edit.returnPressed.connect(self.table.setFocus)
        clear_on_escape(self.filter_edit)
        self.former.toggled.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._edit_selected)  # Enter or a double click: on to the person's page
        context.data_changed.connect(self._data_changed)
        self.reload()

    def title(self) -> str:
        return tr("People")

    def _data_changed(self, what: Change) -> None:
        if what in (Change.PERSON, Change.ORGANISATION, Change.ALL):
            self.reload()
        if what in (Change.PERSON, Change.NOTE, Change.ALL):
            self.pane.reload()

    def reload(self, *_args: object) -> None:
        today, current_only = self._context.today(), not self.former.isChecked()

        def load(session: Session) -> Loaded:
            rows = people(session, today=today, current_only=current_only)
            # Folded and formatted here, off the GUI thread: 12,000 rows take a few hundred milliseconds.
            return (
                rows,
                [PeopleTableModel.haystack(row) for row in rows],
                [PeopleTableModel.cells(row) for row in rows],
            )

        self._context.read(load, self._show_rows, key="people.rows")

    def _show_rows(self, loaded: Loaded) -> None:
        self.model.set_rows(*loaded)
        self.loading.done()
        self._update_count()
        wanted = self._pending or self.pane.person_id()
        self._pending = None
        if wanted is not None:
            self.select_person(wanted, load=False)
        elif not self.is_loaded and self.model.rowCount():
            self.table.selectRow(0)  # someone's page rather than an empty one to start with
        self.is_loaded = True
        self.loaded.emit()

    def set_filter_text(self, text: str) -> None:
        selected = self.pane.person_id()
        self.model.set_filter_text(text)
        self._update_count()
        if selected is not None:
            self.select_person(selected, load=False, clear_filter=False)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        self.count_label.setText(
            count_or_loading(
                self.loading,
                trn("{count} person", "{count} people", total)
                if shown == total
                else trn("{shown} of {count} person", "{shown} of {count} people", total, shown=shown),
            )
        )

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            row = indexes[0].data(RowRole)
            if isinstance(row, PersonRow) and row.id != self.pane.person_id():
                self.pane.show_person(row.id)

    def _edit_selected(self, *_args: object) -> None:
        self.pane.tabs.setCurrentIndex(0)
        self.pane.name.setFocus()

    def _row_of(self, person_id: int) -> int | None:
        for number, row in enumerate(self.model.rows()):
            if row.id == person_id:
                return number
        return None

    def select_person(self, person_id: int, *, load: bool = True, clear_filter: bool = True) -> bool:
        """Select the person's row (clearing a text filter that hides them); False when not loaded."""
        number = self._row_of(person_id)
        if number is None and clear_filter and self.filter_edit.text():
            self.filter_edit.clear()
            number = self._row_of(person_id)
        if number is None:
            return False
        index = self.model.index(number, 0)
        self.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        if load and self.pane.person_id() != person_id:
            self.pane.show_person(person_id)
        return True

    def open_record(self, kind: RecordKind, record_id: int) -> bool:
        """Show a person, also one without a current role."""
        if kind != RecordKind.PERSON:
            return False
        if not self.select_person(record_id):
            self._pending = record_id
            if not self.former.isChecked():
                self.former.setChecked(True)  # reloads; the person is selected when the rows arrive
        self.pane.show_person(record_id)
        return True
