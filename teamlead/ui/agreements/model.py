"""The register's table: a model over plain rows that sorts itself and tests every row against the filters in
one pass, and a proxy that shows the rows that passed. Testable without widgets.

At city scale (30,000 agreements) asking Python once per row from C++ costs more than the test itself, so the
model decides all rows in a loop and the proxy only looks the answer up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from teamlead.i18n import tr
from teamlead.ui.agreements.data import RegisterRow
from teamlead.ui.widgets.formatting import agreement_status_label, format_date, one_line

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("due", "status", "text", "partners", "responsible", "meeting")
OVERDUE_COLOUR = "#b00020"
OVERDUE_BACKGROUND = "#fde7ea"

DUE_ANY, DUE_OVERDUE, DUE_TWO_WEEKS, DUE_NONE = "any", "overdue", "two_weeks", "none"


def headers() -> list[str]:
    return [tr("Due"), tr("Status"), tr("Agreement"), tr("Partners"), tr("Responsible"), tr("Made in")]


@dataclass(frozen=True)
class RegisterFilter:
    """What the register shows. ``statuses`` None: every status; text filters are folded, "" means any."""

    today: date
    statuses: frozenset[str] | None = None
    due: str = DUE_ANY
    text: str = ""
    partner: str = ""
    meeting: str = ""
    meeting_id: int | None = None

    def accepts(self, row: RegisterRow) -> bool:
        if self.statuses is not None and row.status not in self.statuses:
            return False
        if self.due == DUE_OVERDUE and not row.overdue_on(self.today):
            return False
        if self.due == DUE_TWO_WEEKS and not (
            row.is_open and row.due_on is not None and row.due_on <= self.today + timedelta(days=14)
        ):
            return False
        if self.due == DUE_NONE and row.due_on is not None:
            return False
        if self.meeting_id is not None and not (
            (row.made_in is not None and row.made_in.id == self.meeting_id)
            or self.meeting_id in row.discussed_in
        ):
            return False
        if self.partner and not any(self.partner in name.casefold() for name in row.organisations):
            return False
        if self.meeting and self.meeting not in row.meetings_search:
            return False
        return not self.text or all(word in row.search for word in self.text.split())


def _sort_keys(today: date) -> dict[str, Callable[[RegisterRow], Any]]:
    return {
        "due": lambda r: (r.due_on is None, r.due_on or today, r.id),
        "status": lambda r: (agreement_status_label(r.status), r.due_on or today),
        "text": lambda r: r.text.casefold(),
        "partners": lambda r: ", ".join(r.organisations).casefold(),
        "responsible": lambda r: (not r.responsible, r.responsible.casefold()),
        "meeting": lambda r: (r.made_in is None, r.made_in.starts if r.made_in else None, r.id),
    }


class AgreementTableModel(QAbstractTableModel):
    """Agreements in rows; an overdue one is red on a light red ground, its due date bold."""

    def __init__(self, today: date, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RegisterRow] = []
        self._accepted: list[bool] = []
        self._filter = RegisterFilter(today)
        self._headers = headers()
        self._bold = QFont()
        self._bold.setBold(True)
        self._sorted_by: tuple[str, Qt.SortOrder] = ("due", Qt.SortOrder.AscendingOrder)

    @property
    def today(self) -> date:
        return self._filter.today

    def set_rows(self, rows: Sequence[RegisterRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_rows()
        self._accepted = [self._filter.accepts(r) for r in self._rows]
        self.endResetModel()

    def set_filter(self, spec: RegisterFilter) -> None:
        """Test every row against ``spec`` (the proxy must be told to re-filter afterwards)."""
        self._filter = spec
        self._accepted = [spec.accepts(r) for r in self._rows]

    @property
    def filter(self) -> RegisterFilter:
        return self._filter

    def accepted(self, source_row: int) -> bool:
        return self._accepted[source_row]

    def row_at(self, row: int) -> RegisterRow:
        return self._rows[row]

    def source_row_of(self, agreement_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == agreement_id), None)

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
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "text":
            return row.text
        overdue = row.overdue_on(self.today)
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QColor(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return QColor(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and overdue and column in ("due", "status"):
            return self._bold
        return None

    def text(self, row: RegisterRow, column: str) -> str:
        if column == "due":
            text = format_date(row.due_on, today=self.today)
            return f"{text} ⚠" if row.overdue_on(self.today) else text
        if column == "status":
            return agreement_status_label(row.status)
        if column == "text":
            return one_line(row.text, 160)
        if column == "partners":
            return ", ".join(row.organisations)
        if column == "responsible":
            return row.responsible
        if row.made_in is None:
            return ""
        return f"{format_date(row.made_in.starts.date(), today=self.today)} {row.made_in.title}"

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sorted_by = (COLUMNS[column], order)
        self._sort_rows()
        self._accepted = [self._filter.accepts(r) for r in self._rows]
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._sorted_by
        self._rows.sort(key=_sort_keys(self.today)[column], reverse=order == Qt.SortOrder.DescendingOrder)


class AgreementFilter(QSortFilterProxyModel):
    """Shows the rows the model accepted; sorting is the model's own (one Python sort, not a C++ comparison
    calling back into Python per pair)."""

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802 - Qt's name
        assert isinstance(model, AgreementTableModel)
        super().setSourceModel(model)

    def model_(self) -> AgreementTableModel:
        model = self.sourceModel()
        assert isinstance(model, AgreementTableModel)
        return model

    def set_filter(self, spec: RegisterFilter) -> None:
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.model_().set_filter(spec)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.model_().set_filter(spec)
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802 - Qt's name
        return self.model_().accepted(source_row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.model_().sort(column, order)

    def row_at(self, proxy_row: int) -> RegisterRow:
        return self.model_().row_at(self.mapToSource(self.index(proxy_row, 0)).row())

    def rows(self) -> list[RegisterRow]:
        return [self.row_at(i) for i in range(self.rowCount())]

    def proxy_row_of(self, agreement_id: int) -> int | None:
        source = self.model_().source_row_of(agreement_id)
        if source is None:
            return None
        index = self.mapFromSource(self.model_().index(source, 0))
        return index.row() if index.isValid() else None
