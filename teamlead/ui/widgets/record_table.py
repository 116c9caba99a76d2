"""A read-only table of plain rows where each row is a record that opens on Enter or a double click.

Used by the dashboard's lists: a :class:`RecordTableModel` over frozen rows (testable without widgets) and a
:class:`RecordTable` view that emits :attr:`RecordTable.record_activated` with ``(kind, id)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from teamlead.rules.vocabulary import RecordKind
from teamlead.ui.widgets.key_column import KeyColumn
from teamlead.ui.widgets.rows_model import AnyIndex, RowsModel

WARNING_COLOUR = QColor("#b3261e")

CARD_KEY_MIN_WIDTH = 110
"""The name or text column of a small list (a dashboard card) keeps at least this width."""

RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
"""``data(index, RECORD_ROLE)`` gives the row's ``(kind, id)``."""


class Column(NamedTuple):
    """A column: its header (already translated) and how to show a row in it."""

    header: str
    text: Callable[[Any], str]
    tooltip: Callable[[Any], str] | None = None
    width: int = 0
    """Width in average characters; 0: this column takes the room that is left."""
    warn: Callable[[Any], bool] | None = None
    """Rows for which this cell shows in the warning colour (an overdue date)."""
    keep: bool = False
    """In a narrow table this column keeps its width (a date or a time) while the others give way."""


class RecordTableModel(RowsModel[Any]):
    """Rows of any frozen type; ``record(row)`` says which record a row is."""

    ANSWERED_ROLES = RowsModel.ANSWERED_ROLES | {
        int(Qt.ItemDataRole.ToolTipRole),
        int(Qt.ItemDataRole.ForegroundRole),
        RECORD_ROLE,
    }

    def __init__(
        self, columns: Sequence[Column], record: Callable[[Any], tuple[RecordKind, int]], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._record = record
        self._texts: list[tuple[str, ...]] = []

    def headers(self) -> list[str]:
        return [column.header for column in self._columns]

    def display(self, row: Any, column: int) -> str:
        return self._columns[column].text(row)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show ``rows``; their texts are worked out once here, so painting only looks them up."""
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [tuple(column.text(row) for column in self._columns) for row in self._rows]
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in self.ANSWERED_ROLES or not index.isValid():
            return None  # first: a view asks each painted cell for nine roles, most of them answered by none
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            column = self._columns[index.column()]
            if column.tooltip is not None:
                return column.tooltip(self._rows[index.row()])
            return self._texts[index.row()][index.column()]
        if role == RECORD_ROLE:
            return self._record(self._rows[index.row()])
        if role == Qt.ItemDataRole.ForegroundRole:
            warn = self._columns[index.column()].warn
            if warn is not None and warn(self._rows[index.row()]):
                return WARNING_COLOUR
            return None
        return super().data(index, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows with their worked-out texts, by the column's folded text."""
        self.layoutAboutToBeChanged.emit()
        pairs = sorted(
            zip(self._rows, self._texts, strict=True),
            key=lambda pair: self.sort_key(pair[0], column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._rows = [row for row, _texts in pairs]
        self._texts = [texts for _row, texts in pairs]
        self.layoutChanged.emit()

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns


class RecordTable(QTableView):
    """A compact, keyboard-friendly table: Enter or a double click opens the current row's record."""

    record_activated = Signal(object, int)
    """(:class:`RecordKind`, id) of the row the user opened."""

    def __init__(self, model: RecordTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        character = self.fontMetrics().averageCharWidth()
        for number, column in enumerate(model.columns):
            if column.width:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
                self.setColumnWidth(number, column.width * character + 16)
            else:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
        stretching = [number for number, column in enumerate(model.columns) if not column.width]
        if len(stretching) == 1:  # the name or the text: it stays readable in a narrow card
            keep = [number for number, column in enumerate(model.columns) if column.keep]
            self.key_column = KeyColumn(self, stretching[0], CARD_KEY_MIN_WIDTH, keep)
        # Qt emits activated for Enter and for a double click (or a single one where the platform says so).
        self.activated.connect(self._open)

    def _open(self, index: QModelIndex) -> None:
        record = index.data(RECORD_ROLE)
        if record is not None:
            kind, record_id = record
            self.record_activated.emit(kind, record_id)
