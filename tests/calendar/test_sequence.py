"""One SEQUENCE per UID: it rises only when what an invitee sees changed, and the table remembers it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from icalendar import Calendar
from sqlalchemy import select

from teamlead.calendar.export import build_calendar
from teamlead.data.database import Database
from teamlead.data.meetings import CalendarSent, Meeting, MeetingSeries
from teamlead.data.roster import Organisation
from teamlead.services.meetings import MeetingChanges, change_meeting, save_minutes
from teamlead.services.series import SeriesInput, create_series

NOW = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
START = date(2026, 1, 1)


@pytest.fixture
def planned(database: Database) -> tuple[Database, int, int]:
    """A single meeting (one partner invited) and a monthly series, both in 2026."""
    with database.begin() as session:
        partner = Organisation(name="Jongerenwerk")
        session.add(partner)
        session.flush()
        meeting = Meeting(
            kind="partner", title="Bilateraal", location="Stadsdeelkantoor",
            starts_at=datetime(2026, 3, 31, 8, tzinfo=UTC), ends_at=datetime(2026, 3, 31, 9, tzinfo=UTC),
        )  # fmt: skip
        session.add(meeting)
        session.flush()
        series = create_series(
            session,
            SeriesInput("network", "Netwerkoverleg", "FREQ=MONTHLY;BYDAY=2TU", START, time(14, 0)),
            horizon=date(2026, 12, 31), now=NOW,
        )  # fmt: skip
        return database, meeting.id, series


def sequences(database: Database) -> dict[str, int]:
    """UID -> SEQUENCE of the masters and single meetings of a publish export, read back from its bytes."""
    with database.begin() as session:
        written = build_calendar(session, START, now=NOW).to_ical()
    events = Calendar.from_ical(written).walk("VEVENT")
    return {str(e["UID"]): int(e["SEQUENCE"]) for e in events if "RECURRENCE-ID" not in e}


def test_a_minutes_edit_keeps_the_sequence_and_a_new_time_raises_it(
    planned: tuple[Database, int, int],
) -> None:
    database, meeting_id, _ = planned
    first = sequences(database)
    with database.begin() as session:
        meeting = session.get_one(Meeting, meeting_id)
        save_minutes(session, meeting_id, "Besproken: de zomer.", expected_version=meeting.version)
        version_after_minutes = meeting.version
    assert version_after_minutes > 1  # the export numbered by version before: this edit raised it
    assert sequences(database) == first
    with database.begin() as session:
        meeting = session.get_one(Meeting, meeting_id)
        change_meeting(
            session, meeting_id,
            MeetingChanges(title=meeting.title, location=meeting.location, starts_local=datetime(2026, 3, 31, 11)),
            expected_version=meeting.version,
        )  # fmt: skip
    after = sequences(database)
    changed = [uid for uid in first if after[uid] != first[uid]]
    assert len(changed) == 1
    assert changed[0].startswith(f"meeting-{meeting_id}-")
    assert after[changed[0]] == first[changed[0]] + 1
    assert sequences(database) == after  # exporting again changes nothing


def test_the_table_holds_one_row_per_uid_with_the_written_sequence(
    planned: tuple[Database, int, int],
) -> None:
    database, meeting_id, series_id = planned
    written = sequences(database)
    with database.session() as session:
        rows = {row.uid: row for row in session.scalars(select(CalendarSent))}
        assert {uid: row.sequence for uid, row in rows.items()} == written
        assert {row.meeting_id for row in rows.values()} == {meeting_id, None}
        assert {row.series_id for row in rows.values()} == {series_id, None}
        assert all(row.invited_at is None and len(row.fingerprint) == 64 for row in rows.values())


def test_the_first_number_continues_from_what_version_numbered_exports_wrote(
    planned: tuple[Database, int, int],
) -> None:
    database, meeting_id, series_id = planned
    with database.begin() as session:
        for _ in range(3):
            meeting = session.get_one(Meeting, meeting_id)
            save_minutes(session, meeting_id, f"versie {meeting.version}", expected_version=meeting.version)
        version = session.get_one(Meeting, meeting_id).version
        series_version = session.get_one(MeetingSeries, series_id).version
    written = sequences(database)
    assert written[next(uid for uid in written if uid.startswith("meeting-"))] == version - 1
    assert written[next(uid for uid in written if uid.startswith("series-"))] == series_version - 1
