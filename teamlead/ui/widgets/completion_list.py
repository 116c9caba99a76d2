"""The one way to pick several records by typing: a completion line over the list of those picked.

Type part of a name; Down and Enter pick from the pop-up, Enter on the line picks the name typed (or the first
completion) and never submits the dialog around it (:mod:`teamlead.ui.widgets.keys`); Delete removes the
selected entry. A label that two choices share gets a ``(#id)`` so each names one record. What a choice stands
for (a partner's id, a person at a partner) is the subclass's value type.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import override

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from teamlead.i18n import tr
from teamlead.ui.widgets.keys import enter_only_picks

_VALUE_ROLE = Qt.ItemDataRole.UserRole


class CompletionList[ValueT](QWidget):
    """A completion line (:attr:`line`) over the picked entries (:attr:`list`); :meth:`values` in order."""

    changed = Signal()
    """An entry was added or removed."""

    refused = Signal(str)
    """Enter on a text that names no choice (the text), for the dialog to say so."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._by_label: dict[str, tuple[str, ValueT]] = {}
        self._labels: dict[ValueT, str] = {}
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        self._names = QStringListModel(self)
        self.completer = QCompleter(self._names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.line.setCompleter(self.completer)
        self.completer.activated.connect(self.pick_label)
        enter_only_picks(self.line, self.pick_typed)
        self.list = QListWidget()
        self.list.installEventFilter(self)
        self.remove_button = QPushButton(tr("&Remove"))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.currentRowChanged.connect(lambda row: self.remove_button.setEnabled(row >= 0))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.setFocusProxy(self.line)

    # --- what can be picked --------------------------------------------------------------------------------

    def set_choice_values(self, choices: Iterable[tuple[str, ValueT, int]]) -> None:
        """What the line offers: (label, value, id); a label that occurs twice gets its id added."""
        listed = list(choices)
        counts: dict[str, int] = {}
        for label, _value, _id in listed:
            counts[label] = counts.get(label, 0) + 1
        self._by_label = {}
        self._labels = {}
        for label, value, record_id in listed:
            shown = label if counts[label] == 1 else f"{label} (#{record_id})"
            self._by_label[shown.casefold()] = (shown, value)
            self._labels[value] = shown
        self._names.setStringList(list(self._labels.values()))

    def offered(self) -> list[str]:
        """The labels the completion offers, in order."""
        return self._names.stringList()

    # --- what is picked ------------------------------------------------------------------------------------

    def values(self) -> list[ValueT]:
        return [self.list.item(i).data(_VALUE_ROLE) for i in range(self.list.count())]

    def labels(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def add(self, label: str, value: ValueT) -> None:
        """Add an entry (once) as shown by ``label``."""
        if value in self.values():
            return
        item = QListWidgetItem(label)
        item.setData(_VALUE_ROLE, value)
        self.list.addItem(item)
        self.changed.emit()

    def pick_value(self, value: ValueT) -> bool:
        """Add the choice of this value (False when it is not among the choices)."""
        label = self._labels.get(value)
        if label is None:
            return False
        self.add(label, value)
        return True

    def pick_label(self, label: str) -> bool:
        """Pick what ``label`` names (a label the line offers, in any case); False when it names none."""
        found = self._by_label.get(label.strip().casefold())
        if found is None:
            return False
        self.add(*found)
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()
        self.line.clear()
        # The completer writes the chosen text into the line after telling us: clear it once it has.
        QTimer.singleShot(0, self.line.clear)
        return True

    def pick_typed(self) -> None:
        """Enter in the line: pick what the text names, else the first completion; else say so."""
        text = self.line.text().strip()
        if not text or self.pick_label(text):
            return
        self.completer.setCompletionPrefix(text)
        first = self.completer.currentCompletion()
        if not (first and self.pick_label(first)):
            self.refused.emit(text)

    def pending_text(self) -> str:
        """Text typed but not picked, after picking it if it names a choice exactly (the dialog warns about
        the rest rather than silently dropping it)."""
        text = self.line.text().strip()
        if text and self.pick_label(text):
            return ""
        return text

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self.remove_current()
            return True
        return super().eventFilter(watched, event)
