"""The one base of the app's table models: a read-only ``QAbstractTableModel`` over a list of plain rows.

Rows are frozen dataclasses (or tuples) a query returned, never ORM objects. A subclass names its column
headers and what a cell shows; the base gives the counts, the headers, the row behind an index
(:data:`RowRole`) and a sort key per cell (:data:`SortRole`). Sorting is one ``list.sort`` in Python by the
column's key, not a C++ sort calling back into Python per comparison, so a header click stays fast on
thousands of rows; a view's ``QSortFilterProxyModel`` hands its ``sort`` over to the model (as Vorta's
``archive_table_model`` and ``sort_proxy``). Testable without widgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, override

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from teamlead.rules.text import fold

AnyIndex = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole
"""``data(index, SortRole)``: the cell's sort key (folded text unless the model says otherwise)."""
RowRole = Qt.ItemDataRole.UserRole + 1
"""``data(index, RowRole)``: the plain row behind the index."""
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


class RowsModel[RowT](QAbstractTableModel):
    """A read-only table over a list of plain rows; subclasses say what each column is called, shows and sorts
    by (:meth:`headers`, :meth:`display`, :meth:`sort_key`) and may answer more roles in ``data``."""

    ANSWERED_ROLES: frozenset[int] = frozenset({_DISPLAY, int(SortRole), int(RowRole)})
    """The roles ``data`` answers; a subclass answering more adds them (a view asks each painted cell for
    nine, and a model may return at once for the others)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self._header_texts: tuple[str, ...] | None = None

    def headers(self) -> Sequence[str]:
        """The translated column headers; their number is the number of columns."""
        raise NotImplementedError

    def display(self, row: RowT, column: int) -> str:
        """What a cell shows."""
        raise NotImplementedError

    def sort_key(self, row: RowT, column: int) -> Any:
        """What a column sorts by: the shown text, folded (case and diacritics ignored)."""
        return fold(self.display(row, column))

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, number: int) -> RowT:
        return self._rows[number]

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def _headers(self) -> tuple[str, ...]:
        """The headers, asked once (``columnCount`` is called often)."""
        if self._header_texts is None:
            self._header_texts = tuple(self.headers())
        return self._header_texts

    @override
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers())

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == _DISPLAY:
            return self.display(row, index.column())
        if role == SortRole:
            return self.sort_key(row, index.column())
        if role == RowRole:
            return row
        return None

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python by the column's key: one ``list.sort``, not a C++ sort calling Python per step."""
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(
            key=lambda row: self.sort_key(row, column), reverse=order == Qt.SortOrder.DescendingOrder
        )
        self.layoutChanged.emit()
