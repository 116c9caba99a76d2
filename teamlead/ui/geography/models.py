"""The settings page's three lists as table models over the query's plain rows (testable without widgets).

Each list shows a record's name and how much uses it, so the team lead sees before deleting or merging what
would be refused or moved; the row's tooltip says it all (notes, meetings, agreements too).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, override

from PySide6.QtCore import Qt

from teamlead.data.queries.geography import DistrictRow, DomainRow, NeighbourhoodRow, Usage
from teamlead.i18n import tr
from teamlead.ui.widgets.rows_model import AnyIndex, RowsModel

_NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def usage_tooltip(usage: Usage) -> str:
    return tr("In use: {what}", what=usage.describe()) if usage.in_use else tr("Not in use")


class _GeographyModel[RowT: DistrictRow | NeighbourhoodRow | DomainRow](RowsModel[RowT]):
    """Columns after the first that are counts sort as numbers and stand right-aligned."""

    def count(self, row: RowT, column: int) -> int | None:
        """The number in a count column; None for a text column."""
        return None

    @override
    def display(self, row: RowT, column: int) -> str:
        number = self.count(row, column)
        return str(number) if number is not None else self.text(row, column)

    def text(self, row: RowT, column: int) -> str:
        return row.name

    @override
    def sort_key(self, row: RowT, column: int) -> Any:
        number = self.count(row, column)
        return number if number is not None else super().sort_key(row, column)

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            return usage_tooltip(self._rows[index.row()].usage)
        if index.isValid() and role == Qt.ItemDataRole.TextAlignmentRole:
            return (
                _NUMBER_ALIGNMENT if self.count(self._rows[index.row()], index.column()) is not None else None
            )
        return super().data(index, role)


class DistrictModel(_GeographyModel[DistrictRow]):
    def headers(self) -> Sequence[str]:
        return (tr("Name"), tr("Neighbourhoods"), tr("Partners"))

    def count(self, row: DistrictRow, column: int) -> int | None:
        return (None, row.usage.neighbourhoods, row.usage.partners)[column]


class NeighbourhoodModel(_GeographyModel[NeighbourhoodRow]):
    def headers(self) -> Sequence[str]:
        return (tr("Name"), tr("In district"), tr("Partners"), tr("Notes"))

    def count(self, row: NeighbourhoodRow, column: int) -> int | None:
        return (None, None, row.usage.partners, row.usage.notes)[column]

    def text(self, row: NeighbourhoodRow, column: int) -> str:
        return row.district if column == 1 else row.name


class DomainModel(_GeographyModel[DomainRow]):
    def headers(self) -> Sequence[str]:
        return (tr("Name"), tr("Report key"), tr("Partners"))

    def count(self, row: DomainRow, column: int) -> int | None:
        return row.usage.partners if column == 2 else None

    def text(self, row: DomainRow, column: int) -> str:
        if column == 1:
            return row.key or ""
        return row.label

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            row = self._rows[index.row()]
            if index.column() == 1:
                return tr(
                    "The district report counts its partners as partners_active_{key}.", key=row.key or ""
                )
            if row.is_default:
                return "\n".join((usage_tooltip(row.usage), default_domain_note()))
        return super().data(index, role)


def default_domain_note() -> str:
    return tr("A default domain: it can be renamed, but not deleted or merged into another.")
