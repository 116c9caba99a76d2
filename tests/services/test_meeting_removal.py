"""Deleting a meeting or a series made by mistake, on SQLite and PostgreSQL: allowed while none of its meetings
has started, and then everything of it goes (agreements made in it stay); refused once one has started."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from teamlead.data.models import AgendaItem, Agreement, Invitee, Meeting, MeetingSeries
from teamlead.errors import ValidationError
from teamlead.services import agenda, agreements, meetings, series
from teamlead.services.agreements import AgreementInput
from teamlead.services.meeting_removal import delete_meeting, delete_series, removal_of
from teamlead.services.series import InviteeRef, SeriesInput
from tests.services.conftest import World, audit_rows

NOW = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def counts(world: World) -> dict[str, int]:
    with world.database.session() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Meeting, MeetingSeries, Invitee, AgendaItem, Agreement)
        }


def make_series(world: World) -> tuple[int, list[int]]:
    with world.database.begin() as session:
        series_id = series.create_series(
            session,
            SeriesInput(
                kind="network",
                title="Netwerkoverleg per ongeluk",
                rrule="FREQ=MONTHLY;BYDAY=2TU",
                first_date=date(2026, 1, 1),
                start_time=time(14, 0),
                invitees=(InviteeRef(world.youth_work), InviteeRef(world.police)),
            ),
            horizon=date(2026, 12, 31),
            now=NOW,
        )
        ids = list(
            session.scalars(
                select(Meeting.id).where(Meeting.series_id == series_id).order_by(Meeting.starts_at)
            )
        )
    return series_id, ids


def one_off(world: World, starts: datetime) -> int:
    with world.database.begin() as session:
        return meetings.schedule_meeting(
            session,
            meetings.MeetingInput(
                kind="partner",
                title="Kennismaking politie",
                starts_at=starts,
                organisation_ids=[world.police],
            ),
            now=NOW,
        )


def test_a_series_not_started_goes_with_all_its_meetings(world: World) -> None:
    series_id, ids = make_series(world)
    with world.database.begin() as session:
        agenda.add_agenda_item(session, ids[0], "Kennismaking", now=NOW)
    before = counts(world)

    with world.database.session() as session:
        removal = removal_of(session, ids[3], now=NOW)
    assert removal.allowed
    assert (removal.series_id, removal.meetings, removal.invitees, removal.agenda_items) == (
        series_id,
        12,
        24,
        1,
    )
    assert removal.title == "Netwerkoverleg per ongeluk"
    with world.database.begin() as session:
        gone = delete_series(session, series_id, expected_version=removal.version, now=NOW)

    assert gone == 12
    after = counts(world)
    assert after["meeting_series"] == before["meeting_series"] - 1
    assert after["meeting"] == before["meeting"] - 12
    assert after["invitee"] == before["invitee"] - 24
    assert after["agenda_item"] == before["agenda_item"] - 1
    deleted = [row for row in audit_rows(world.database) if row[2] == "delete"]
    assert sorted(row[:2] for row in deleted) == sorted(
        [("meeting_series", series_id)] + [("meeting", meeting_id) for meeting_id in ids]
    )


def test_a_started_series_or_meeting_can_only_be_cancelled(world: World) -> None:
    series_id, ids = make_series(world)
    later = datetime(2026, 1, 13, 13, 30, tzinfo=UTC)  # January's meeting started at 14:00 Amsterdam time
    meeting_id = one_off(world, datetime(2026, 1, 13, 12, 0, tzinfo=UTC))

    with world.database.session() as session:
        of_series = removal_of(session, ids[5], now=later)
        of_meeting = removal_of(session, meeting_id, now=later)
    assert "cancelled" in (of_series.blocker or "")
    assert "cancelled" in (of_meeting.blocker or "")
    with pytest.raises(ValidationError), world.database.begin() as session:
        delete_series(session, series_id, expected_version=of_series.version, now=later)
    with pytest.raises(ValidationError), world.database.begin() as session:
        delete_meeting(session, meeting_id, expected_version=of_meeting.version, now=later)
    with pytest.raises(ValidationError), world.database.begin() as session:  # one occurrence: cancel it
        delete_meeting(session, ids[5], expected_version=1, now=NOW)
    assert counts(world)["meeting"] == 13


def test_a_meeting_not_started_goes_and_the_agreement_made_in_it_stays(world: World) -> None:
    starts = NOW + timedelta(days=3)
    meeting_id = one_off(world, starts)
    with world.database.begin() as session:
        agreement_id = agreements.make_agreement(
            session,
            AgreementInput(
                text="Politie en jongerenwerk lopen samen een ronde",
                organisation_ids=[world.police],
                made_on=date(2026, 1, 1),
                made_in_meeting_id=meeting_id,
            ),
            now=NOW,
        )
    with world.database.session() as session:
        removal = removal_of(session, meeting_id, now=NOW)
    assert (removal.allowed, removal.series_id, removal.meetings, removal.agreements_made) == (
        True,
        None,
        1,
        1,
    )

    with world.database.begin() as session:
        delete_meeting(session, meeting_id, expected_version=removal.version, now=NOW)

    with world.database.session() as session:
        assert session.get(Meeting, meeting_id) is None
        agreement = session.get_one(Agreement, agreement_id)
        assert agreement.made_in_meeting_id is None
