"""The settings page's signal themes and offers as table models over the query's plain rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, override

from PySide6.QtCore import Qt

from teamlead.data.queries.signal_lists import OfferRow, ThemeRow
from teamlead.i18n import tr
from teamlead.reporting.summary_keys import THEME_PREFIX
from teamlead.ui.widgets.rows_model import AnyIndex, RowsModel

_NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def default_theme_note() -> str:
    return tr("A default theme: the district report counts it, so it can be renamed but not deleted.")


class ThemeModel(RowsModel[ThemeRow]):
    """Name, the Summary key the district report counts it under (``signals_theme_<key>``), and how many
    signals have it."""

    def headers(self) -> Sequence[str]:
        return (tr("Name"), tr("Report key"), tr("Signals"))

    def display(self, row: ThemeRow, column: int) -> str:
        return (row.label, f"{THEME_PREFIX}{row.key}", str(row.signals))[column]

    @override
    def sort_key(self, row: ThemeRow, column: int) -> Any:
        return row.signals if column == 2 else super().sort_key(row, column)

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return _NUMBER_ALIGNMENT
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            row = self._rows[index.row()]
            if index.column() == 1:
                return tr(
                    "The district report counts its signals under this key; it stays when the theme is renamed."
                )
            if row.is_default:
                return default_theme_note()
        return super().data(index, role)


class OfferModel(RowsModel[OfferRow]):
    """Name and how many partners offer it."""

    def headers(self) -> Sequence[str]:
        return (tr("Name"), tr("Partners"))

    def display(self, row: OfferRow, column: int) -> str:
        return (row.name, str(row.partners))[column]

    @override
    def sort_key(self, row: OfferRow, column: int) -> Any:
        return row.partners if column == 1 else super().sort_key(row, column)

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return _NUMBER_ALIGNMENT
        return super().data(index, role)
