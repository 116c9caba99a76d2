"""Esc, Cancel and the close button on a form with typing in it ask before throwing it away; an untouched
form closes at once. Driven through the real note and add-person dialogs, with real key presses."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database
from teamlead.ui.context import AppContext
from teamlead.ui.notes.dialog import NoteDialog
from teamlead.ui.people.dialogs import AddPersonDialog
from tests.ui.conftest import TODAY, Seeded, seed


@pytest.fixture
def context(sqlite_database: Database) -> Iterator[AppContext]:
    context = AppContext(sqlite_database, today=TODAY)
    yield context
    context.tasks.shutdown(wait=True)


@pytest.fixture
def seeded(sqlite_database: Database) -> Seeded:
    return seed(sqlite_database)


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def note_dialog(qtbot: QtBot, context: AppContext, host: QWidget) -> NoteDialog:
    dialog = NoteDialog(context, host)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: not context.tasks.busy)
    return dialog


def answer(qtbot: QtBot, dialog: QWidget, button: QMessageBox.StandardButton) -> None:
    guard = dialog.discard_guard  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: guard.question is not None and guard.question.isVisible())
    guard.question.button(button).click()


def test_esc_on_an_untouched_form_closes_it_at_once(
    qtbot: QtBot, context: AppContext, host: QWidget, seeded: Seeded
) -> None:
    dialog = note_dialog(qtbot, context, host)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.discard_guard.question is None


def test_esc_on_typed_text_asks_and_keeps_it_unless_discarded(
    qtbot: QtBot, context: AppContext, host: QWidget, seeded: Seeded
) -> None:
    dialog = note_dialog(qtbot, context, host)
    qtbot.keyClicks(dialog.text, "Belde over de buurtavond")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    answer(qtbot, dialog, QMessageBox.StandardButton.Cancel)  # keep editing
    assert dialog.isVisible()
    assert dialog.text.toPlainText() == "Belde over de buurtavond"

    cancel = next(
        b
        for b in dialog.buttons.buttons()
        if dialog.buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.RejectRole
    )
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # Cancel asks too
    answer(qtbot, dialog, QMessageBox.StandardButton.Discard)
    assert not dialog.isVisible()


def test_closing_a_changed_person_form_asks_first(
    qtbot: QtBot, context: AppContext, host: QWidget, seeded: Seeded
) -> None:
    dialog = AddPersonDialog(context, seeded.youth_work, "Jongerenwerk Nieuw-West", host)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.name, "Sanne de Wit")
    dialog.close()  # the window's close button
    assert dialog.isVisible()
    answer(qtbot, dialog, QMessageBox.StandardButton.Discard)
    assert not dialog.isVisible()
