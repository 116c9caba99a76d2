"""A table keeps its key column (the partner's name, the meeting's title) readable in a narrow window.

With the key column on ``Stretch`` and the others at fixed widths, a narrow table squeezed the key column
to a couple of letters ("A…", "B…") while dates and statuses kept all their room. :class:`KeyColumn` gives the
key column what the others leave while that is enough, and otherwise holds it at ``KEY_MIN_WIDTH`` and
shrinks the other columns in proportion (their text elides), down to a floor (a date keeps its width); only
then does the table scroll sideways.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import override

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from teamlead.ui.widgets.viewport import viewport_of

KEY_MIN_WIDTH = 170
"""The key column is never narrower than this: "Basisschool De Notenkraker" still reads as a name."""
OTHER_MIN_WIDTH = 44
"""Another column shrinks no further than this (a few letters and the ellipsis)."""


class KeyColumn(QObject):
    """Sizes ``table``'s columns whenever its viewport changes width; the others' widths as set when it is
    installed are what they get when there is room (call :meth:`remember_widths` after changing them)."""

    def __init__(
        self, table: QTableView, key: int, key_min: int = KEY_MIN_WIDTH, keep: Iterable[int] = ()
    ) -> None:
        """``keep``: columns that never shrink (a date, a time: cut short they say nothing)."""
        super().__init__(table)
        self._table = table
        self._key = key
        self._key_min = key_min
        self._keep = frozenset(keep)
        self._widths: dict[int, int] = {}
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column in range(header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(min(header.minimumSectionSize(), OTHER_MIN_WIDTH))
        self.remember_widths()
        viewport_of(table).installEventFilter(self)
        model = table.model()
        model.modelReset.connect(self.fit)
        model.columnsInserted.connect(self.remember_widths)

    def remember_widths(self, *_args: object) -> None:
        header = self._table.horizontalHeader()
        self._widths = {
            column: header.sectionSize(column)
            for column in range(header.count())
            if column != self._key and not header.isSectionHidden(column)
        }
        self.fit()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self, *_args: object) -> None:
        if not self._table.isVisible():
            return  # sized when shown: its viewport gets a resize event then
        header = self._table.horizontalHeader()
        shown = {c: w for c, w in self._widths.items() if not header.isSectionHidden(c)}
        available = self._table.viewport().width()
        others = sum(shown.values())
        if available - others >= self._key_min:
            header.resizeSection(self._key, available - others)
            for column, width in shown.items():
                header.resizeSection(column, width)
            return
        floors = {c: w if c in self._keep else min(w, OTHER_MIN_WIDTH) for c, w in shown.items()}
        give = sum(shown.values()) - sum(floors.values())
        short = others - (available - self._key_min)
        share = min(1.0, short / give) if give else 1.0
        for column, width in shown.items():
            header.resizeSection(column, floors[column] + int((width - floors[column]) * (1 - share)))
        rest = available - sum(header.sectionSize(column) for column in shown)
        header.resizeSection(self._key, max(self._key_min, rest))
