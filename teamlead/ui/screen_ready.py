"""When the window's first screen is on screen with its data: the moment start-up timings and
``--exit-when-ready`` wait for.

Two moments, each reported once: the window itself painted (data may still be on its way), and the first
page (welcome page or a section) painted after its data loaded — once per database. Kept apart from the main
window, which only says which page to watch.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget


class ScreenReady(QObject):
    """Watches ``window``'s first paint and, per :meth:`watch`, a page's first paint with its data."""

    def __init__(self, window: QWidget, painted: Callable[[], None], ready: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._painted = painted
        self._ready = ready
        self._window_painted = False
        self._sent = False
        self._page: QWidget | None = None
        window.installEventFilter(self)

    @property
    def window_painted(self) -> bool:
        """The window has had its first paint."""
        return self._window_painted

    def reset(self) -> None:
        """Another database: its first screen is reported again."""
        self._sent = False

    def watch(self, page: QWidget, *, loads: bool = True) -> None:
        """Report ``page``'s first paint after its data loaded (``loaded``/``is_loaded``, when it has them;
        ``loads`` False: it has none to wait for)."""
        if self._sent:
            return
        signal = getattr(page, "loaded", None)
        if not loads or signal is None or getattr(page, "is_loaded", False):
            self._watch_paint(page)
            return
        signal.connect(lambda: self._watch_paint(page), Qt.ConnectionType.SingleShotConnection)

    def _watch_paint(self, page: QWidget) -> None:
        if self._sent or self._page is not None:
            return
        self._page = page
        page.installEventFilter(self)
        page.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._window and not self._window_painted and event.type() == QEvent.Type.Paint:
            self._window_painted = True
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)
        elif watched is self._page and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._page = None
            QTimer.singleShot(0, self._send)  # after this paint event is handled: the pixels are there
        return super().eventFilter(watched, event)

    def _send(self) -> None:
        if not self._sent:
            self._sent = True
            self._ready()
