"""The meetings table: a model over plain rows and a proxy that filters by period, kind and text or partner.

Testable without widgets; the view only wires them to a ``QTableView``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from teamlead.data.enums import MeetingStatus
from teamlead.i18n import tr
from teamlead.reports.labels import meeting_kind
from teamlead.ui.meetings.data import MeetingListRow

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 10
ROW_ROLE = Qt.ItemDataRole.UserRole + 11

COLUMNS = ("when", "kind", "title", "partners", "location")


def _headers() -> list[str]:
    return [tr("When"), tr("Kind"), tr("Title"), tr("Partners"), tr("Location")]


class MeetingTableModel(QAbstractTableModel):
    """Meetings in rows; a cancelled one is struck through and greyed, a series shows a ↻."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MeetingListRow] = []
        self._headers = _headers()

    def set_rows(self, rows: Sequence[MeetingListRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> MeetingListRow:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        cancelled = row.status == MeetingStatus.CANCELLED
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, cancelled)
        if role == SORT_ROLE:
            if column == "when":
                return row.starts.isoformat()
            return self._text(row, column, cancelled).casefold()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.FontRole and cancelled:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and cancelled:
            return QColor("#777777")
        return None

    @staticmethod
    def _text(row: MeetingListRow, column: str, cancelled: bool) -> str:
        if column == "when":
            return f"{row.starts:%a %d-%m-%Y %H:%M}"
        if column == "kind":
            return meeting_kind(row.kind)
        if column == "title":
            prefix = "↻ " if row.series_id is not None else ""
            suffix = f" ({tr('cancelled')})" if cancelled else ""
            return f"{prefix}{row.title}{suffix}"
        if column == "partners":
            return ", ".join(row.partners)
        return row.location


class MeetingFilter(QSortFilterProxyModel):
    """Upcoming / past / all, one kind or all, and free text matching title, partner or place."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._period = "upcoming"
        self._kind: str | None = None
        self._text = ""
        self._now = datetime.now().astimezone()

    def _refilter(self, change: Callable[[], None]) -> None:
        """Apply ``change`` to the filter and have Qt re-ask every row (Qt 6.9+ wants begin/end around it)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def set_now(self, now: datetime) -> None:
        self._refilter(lambda: setattr(self, "_now", now))

    def set_period(self, period: str) -> None:
        """``upcoming`` (from now, earliest first), ``past`` (latest first) or ``all``."""
        self._refilter(lambda: setattr(self, "_period", period))

    def set_kind(self, kind: str | None) -> None:
        self._refilter(lambda: setattr(self, "_kind", kind))

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text.strip().casefold()))

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802 - Qt's name
        model = self.sourceModel()
        assert isinstance(model, MeetingTableModel)
        row = model.row_at(source_row)
        if self._period == "upcoming" and row.starts < self._now:
            return False
        if self._period == "past" and row.starts >= self._now:
            return False
        if self._kind is not None and row.kind != self._kind:
            return False
        if self._text:
            haystack = " ".join((row.title, row.location, *row.partners)).casefold()
            return self._text in haystack
        return True
