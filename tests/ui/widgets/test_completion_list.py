"""The one completion widget, as the note dialog uses it: Enter picks (the name typed, or the first
completion) and never submits the dialog, not even on an empty line; an unknown name is refused, not saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from teamlead.data.database import Database
from teamlead.data.notes import Note
from teamlead.ui.context import AppContext
from teamlead.ui.notes.dialog import NoteDialog
from tests.ui.conftest import TODAY, seed


def test_enter_in_a_completion_field_only_picks(qtbot: QtBot, sqlite_database: Database) -> None:
    seed(sqlite_database)
    context = AppContext(sqlite_database, today=TODAY)
    host = QWidget()
    qtbot.addWidget(host)
    dialog = NoteDialog(context, host)
    dialog.open()
    qtbot.waitUntil(lambda: bool(dialog.organisations.offered()))
    qtbot.keyClicks(dialog.text, "Even bijgepraat")
    refused: list[str] = []
    dialog.organisations.refused.connect(refused.append)
    line = dialog.organisations.line
    line.setText("jongeren")  # part of a name: its first completion is picked
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert dialog.organisations.labels() == ["Jongerenwerk Nieuw-West"]
    qtbot.keyClick(line, Qt.Key.Key_Return)  # one Enter too many, on the empty line
    line.setText("bestaat niet")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.wait(200)
    assert refused == ["bestaat niet"]
    assert dialog.organisations.message.text() == "No partner is called bestaat niet."  # under the field
    assert dialog.isVisible()
    with sqlite_database.session() as session:
        assert session.scalar(select(func.count()).select_from(Note)) == 2  # the seeded ones, nothing new
    context.tasks.shutdown(wait=True)
