"""The meetings table: a model over plain rows that filters (period, kind, text or partner) and sorts itself,
and the proxy the view talks to. Testable without widgets; the view only wires them to a ``QTableView``.

Filtering and sorting are one Python pass over the rows (with the search text folded once per load) rather
than a callback from C++ per row or per comparison: that keeps a keystroke far under a frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from teamlead.data.queries.meeting_list import MeetingListRow
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.text import filter_terms, haystack, matches
from teamlead.rules.vocabulary import MeetingStatus
from teamlead.ui.widgets.formatting import format_when
from teamlead.ui.widgets.rows_model import RowRole, RowsModel, SortRole

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = SortRole
ROW_ROLE = RowRole

COLUMNS = ("when", "kind", "title", "partners", "location")
_KEEP = object()  # a filter left as it is


def _headers() -> list[str]:
    return [tr("When"), tr("Kind"), tr("Title"), tr("Partners"), tr("Location")]


class MeetingTableModel(RowsModel[MeetingListRow]):
    """The meetings that pass the filter, in the chosen order; a cancelled one is struck through and greyed,
    a series shows a ↻."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[tuple[MeetingListRow, str]] = []  # (row, filter haystack: title, place, partners)
        self._period = "upcoming"
        self._kind: str | None = None
        self._terms: tuple[str, ...] = ()
        self._now = datetime.now().astimezone()
        self._sorted_by: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    def headers(self) -> list[str]:
        return _headers()

    def display(self, row: MeetingListRow, column: int) -> str:
        return self._text_of(row, COLUMNS[column], row.status == MeetingStatus.CANCELLED)

    def sort_key(self, row: MeetingListRow, column: int) -> str:
        if COLUMNS[column] == "when":
            return row.starts.isoformat()
        return self.display(row, column).casefold()

    def total(self) -> int:
        """Every meeting loaded, whatever the filters show."""
        return len(self._all)

    @staticmethod
    def haystacks(rows: Sequence[MeetingListRow]) -> list[str]:
        """What the text filter searches in, per row: made with the rows, in the worker that read them."""
        return [haystack((row.title, row.location, *row.partners)) for row in rows]

    def set_rows(
        self,
        rows: Sequence[MeetingListRow],
        now: datetime | None = None,
        haystacks: Sequence[str] | None = None,
    ) -> None:
        """Show ``rows``; ``now``: split upcoming from past at this moment (else where it was split);
        ``haystacks``: :meth:`haystacks` of ``rows``, when made already."""
        self.beginResetModel()
        self._now = now if now is not None else self._now
        self._all = list(zip(rows, haystacks if haystacks is not None else self.haystacks(rows), strict=True))
        self._sort_all()
        self._rows = self._passing()
        self.endResetModel()

    def set_filter(
        self,
        *,
        period: str | None = None,
        kind: object = _KEEP,
        text: str | None = None,
        now: datetime | None = None,
    ) -> None:
        """Change one or more filters (``kind`` None: every kind) and show the rows that pass."""
        self.beginResetModel()
        self._period = period if period is not None else self._period
        self._kind = self._kind if kind is _KEEP else (None if kind is None else str(kind))
        self._terms = filter_terms(text) if text is not None else self._terms
        self._now = now if now is not None else self._now
        self._rows = self._passing()
        self.endResetModel()

    def _passing(self) -> list[MeetingListRow]:
        now, kind, terms = self._now, self._kind, self._terms
        rows = self._all
        if self._period == "upcoming":
            rows = [pair for pair in rows if pair[0].starts >= now]
        elif self._period == "past":
            rows = [pair for pair in rows if pair[0].starts < now]
        if kind is not None:
            rows = [pair for pair in rows if pair[0].kind == kind]
        if terms:
            rows = [pair for pair in rows if matches(terms, pair[1])]
        return [row for row, _haystack in rows]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sorted_by = (column, order)
        self._sort_all()
        self._rows = self._passing()
        self.layoutChanged.emit()

    def _sort_all(self) -> None:
        column, order = self._sorted_by
        name = COLUMNS[column] if 0 <= column < len(COLUMNS) else "when"
        if name == "when":
            self._all.sort(key=lambda pair: (pair[0].starts, pair[0].id))
        else:
            self._all.sort(
                key=lambda pair: self._text_of(
                    pair[0], name, pair[0].status == MeetingStatus.CANCELLED
                ).casefold()
            )
        if order == Qt.SortOrder.DescendingOrder:
            self._all.reverse()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        cancelled = row.status == MeetingStatus.CANCELLED
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text_of(row, column, cancelled)
        if role == Qt.ItemDataRole.FontRole and cancelled:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and cancelled:
            return QColor("#777777")
        return super().data(index, role)

    def _text_of(self, row: MeetingListRow, column: str, cancelled: bool) -> str:
        if column == "when":
            return format_when(row.starts, today=self._now.date())
        if column == "kind":
            return words.meeting_kind(row.kind)
        if column == "title":
            prefix = "↻ " if row.series_id is not None else ""
            suffix = f" ({tr('cancelled')})" if cancelled else ""
            return f"{prefix}{row.title}{suffix}"
        if column == "partners":
            return ", ".join(row.partners)
        return row.location


class MeetingFilter(QSortFilterProxyModel):
    """Upcoming / past / all, one kind or all, and free text matching title, partner or place; the work is the
    model's (see the module's docstring), this is the view's handle on it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def _model(self) -> MeetingTableModel:
        model = self.sourceModel()
        assert isinstance(model, MeetingTableModel)
        return model

    def set_now(self, now: datetime) -> None:
        self._model().set_filter(now=now)

    def set_period(self, period: str) -> None:
        """``upcoming`` (from now, earliest first), ``past`` (latest first) or ``all``."""
        self._model().set_filter(period=period)

    def set_kind(self, kind: str | None) -> None:
        self._model().set_filter(kind=kind)

    def set_text(self, text: str) -> None:
        self._model().set_filter(text=text)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model().sort(column, order)
