"""The one base of the table models, without widgets: counts, headers, the row behind an index, sorting."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt

from teamlead.ui.widgets.rows_model import RowRole, RowsModel, SortRole


@dataclass(frozen=True)
class Partner:
    name: str
    open_agreements: int


class PartnersModel(RowsModel[Partner]):
    def headers(self) -> Sequence[str]:
        return ("Name", "Agreements")

    def display(self, row: Partner, column: int) -> str:
        return row.name if column == 0 else str(row.open_agreements)

    def sort_key(self, row: Partner, column: int) -> object:
        return super().sort_key(row, column) if column == 0 else row.open_agreements


def names(model: PartnersModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_rows_headers_and_roles() -> None:
    model = PartnersModel()
    assert (model.rowCount(), model.columnCount()) == (0, 2)
    rows = [Partner("Zoë's Buurtwerk", 2), Partner("Ålesund Zorg", 10), Partner("buurtteam", 9)]
    model.set_rows(rows)
    assert model.rowCount() == 3
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Agreements"
    assert model.index(1, 1).data() == "10"
    assert model.index(1, 0).data(RowRole) is rows[1]
    assert model.index(0, 0).data(SortRole) == "zoe's buurtwerk"  # folded: case and diacritics ignored
    assert model.rowCount(model.index(0, 0)) == 0  # a table: rows have no children


def test_sorting_by_a_column_key() -> None:
    model = PartnersModel()
    model.set_rows([Partner("Zoë's Buurtwerk", 2), Partner("Ålesund Zorg", 10), Partner("buurtteam", 9)])
    model.sort(0)
    assert names(model) == ["Ålesund Zorg", "buurtteam", "Zoë's Buurtwerk"]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["Ålesund Zorg", "buurtteam", "Zoë's Buurtwerk"]
    model.sort(1)
    assert names(model) == ["Zoë's Buurtwerk", "buurtteam", "Ålesund Zorg"]
