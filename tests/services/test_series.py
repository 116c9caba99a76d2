"""Recurring meetings on SQLite and PostgreSQL: expansion (across DST), editing one or all, cancelling."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.models import AuditEntry, District, Meeting, MeetingSeries, Organisation
from teamlead.errors import ConflictError, ValidationError
from teamlead.rules.vocabulary import MeetingStatus
from teamlead.services.series import (
    InviteeRef,
    OccurrenceChanges,
    SeriesChanges,
    SeriesInput,
    cancel_occurrence,
    cancel_series_from,
    create_series,
    edit_occurrence,
    edit_series,
    extend_all_series,
)

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def local(meeting: Meeting) -> datetime:
    return meeting.starts_at.astimezone(AMS)


def meetings(database: Database, series_id: int) -> list[Meeting]:
    with database.session() as session:
        rows = session.scalars(
            select(Meeting).where(Meeting.series_id == series_id).order_by(Meeting.starts_at)
        ).all()
        for row in rows:
            _ = row.invitees
        return list(rows)


def version(database: Database, model: type[Meeting] | type[MeetingSeries], record_id: int) -> int:
    with database.session() as session:
        record = session.get(model, record_id)
        assert record is not None
        return record.version


def network(rule: str = "FREQ=MONTHLY;BYDAY=2TU", **overrides: object) -> SeriesInput:
    values: dict[str, object] = {
        "kind": "network",
        "title": "Netwerkoverleg Jeugd Slotervaart",
        "rrule": rule,
        "first_date": date(2026, 1, 1),
        "start_time": time(14, 0),
        "duration_minutes": 90,
        "location": "Buurthuis Het Anker",
    }
    values.update(overrides)
    return SeriesInput(**values)  # type: ignore[arg-type]


def create(database: Database, data: SeriesInput, horizon: date = date(2026, 12, 31)) -> int:
    with database.begin() as session:
        return create_series(session, data, horizon=horizon, now=NOW)


def test_second_tuesday_of_every_month_at_the_same_wall_clock_time(database: Database) -> None:
    series_id = create(database, network())

    rows = meetings(database, series_id)

    assert [local(m).date() for m in rows] == [
        date(2026, 1, 13), date(2026, 2, 10), date(2026, 3, 10), date(2026, 4, 14), date(2026, 5, 12),
        date(2026, 6, 9), date(2026, 7, 14), date(2026, 8, 11), date(2026, 9, 8), date(2026, 10, 13),
        date(2026, 11, 10), date(2026, 12, 8),
    ]  # fmt: skip
    assert {local(m).time() for m in rows} == {time(14, 0)}
    assert [m.starts_at.astimezone(UTC).hour for m in rows[2:4]] == [13, 12]  # winter, then summer time
    assert rows[0].occurrence_key == "2026-01-13T14:00"
    assert all(m.ends_at is not None and (m.ends_at - m.starts_at).seconds == 90 * 60 for m in rows)
    assert all(m.title == "Netwerkoverleg Jeugd Slotervaart" and not m.detached for m in rows)


def test_weekly_series_keeps_its_time_over_both_dst_changes(database: Database) -> None:
    """The last Sundays of March and October 2026 move the clocks; a Sunday 10:00 meeting stays at 10:00."""
    series_id = create(
        database,
        network("FREQ=WEEKLY;BYDAY=SU", first_date=date(2026, 3, 22), start_time=time(10, 0)),
        horizon=date(2026, 11, 1),
    )

    rows = {local(m).date(): m for m in meetings(database, series_id)}

    for day in (date(2026, 3, 22), date(2026, 3, 29), date(2026, 10, 25), date(2026, 11, 1)):
        assert local(rows[day]).time() == time(10, 0)
    assert rows[date(2026, 3, 22)].starts_at.astimezone(UTC).hour == 9
    assert rows[date(2026, 3, 29)].starts_at.astimezone(UTC).hour == 8
    assert rows[date(2026, 10, 18)].starts_at.astimezone(UTC).hour == 8
    assert rows[date(2026, 10, 25)].starts_at.astimezone(UTC).hour == 9
    assert len(rows) == 33


def test_every_six_weeks_from_the_weekday_of_the_first_date(database: Database) -> None:
    series_id = create(database, network("FREQ=WEEKLY;INTERVAL=6", first_date=date(2026, 1, 5)))

    days = [local(m).date() for m in meetings(database, series_id)]

    assert days[:3] == [date(2026, 1, 5), date(2026, 2, 16), date(2026, 3, 30)]
    assert all((b - a).days == 42 for a, b in pairwise(days))


def test_first_date_moves_onto_the_rule_so_calendars_agree(database: Database) -> None:
    series_id = create(database, network(first_date=date(2026, 1, 1)))

    with database.session() as session:
        series = session.get(MeetingSeries, series_id)
        assert series is not None
        assert series.first_date == date(2026, 1, 13)
        assert series.rrule == "FREQ=MONTHLY;BYDAY=2TU"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"rrule": "every tuesday"}, "rrule"),
        ({"rrule": "FREQ=HOURLY"}, "rrule"),
        ({"rrule": "FREQ=WEEKLY;BYHOUR=9"}, "rrule"),
        ({"rrule": "FREQ=WEEKLY;COUNT=2", "first_date": date(2026, 1, 1)}, None),
        ({"title": "  "}, "title"),
        ({"kind": "party"}, "kind"),
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"district_id": 999}, "district_id"),
    ],
)
def test_invalid_input_names_the_field(
    database: Database, overrides: dict[str, object], field: str | None
) -> None:
    data = network(**overrides)
    if field is None:
        assert len(meetings(database, create(database, data))) == 2
        return
    with pytest.raises(ValidationError) as raised, database.begin() as session:
        create_series(session, data, horizon=date(2026, 12, 31), now=NOW)
    assert raised.value.field == field
    with database.session() as session:
        assert session.scalars(select(MeetingSeries)).all() == []


def test_invitees_are_on_every_occurrence_and_extending_copies_them(database: Database) -> None:
    with database.begin() as session:
        district = District(name="Nieuw-West")
        youth_work = Organisation(name="Jongerenwerk Nieuw-West", district=district)
        police = Organisation(name="Politie Basisteam De Pijp", district=district)
        session.add_all([youth_work, police])
        session.flush()
        ids = (InviteeRef(organisation_id=youth_work.id), InviteeRef(organisation_id=police.id))
        district_id = district.id
    series_id = create(database, network(invitees=ids, district_id=district_id), horizon=date(2026, 3, 31))
    assert len(meetings(database, series_id)) == 3

    with database.begin() as session:
        added = extend_all_series(session, date(2026, 6, 30), now=NOW)

    rows = meetings(database, series_id)
    assert added == 3
    assert len(rows) == 6
    assert all(m.district_id == district_id for m in rows)
    assert all({i.organisation_id for i in m.invitees} == {r.organisation_id for r in ids} for m in rows)
    with database.begin() as session:
        assert extend_all_series(session, date(2026, 6, 30), now=NOW) == 0


def test_edit_this_meeting_detaches_it_and_the_series_edit_passes_it_by(database: Database) -> None:
    series_id = create(database, network())
    march = meetings(database, series_id)[2]
    with database.begin() as session:
        edit_occurrence(
            session,
            march.id,
            OccurrenceChanges(title="Netwerkoverleg (verplaatst)", starts_local=datetime(2026, 3, 12, 15, 0)),
            expected_version=march.version,
        )
    now = datetime(2026, 2, 20, 12, 0, tzinfo=UTC)  # January and February lie behind us
    with database.begin() as session:
        edit_series(
            session,
            series_id,
            SeriesChanges(title="Netwerkoverleg Jeugd", location="Stadsdeelkantoor"),
            expected_version=version(database, MeetingSeries, series_id),
            now=now,
        )

    rows = meetings(database, series_id)
    moved = next(m for m in rows if m.id == march.id)
    assert moved.detached
    assert moved.title == "Netwerkoverleg (verplaatst)"
    assert local(moved) == datetime(2026, 3, 12, 15, 0, tzinfo=AMS)
    assert moved.occurrence_key == "2026-03-10T14:00"
    assert moved.location == "Buurthuis Het Anker"
    assert [m.title for m in rows[:2]] == ["Netwerkoverleg Jeugd Slotervaart"] * 2
    assert {m.title for m in rows[3:]} == {"Netwerkoverleg Jeugd"}
    assert {m.location for m in rows[3:]} == {"Stadsdeelkantoor"}


def test_changing_the_time_of_the_series_keeps_the_past_and_restarts_the_rule(database: Database) -> None:
    series_id = create(database, network())
    may = meetings(database, series_id)[4]
    with database.begin() as session:
        session.get_one(Meeting, may.id).minutes = "Besproken: zomeractiviteiten."
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    with database.begin() as session:
        edit_series(
            session,
            series_id,
            SeriesChanges(start_time=time(15, 30), rrule="FREQ=MONTHLY;BYDAY=2WE"),
            expected_version=version(database, MeetingSeries, series_id),
            now=now,
        )

    rows = meetings(database, series_id)
    past = [m for m in rows if m.starts_at < now]
    assert [(local(m).date(), local(m).time()) for m in past] == [
        (date(2026, 1, 13), time(14, 0)),
        (date(2026, 2, 10), time(14, 0)),
    ]
    following = [m for m in rows if m.starts_at >= now and not m.detached]
    first_three = [local(m).date() for m in following[:3]]
    assert first_three == [date(2026, 3, 11), date(2026, 4, 8), date(2026, 5, 13)]
    assert {local(m).time() for m in following} == {time(15, 30)}
    kept = [m for m in rows if m.detached]
    assert [(m.id, m.minutes) for m in kept] == [(may.id, "Besproken: zomeractiviteiten.")]
    with database.session() as session:
        series = session.get_one(MeetingSeries, series_id)
        assert series.first_date == date(2026, 3, 11)
        assert series.start_time == time(15, 30)


def test_cancel_one_occurrence_survives_a_series_edit(database: Database) -> None:
    series_id = create(database, network())
    april = meetings(database, series_id)[3]
    with database.begin() as session:
        cancel_occurrence(session, april.id, expected_version=april.version)
    with database.begin() as session:
        edit_series(
            session,
            series_id,
            SeriesChanges(title="Netwerkoverleg Jeugd"),
            expected_version=version(database, MeetingSeries, series_id),
            now=NOW,
        )

    rows = meetings(database, series_id)
    assert [m.status for m in rows].count(MeetingStatus.CANCELLED) == 1
    assert rows[3].status == MeetingStatus.CANCELLED
    assert rows[3].title == "Netwerkoverleg Jeugd"


def test_cancel_the_series_from_a_date_ends_its_rule(database: Database) -> None:
    series_id = create(database, network())
    with database.begin() as session:
        cancelled = cancel_series_from(
            session, series_id, date(2026, 9, 1), expected_version=version(database, MeetingSeries, series_id)
        )
    with database.begin() as session:
        added = extend_all_series(session, date(2027, 12, 31), now=NOW)

    rows = meetings(database, series_id)
    assert cancelled == 4
    assert added == 0
    assert [m.status for m in rows] == [MeetingStatus.SCHEDULED] * 8 + [MeetingStatus.CANCELLED] * 4
    with database.session() as session:
        rule = session.get_one(MeetingSeries, series_id).rrule
    assert rule == "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20260831T235959"


def test_a_stale_edit_is_refused(database: Database) -> None:
    series_id = create(database, network())
    stale = version(database, MeetingSeries, series_id)
    with database.begin() as session:
        edit_series(session, series_id, SeriesChanges(title="Eerste"), expected_version=stale, now=NOW)
    with pytest.raises(ConflictError), database.begin() as session:
        edit_series(session, series_id, SeriesChanges(title="Tweede"), expected_version=stale, now=NOW)


def test_audit_names_fields_never_values(database: Database) -> None:
    series_id = create(database, network())
    with database.begin() as session:
        edit_series(
            session,
            series_id,
            SeriesChanges(title="Geheim overleg"),
            expected_version=version(database, MeetingSeries, series_id),
            now=NOW,
        )
    with database.session() as session:
        entries = session.scalars(select(AuditEntry)).all()
    assert {(e.table_name, e.action) for e in entries} == {
        ("meeting_series", "create"),
        ("meeting_series", "update"),
        ("meeting", "create"),
        ("meeting", "update"),
    }
    assert not any("Geheim" in e.fields or "Netwerk" in e.fields for e in entries)
    assert any(e.table_name == "meeting_series" and e.fields == "title" for e in entries)
