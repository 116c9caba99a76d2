"""Table models over plain rows for people, their roles over time, and a record's timeline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, override

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from teamlead.data.queries.organisation import TimelineEntry
from teamlead.data.queries.partner_page import RoleLine
from teamlead.data.queries.people import PersonRow
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.text import filter_terms, fold, haystack

AnyIndex = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole
RowRole = Qt.ItemDataRole.UserRole + 1
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


class RowTableModel[RowT](QAbstractTableModel):
    """A read-only table over a list of frozen rows; subclasses say what each column shows and sorts by."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def display(self, row: RowT, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, row: RowT, column: int) -> Any:
        return fold(self.display(row, column))

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, number: int) -> RowT:
        return self._rows[number]

    def rows(self) -> list[RowT]:
        return list(self._rows)

    @override
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers())

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
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


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


class PeopleTableModel(RowTableModel[PersonRow]):
    """People with their current roles, filtered and sorted in the model itself.

    With 12,000 people a proxy model would call Python once per row on every keystroke; here a keystroke is
    one list comprehension over precomputed, folded haystacks and one model reset, and Qt then only asks for
    the rows on screen.
    """

    NAME, ROLE, ORGANISATION, PHONE, EMAIL = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[PersonRow] = []
        self._haystacks: dict[int, str] = {}
        self._cells: dict[int, tuple[str, ...]] = {}
        self._words: tuple[str, ...] = ()
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def headers(self) -> Sequence[str]:
        return (tr("Name"), tr("Role"), tr("Organisation"), tr("Phone"), tr("E-mail"))

    @staticmethod
    def cells(row: PersonRow) -> tuple[str, ...]:
        return (
            row.name,
            ", ".join(role.title for role in row.roles if role.title),
            ", ".join(dict.fromkeys(role.organisation for role in row.roles)),
            row.phone,
            row.email,
        )

    def display(self, row: PersonRow, column: int) -> str:
        cells = self._cells.get(row.id)
        return (cells if cells is not None else self.cells(row))[column]

    @staticmethod
    def haystack(row: PersonRow) -> str:
        """Name, roles, organisations, phone (also as digits alone) and e-mail: what type-to-filter searches."""
        roles = " ".join(f"{role.title} {role.organisation}" for role in row.roles)
        digits = "".join(character for character in row.phone if character.isdigit())
        return haystack((row.name, roles, row.phone, digits, row.email))

    def set_rows(
        self,
        rows: Sequence[PersonRow],
        haystacks: Sequence[str] | None = None,
        cells: Sequence[tuple[str, ...]] | None = None,
    ) -> None:
        """Replace the rows; pass ``haystacks`` and ``cells`` computed off the GUI thread for large lists."""
        texts = haystacks if haystacks is not None else [self.haystack(row) for row in rows]
        shown = cells if cells is not None else [self.cells(row) for row in rows]
        self._haystacks = {row.id: text for row, text in zip(rows, texts, strict=True)}
        self._cells = {row.id: row_cells for row, row_cells in zip(rows, shown, strict=True)}
        self._all = list(rows)
        if self._sort is not None and self._sort != (self.NAME, Qt.SortOrder.AscendingOrder):
            self._sort_all(*self._sort)  # the query itself sorts by name
        self._show()

    def total(self) -> int:
        """All people loaded, shown or filtered out."""
        return len(self._all)

    def set_filter_text(self, text: str) -> None:
        """Show only the people whose haystack matches every typed word (:mod:`teamlead.rules.text`)."""
        self._words = filter_terms(text)
        self._show()

    def _show(self) -> None:
        haystacks, words = self._haystacks, self._words
        self.beginResetModel()
        if not words:
            self._rows = list(self._all)
        elif len(words) == 1:
            word = words[0]
            self._rows = [row for row in self._all if word in haystacks[row.id]]
        else:
            self._rows = [row for row in self._all if all(word in haystacks[row.id] for word in words)]
        self.endResetModel()

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == _DISPLAY:
            return self._cells[self._rows[index.row()].id][index.column()]
        return super().data(index, role)

    def _sort_all(self, column: int, order: Qt.SortOrder) -> None:
        cells = self._cells
        self._all.sort(
            key=lambda row: fold(cells[row.id][column]) if column != self.NAME else fold(row.name),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._sort_all(column, order)
        self._show()


class RoleTableModel(RowTableModel[RoleLine]):
    """Roles over time: who, what, where, from when to when; ended roles say so."""

    PERSON, TITLE, ORGANISATION, FROM, TO, PHONE, EMAIL = range(7)

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today

    def headers(self) -> Sequence[str]:
        return (
            tr("Name"),
            tr("Role"),
            tr("Organisation"),
            tr("From"),
            tr("Until"),
            tr("Phone"),
            tr("E-mail"),
        )

    def display(self, row: RoleLine, column: int) -> str:
        if column == self.TO:
            return _day(row.ended_on) if row.ended_on else tr("now")
        return (
            row.person_name,
            row.title,
            row.organisation_name,
            _day(row.started_on),
            "",
            row.phone,
            row.email,
        )[column]

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            if not self._rows[index.row()].current(self._today()):
                return Qt.GlobalColor.gray
            return None
        return super().data(index, role)


def timeline_kind(entry: TimelineEntry) -> str:
    """What a timeline line is, in words: the note's or meeting's kind, or the agreement and its status."""
    if entry.kind == "note":
        return words.note_kind(entry.detail)
    if entry.kind == "meeting":
        return words.meeting_kind_alone(entry.detail)
    return tr("Agreement ({status})", status=words.agreement_status_in_sentence(entry.detail))


class TimelineModel(RowTableModel[TimelineEntry]):
    """A partner's or person's history, newest first; the full text shows as a tooltip."""

    DATE, WHAT, TEXT = range(3)

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == self.TEXT:
            return self.row_at(index.row()).title
        return super().data(index, role)

    def headers(self) -> Sequence[str]:
        return (tr("Date"), tr("What"), tr("Summary"))

    def display(self, row: TimelineEntry, column: int) -> str:
        if column == self.TEXT:
            return " ".join(row.title.split())[:200]
        return row.on.isoformat() if column == self.DATE else timeline_kind(row)
