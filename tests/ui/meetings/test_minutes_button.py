"""The meeting page's agenda details and its Minutes… button, as a team lead uses them after a meeting: type
what came of each point, save, come back to find it kept, then save the minutes and read the PDF back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.models import AgendaItem, Invitee
from teamlead.services import agenda as agenda_service
from teamlead.services import meetings as meeting_service
from teamlead.services.meetings import MeetingInput
from teamlead.ui.context import AppContext
from teamlead.ui.meetings.view import SCOPE_THIS, MeetingsView
from tests.reports.readback import pdf_text
from tests.ui.conftest import TODAY, Seeded, seed
from tests.ui.meetings.test_meeting_page import Answers, open_meeting, reloaded

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def seeded(sqlite_database: Database) -> Seeded:
    return seed(sqlite_database)


@pytest.fixture
def view(qtbot: QtBot, sqlite_database: Database, seeded: Seeded) -> Iterator[MeetingsView]:
    context = AppContext(sqlite_database, today=TODAY)
    errors: list[str] = []
    context.tasks.error_reporter = errors.append
    widget = MeetingsView(context, ask=lambda _parent, _row: SCOPE_THIS, ask_leave=Answers())
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.show()
    yield widget
    widget.page.dirty = False
    context.tasks.shutdown(wait=True)
    assert errors == []


def _meeting(database: Database, seeded: Seeded, starts_at: datetime, title: str) -> int:
    """A network meeting with both partners invited and three points on its agenda."""
    with database.begin() as session:
        meeting_id = meeting_service.schedule_meeting(
            session,
            MeetingInput(
                kind="network",
                title=title,
                starts_at=starts_at,
                location="Buurthuis Het Anker",
                district_id=seeded.district,
                organisation_ids=[seeded.youth_work, seeded.police],
            ),
            now=NOW,
        )
        for point in ("Opening", "Signalen uit de wijk", "Rondvraag"):
            agenda_service.add_agenda_item(session, meeting_id, point, now=NOW)
    return meeting_id


def _type_details(qtbot: QtBot, view: MeetingsView, row: int, text: str) -> None:
    agenda = view.page.agenda
    agenda.table.setFocus()
    agenda.table.selectRow(row)
    agenda.details.setFocus()
    agenda.details.selectAll()
    qtbot.keyClicks(agenda.details, text)


def test_details_typed_for_points_are_saved_and_kept_after_reopening(
    qtbot: QtBot, view: MeetingsView, sqlite_database: Database, seeded: Seeded
) -> None:
    meeting_id = _meeting(sqlite_database, seeded, datetime(2026, 2, 24, 13, 0, tzinfo=UTC), "Netwerkoverleg")
    open_meeting(qtbot, view, meeting_id)
    page = view.page
    assert not page.agenda.details.isEnabled() or page.agenda.selected_id() is not None
    _type_details(qtbot, view, 1, "Meer overlast bij het winkelcentrum")
    _type_details(qtbot, view, 2, "Geen vragen")
    assert page.dirty
    assert page.save_button.isEnabled()
    assert not page.minutes_button.isEnabled()  # the minutes are made from what is saved
    _type_details(
        qtbot, view, 1, "Meer overlast bij het winkelcentrum, vooral 's avonds"
    )  # back to the first
    with qtbot.waitSignal(page.saved, timeout=10_000):
        qtbot.keyClick(page.agenda.details, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    reloaded(qtbot, view)
    with sqlite_database.session() as session:
        stored = session.execute(
            select(AgendaItem.title, AgendaItem.details)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position)
        ).all()
    assert [tuple(row) for row in stored] == [
        ("Opening", ""),
        ("Signalen uit de wijk", "Meer overlast bij het winkelcentrum, vooral 's avonds"),
        ("Rondvraag", "Geen vragen"),
    ]
    other = _meeting(sqlite_database, seeded, datetime(2026, 2, 10, 13, 0, tzinfo=UTC), "Ander overleg")
    open_meeting(qtbot, view, other)  # another meeting in between, so the page loads the first one anew
    page.agenda.table.selectRow(1)
    assert page.agenda.details.toPlainText() == ""
    open_meeting(qtbot, view, meeting_id)  # reopened: the details are there
    page.agenda.table.selectRow(2)
    assert page.agenda.details.toPlainText() == "Geen vragen"
    page.agenda.table.selectRow(1)
    assert page.agenda.details.toPlainText() == "Meer overlast bij het winkelcentrum, vooral 's avonds"
    assert not page.dirty


def test_details_changed_elsewhere_meanwhile_are_a_conflict_and_the_typing_kept(
    qtbot: QtBot, view: MeetingsView, sqlite_database: Database, seeded: Seeded
) -> None:
    meeting_id = _meeting(sqlite_database, seeded, datetime(2026, 2, 24, 13, 0, tzinfo=UTC), "Netwerkoverleg")
    open_meeting(qtbot, view, meeting_id)
    _type_details(qtbot, view, 0, "Mijn toelichting")
    with sqlite_database.begin() as session:  # someone else, on the shared database
        item = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).first()
        assert item is not None
        agenda_service.set_agenda_item_details(
            session, item.id, "Hun toelichting", expected_version=item.version, now=NOW
        )
    view.page.save_button.click()
    qtbot.waitUntil(lambda: view.page.message.isVisible(), timeout=10_000)
    assert "Someone else changed this record" in view.page.message.text()
    assert view.page.agenda.details.toPlainText() == "Mijn toelichting"
    assert view.page.dirty


def test_minutes_button_writes_the_pdf_of_a_held_meeting(
    qtbot: QtBot,
    view: MeetingsView,
    sqlite_database: Database,
    seeded: Seeded,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    meeting_id = _meeting(
        sqlite_database, seeded, datetime(2026, 2, 24, 13, 0, tzinfo=UTC), "Netwerkoverleg West"
    )
    with sqlite_database.begin() as session:
        invitees = session.scalars(select(Invitee).where(Invitee.meeting_id == meeting_id)).all()
        marks = {invitee.id: "present" if n == 0 else "excused" for n, invitee in enumerate(invitees)}
    open_meeting(qtbot, view, meeting_id)
    page = view.page
    for row, mark in enumerate(marks.values()):
        page.attendance_table.selectRow(row)
        page.mark_current(mark)
    page.minutes.setPlainText("Goed overleg over de zomer.")
    _type_details(qtbot, view, 1, "Overlast bij het winkelcentrum")
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.save_button.click()
    reloaded(qtbot, view)
    button = page.minutes_button
    assert button.isEnabled()
    asked: list[str] = []
    target = tmp_path / "verslag"  # typed without an extension: .pdf is added

    def answer(_parent: object, _caption: str, proposed: str, _filter: str) -> tuple[str, str]:
        asked.append(proposed)
        return str(target), "*.pdf"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    with qtbot.waitSignal(button.written, timeout=20_000) as written:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert Path(asked[0]).name == "Minutes Netwerkoverleg West 2026-02-24.pdf"
    assert written.args == [str(tmp_path / "verslag.pdf")]
    text = pdf_text(tmp_path / "verslag.pdf")
    assert "Netwerkoverleg West" in text
    assert "Present: 1" in text
    assert "Excused: 1" in text
    assert "Absent: 0" in text
    assert "Goed overleg over de zomer." in text
    assert "Overlast bij het winkelcentrum" in text
    assert "Saved:" in page.message.text()


def test_minutes_button_is_off_for_a_meeting_still_to_come_and_a_cancelled_one(
    qtbot: QtBot, view: MeetingsView, sqlite_database: Database, seeded: Seeded
) -> None:
    future = _meeting(sqlite_database, seeded, datetime(2026, 3, 10, 13, 0, tzinfo=UTC), "Later")
    open_meeting(qtbot, view, future)
    assert not view.page.minutes_button.isEnabled()
    assert "once the meeting has begun" in view.page.minutes_button.toolTip()
    cancelled = _meeting(sqlite_database, seeded, datetime(2026, 2, 17, 13, 0, tzinfo=UTC), "Afgelast")
    with sqlite_database.begin() as session:
        meeting_service.cancel_meeting(session, cancelled, expected_version=1, now=NOW)
    open_meeting(qtbot, view, cancelled)
    assert not view.page.minutes_button.isEnabled()
    assert "cancelled" in view.page.minutes_button.toolTip()
