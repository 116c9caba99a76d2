"""The keyboard path through every dialog: Tab visits every visible, enabled input exactly once, in reading
order (top to bottom, then left to right; the closing buttons last), and comes back to the first.

Each dialog is opened with its real constructor on a real database (both backends) holding what it shows.
A dialog class in ``teamlead.ui`` that is neither opened here nor excused (with the reason) fails
:func:`test_every_dialog_is_walked`, so a new dialog cannot be forgotten.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
    QWizard,
    QWizardPage,
)
from pytestqt.qtbot import QtBot

import teamlead.ui
from teamlead.data.database import Database
from teamlead.ui.widgets.keys import ENTER_PICKS
from tests.ui.dialog_cases import DIALOGS, World, make_world
from tests.ui.keyboard import button_row, describe, expected_chain, owner, walk_tab_chain

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no raise, no grab


@pytest.fixture
def world(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[World]:
    built = make_world(qtbot, database, tmp_path)
    yield built
    built.context.tasks.shutdown(wait=True)


EXCUSED = {
    "meetings.dialogs.WriteDialog": "the base of the meeting dialogs, walked through each of them",
    "people.dialogs.SaveDialog": "the base of the person dialogs, walked through each of them",
    "neighbourhoods.dialogs._SaveDialog": "the base of the place and history-line dialogs, walked through each",
    "importing.wizard.ImportWizard": "walked page by page (the cases import-*)",
    "importing.pages_run.ImportPage": "a progress bar while the import runs; it moves on by itself",
    "safety.damaged.DamagedDialog": "Qt's own message box: its buttons only, in the order Qt lays them out",
}
"""Dialog classes not walked here, and why."""

FORMS = [
    "note",
    "new-meeting",
    "series",
    "edit-meeting",
    "edit-series-meeting",
    "add-person",
    "change-role",
    "end-role",
    "move-person",
    "geography-name",
    "assign-district",
    "handover",
    "login",
    "place",
    "history-line",
]
"""The dialogs that save what is filled in: Enter in a single-line field presses their Save/OK button (the
invitee editor and the geography merge have only a completion field, where Enter only picks)."""

TYPED = [
    *(name for name in FORMS if name not in ("end-role", "assign-district", "handover", "login")),
    "invitees",
]
"""The forms with a field to type in (the others hold dates and choices only; the handover's fields only say
where to write and the login's are typed again in a moment, so Esc closes them without asking)."""


def class_name(dialog: QWidget) -> str:
    """The class shown, under ``teamlead.ui`` (a wizard: the class of its current page)."""
    shown_class = type(dialog.currentPage()) if isinstance(dialog, QWizard) else type(dialog)
    return f"{shown_class.__module__}.{shown_class.__qualname__}".removeprefix("teamlead.ui.")


def open_case(qtbot: QtBot, world: World, name: str) -> QWidget:
    expected_class, opener = DIALOGS[name]
    dialog = opener(qtbot, world)
    assert class_name(dialog) == expected_class
    return dialog


def dialog_classes() -> set[str]:
    """Every dialog and wizard page class defined in ``teamlead.ui``."""
    found = set()
    for module_info in pkgutil.walk_packages(teamlead.ui.__path__, "teamlead.ui."):
        module = importlib.import_module(module_info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, (QDialog, QWizardPage)) and value.__module__ == module.__name__:
                found.add(f"{value.__module__}.{value.__qualname__}".removeprefix("teamlead.ui."))
    return found


def test_every_dialog_is_walked() -> None:
    """A new dialog is added to DIALOGS (or to EXCUSED, with the reason)."""
    walked = {expected_class for expected_class, _opener in DIALOGS.values()}
    assert dialog_classes() - walked - set(EXCUSED) == set()
    assert set(EXCUSED) <= dialog_classes(), "an excused dialog is gone: take it off the list"


@pytest.mark.parametrize("name", DIALOGS)
def test_tab_visits_every_input_once_in_reading_order(qtbot: QtBot, world: World, name: str) -> None:
    dialog = open_case(qtbot, world, name)
    walk = walk_tab_chain(qtbot, dialog)
    assert walk.visited == walk.expected, walk.report()


@pytest.mark.parametrize("name", TYPED)
def test_a_form_opens_with_the_cursor_in_a_field(qtbot: QtBot, world: World, name: str) -> None:
    """Not on a button: typing goes into the form at once."""
    dialog = open_case(qtbot, world, name)
    chain = expected_chain(dialog)
    focus = owner(QApplication.focusWidget(), chain)
    assert focus in chain, describe(focus)
    assert focus not in button_row(dialog), describe(focus)


@pytest.mark.parametrize("name", FORMS)
def test_enter_in_a_single_line_field_presses_the_save_button(qtbot: QtBot, world: World, name: str) -> None:
    """Enter in a line, a number, date or time field or a choice presses Save/OK; in a completion field it only
    picks (tests/ui/notes/test_completion_enter.py). The button's effect is held back: only its press counts."""
    dialog = open_case(qtbot, world, name)
    fields = single_line_fields(dialog)
    assert fields, f"{name} has no single-line field"
    box = next(box for box in dialog.findChildren(QDialogButtonBox) if box.isVisibleTo(dialog))
    save = [b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole]
    assert len(save) == 1
    pressed: list[str] = []
    for button in box.buttons():
        button.clicked.connect(lambda _checked=False, b=button: pressed.append(b.text()))
    box.blockSignals(True)  # no save, no close: the dialog stays for the next field
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    missed = []
    for field in fields:
        pressed.clear()
        field.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(field.hasFocus)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        if pressed != [save[0].text()]:
            missed.append(f"{describe(field)} pressed {pressed}")
    box.blockSignals(False)
    assert missed == []
    assert dialog.isVisible()


def single_line_fields(dialog: QWidget) -> list[QWidget]:
    """The fields where Enter should submit: lines (not completion fields), number/date/time fields, combos."""
    return [
        widget
        for widget in expected_chain(dialog)
        if (isinstance(widget, QLineEdit) and not widget.property(ENTER_PICKS) and not widget.isReadOnly())
        or isinstance(widget, (QAbstractSpinBox, QComboBox))
    ]


@pytest.mark.parametrize("name", TYPED)
def test_esc_on_a_changed_form_asks_before_closing(qtbot: QtBot, world: World, name: str) -> None:
    """Typing in the first text field (a completion field only when there is no other), then Esc: the
    question comes; Discard closes."""
    dialog = open_case(qtbot, world, name)
    typeable = [
        widget
        for widget in expected_chain(dialog)
        if (isinstance(widget, QLineEdit) and not widget.isReadOnly()) or isinstance(widget, QPlainTextEdit)
    ]
    typed = next((w for w in typeable if not w.property(ENTER_PICKS)), typeable[0])
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    typed.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(typed, "Slotermeer")
    completer = typed.completer() if isinstance(typed, QLineEdit) else None
    if completer is not None and completer.popup().isVisible():
        qtbot.keyClick(completer.popup(), Qt.Key.Key_Escape)  # the first Esc closes the pop-up
    qtbot.keyClick(typed, Qt.Key.Key_Escape)
    assert dialog.isVisible(), f"Esc threw away what was typed in {describe(typed)} without asking"
    question = dialog.findChild(QMessageBox, "discardQuestion")
    assert question is not None
    qtbot.waitUntil(question.isVisible)
    question.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
