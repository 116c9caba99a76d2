"""Pick several records by typing part of their name: a line with completion and the list of those picked."""

from __future__ import annotations

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

from teamlead.data.queries.name_choices import NameChoice
from teamlead.i18n import tr


class PickList(QWidget):
    """Type, pick a completion (or Enter on an exact name) and it joins the list; Delete removes one."""

    changed = Signal()
    """The picked records changed."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._by_label: dict[str, int] = {}
        self._by_id: dict[int, str] = {}
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        self._names = QStringListModel(self)
        self.completer = QCompleter(self._names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.line.setCompleter(self.completer)
        self.picked = QListWidget()
        self.picked.setMaximumHeight(64)
        self.picked.installEventFilter(self)
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        row = QHBoxLayout()
        row.addWidget(self.picked, 1)
        row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.completer.activated.connect(self.pick_label)
        self.line.installEventFilter(self)
        self.remove_button.clicked.connect(self.remove_current)
        self.picked.currentRowChanged.connect(lambda row: self.remove_button.setEnabled(row >= 0))
        self.setFocusProxy(self.line)

    def set_choices(self, choices: list[NameChoice]) -> None:
        """What can be picked; labels that occur twice get their id added, so each names one record."""
        counts: dict[str, int] = {}
        for choice in choices:
            counts[choice.label] = counts.get(choice.label, 0) + 1
        self._by_label = {}
        self._by_id = {}
        for choice in choices:
            label = choice.label if counts[choice.label] == 1 else f"{choice.label} (#{choice.id})"
            self._by_label[label.casefold()] = choice.id
            self._by_id[choice.id] = label
        self._names.setStringList(list(self._by_id.values()))

    def offered(self) -> list[str]:
        """The labels the completion offers, in order."""
        return self._names.stringList()

    def ids(self) -> list[int]:
        return [int(self.picked.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.picked.count())]

    def labels(self) -> list[str]:
        return [self.picked.item(i).text() for i in range(self.picked.count())]

    def pick_id(self, record_id: int) -> bool:
        """Add the record with this id (False when it is not among the choices)."""
        label = self._by_id.get(record_id)
        if label is None:
            return False
        if record_id not in self.ids():
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            self.picked.addItem(item)
            self.changed.emit()
        return True

    def pick_label(self, label: str) -> bool:
        record_id = self._by_label.get(label.strip().casefold())
        if record_id is None:
            return False
        self.pick_id(record_id)
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()
        self.line.clear()
        # The completer writes the chosen text into the line after telling us: clear it once it has.
        QTimer.singleShot(0, self.line.clear)
        return True

    def _pick_typed(self) -> None:
        text = self.line.text()
        if text and not self.pick_label(text):
            popup_first = self.completer.currentCompletion()
            if popup_first:
                self.pick_label(popup_first)

    def pending_text(self) -> str:
        """Text typed but not picked, after picking it if it names a record exactly (the dialog warns
        about the rest rather than silently dropping it)."""
        text = self.line.text().strip()
        if text and self.pick_label(text):
            return ""
        return text

    def remove_current(self) -> None:
        row = self.picked.currentRow()
        if row >= 0:
            self.picked.takeItem(row)
            self.changed.emit()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.line
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and self.line.text().strip()
        ):
            # Enter picks what was typed; it must not also press the dialog's default button.
            self._pick_typed()
            return True
        if (
            watched is self.picked
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self.remove_current()
            return True
        return super().eventFilter(watched, event)
