"""The rule for Enter in every dialog: in a completion field Enter only picks the completion; in a
single-line field it presses the default button (Qt's own behaviour in a dialog); Ctrl+Enter submits from
anywhere, also from a completion field or multi-line text. The completion part is applied by
:class:`~teamlead.ui.widgets.completion_list.CompletionList`.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import override

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
ENTER_PICKS = "enterPicks"
"""The property that marks a completion field (where Enter picks and never submits), for tests and tools."""


class _EnterPicks(QObject):
    """Enter (without Ctrl) in the watched line calls ``pick`` and goes no further, even when the line is
    empty: an extra Enter after picking must not submit the dialog."""

    def __init__(self, line: QLineEdit, pick: Callable[[], None]) -> None:
        super().__init__(line)
        self._pick = pick

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._pick()
            return True
        return super().eventFilter(watched, event)


def enter_only_picks(line: QLineEdit, pick: Callable[[], None]) -> None:
    """Make Enter in the completion field ``line`` pick (``pick``) and never press the dialog's default
    button. A completion chosen in the pop-up is picked through the completer's ``activated`` instead: the
    pop-up takes that Enter before the line sees it."""
    line.installEventFilter(_EnterPicks(line, pick))
    line.setProperty(ENTER_PICKS, True)


def ctrl_enter_submits(dialog: QWidget, submit: Callable[[], None]) -> None:
    """Ctrl+Enter (either Enter key) submits the dialog from any of its fields."""
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(keys), dialog)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(submit)


def tab_order(*widgets: QWidget) -> None:
    """Tab goes through ``widgets`` in this order (the first keeps its place in the dialog's chain)."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


class _ButtonsAsShown(QObject):
    """Puts a button box's buttons in the tab chain in the order they are shown, once they are placed."""

    def __init__(self, box: QDialogButtonBox) -> None:
        super().__init__(box)
        self._box = box

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._box and event.type() in (QEvent.Type.Show, QEvent.Type.LayoutRequest):
            shown = [button for button in self._box.buttons() if not button.isHidden()]
            if len(shown) > 1:
                tab_order(*sorted(shown, key=lambda button: button.mapTo(self._box, QPoint(0, 0)).x()))
        return super().eventFilter(watched, event)


def buttons_in_reading_order(box: QDialogButtonBox) -> None:
    """Tab through ``box``'s buttons left to right, as shown. The platform decides where each role goes
    (Erase left of Export on one desktop, right of it on another); Tab otherwise follows the order they were
    added in, and jumps back and forth."""
    box.installEventFilter(_ButtonsAsShown(box))
