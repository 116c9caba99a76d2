"""The one way to pick records by typing: :class:`CompletionList` picks several (a completion line over the
list of those picked), :class:`CompletionField` picks one (a completion line alone).

Both share :class:`~teamlead.ui.widgets.completion.Completion`: the pop-up filters as you type (any part of a
name, case and diacritics ignored), Down and Enter pick from it, Enter on the line picks the name typed (or
the first match) and never submits the dialog around it, and a label that two choices share gets a
``(#id)``. A name nobody has is refused, said under the field. What a choice stands for (a partner's id, a
person at a partner) is the value type.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import override

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from teamlead.i18n import tr
from teamlead.ui.widgets.completion import Completion

_VALUE_ROLE = Qt.ItemDataRole.UserRole


class _Completing[ValueT](QWidget):
    """The completion line, its choices and the message under it that both faces share."""

    refused = Signal(str)
    """Enter on a text that names no choice (the text); the field says so under the line."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        self.completion: Completion[ValueT] = Completion(self.line, self._picked, self.refuse)
        self.completer = self.completion.completer
        self.message = QLabel()
        self.message.setObjectName("completionRefused")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.hide()
        self.refusal = tr("Nothing on the list is called {name}.")
        """The message on a refusal, translated but not filled in ({name}: what was typed); a dialog names
        the kind of record: ``tr("No partner is called {name}.")``."""
        self.line.textEdited.connect(self.message.hide)
        self.setFocusProxy(self.line)

    def set_choice_values(self, choices: Iterable[tuple[str, ValueT, int]]) -> None:
        """What the line offers: (label, value, id); a label that occurs twice gets its id added."""
        self.completion.set_choices(choices)

    def prefer(self, values: Collection[ValueT]) -> None:
        """Offer these first (the people of the partner chosen in the dialog), then the others."""
        self.completion.prefer(values)

    def offered(self) -> list[str]:
        """The labels the completion offers, in order."""
        return self.completion.offered()

    def pick_label(self, label: str) -> bool:
        """Pick what ``label`` names (a label the line offers, in any case); False when it names none."""
        return self.completion.pick_label(label)

    def pick_typed(self) -> None:
        """Enter in the line: pick what the text names, else the first match; else say so."""
        self.completion.pick_typed()

    def pending_text(self) -> str:
        """Text typed and not picked (after picking it when it names a choice exactly): a dialog refuses to
        save with it rather than silently dropping it."""
        raise NotImplementedError

    def _picked(self, label: str, value: ValueT) -> None:
        raise NotImplementedError

    def refuse(self, text: str) -> None:
        """Say under the line that nothing is called ``text`` (Enter on it, or a save with it typed)."""
        self.message.setText(self.refusal.format(name=text))
        self.message.show()
        self.refused.emit(text)


class CompletionList[ValueT](_Completing[ValueT]):
    """A completion line (:attr:`line`) over the picked entries (:attr:`list`); :meth:`values` in order.
    Delete removes the selected entry."""

    changed = Signal()
    """An entry was added or removed."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(placeholder, parent)
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
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)

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
        label = self.completion.label_of(value)
        if label is None:
            return False
        self.add(label, value)
        return True

    def _picked(self, label: str, value: ValueT) -> None:
        self.add(label, value)
        self.line.clear()
        # The completer writes the chosen text into the line after telling us: clear it once it has.
        QTimer.singleShot(0, self.line.clear)

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


class CompletionField[ValueT](_Completing[ValueT]):
    """One record picked by typing: the line shows its label; :meth:`value` is None until a choice is picked,
    and again once the text no longer names it (emptying the line clears the field)."""

    changed = Signal()
    """The value changed (picked, cleared or set)."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(placeholder, parent)
        self._value: ValueT | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.message)
        self.line.textEdited.connect(self._edited)

    def value(self) -> ValueT | None:
        return self._value

    def label(self) -> str:
        """The label of the value ("" when there is none)."""
        return self.completion.label_of(self._value) or "" if self._value is not None else ""

    def set_value(self, value: ValueT | None) -> bool:
        """Show this value (None empties the field); False, and the field emptied, when it is not offered."""
        label = self.completion.label_of(value) if value is not None else None
        self.line.setText(label or "")
        self.message.hide()
        self._set(value if label is not None else None)
        return label is not None or value is None

    def set_choice_values(self, choices: Iterable[tuple[str, ValueT, int]]) -> None:
        """What the line offers; the value stays when it is still offered (else the field empties)."""
        super().set_choice_values(choices)
        if self._value is not None:
            self.set_value(self._value)

    def pending_text(self) -> str:
        """Text typed that names no choice ("" when the line shows the value or is empty); a text naming a
        choice exactly is picked first."""
        text = self.line.text().strip()
        if not text or (self._value is not None and text == self.label()) or self.pick_label(text):
            return ""
        return text

    def _picked(self, label: str, value: ValueT) -> None:
        self.line.setText(label)
        self.message.hide()
        self._set(value)

    def _edited(self, text: str) -> None:
        if self._value is not None and text.strip() != self.label():
            self._set(None)

    def _set(self, value: ValueT | None) -> None:
        if value != self._value:
            self._value = value
            self.changed.emit()
