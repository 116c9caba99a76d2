"""A meeting about a neighbourhood: chosen in the new-meeting dialog, changed and cleared in the edit dialog,
and only among the neighbourhoods of the meeting's district (through the real widgets, SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.meetings import meeting_neighbourhood
from teamlead.data.models import AuditEntry, Meeting
from teamlead.errors import ValidationError
from teamlead.services import geography
from teamlead.services.meetings import MeetingChanges, change_meeting
from teamlead.ui.context import AppContext
from teamlead.ui.meetings.view import SCOPE_THIS, MeetingsView
from tests.ui.conftest import NOW, TODAY, Seeded, seed


@pytest.fixture
def world(database: Database) -> tuple[Seeded, dict[str, int]]:
    seeded = seed(database)
    with database.begin() as session:
        west = geography.add_district(session, "West", now=NOW)
        ids = {
            "Geuzenveld": geography.add_neighbourhood(session, seeded.district, "Geuzenveld", now=NOW),
            "Mercatorbuurt": geography.add_neighbourhood(session, west, "Mercatorbuurt", now=NOW),
            "West": west,
        }
    return seeded, ids


@pytest.fixture
def view(qtbot: QtBot, database: Database, world: object) -> Iterator[MeetingsView]:
    context = AppContext(database, today=TODAY)
    errors: list[str] = []
    context.tasks.error_reporter = errors.append
    widget = MeetingsView(context, ask=lambda _parent, _row: SCOPE_THIS)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.show()
    yield widget
    widget.page.dirty = False
    context.tasks.shutdown(wait=True)
    assert errors == []


def neighbourhood_of(database: Database, meeting_id: int) -> int | None:
    with database.session() as session:
        return session.scalar(
            select(meeting_neighbourhood.c.neighbourhood_id).where(
                meeting_neighbourhood.c.meeting_id == meeting_id
            )
        )


def settled(qtbot: QtBot, view: MeetingsView) -> None:
    qtbot.waitUntil(lambda: not view._context.tasks.busy, timeout=10_000)


def test_a_reflection_belongs_to_a_neighbourhood_of_its_district(
    qtbot: QtBot, view: MeetingsView, database: Database, world: tuple[Seeded, dict[str, int]]
) -> None:
    seeded, ids = world
    view.new_meeting_button.click()
    qtbot.waitUntil(
        lambda: getattr(view, "meeting_dialog", None) is not None and view.meeting_dialog.isVisible()
    )
    dialog = view.meeting_dialog
    settled(qtbot, view)
    field = dialog.neighbourhood
    assert field.count() == 1  # no district shown yet (the database has two, no default): nothing to offer
    dialog.district.choose(seeded.district)
    offered = [field.itemText(index) for index in range(field.count())]
    assert offered == ["(none)", "Geuzenveld", "Wildemanbuurt"]  # Nieuw-West's own; not West's Mercatorbuurt
    assert field.currentText() == "(none)"
    dialog.kind.setCurrentIndex(dialog.kind.findData("reflection"))
    qtbot.keyClicks(dialog.title_edit, "Lokale reflectie")
    dialog.day.set_value(QDate(2026, 3, 12).toPython())
    field.setCurrentIndex(field.findText("Geuzenveld"))
    field.activated.emit(field.currentIndex())
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    with database.session() as session:
        meeting = session.scalars(select(Meeting)).one()
        meeting_id, version = meeting.id, meeting.version
        fields = session.scalars(select(AuditEntry.fields).where(AuditEntry.table_name == "meeting")).one()
    assert neighbourhood_of(database, meeting_id) == ids["Geuzenveld"]
    assert "neighbourhood" in fields.split(",")

    # The edit dialog shows it; choosing another district lets it go, and the meeting is about none.
    assert view.select_meeting(meeting_id)
    row = view.selected_row()
    assert row is not None
    view.edit_selected()
    edit = view.edit_dialog
    qtbot.waitUntil(lambda: edit.neighbourhood.is_loaded, timeout=10_000)
    settled(qtbot, view)
    assert edit.neighbourhood.currentText() == "Geuzenveld"
    edit.district.choose(ids["West"])
    assert [edit.neighbourhood.itemText(i) for i in range(edit.neighbourhood.count())] == [
        "(none)",
        "Mercatorbuurt",
    ]
    assert edit.neighbourhood.currentText() == "(none)"
    edit.district.choose(seeded.district)
    assert edit.neighbourhood.currentText() == "Geuzenveld"  # back in its district: still picked
    edit.neighbourhood.setCurrentIndex(0)
    edit.neighbourhood.activated.emit(0)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        edit.save()
    assert neighbourhood_of(database, meeting_id) is None

    # The service refuses a neighbourhood of another district, whatever form sends it.
    with database.session() as session:
        version = session.get_one(Meeting, meeting_id).version
    changes = MeetingChanges(row.title, row.location, row.starts, neighbourhood_id=ids["Mercatorbuurt"])
    with database.begin() as session, pytest.raises(ValidationError) as refused:
        change_meeting(session, meeting_id, changes, expected_version=version)
    assert refused.value.field == "neighbourhood_id"
    assert neighbourhood_of(database, meeting_id) is None
