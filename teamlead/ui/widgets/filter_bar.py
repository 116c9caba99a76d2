"""A row of filters that wraps onto a second line instead of squeezing its search box, at any window width.

The screens put a search box, a few labelled combos and a button or two above their lists. In one
:class:`QHBoxLayout` that row needed 936 pixels on Partners, so a 960-pixel window (half a laptop screen,
beside Outlook) either clipped it or shrank the search box to a few pixels. :class:`FlowLayout` lays the
groups out left to right and starts a new line when the next group does not fit; on each line the groups
that may grow (the search box) share the room that is left. A label stays on the line of its field.
"""

from __future__ import annotations

from typing import override

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QLayoutItem, QSizePolicy, QWidget

SEARCH_MIN_WIDTH = 200
"""A search or filter box is never narrower than this: room for a name like "Politie basisteam Slotervaart"
to be read back while typing it."""
FIELD_MIN_WIDTH = 120
"""A second text filter beside the search box (a partner, a meeting title) keeps at least this width."""


class FlowLayout(QLayout):
    """Items left to right, wrapping onto the next line when the width runs out.

    Each item keeps its size hint (never less than its minimum); on every line the room left over goes to
    the items added with a ``stretch``, in proportion, so the search box is as wide as its line allows."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6, line_spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: dict[int, int] = {}
        self._spacing = spacing
        self._line_spacing = line_spacing
        self.setContentsMargins(0, 0, 0, 0)

    def add_widget(self, widget: QWidget, stretch: int = 0) -> None:
        """Add ``widget`` as one item; a ``stretch`` above 0 lets it take the room its line has left."""
        self.addWidget(widget)
        self._stretch[id(self._items[-1])] = stretch

    # --- QLayout ------------------------------------------------------------------------------------------

    @override
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    @override
    def count(self) -> int:
        return len(self._items)

    @override
    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    @override
    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._stretch.pop(id(item), None)
            return item
        return None

    @override
    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    @override
    def hasHeightForWidth(self) -> bool:
        return True

    @override
    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    @override
    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    @override
    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self._spacing * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    @override
    def minimumSize(self) -> QSize:
        """As wide as the widest item: the rest can always wrap."""
        shown = self._shown()
        width = max((item.minimumSize().width() for item in shown), default=0)
        height = max((item.minimumSize().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    # --- arranging ----------------------------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _with_margins(self, size: QSize) -> QSize:
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            wanted = max(item.sizeHint().width(), item.minimumSize().width())
            if lines[-1] and used + self._spacing + wanted > width:
                lines.append([])
                used = 0
            used += wanted + (self._spacing if lines[-1] else 0)
            lines[-1].append(item)
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in ``rect`` (only measure when not ``move``); returns the height used."""
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        y = area.y()
        for number, line in enumerate(self._lines(area.width())):
            if number:
                y += self._line_spacing
            widths = self._widths(line, area.width())
            height = max(item.sizeHint().height() for item in line)
            if move:
                x = area.x()
                for item, width in zip(line, widths, strict=True):
                    item_height = min(height, item.maximumSize().height())
                    top = y + (height - item_height) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(width, item_height)))
                    x += width + self._spacing
            y += height
        return y - area.y() + margins.top() + margins.bottom()

    def _widths(self, line: list[QLayoutItem], width: int) -> list[int]:
        """Size hints, shrunk towards minimums when even one item is too wide, with the rest of the line given
        to the stretching items."""
        widths = [max(item.sizeHint().width(), item.minimumSize().width()) for item in line]
        room = width - sum(widths) - self._spacing * (len(line) - 1)
        if room < 0:
            for index, item in enumerate(line):
                give = min(-room, widths[index] - item.minimumSize().width())
                widths[index] -= give
                room += give
            return widths
        stretches = [self._stretch.get(id(item), 0) for item in line]
        total = sum(stretches)
        if total:
            for index, stretch in enumerate(stretches):
                maximum = line[index].maximumSize().width()
                widths[index] = min(maximum, widths[index] + room * stretch // total)
        return widths


def labelled(label: QLabel | None, field: QWidget, *, min_width: int = 0) -> QWidget:
    """A label and its field as one group, so a wrap never separates them; ``min_width`` for the field."""
    group = QWidget()
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    if label is not None:
        row.addWidget(label)
    row.addWidget(field, 1)
    if min_width:
        field.setMinimumWidth(min_width)
    group.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return group
