"""A list with a record's page beside it, as the Partners and People views show them."""

from __future__ import annotations

from typing import override

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSplitter, QWidget

NARROW_SHARE = 0.4
"""The page takes at most this share of the splitter when it is first shown."""


class DetailSplitter(QSplitter):
    """A list on the left, a record's page on the right: the page keeps a fixed width when first shown and
    the list gets the rest, whatever the window (with the sidebar, 1366 pixels leave the list little)."""

    def __init__(self, left: QWidget, page: QWidget, page_width: int, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.addWidget(left)
        self.addWidget(page)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)
        self.setChildrenCollapsible(False)
        self._page_width = page_width
        self._sized = False

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            page = self.widget(1)
            assert page is not None
            # In a narrow window (960 pixels) the page gives up some of its width, never below its own minimum.
            width = max(
                min(self._page_width, int(self.width() * NARROW_SHARE)), page.minimumSizeHint().width()
            )
            self.setSizes([max(1, self.width() - width), width])
