"""Invitees changed after planning, on SQLite and PostgreSQL: for one meeting, or for this and later meetings
of its series; those who stay keep their attendance; the series' own edits and extension follow."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import select

from teamlead.data.models import Meeting, MeetingSeries
from teamlead.errors import ConflictError, ValidationError
from teamlead.services import meetings, series
from teamlead.services.meeting_invitees import InviteeScope, change_invitees
from teamlead.services.series import InviteeRef, SeriesChanges, SeriesInput
from tests.services.conftest import World, audit_rows

NOW = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
AFTER_FEBRUARY = datetime(2026, 2, 20, 9, 0, tzinfo=UTC)  # January's and February's meetings have started


def invitees(world: World, meeting_id: int) -> list[tuple[int | None, int | None, str]]:
    with world.database.session() as session:
        meeting = session.get_one(Meeting, meeting_id)
        return [(i.organisation_id, i.person_id, i.attendance) for i in meeting.invitees]


def occurrences(world: World, series_id: int) -> list[Meeting]:
    with world.database.session() as session:
        rows = session.scalars(
            select(Meeting).where(Meeting.series_id == series_id).order_by(Meeting.starts_at)
        ).all()
        for row in rows:
            _ = row.invitees
        return list(rows)


def version(world: World, meeting_id: int) -> int:
    with world.database.session() as session:
        return session.get_one(Meeting, meeting_id).version


def monthly(world: World) -> int:
    """Every 2nd Tuesday of 2026 at 14:00, youth work invited."""
    with world.database.begin() as session:
        return series.create_series(
            session,
            SeriesInput(
                kind="network",
                title="Netwerkoverleg Wildemanbuurt",
                rrule="FREQ=MONTHLY;BYDAY=2TU",
                first_date=date(2026, 1, 1),
                start_time=time(14, 0),
                district_id=world.nieuw_west,
                invitees=(InviteeRef(world.youth_work),),
            ),
            horizon=date(2026, 12, 31),
            now=NOW,
        )


def test_one_meeting_gets_its_own_invitees_and_the_series_passes_it_by(world: World) -> None:
    series_id = monthly(world)
    march = occurrences(world, series_id)[2]
    with world.database.begin() as session:
        meetings.record_attendance(session, march.id, {march.invitees[0].id: "excused"}, expected_version=1)
    wanted = [InviteeRef(world.youth_work), InviteeRef(world.police, world.fatima)]

    with world.database.begin() as session:
        changed = change_invitees(
            session, march.id, wanted, expected_version=version(world, march.id), now=AFTER_FEBRUARY
        )

    assert changed == 1
    assert invitees(world, march.id) == [
        (world.youth_work, None, "excused"),  # stayed: kept its attendance
        (world.police, world.fatima, "invited"),
    ]
    rows = occurrences(world, series_id)
    assert [m.id for m in rows if m.detached] == [march.id]
    assert all(len(m.invitees) == 1 for m in rows if m.id != march.id)
    with world.database.begin() as session:  # an edit of the whole series leaves its invitees alone
        series.edit_series(
            session,
            series_id,
            SeriesChanges(title="Netwerkoverleg"),
            expected_version=session.get_one(MeetingSeries, series_id).version,
            now=AFTER_FEBRUARY,
        )
    assert [i[:2] for i in invitees(world, march.id)] == [
        (world.youth_work, None),
        (world.police, world.fatima),
    ]
    assert ("meeting", march.id, "update", "detached,invitees") in audit_rows(world.database)


def test_this_and_later_changes_the_meetings_not_started_and_what_the_series_adds(world: World) -> None:
    series_id = monthly(world)
    rows = occurrences(world, series_id)
    january, february, march = rows[0], rows[1], rows[2]
    april = rows[3]
    with world.database.begin() as session:  # April differs already: the police are invited to it alone
        change_invitees(
            session,
            april.id,
            [InviteeRef(world.youth_work), InviteeRef(world.police)],
            expected_version=april.version,
            now=NOW,
        )
    with world.database.begin() as session:
        meetings.record_attendance(
            session, february.id, {february.invitees[0].id: "present"}, expected_version=1
        )

    # On February's page, after it took place: Fatima joins and youth work (as a partner) leaves.
    with world.database.begin() as session:
        changed = change_invitees(
            session,
            february.id,
            [InviteeRef(None, world.fatima)],
            scope=InviteeScope.LATER,
            expected_version=version(world, february.id),
            now=AFTER_FEBRUARY,
        )

    rows = occurrences(world, series_id)
    assert changed == 11  # February itself and March..December
    assert invitees(world, january.id) == [(world.youth_work, None, "invited")]
    assert invitees(world, february.id) == [(None, world.fatima, "invited")]
    assert invitees(world, march.id) == [(None, world.fatima, "invited")]
    assert [i[:2] for i in invitees(world, april.id)] == [(world.police, None), (None, world.fatima)]
    assert all(not m.detached for m in rows if m.id != april.id)
    with world.database.begin() as session:  # the series' next year is made with the new invitees
        series.extend_all_series(session, date(2027, 3, 31), now=AFTER_FEBRUARY)
    later = occurrences(world, series_id)[12:]
    assert len(later) == 3
    assert all(invitees(world, m.id) == [(None, world.fatima, "invited")] for m in later)


def test_refusals(world: World) -> None:
    with world.database.begin() as session:
        one_off = meetings.schedule_meeting(
            session,
            meetings.MeetingInput(
                kind="partner",
                title="Kennismaking",
                starts_at=datetime(2026, 3, 10, 13, 0, tzinfo=UTC),
                organisation_ids=[world.police],
            ),
            now=NOW,
        )
    for refs, scope, field in (
        ([InviteeRef(999_999)], InviteeScope.THIS, "invitees"),
        ([InviteeRef(world.police, 999_999)], InviteeScope.THIS, "invitees"),
        ([InviteeRef()], InviteeScope.THIS, "invitees"),
        ([InviteeRef(world.police)], InviteeScope.LATER, "scope"),
    ):
        with pytest.raises(ValidationError) as refused, world.database.begin() as session:
            change_invitees(session, one_off, refs, scope=scope, expected_version=1, now=NOW)
        assert refused.value.field == field
    with pytest.raises(ConflictError), world.database.begin() as session:
        change_invitees(session, one_off, [InviteeRef(world.youth_work)], expected_version=7, now=NOW)
    assert invitees(world, one_off) == [(world.police, None, "invited")]


def test_an_edit_of_the_series_keeps_the_invitees_of_the_meetings_before_this_and_later(world: World) -> None:
    series_id = monthly(world)
    rows = occurrences(world, series_id)
    with world.database.begin() as session:  # from April on, the police too
        change_invitees(
            session,
            rows[3].id,
            [InviteeRef(world.youth_work), InviteeRef(world.police)],
            scope=InviteeScope.LATER,
            expected_version=rows[3].version,
            now=NOW,
        )
    with world.database.begin() as session:  # then a new title for the whole series, still in January
        series.edit_series(
            session,
            series_id,
            SeriesChanges(title="Netwerkoverleg Wildemanbuurt en Geuzenveld"),
            expected_version=session.get_one(MeetingSeries, series_id).version,
            now=NOW,
        )

    rows = occurrences(world, series_id)
    assert {m.title for m in rows} == {"Netwerkoverleg Wildemanbuurt en Geuzenveld"}
    assert [len(m.invitees) for m in rows] == [1, 1, 1] + [2] * 9
