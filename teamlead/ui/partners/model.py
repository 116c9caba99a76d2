"""The partner roster as a Qt table: plain rows in, a sortable, type-to-filter table out.

Filtering and sorting happen in Python over precomputed keys, not through per-cell ``data()`` calls: with
3,000 partners a keystroke must cost well under a frame (16 ms), and every call from Qt's C++ into a Python
``data()`` or ``lessThan()`` costs microseconds. So the source model sorts itself with ``list.sort`` and the
proxy tests a precomputed, folded haystack per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from enum import StrEnum
from typing import Any, override

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from teamlead.data.queries.roster import RosterRow
from teamlead.i18n import tr
from teamlead.rules.text import filter_terms, fold, haystack
from teamlead.ui.widgets import rows_model
from teamlead.ui.widgets.formatting import day_cell, day_text
from teamlead.ui.widgets.rows_model import RowsModel

AnyIndex = QModelIndex | QPersistentModelIndex


class Light(StrEnum):
    """The stay-in-touch traffic light, from the roster query's contact state (cadence and last contact)."""

    GREEN = "ok"
    AMBER = "due"
    RED = "overdue"
    NONE = "none"


LIGHT_COLOURS = {
    Light.GREEN: QColor("#2e7d32"),
    Light.AMBER: QColor("#ef8f00"),
    Light.RED: QColor("#c62828"),
    Light.NONE: QColor("#9e9e9e"),
}


def light_of(row: RosterRow) -> Light:
    try:
        return Light(row.contact_state)
    except ValueError:
        return Light.NONE


def light_text(light: Light) -> str:
    return {
        Light.GREEN: tr("In touch"),
        Light.AMBER: tr("Due soon"),
        Light.RED: tr("Overdue"),
        Light.NONE: tr("No cadence"),
    }[light]


SHOWN_NEIGHBOURHOODS = 3


def neighbourhood_summary(names: tuple[str, ...]) -> str:
    """The first few neighbourhoods and how many more (the tooltip lists them all).

    A city-wide partner serves dozens; eliding such a string on every repaint costs more than the rest of the
    row together, and a cell cannot show it anyway.
    """
    if len(names) <= SHOWN_NEIGHBOURHOODS:
        return ", ".join(names)
    return f"{', '.join(names[:SHOWN_NEIGHBOURHOODS])} +{len(names) - SHOWN_NEIGHBOURHOODS}"


def filter_text(row: RosterRow) -> str:
    """What type-to-filter searches, made once per load: name, domain, neighbourhoods and people."""
    return haystack((row.name, row.domain, *row.neighbourhoods, *row.people))


Entry = tuple[RosterRow, str, tuple[str, ...], str]
"""A roster row with its filter haystack, its display cells and its folded name (the sort key)."""


def cells(row: RosterRow) -> tuple[str, ...]:
    """What the six columns show, in the current language."""
    return (
        row.name if row.status == "active" else tr("{name} (former)", name=row.name),
        row.domain,
        neighbourhood_summary(row.neighbourhoods),
        day_cell(row.last_contact) if row.last_contact else tr("never"),
        light_text(light_of(row)),
        str(row.open_agreements),
    )


def prepare(rows: Iterable[RosterRow]) -> list[Entry]:
    """Everything the table needs per row, computed once; pure Python, so a worker thread can do it."""
    return [(row, filter_text(row), cells(row), fold(row.name)) for row in rows]


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FORMER = QColor("#757575")


class PartnerTableModel(RowsModel[Entry]):
    """Partners in display order, each with its cells and filter text computed once per load.

    ``sort`` reorders the rows in Python by the column's sort key; :attr:`accepted` says, per row, whether it
    passes the current filter words (the proxy only reads it).
    """

    NAME, DOMAIN, NEIGHBOURHOODS, LAST_CONTACT, STAY_IN_TOUCH, OPEN_AGREEMENTS = range(6)
    SortRole = rows_model.SortRole
    RowRole = rows_model.RowRole
    """The :class:`RosterRow` (not the entry with its precomputed texts)."""
    IdRole = Qt.ItemDataRole.UserRole + 2
    LightRole = Qt.ItemDataRole.UserRole + 3
    _EXTRA_ROLES = frozenset(
        {
            _DECORATION,
            _TOOLTIP,
            _ALIGNMENT,
            _FOREGROUND,
            int(SortRole),
            int(RowRole),
            int(IdRole),
            int(LightRole),
        }
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self.accepted: list[bool] = []
        self._sort_column = self.NAME
        self._sort_order = Qt.SortOrder.AscendingOrder

    @staticmethod
    def headers() -> tuple[str, ...]:
        return (
            tr("Name"),
            tr("Domain"),
            tr("Neighbourhoods"),
            tr("Last contact"),
            tr("Stay in touch"),
            tr("Agreements"),
        )

    @staticmethod
    def cells(row: RosterRow) -> tuple[str, ...]:
        return cells(row)

    def display(self, row: Entry, column: int) -> str:
        return row[2][column]

    def sort_key(self, row: Entry, column: int) -> Any:
        return self._sort_key(column)(row)

    def set_roster(self, rows: Iterable[RosterRow]) -> None:
        """Replace the contents, keeping the current sort and filter words."""
        self.set_rows(prepare(rows))

    def set_rows(self, rows: Sequence[Entry]) -> None:
        """Replace the contents with entries :func:`prepare` made (off the GUI thread for thousands of rows),
        keeping the current sort and filter words."""
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    def set_words(self, words: tuple[str, ...]) -> None:
        """The filter terms (:func:`teamlead.rules.text.filter_terms`) every shown row must match; the proxy
        re-reads :attr:`accepted` on the reset.

        A reset, not a filter change: the proxy announced a changed filter as one removal or insertion per
        run of rows, hundreds of them for a key that keeps 185 of 515 partners, and the table handled each
        (20-30 ms a key at city scale). The view selects its partner again afterwards."""
        self.beginResetModel()
        self._words = words
        self._accept()
        self.endResetModel()

    def _accept(self) -> None:
        words = self._words
        if not words:
            self.accepted = [True] * len(self._rows)
        elif len(words) == 1:
            word = words[0]
            self.accepted = [word in text for _row, text, _cells, _name in self._rows]
        else:
            self.accepted = [all(word in text for word in words) for _row, text, _cells, _name in self._rows]

    def source_row_of(self, organisation_id: int) -> int | None:
        for number, entry in enumerate(self._rows):
            if entry[0].id == organisation_id:
                return number
        return None

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text straight from the precomputed cells; other roles only where they mean something.

        Called some 900 times per repaint, so the common cases return after one or two comparisons.
        """
        if role == _DISPLAY:
            return self._rows[index.row()][2][index.column()]
        if role not in self._EXTRA_ROLES or not index.isValid():
            return None
        row = self._rows[index.row()][0]
        column = index.column()
        if role == _DECORATION:
            return LIGHT_COLOURS[light_of(row)] if column == self.STAY_IN_TOUCH else None
        if role == _TOOLTIP:
            return self._tooltip(row, column)
        if role == _ALIGNMENT:
            return _RIGHT if column == self.OPEN_AGREEMENTS else None
        if role == _FOREGROUND:
            return _FORMER if row.status != "active" else None
        if role == self.SortRole:
            return self._sort_key(column)(self._rows[index.row()])
        if role == self.IdRole:
            return row.id
        if role == self.RowRole:
            return row
        return light_of(row)

    def _tooltip(self, row: RosterRow, column: int) -> str | None:
        if column == self.OPEN_AGREEMENTS:
            return tr("Open agreements")
        if column == self.NEIGHBOURHOODS:
            return "\n".join(row.neighbourhoods)
        if column == self.STAY_IN_TOUCH and row.contact_due_on is not None:
            return tr("Next contact due on {date}", date=day_text(row.contact_due_on))
        return None

    def _sort_key(self, column: int) -> Callable[[Entry], Any]:
        """A key over an entry; ties break on the folded name, so the order is stable and natural."""
        if column == self.DOMAIN:
            return lambda entry: (fold(entry[0].domain), entry[3])
        if column == self.NEIGHBOURHOODS:
            return lambda entry: (fold(", ".join(entry[0].neighbourhoods)), entry[3])
        if column == self.LAST_CONTACT:
            return lambda entry: (entry[0].last_contact or date.min, entry[3])
        if column == self.STAY_IN_TOUCH:
            order = {Light.RED: 0, Light.AMBER: 1, Light.GREEN: 2, Light.NONE: 3}
            return lambda entry: (
                order[light_of(entry[0])],
                entry[0].contact_due_on or date.max,
                entry[3],
            )
        if column == self.OPEN_AGREEMENTS:
            return lambda entry: (entry[0].open_agreements, entry[3])
        return lambda entry: entry[3]

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort_column, self._sort_order = column, order
        self._sort_rows()
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        self._rows.sort(
            key=self._sort_key(self._sort_column), reverse=self._sort_order == Qt.SortOrder.DescendingOrder
        )
        self._accept()


class PartnerFilterProxy(QSortFilterProxyModel):
    """Type-to-filter: every word must occur in the row's folded haystack. Sorting is left to the source.

    The district, domain, neighbourhood and status filters are applied in SQL by the view (they
    change rarely); the text changes on every keystroke, so it is matched here, in memory: the source model
    tests all rows in one list comprehension and this proxy only reads the answers.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._model: PartnerTableModel | None = None

    @override
    def setSourceModel(self, model: QAbstractItemModel) -> None:
        assert isinstance(model, PartnerTableModel)
        self._model = model
        super().setSourceModel(model)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        """Apply a new filter text (the source resets: a selection is the view's to restore)."""
        self._text = text
        if self._model is not None:
            self._model.set_words(filter_terms(text))

    @override
    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        return self._model.accepted[source_row] if self._model is not None else True

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Header clicks sort the source in Python (a C++ sort calling Python per comparison: 40x slower)."""
        self.sourceModel().sort(column, order)
