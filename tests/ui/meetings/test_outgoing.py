"""The meeting page's Send invitation… and Send minutes…: the draft is written and its path handed to the
desktop's opener (the one seam replaced here: the test keeps the path instead of starting a mail program);
the draft read back with Python's ``email`` package."""

from __future__ import annotations

import email
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.meetings import CalendarSent, Meeting
from teamlead.rules import settings
from teamlead.services import meetings as meeting_service
from teamlead.services.meetings import MeetingInput
from teamlead.services.series import InviteeRef, SeriesInput, create_series
from teamlead.ui.context import AppContext
from teamlead.ui.meetings.view import SCOPE_THIS, MeetingsView
from tests.ui.conftest import TODAY, Seeded, seed
from tests.ui.meetings.test_meeting_page import Answers, open_meeting

NOW = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)


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


@pytest.fixture
def handed(view: MeetingsView) -> list[Path]:
    """The paths the page hands to the desktop's opener."""
    paths: list[Path] = []
    view.page.outgoing.opener = paths.append
    return paths


def read(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    return message


def calendar_in(message: EmailMessage) -> Calendar:
    (part,) = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    calendar = Calendar.from_ical(part.get_content())
    assert part.get_param("method") == str(calendar["METHOD"])
    return calendar


def series_occurrence(database: Database, seeded: Seeded) -> int:
    with database.begin() as session:
        series = create_series(
            session,
            SeriesInput(
                "network", "Netwerkoverleg Jeugd", "FREQ=MONTHLY;BYDAY=2TU", date(2026, 3, 1), time(14, 0),
                district_id=seeded.district, invitees=(InviteeRef(seeded.youth_work), InviteeRef(seeded.police)),
            ),
            horizon=date(2026, 8, 31), now=NOW,
        )  # fmt: skip
        return (
            session.scalars(
                select(Meeting.id).where(Meeting.series_id == series).order_by(Meeting.starts_at)
            ).first()
            or 0
        )


def test_send_invitation_for_a_series_asks_which_and_hands_the_whole_series_draft_to_the_opener(
    qtbot: QtBot, view: MeetingsView, sqlite_database: Database, seeded: Seeded, handed: list[Path]
) -> None:
    settings.update(organizer_name="Anna de Vries", organizer_email="anna@example.nl")
    occurrence = series_occurrence(sqlite_database, seeded)
    open_meeting(qtbot, view, occurrence)
    outgoing = view.page.outgoing
    outgoing.invite_button.click()
    box = outgoing.choice
    assert box is not None
    whole = box.findChild(QPushButton, "wholeSeries")
    assert whole is not None
    with qtbot.waitSignal(outgoing.opened, timeout=10_000):
        whole.click()
    (path,) = handed
    assert path.suffix == ".eml"
    assert path.is_file()
    message = read(path)
    assert message["X-Unsent"] == "1"
    assert {a.addr_spec for a in message["To"].addresses} == {"fatima@jongerenwerk.example"}
    calendar = calendar_in(message)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert any("RRULE" in event for event in calendar.walk("VEVENT"))
    body = message.get_body(("plain",))
    assert body is not None
    assert "Politie basisteam Slotervaart" in body.get_content()  # no address known: listed
    with sqlite_database.session() as session:
        invited = session.scalars(
            select(CalendarSent.series_id).where(CalendarSent.invited_at.is_not(None))
        ).all()
    assert invited == [view.page.data.detail.meeting.series_id]  # type: ignore[union-attr]


def test_without_an_organizer_in_settings_the_page_says_where_to_set_it_and_opens_nothing(
    qtbot: QtBot, view: MeetingsView, sqlite_database: Database, seeded: Seeded, handed: list[Path]
) -> None:
    with sqlite_database.begin() as session:
        meeting = meeting_service.schedule_meeting(
            session,
            MeetingInput(
                kind="partner", title="Bilateraal", starts_at=datetime(2026, 3, 20, 9, tzinfo=UTC),
                district_id=seeded.district, organisation_ids=[seeded.youth_work],
            ),
        )  # fmt: skip
    open_meeting(qtbot, view, meeting)
    assert not view.page.outgoing.minutes_button.isEnabled()  # not held yet: no minutes to send
    assert view.page.outgoing.minutes_button.toolTip() == view.page.minutes_button.not_held_reason()
    with qtbot.waitSignal(view.page.outgoing.said) as said:
        view.page.outgoing.invite_button.click()
    text, trouble = said.args
    assert trouble
    assert "Settings" in text
    assert view.page.message.text() == text
    assert handed == []


def test_send_minutes_hands_a_draft_with_the_pdf_to_the_opener(
    qtbot: QtBot, view: MeetingsView, sqlite_database: Database, seeded: Seeded, handed: list[Path]
) -> None:
    with sqlite_database.begin() as session:
        meeting = meeting_service.schedule_meeting(
            session,
            MeetingInput(
                kind="network", title="Netwerkoverleg", starts_at=datetime(2026, 2, 20, 13, tzinfo=UTC),
                district_id=seeded.district, organisation_ids=[seeded.youth_work, seeded.police],
            ),
        )  # fmt: skip
    open_meeting(qtbot, view, meeting)
    with qtbot.waitSignal(view.page.outgoing.opened, timeout=10_000):
        view.page.outgoing.minutes_button.click()
    (path,) = handed
    message = read(path)
    assert message["X-Unsent"] == "1"
    (attached,) = list(message.iter_attachments())
    assert attached.get_content_type() == "application/pdf"
    content = attached.get_payload(decode=True)
    assert isinstance(content, bytes)
    assert content.startswith(b"%PDF")
