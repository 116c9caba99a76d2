"""Phone numbers and e-mail addresses on screen: one look everywhere, and a click copies them.

In a crisis the team lead reads a number off the screen into a phone, or pastes it into a chat: a number that
copies itself on a click (or Enter/Space when focused) saves typing it over, and a brief status message says
it worked.
"""

from __future__ import annotations

from typing import override

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from teamlead.i18n import tr

STATUS_MS = 2500


class CopyLabel(QLabel):
    """A value that is copied to the clipboard when clicked; keyboard-focusable, Enter or Space copies too."""

    copied = Signal(str)
    """Emitted with the copied text (and the status message shown), so a window can show it in its bar."""

    def __init__(
        self, value: str = "", *, what: str = "", large: bool = False, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._value = ""
        self._what = what
        self._large = large
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._restore = QTimer(self)
        self._restore.setSingleShot(True)
        self._restore.timeout.connect(self._show_value)
        self.set_value(value)

    def value(self) -> str:
        return self._value

    def set_value(self, value: str) -> None:
        self._value = value
        self._show_value()
        self.setToolTip(tr("Click to copy") if value else "")
        self.setAccessibleName(f"{self._what} {value}".strip())
        self.setAccessibleDescription(tr("Click to copy") if value else "")

    def _show_value(self) -> None:
        size = "font-size: 16pt; font-weight: 600;" if self._large else ""
        self.setStyleSheet(f"QLabel {{ {size} }} QLabel:focus {{ text-decoration: underline; }}")
        self.setText(self._value or "—")

    def copy(self) -> None:
        """Put the value on the clipboard and say so, briefly, in place and through :attr:`copied`."""
        if not self._value:
            return
        QGuiApplication.clipboard().setText(self._value)
        self.setText(tr("Copied: {value}", value=self._value))
        self._restore.start(STATUS_MS)
        self.copied.emit(self._value)
        window = self.window()
        status_bar = getattr(window, "statusBar", None)
        if callable(status_bar):
            status_bar().showMessage(tr("Copied {value} to the clipboard", value=self._value), STATUS_MS)

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.copy()
        super().mouseReleaseEvent(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) or event.matches(
            QKeySequence.StandardKey.Copy
        ):
            self.copy()
            return
        super().keyPressEvent(event)
