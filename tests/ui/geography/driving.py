"""Driving the geography page as a person would: keys on its lists, typing in its dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from teamlead.ui.context import AppContext
from teamlead.ui.geography.dialogs import MergeDialog, NameDialog
from teamlead.ui.geography.page import GeographyPage
from teamlead.ui.geography.panel import ListPanel


def settle(qtbot: QtBot, context: AppContext, timeout: int = 10_000) -> None:
    """Wait until every background task has delivered its result."""
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=timeout)


def showing[T: QWidget](parent: QWidget, kind: type[T]) -> T:
    """The one dialog of ``kind`` on screen (closed ones stay as children until their parent goes)."""
    found = [widget for widget in parent.findChildren(kind) if widget.isVisible()]
    assert len(found) == 1, f"{len(found)} {kind.__name__} on screen"
    return found[0]


def press(
    qtbot: QtBot,
    panel: ListPanel,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A key pressed in the panel's list (its shortcuts belong to the panel), its window active as a person's
    window is (offscreen, closing a dialog leaves no window active)."""
    window = panel.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, key, modifier)


def add_by_keyboard(
    qtbot: QtBot, context: AppContext, page: GeographyPage, panel: ListPanel, name: str
) -> None:
    """Ctrl+N in the list, type the name, Enter: the new one is listed and selected."""
    press(qtbot, panel, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = showing(page, NameDialog)
    qtbot.keyClicks(dialog.name, name)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    settle(qtbot, context)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.form.error_text("name")
    settle(qtbot, context)
    current = panel.current()
    assert current is not None
    assert current.name == name


def answer(qtbot: QtBot, parent: QWidget, object_name: str, button_text: str) -> str:
    """Press ``button_text`` in the message box on screen; returns the box's text."""
    box = next(
        box for box in parent.findChildren(QMessageBox) if box.isVisible() and box.objectName() == object_name
    )
    text = box.text()
    button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return text


__all__ = ["MergeDialog", "add_by_keyboard", "answer", "press", "settle", "showing"]
