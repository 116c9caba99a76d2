"""The register's table: a model over plain rows that filters and sorts itself, and the proxy the view sorts
through. Testable without widgets.

At city scale (30,000 agreements) a keystroke in a filter must stay well under a frame or two, so the filters
run as a few list comprehensions over pre-folded text rather than as a per-row callback from C++.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from teamlead.data.queries.agreements_register import Register, RegisterRow
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.limits import DUE_SOON_DAYS
from teamlead.rules.text import filter_terms, fold, matches
from teamlead.ui.widgets.formatting import format_date, one_line
from teamlead.ui.widgets.rows_model import RowsModel

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("due", "status", "text", "partners", "responsible", "meeting")
OVERDUE_COLOUR = "#b00020"
OVERDUE_BACKGROUND = "#fde7ea"

DUE_ANY, DUE_OVERDUE, DUE_TWO_WEEKS, DUE_NONE = "any", "overdue", "two_weeks", "none"


def headers() -> list[str]:
    return [tr("Due"), tr("Status"), tr("Agreement"), tr("Partners"), tr("Responsible"), tr("Made in")]


@dataclass(frozen=True)
class RegisterFilter:
    """What the register shows. ``statuses`` None: every status; text filters as typed, "" means any (each
    word must start a word of the field, as everywhere: :mod:`teamlead.rules.text`)."""

    today: date
    statuses: frozenset[str] | None = None
    due: str = DUE_ANY
    text: str = ""
    partner: str = ""
    meeting: str = ""
    meeting_id: int | None = None

    def apply(self, rows: list[RegisterRow], meeting_titles: dict[int, str]) -> list[RegisterRow]:
        """The rows that pass, in their order: one tight comprehension per active filter, cheapest first."""
        today, soon = self.today, self.today + timedelta(days=DUE_SOON_DAYS)
        if self.statuses is not None:
            statuses = self.statuses
            rows = [r for r in rows if r.status in statuses]
        if self.due == DUE_OVERDUE:
            rows = [r for r in rows if r.due_on is not None and r.due_on < today and r.is_open]
        elif self.due == DUE_TWO_WEEKS:
            rows = [r for r in rows if r.due_on is not None and r.due_on <= soon and r.is_open]
        elif self.due == DUE_NONE:
            rows = [r for r in rows if r.due_on is None]
        if self.meeting_id is not None:
            meeting_id = self.meeting_id
            rows = [r for r in rows if meeting_id in r.meeting_ids]
        partner = filter_terms(self.partner)
        if partner:
            rows = [r for r in rows if matches(partner, r.partners_search)]
        meeting = filter_terms(self.meeting)
        if meeting:
            wanted = {m for m, title in meeting_titles.items() if matches(meeting, title)}
            rows = [r for r in rows if not wanted.isdisjoint(r.meeting_ids)]
        for term in filter_terms(self.text):
            rows = [r for r in rows if term in r.search]
        return rows


def _sort_keys(today: date) -> dict[str, Callable[[RegisterRow], Any]]:
    return {
        "due": lambda r: (r.due_on is None, r.due_on or today, r.id),
        "status": lambda r: (words.agreement_status(r.status), r.due_on or today),
        "text": lambda r: fold(r.text),
        "partners": lambda r: fold(", ".join(r.organisations)),
        "responsible": lambda r: (not r.responsible, fold(r.responsible)),
        "meeting": lambda r: (r.made_in is None, r.made_in.starts if r.made_in else None, r.id),
    }


class AgreementTableModel(RowsModel[RegisterRow]):
    """The agreements that pass the filter, in the chosen order; an overdue one is red on a light red ground,
    its due date bold. It filters and sorts itself (one Python pass over plain rows), because asking Python once
    per row from C++ would cost more than the filtering itself at city scale."""

    def __init__(self, today: date, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[RegisterRow] = []
        self._meeting_titles: dict[int, str] = {}
        self._filter = RegisterFilter(today)
        self._bold = QFont()
        self._bold.setBold(True)
        self._sorted_by: tuple[str, Qt.SortOrder] = ("due", Qt.SortOrder.AscendingOrder)
        self.overdue_total = 0

    def headers(self) -> list[str]:
        return headers()

    def display(self, row: RegisterRow, column: int) -> str:
        return self.text(row, COLUMNS[column])

    @property
    def today(self) -> date:
        return self._filter.today

    @property
    def total(self) -> int:
        """All agreements loaded, whatever the filter."""
        return len(self._all)

    def set_register(self, register: Register) -> None:
        self.beginResetModel()
        self._all = list(register.rows)
        self._meeting_titles = register.meeting_titles
        self._sort_all()
        self._rows = self._filter.apply(self._all, self._meeting_titles)
        self.overdue_total = sum(1 for r in self._all if r.overdue_on(self.today))
        self.endResetModel()

    def set_filter(self, spec: RegisterFilter) -> None:
        self.beginResetModel()
        self._filter = spec
        self._rows = spec.apply(self._all, self._meeting_titles)
        self.endResetModel()

    @property
    def filter(self) -> RegisterFilter:
        return self._filter

    def source_row_of(self, agreement_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == agreement_id), None)

    def is_loaded(self, agreement_id: int) -> bool:
        return any(r.id == agreement_id for r in self._all)

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
        return super().data(index, role)

    def text(self, row: RegisterRow, column: str) -> str:
        if column == "due":
            text = format_date(row.due_on, today=self.today)
            return f"{text} ⚠" if row.overdue_on(self.today) else text
        if column == "status":
            return words.agreement_status(row.status)
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
        self._sort_all()
        self._rows = self._filter.apply(self._all, self._meeting_titles)
        self.layoutChanged.emit()

    def _sort_all(self) -> None:
        column, order = self._sorted_by
        self._all.sort(key=_sort_keys(self.today)[column], reverse=order == Qt.SortOrder.DescendingOrder)


class AgreementFilter(QSortFilterProxyModel):
    """The view's side of the register: passes the model's rows through and hands a header click's sort to
    the model (one Python sort, not a C++ comparison calling back into Python per pair of rows)."""

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802 - Qt's name
        assert isinstance(model, AgreementTableModel)
        super().setSourceModel(model)

    def model_(self) -> AgreementTableModel:
        model = self.sourceModel()
        assert isinstance(model, AgreementTableModel)
        return model

    def set_filter(self, spec: RegisterFilter) -> None:
        self.model_().set_filter(spec)

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
