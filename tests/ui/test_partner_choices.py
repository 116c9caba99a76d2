"""A former (archived) partner is offered nowhere: every dialog and form that offers partners to choose from
offers the active ones only, read through the one query (:mod:`teamlead.data.queries.name_choices`).

Driven through the real widgets, on a world made through the services: one meeting invites the partner before
it is archived, so even a form that starts from the invitees must leave it out.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QWidget
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database
from teamlead.rules.clock import AMSTERDAM
from teamlead.services import meetings, organisations
from teamlead.ui.context import AppContext
from teamlead.ui.meetings.view import SCOPE_THIS, MeetingsView
from teamlead.ui.notes.dialog import open_note_dialog
from teamlead.ui.notes.view import NotesView
from teamlead.ui.people.dialogs import MovePersonDialog
from teamlead.ui.people.view import PeopleView
from tests.ui.partners.conftest import TODAY, Seed, context, host, seed, settle

__all__ = ["context", "host", "seed"]

ACTIVE = ["Jongerenwerk Nieuw-West", "Politie Team Slotervaart"]
FORMER = "Montessori College Öztürk"


@pytest.fixture
def meeting(sqlite_database: Database, seed: Seed) -> int:
    """A meeting with the school and the police invited; then the school becomes a former partner."""
    starts = datetime.combine(TODAY + timedelta(days=7), datetime.min.time(), AMSTERDAM).replace(hour=14)
    with sqlite_database.begin() as session:
        meeting_id = meetings.schedule_meeting(
            session,
            meetings.MeetingInput(
                kind="network",
                title="Netwerkoverleg",
                starts_at=starts,
                organisation_ids=[seed.school, seed.police],
            ),
        )
        organisations.archive_organisation(session, seed.school, expected_version=1, today=TODAY)
    return meeting_id


def list_items(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_the_note_dialog(qtbot: QtBot, context: AppContext, host: QWidget, meeting: int, seed: Seed) -> None:
    dialog = open_note_dialog(context, host)
    settle(qtbot, context)
    assert dialog.organisations.offered() == ACTIVE
    assert not dialog.organisations.pick_id(seed.school)
    dialog.reject()


def test_the_series_dialog_and_the_meeting_page(
    qtbot: QtBot, context: AppContext, host: QWidget, meeting: int
) -> None:
    view = MeetingsView(context, host, ask=lambda _parent, _row: SCOPE_THIS)
    view.show()
    settle(qtbot, context)
    view.new_series_button.click()
    settle(qtbot, context)
    dialog = view.series_dialog
    assert dialog.invitees.offered() == ACTIVE
    dialog.partner.setText(FORMER)
    qtbot.keyClick(dialog.partner, Qt.Key.Key_Return)
    assert dialog.invited.count() == 0
    dialog.reject()

    view.open_meeting(meeting)
    settle(qtbot, context)
    assert list_items(view.page.decisions.organisations) == ["Politie Team Slotervaart"]


def test_moving_a_person(qtbot: QtBot, context: AppContext, host: QWidget, meeting: int, seed: Seed) -> None:
    view = PeopleView(context, host)
    view.show()
    settle(qtbot, context)
    assert view.open_record("person", seed.police_officer)
    settle(qtbot, context)
    view.pane.tabs.setCurrentIndex(1)
    view.pane.roles_view.selectRow(0)
    qtbot.mouseClick(view.pane.move_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    dialog = view.pane.findChild(MovePersonDialog)
    assert dialog is not None
    assert dialog.organisation.offered() == ["Jongerenwerk Nieuw-West"]  # not where they work now
    dialog.reject()


def test_the_notes_partner_filter(qtbot: QtBot, context: AppContext, host: QWidget, meeting: int) -> None:
    view = NotesView(context, host)
    view.show()
    settle(qtbot, context)
    assert view.partner.offered() == ACTIVE
