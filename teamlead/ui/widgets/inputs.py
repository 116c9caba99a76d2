"""Small input helpers shared by the screens: a date editor and a filter line that Escape empties. (Names are
picked with :mod:`teamlead.ui.widgets.completion_list`.)"""

from __future__ import annotations

from datetime import date
from typing import override

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QLineEdit


def date_edit(value: date) -> QDateEdit:
    editor = QDateEdit(QDate(value.year, value.month, value.day))
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("yyyy-MM-dd")
    return editor


def date_of(editor: QDateEdit) -> date:
    value = editor.date()
    return date(value.year(), value.month(), value.day())


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
