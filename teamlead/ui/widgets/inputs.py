"""Small input helpers shared by the screens: a combo that completes on any part of a name, and a filter line
that Escape empties. (Dates: :class:`teamlead.ui.widgets.date_field.DateField`.)"""

from __future__ import annotations

from typing import override

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit

from teamlead.data.queries.name_choices import NameChoice


def searchable_combo(choices: list[NameChoice], current: int | None = None) -> QComboBox:
    """An editable combo that completes on any part of a name (type "slot" to find "Politie Slotervaart")."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for choice in choices:
        combo.addItem(choice.label, choice.id)
    contains_completion(combo)
    combo.setCurrentIndex(combo.findData(current) if current is not None else -1)
    return combo


def contains_completion(combo: QComboBox) -> None:
    """Let an editable combo complete on any part of an item, ignoring case."""
    completer = combo.completer()
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)


def combo_line(combo: QComboBox) -> QLineEdit:
    """The line edit of an editable combo."""
    line = combo.lineEdit()
    assert line is not None, "the combo is not editable"
    return line


def combo_id(combo: QComboBox) -> int | None:
    """The id of what the user picked, or None when the typed text names nothing in the list."""
    index = combo.findText(combo.currentText(), Qt.MatchFlag.MatchFixedString)
    return combo.itemData(index) if index >= 0 else None


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
