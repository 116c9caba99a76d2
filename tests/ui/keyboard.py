"""Walking a dialog by the keyboard as a user does: what Tab reaches, in which order, and where Enter goes.

Shared by the tab-chain tests (tests/ui/test_tab_chain.py). Only real key presses: the focus starts on the
first input and every further step is ``qtbot.keyClick(focus, Tab)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

INPUT_TYPES = (
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractButton,
    QAbstractItemView,
    QTabBar,
)
"""What a user fills in or presses: lines, text boxes, combos, spin/date/time fields, check boxes and radio
buttons, buttons, lists and tables, and a tab widget's tabs."""


def _inside_compound(widget: QWidget, top: QWidget) -> bool:
    """A part of another input (a combo's or a date field's own line, a combo's list): not an input itself."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return True
        parent = parent.parentWidget()
    return False


def reachable(widget: QWidget, top: QWidget) -> bool:
    return (
        widget.isVisibleTo(top)
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and not _inside_compound(widget, top)
    )


def button_row(dialog: QWidget) -> list[QWidget]:
    """The buttons that close a dialog (its button box's, a wizard's Back/Next/Finish/Cancel), left to right:
    they may come last in the chain, after the fields."""
    if isinstance(dialog, QWizard):
        buttons = [dialog.button(which) for which in _WIZARD_BUTTONS]
    else:
        boxes = [box for box in dialog.findChildren(QDialogButtonBox) if box.isVisibleTo(dialog)]
        buttons = [button for box in boxes for button in box.buttons()]
    shown = [button for button in buttons if reachable(button, dialog)]
    return sorted(shown, key=lambda button: _corner(button, dialog).x())


_WIZARD_BUTTONS = (
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.CommitButton,
    QWizard.WizardButton.FinishButton,
    QWizard.WizardButton.CancelButton,
)


def _corner(widget: QWidget, dialog: QWidget) -> QPoint:
    return widget.mapTo(dialog, QPoint(0, 0))


def reading_order(inputs: list[QWidget], dialog: QWidget) -> list[QWidget]:
    """The order a reader takes: top to bottom, then left to right, panel by panel.

    Inputs are read by the widgets that hold them: a panel (a list with its buttons, a field with its check
    box) is read whole before the one beside it, as the eye does with side-by-side columns. Things whose
    vertical middle falls within the first one's height share a line and are read left to right."""
    wanted = set(map(id, inputs))
    return _read(dialog, wanted, dialog)


def _read(container: QWidget, wanted: set[int], dialog: QWidget) -> list[QWidget]:
    blocks: list[tuple[QRect, list[QWidget]]] = []
    for child in container.children():
        if not isinstance(child, QWidget) or not child.isVisibleTo(dialog):
            continue
        inside = [child] if id(child) in wanted else _read(child, wanted, dialog)
        if inside:
            area = QRect()
            for widget in inside:
                area = area.united(QRect(_corner(widget, dialog), widget.size()))
            blocks.append((area, inside))
    blocks.sort(key=lambda block: (block[0].top(), block[0].left()))
    lines: list[list[tuple[QRect, list[QWidget]]]] = []
    for block in blocks:
        if lines:
            first = lines[-1][0][0]
            if first.top() <= block[0].center().y() <= first.bottom():
                lines[-1].append(block)
                continue
        lines.append([block])
    return [
        widget
        for line in lines
        for _area, inside in sorted(line, key=lambda block: block[0].left())
        for widget in inside
    ]


def _other_choice(widget: QWidget) -> bool:
    """An unchecked radio button among exclusive ones of which one is checked: Tab reaches only the checked
    one, the arrow keys move between them (Qt's rule and every desktop's)."""
    if not isinstance(widget, QRadioButton) or widget.isChecked():
        return False
    group = widget.group()
    if group is not None:
        return group.exclusive() and group.checkedButton() is not None
    parent = widget.parentWidget()
    siblings = parent.findChildren(QRadioButton) if parent is not None and widget.autoExclusive() else []
    return any(other.isChecked() and other.parentWidget() is parent for other in siblings)


def expected_chain(dialog: QWidget) -> list[QWidget]:
    """Every input Tab should reach, in reading order, the closing buttons last."""
    closing = button_row(dialog)
    fields = [
        widget
        for widget in dialog.findChildren(QWidget)
        if isinstance(widget, INPUT_TYPES)
        and reachable(widget, dialog)
        and widget not in closing
        and not _other_choice(widget)
    ]
    return [*reading_order(fields, dialog), *closing]


def owner(widget: QWidget | None, among: list[QWidget]) -> QWidget | None:
    """The input the focused widget belongs to (a combo for its own line)."""
    current = widget
    while current is not None:
        if current in among:
            return current
        current = current.parentWidget()
    return widget


@dataclass(frozen=True)
class Walk:
    expected: list[QWidget]
    visited: list[QWidget | None]

    def report(self) -> str:
        """Both chains side by side, for a failure message a reader can act on."""
        visited, expected = [describe(w) for w in self.visited], [describe(w) for w in self.expected]
        width = max(len(name) for name in [*visited, "Tab reached"])
        lines = [f"{'Tab reached':<{width}}  reading order"]
        for step in range(max(len(visited), len(expected))):
            got = visited[step] if step < len(visited) else ""
            want = expected[step] if step < len(expected) else ""
            lines.append(f"{got:<{width}}  {want}{'' if got == want else '   <--'}")
        return "\n".join(lines)


def walk_tab_chain(qtbot: QtBot, dialog: QWidget) -> Walk:
    """Focus the first input, then press Tab until the focus comes back to it (or stops moving)."""
    expected = expected_chain(dialog)
    assert expected, f"{describe(dialog)} has no input"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    first = expected[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: owner(QApplication.focusWidget(), expected) is first)
    visited: list[QWidget | None] = [first]
    stayed = 0
    for _ in range(4 * len(expected) + 8):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        now = owner(QApplication.focusWidget(), expected)
        if now is visited[-1] and isinstance(now, QDateTimeEdit) and stayed < SECTIONS:
            stayed += 1  # Qt's date and time fields: Tab moves to the next part (day, month, year) first
            continue
        stayed = 0
        if now is first:
            break
        visited.append(now)
        if now is visited[-2]:
            break  # Tab did not move on (a text box taking Tab as text)
    return Walk(expected, visited)


SECTIONS = 3
"""Parts of a date (day, month, year) or a time (hours, minutes): Tab steps through them before leaving."""


def describe(widget: QWidget | None) -> str:
    """A widget as a reader of the test's failure names it: its label's text, else its own text or name."""
    if widget is None:
        return "(nothing)"
    name = widget.accessibleName() or _buddy_text(widget)
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text()
    if not name:
        name = widget.objectName()
    if not name and isinstance(widget, QLineEdit):
        name = widget.placeholderText()
    return f"{type(widget).__name__}({name.replace('&', '')})"


def _buddy_text(widget: QWidget) -> str:
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget:
            return label.text()
    return ""
