"""The People list's table model: everyone with their current roles, filtered and sorted in the model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, override

from PySide6.QtCore import QObject, Qt

from teamlead.data.queries.people import PersonRow
from teamlead.i18n import tr
from teamlead.rules.text import filter_terms, fold, haystack, narrows
from teamlead.ui.widgets.rows_model import AnyIndex, RowsModel

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


class PeopleTableModel(RowsModel[PersonRow]):
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
        """Show only the people whose haystack matches every typed word (:mod:`teamlead.rules.text`); one more
        letter looks among those shown, not among all 12,000 of a city."""
        words = filter_terms(text)
        among = self._rows if self._words and narrows(words, self._words) else None
        self._words = words
        self._show(among)

    def _show(self, among: list[PersonRow] | None = None) -> None:
        haystacks, words = self._haystacks, self._words
        pool = self._all if among is None else among
        self.beginResetModel()
        if not words:
            self._rows = list(pool)
        elif len(words) == 1:
            word = words[0]
            self._rows = [row for row in pool if word in haystacks[row.id]]
        else:
            self._rows = [row for row in pool if all(word in haystacks[row.id] for word in words)]
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
