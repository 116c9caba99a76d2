"""What every completion field shares: which names match what is typed, which come first, and what Enter does.

The pop-up lists every choice whose name *contains* the typed text, with case and diacritics ignored by the
app's one text fold (:func:`teamlead.rules.text.fold`: ``zoe`` offers *Zoë*, ``ozt`` *Öztürk*), in the order
given, except that the preferred choices (the people of a partner chosen in the dialog) come first. A label
that two choices share gets a ``(#id)`` so that each names one record. Down opens the pop-up (with every
choice when nothing is typed) and moves through it; Enter picks the highlighted row, or else the name typed,
or else the first row, and never submits the dialog (:mod:`teamlead.ui.widgets.keys`).

:class:`Completion` does this for one line edit; :class:`~teamlead.ui.widgets.completion_list.CompletionList`
(pick several) and :class:`~teamlead.ui.widgets.completion_list.CompletionField` (pick one) are its two faces.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import Any, override

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit

from teamlead.rules.text import fold
from teamlead.ui.widgets.keys import ENTER_KEYS, enter_only_picks

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1
"""The model role holding a label folded as the pop-up matches it."""

_Index = QModelIndex | QPersistentModelIndex


class _LabelModel(QAbstractListModel):
    """The labels on offer, each with its folded form (folded once, not on every key press)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []

    def set_labels(self, labels: Iterable[str]) -> None:
        self.beginResetModel()
        self._rows = [(label, fold(label)) for label in labels]
        self.endResetModel()

    def labels(self) -> list[str]:
        return [label for label, _folded in self._rows]

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        label, folded = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return label
        return folded if role == FOLDED_ROLE else None


class _FoldingCompleter(QCompleter):
    """A completer that matches the folded typed text inside the folded labels, keeping the model's order."""

    def __init__(self, model: _LabelModel, parent: QObject) -> None:
        super().__init__(model, parent)
        self.setCompletionRole(FOLDED_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setModelSorting(QCompleter.ModelSorting.UnsortedModel)
        self.setMaxVisibleItems(12)

    @override
    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    @override
    def pathFromIndex(self, index: _Index) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class Completion[ValueT](QObject):
    """Completion on ``line`` over (label, value) choices. ``pick(label, value)`` is called for a choice the
    user picked, ``refuse(text)`` for Enter on a text that names none."""

    def __init__(
        self,
        line: QLineEdit,
        pick: Callable[[str, ValueT], None],
        refuse: Callable[[str], None],
    ) -> None:
        super().__init__(line)
        self.line = line
        self._pick = pick
        self._refuse = refuse
        self._choices: list[tuple[str, ValueT]] = []
        self._by_label: dict[str, tuple[str, ValueT]] = {}
        self._labels: dict[ValueT, str] = {}
        self._preferred: frozenset[ValueT] = frozenset()
        self._model = _LabelModel(self)
        self.completer = _FoldingCompleter(self._model, self)
        line.setCompleter(self.completer)
        self.completer.activated.connect(self.pick_label)  # a click in the pop-up
        enter_only_picks(line, self.pick_typed)
        line.installEventFilter(self)  # Down opens the pop-up
        popup = self.completer.popup()
        if popup is not None:
            popup.installEventFilter(self)  # Enter in the pop-up (before the completer sees it)

    # --- what is offered -----------------------------------------------------------------------------------

    def set_choices(self, choices: Iterable[tuple[str, ValueT, int]]) -> None:
        """What the line offers: (label, value, id); a label that occurs twice gets its id added."""
        listed = list(choices)
        counts: dict[str, int] = {}
        for label, _value, _id in listed:
            counts[label] = counts.get(label, 0) + 1
        self._choices = []
        for label, value, record_id in listed:
            shown = label if counts[label] == 1 else f"{label} (#{record_id})"
            self._choices.append((shown, value))
        self._by_label = {shown.casefold(): (shown, value) for shown, value in self._choices}
        self._labels = {value: shown for shown, value in self._choices}
        self._offer()

    def prefer(self, values: Collection[ValueT]) -> None:
        """Offer these values first (in their own order), then the others: the people of a chosen partner."""
        preferred = frozenset(values)
        if preferred != self._preferred:
            self._preferred = preferred
            self._offer()

    def _offer(self) -> None:
        first = [label for label, value in self._choices if value in self._preferred]
        rest = [label for label, value in self._choices if value not in self._preferred]
        self._model.set_labels(first + rest)

    def offered(self) -> list[str]:
        """The labels offered, in the order the pop-up lists them."""
        return self._model.labels()

    def label_of(self, value: ValueT) -> str | None:
        return self._labels.get(value)

    def choice(self, label: str) -> tuple[str, ValueT] | None:
        """The choice ``label`` names (in any case), as (label, value)."""
        return self._by_label.get(label.strip().casefold())

    def matches(self, text: str) -> list[str]:
        """The labels the pop-up lists for ``text``, in order."""
        self.completer.setCompletionPrefix(text)
        completions = self.completer.completionModel()
        return [str(completions.index(row, 0).data()) for row in range(completions.rowCount())]

    # --- picking -------------------------------------------------------------------------------------------

    def pick_label(self, label: str) -> bool:
        """Pick what ``label`` names; False when it names nothing on offer."""
        found = self.choice(label)
        if found is None:
            return False
        self.hide_popup()
        self._pick(*found)
        return True

    def pick_typed(self) -> None:
        """Enter on the line: pick what the text names, else the first match; else refuse the text."""
        text = self.line.text().strip()
        if not text or self.pick_label(text):
            return
        first = next(iter(self.matches(text)), None)
        if first is None or not self.pick_label(first):
            self.hide_popup()
            self._refuse(text)

    def hide_popup(self) -> None:
        popup = self.completer.popup()
        if popup is not None and popup.isVisible():
            popup.hide()

    def show_popup(self) -> None:
        """Open the pop-up with what the text matches (every choice on an empty line)."""
        self.completer.setCompletionPrefix(self.line.text())
        self.completer.complete()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        popup = self.completer.popup()
        if watched is self.line and event.key() == Qt.Key.Key_Down and not (popup and popup.isVisible()):
            self.show_popup()
            return True
        if watched is popup and popup is not None and event.key() in ENTER_KEYS and plain:
            current = popup.currentIndex()
            if current.isValid():
                self.pick_label(str(current.data()))
            else:
                self.pick_typed()
            return True
        return super().eventFilter(watched, event)
