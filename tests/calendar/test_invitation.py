"""``teamlead calendar --meeting ID --invite``: what partners' calendars receive, read back with icalendar and
expanded with recurring-ical-events, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import recurring_ical_events
from icalendar import Calendar
from sqlalchemy import select

from teamlead.cli import main
from teamlead.data.meetings import CalendarSent, Meeting
from teamlead.errors import ValidationError
from teamlead.rules import settings
from teamlead.rules.clock import AMSTERDAM
from teamlead.services.meeting_removal import delete_meeting, delete_series, removal_of
from teamlead.services.meetings import (
    MeetingChanges,
    cancel_meeting,
    change_meeting,
    save_minutes,
)
from teamlead.services.series import cancel_occurrence
from tests.calendar.conftest import ORGANIZER, YEAR, Planned


def invite(planned: Planned, target: Path, *options: str) -> Calendar:
    assert main(["--database", planned.url, "calendar", "-o", str(target), "--invite", *options]) == 0
    return Calendar.from_ical(target.read_bytes())


def publish(planned: Planned, target: Path) -> dict[str, int]:
    assert main(["--database", planned.url, "calendar", "-o", str(target), "--from", f"{YEAR}-01-01"]) == 0
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    return {str(e["UID"]): int(e["SEQUENCE"]) for e in events if "RECURRENCE-ID" not in e}


def attendees(event: object) -> list[str]:
    found = event.get("ATTENDEE", [])  # type: ignore[attr-defined]
    found = found if isinstance(found, list) else [found]
    return [str(a).removeprefix("mailto:") for a in found]


def test_an_invitation_is_a_request_from_the_organizer_to_each_addressee(
    planned: Planned, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calendar = invite(
        planned, tmp_path / "in.ics", "--meeting", str(planned.meeting), "--organizer", ORGANIZER
    )
    (event,) = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(event["ORGANIZER"]) == "mailto:anna@example.nl"
    assert event["ORGANIZER"].params["CN"] == "Anna de Vries"
    assert sorted(attendees(event)) == sorted(planned.addresses)
    assert planned.unreached in capsys.readouterr().err
    with planned.database.session() as session:
        row = session.scalars(select(CalendarSent).where(CalendarSent.meeting_id == planned.meeting)).one()
        assert row.invited_at is not None
        assert row.uid == str(event["UID"])


def test_the_organizer_comes_from_settings_else_the_command_says_where_to_set_it(
    planned: Planned, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "in.ics"
    assert main(["--database", planned.url, "calendar", "-o", str(target), "--meeting", str(planned.meeting), "--invite"]) == 1  # fmt: skip
    assert "Settings" in capsys.readouterr().err
    assert not target.exists()
    settings.update(organizer_name="Bram Bakker", organizer_email="bram@example.nl")
    (event,) = invite(planned, target, "--meeting", str(planned.meeting)).walk("VEVENT")
    assert str(event["ORGANIZER"]) == "mailto:bram@example.nl"


def test_publish_and_invitation_share_uid_and_sequence_which_only_what_invitees_see_raises(
    planned: Planned, tmp_path: Path
) -> None:
    published = publish(planned, tmp_path / "all.ics")
    options = ("--meeting", str(planned.meeting), "--organizer", ORGANIZER)
    (event,) = invite(planned, tmp_path / "in.ics", *options).walk("VEVENT")
    uid = str(event["UID"])
    assert int(event["SEQUENCE"]) == published[uid]
    with planned.database.begin() as session:
        meeting = session.get_one(Meeting, planned.meeting)
        save_minutes(session, meeting.id, "Afgesproken: zomerprogramma.", expected_version=meeting.version)
    (after_minutes,) = invite(planned, tmp_path / "in.ics", *options).walk("VEVENT")
    assert int(after_minutes["SEQUENCE"]) == int(event["SEQUENCE"])
    assert publish(planned, tmp_path / "all.ics") == published
    with planned.database.begin() as session:
        meeting = session.get_one(Meeting, planned.meeting)
        change_meeting(
            session, meeting.id,
            MeetingChanges(meeting.title, meeting.location, datetime(YEAR, 3, 31, 13)),
            expected_version=meeting.version,
        )  # fmt: skip
    (moved,) = invite(planned, tmp_path / "in.ics", *options).walk("VEVENT")
    assert int(moved["SEQUENCE"]) == int(event["SEQUENCE"]) + 1
    assert str(moved["UID"]) == uid
    assert publish(planned, tmp_path / "all.ics")[uid] == int(moved["SEQUENCE"])


def test_a_whole_series_has_exdate_for_a_cancelled_occurrence_and_expands_to_its_meetings(
    planned: Planned, tmp_path: Path
) -> None:
    cancelled = planned.occurrences[2]
    with planned.database.begin() as session:
        meeting = session.get_one(Meeting, cancelled)
        cancelled_start = meeting.starts_at
        cancel_occurrence(session, cancelled, expected_version=meeting.version)
    options = ("--meeting", str(planned.occurrences[0]), "--whole-series", "--organizer", ORGANIZER)
    calendar = invite(planned, tmp_path / "series.ics", *options)
    assert str(calendar["METHOD"]) == "REQUEST"
    (master,) = [e for e in calendar.walk("VEVENT") if "RRULE" in e]
    exdates = [d.dt for d in master["EXDATE"].dts]
    assert cancelled_start in exdates
    assert sorted(attendees(master)) == sorted(planned.addresses)
    expanded = recurring_ical_events.of(calendar).between(date(YEAR, 1, 1), date(YEAR, 7, 1))
    with planned.database.session() as session:
        held = session.scalars(
            select(Meeting.starts_at).where(
                Meeting.series_id == planned.series, Meeting.status != "cancelled"
            )
        ).all()
    window = (datetime(YEAR, 1, 1, tzinfo=AMSTERDAM), datetime(YEAR, 7, 1, tzinfo=AMSTERDAM))
    assert sorted(e["DTSTART"].dt for e in expanded) == sorted(s for s in held if window[0] <= s < window[1])
    assert len(expanded) == 5  # six second Tuesdays up to June, one cancelled
    with planned.database.session() as session:
        row = session.scalars(select(CalendarSent).where(CalendarSent.series_id == planned.series)).one()
        assert row.invited_at is not None


def test_a_cancelled_meeting_gives_a_cancel(planned: Planned, tmp_path: Path) -> None:
    options = ("--meeting", str(planned.meeting), "--organizer", ORGANIZER)
    (first,) = invite(planned, tmp_path / "in.ics", *options).walk("VEVENT")
    with planned.database.begin() as session:
        meeting = session.get_one(Meeting, planned.meeting)
        cancel_meeting(session, meeting.id, expected_version=meeting.version)
    calendar = invite(planned, tmp_path / "in.ics", *options)
    (event,) = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == str(first["UID"])
    assert int(event["SEQUENCE"]) == int(first["SEQUENCE"]) + 1


def test_after_an_invitation_a_meeting_or_series_can_be_cancelled_but_not_deleted(
    planned: Planned, tmp_path: Path
) -> None:
    with planned.database.session() as session:
        assert removal_of(session, planned.meeting).allowed
        assert removal_of(session, planned.occurrences[0]).allowed
    invite(planned, tmp_path / "a.ics", "--meeting", str(planned.meeting), "--organizer", ORGANIZER)
    invite(planned, tmp_path / "b.ics", "--meeting", str(planned.occurrences[1]), "--organizer", ORGANIZER)
    with planned.database.begin() as session:
        removal = removal_of(session, planned.meeting)
        assert removal.blocker is not None
        assert "cancel" in removal.blocker
        with pytest.raises(ValidationError, match="cancel it instead"):
            delete_meeting(session, planned.meeting, expected_version=removal.version)
        of_series = removal_of(session, planned.occurrences[0])
        assert not of_series.allowed
        with pytest.raises(ValidationError, match="cancel it instead"):
            delete_series(session, planned.series, expected_version=of_series.version)


@pytest.mark.parametrize(
    ("options", "code", "says"),
    [
        (["--invite"], 2, "--meeting"),
        (["--invite", "--meeting", "999999"], 1, "999999"),
        (["--meeting", "{meeting}"], 2, "--invite"),
        (["--invite", "--meeting", "{meeting}", "--whole-series"], 1, "not part of a series"),
        (["--invite", "--meeting", "{meeting}", "--organizer", "Anna <geen adres>"], 2, "--organizer"),
    ],
)
def test_wrong_use_exits_with_a_message_and_writes_nothing(
    planned: Planned,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
    code: int,
    says: str,
) -> None:
    target = tmp_path / "in.ics"
    filled = [o.format(meeting=planned.meeting) for o in options]
    with_organizer = filled if "--organizer" in filled else [*filled, "--organizer", ORGANIZER]
    try:
        result = main(["--database", planned.url, "calendar", "-o", str(target), *with_organizer])
    except SystemExit as exit:
        result = int(exit.code or 0)
    assert result == code
    error = capsys.readouterr().err
    assert says in error
    assert "Traceback" not in error
    assert not target.exists()


def test_without_storing_the_numbers_are_those_a_writable_database_stores(planned: Planned) -> None:
    """A database opened read-only: the invitation is numbered as it would be, and nothing is written."""
    from teamlead.calendar.invitation import build_invitation, parse_organizer

    organizer = parse_organizer(ORGANIZER)
    with planned.database.begin() as session:
        meeting = session.get_one(Meeting, planned.meeting)
        save_minutes(session, meeting.id, "eerst", expected_version=meeting.version)
        meeting = session.get_one(Meeting, planned.meeting)
        save_minutes(session, meeting.id, "dan", expected_version=meeting.version)
    with planned.database.session() as session:
        dry = build_invitation(session, planned.meeting, organizer, store=False)
        session.rollback()
    with planned.database.session() as session:
        assert session.scalars(select(CalendarSent)).all() == []
    with planned.database.begin() as session:
        stored = build_invitation(session, planned.meeting, organizer)
    (dry_event,) = dry.calendar.walk("VEVENT")
    (stored_event,) = stored.calendar.walk("VEVENT")
    assert int(dry_event["SEQUENCE"]) == int(stored_event["SEQUENCE"]) == 2  # version 3 - 1
