"""The filter line that Escape empties, shared by the screens. (Names are picked with
:mod:`teamlead.ui.widgets.completion_list`, dates typed in :class:`teamlead.ui.widgets.date_field.DateField`.)"""

from __future__ import annotations

from typing import override

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit


class _EscapeClears(QObject):
    """Escape in a filter field empties it (and lets Escape through when it is already empty)."""

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and watched.text()
        ):
            watched.clear()
            return True
        return super().eventFilter(watched, event)


def clear_on_escape(line: QLineEdit) -> None:
    line.installEventFilter(_EscapeClears(line))
