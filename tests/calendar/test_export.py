"""The .ics export, read back by icalendar and expanded by an independent library (recurring-ical-events)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar
from sqlalchemy import select

from teamlead.calendar.export import build_calendar, write_calendar
from teamlead.data.database import Database
from teamlead.data.models import AgendaItem, District, Meeting, MeetingSeries
from teamlead.rules.vocabulary import MeetingStatus
from teamlead.services.series import (
    OccurrenceChanges,
    SeriesChanges,
    SeriesInput,
    cancel_occurrence,
    cancel_series_from,
    create_series,
    edit_occurrence,
    edit_series,
)

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
START = date(2026, 1, 1)
END = date(2026, 12, 31)


def _occurrences(session, series_id: int) -> list[Meeting]:  # type: ignore[no-untyped-def]
    return list(
        session.scalars(select(Meeting).where(Meeting.series_id == series_id).order_by(Meeting.starts_at))
    )


@pytest.fixture
def scheduled(database: Database) -> Database:
    """A district's year: series changed and cancelled here and there, one retimed, single meetings."""
    with database.begin() as session:
        district = District(name="Nieuw-West")
        session.add(district)
        session.flush()
        network = create_series(
            session,
            SeriesInput(
                "network", "Netwerkoverleg Jeugd", "FREQ=MONTHLY;BYDAY=2TU", START, time(14, 0),
                location="Buurthuis Het Anker", district_id=district.id,
            ),
            horizon=END, now=NOW,
        )  # fmt: skip
        weekly = create_series(
            session,
            SeriesInput("partner", "Veiligheidsoverleg", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", START, time(9)),
            horizon=END, now=NOW,
        )  # fmt: skip
        retimed = create_series(
            session,
            SeriesInput("reflection", "Lokale reflectie", "FREQ=MONTHLY;BYDAY=-1TH", START, time(19, 0)),
            horizon=END, now=NOW,
        )  # fmt: skip
        ended = create_series(
            session,
            SeriesInput("other", "Sportclub-overleg", "FREQ=MONTHLY;BYMONTHDAY=1", START, time(20, 0)),
            horizon=END, now=NOW,
        )  # fmt: skip
        session.add(
            Meeting(
                kind="partner", title="Bilateraal met woningcorporatie", location="Stadsdeelkantoor",
                starts_at=datetime(2026, 3, 31, 8, tzinfo=UTC), ends_at=datetime(2026, 3, 31, 9, tzinfo=UTC),
            )
        )  # fmt: skip
        session.add(
            Meeting(
                kind="other", title="Afgezegd gesprek", status=MeetingStatus.CANCELLED,
                starts_at=datetime(2026, 4, 2, 8, tzinfo=UTC), ends_at=datetime(2026, 4, 2, 9, tzinfo=UTC),
            )
        )  # fmt: skip
    with database.begin() as session:
        months = _occurrences(session, network)
        cancel_occurrence(session, months[3].id, expected_version=months[3].version)
        edit_occurrence(
            session, months[5].id,
            OccurrenceChanges(title="Netwerkoverleg (zomereditie)", starts_local=datetime(2026, 6, 11, 16)),
            expected_version=months[5].version,
        )  # fmt: skip
        session.add(AgendaItem(meeting_id=months[8].id, position=0, title="Openstaande afspraken"))
        weeks = _occurrences(session, weekly)
        cancel_occurrence(session, weeks[6].id, expected_version=weeks[6].version)
    with database.begin() as session:
        series = session.get_one(MeetingSeries, retimed)
        edit_series(
            session, retimed, SeriesChanges(start_time=time(18, 30)), expected_version=series.version,
            now=datetime(2026, 5, 1, 12, 0, tzinfo=UTC),
        )  # fmt: skip
        series = session.get_one(MeetingSeries, ended)
        cancel_series_from(session, ended, date(2026, 10, 1), expected_version=series.version)
    return database


def export(database: Database, start: date = START) -> Calendar:
    with database.begin() as session:
        calendar = build_calendar(session, start, now=NOW)
    return Calendar.from_ical(calendar.to_ical())


def app_meetings(database: Database, start: date, end: date) -> set[tuple[datetime, str]]:
    low = datetime.combine(start, time(0), AMS)
    high = datetime.combine(end, time(23, 59), AMS)
    with database.session() as session:
        rows = session.scalars(select(Meeting).where(Meeting.status != MeetingStatus.CANCELLED)).all()
    return {(m.starts_at.astimezone(AMS), m.title) for m in rows if low <= m.starts_at <= high}


def test_every_series_expands_to_exactly_the_meetings_the_app_shows(scheduled: Database) -> None:
    calendar = export(scheduled)

    expanded = recurring_ical_events.of(calendar).between(START, date(2027, 1, 1))
    shown = {
        (event["DTSTART"].dt.astimezone(AMS), str(event["SUMMARY"]))
        for event in expanded
        if str(event.get("STATUS", "CONFIRMED")) != "CANCELLED"
    }

    expected = app_meetings(scheduled, START, END)
    assert shown == expected
    assert len(expected) == 12 - 1 + 26 - 1 + 12 + 9 + 1
    assert (datetime(2026, 6, 11, 16, 0, tzinfo=AMS), "Netwerkoverleg (zomereditie)") in shown
    assert (datetime(2026, 6, 9, 14, 0, tzinfo=AMS), "Netwerkoverleg Jeugd") not in shown
    assert (datetime(2026, 4, 14, 14, 0, tzinfo=AMS), "Netwerkoverleg Jeugd") not in shown


def test_times_are_zoned_in_amsterdam_with_its_timezone_included(scheduled: Database) -> None:
    calendar = export(scheduled)

    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    for event in calendar.walk("VEVENT"):
        assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        assert event["DTEND"].params["TZID"] == "Europe/Amsterdam"
    summer = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "Bilateraal met woningcorporatie"]
    assert summer[0]["DTSTART"].dt == datetime(2026, 3, 31, 10, 0, tzinfo=AMS)


def test_series_are_rrules_with_exdates_and_recurrence_ids(scheduled: Database) -> None:
    calendar = export(scheduled)
    masters = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT") if "RRULE" in e}

    network = masters["Netwerkoverleg Jeugd"]
    assert network["RRULE"].to_ical() == b"FREQ=MONTHLY;BYDAY=2TU"
    assert network["DTSTART"].dt == datetime(2026, 1, 13, 14, 0, tzinfo=AMS)
    exdates = [d.dt for d in network["EXDATE"].dts]
    assert exdates == [datetime(2026, 4, 14, 14, 0, tzinfo=AMS)]
    overrides = [
        e for e in calendar.walk("VEVENT") if e.get("UID") == network["UID"] and "RECURRENCE-ID" in e
    ]
    assert sorted(e["RECURRENCE-ID"].dt for e in overrides) == [
        datetime(2026, 6, 9, 14, 0, tzinfo=AMS),
        datetime(2026, 9, 8, 14, 0, tzinfo=AMS),
    ]
    with_agenda = next(e for e in overrides if e["RECURRENCE-ID"].dt.month == 9)
    assert "1. Openstaande afspraken" in str(with_agenda["DESCRIPTION"])
    assert "Location: Buurthuis Het Anker" in str(network["DESCRIPTION"])
    assert masters["Veiligheidsoverleg"]["RRULE"].to_ical() == b"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"
    ended = masters["Sportclub-overleg"]["RRULE"]
    assert ended["UNTIL"][0] == datetime(2026, 9, 30, 21, 59, 59, tzinfo=UTC)
    retimed = masters["Lokale reflectie"]
    assert retimed["DTSTART"].dt == datetime(2026, 5, 28, 18, 30, tzinfo=AMS)


def test_uids_are_unique_and_stable_between_exports(scheduled: Database) -> None:
    first = export(scheduled)
    second = export(scheduled)

    def keys(calendar: Calendar) -> list[tuple[str, str]]:
        return [
            (str(e["UID"]), e["RECURRENCE-ID"].to_ical().decode() if "RECURRENCE-ID" in e else "")
            for e in calendar.walk("VEVENT")
        ]

    assert len(set(keys(first))) == len(keys(first))
    assert keys(first) == keys(second)
    with scheduled.session() as session:
        other = session.scalars(select(Meeting.id)).all()
    assert len({uid for uid, _ in keys(first)}) < len(other)
    assert all(uid.endswith("@teamlead") for uid, _ in keys(first))


def test_a_cancelled_single_meeting_is_exported_as_cancelled(scheduled: Database) -> None:
    calendar = export(scheduled)

    cancelled = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "Afgezegd gesprek"]

    assert [str(e["STATUS"]) for e in cancelled] == ["CANCELLED"]


def test_from_leaves_out_earlier_single_meetings(scheduled: Database) -> None:
    calendar = export(scheduled, date(2026, 4, 1))

    titles = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}

    assert "Bilateraal met woningcorporatie" not in titles
    assert "Afgezegd gesprek" in titles


def test_write_replaces_an_existing_file(scheduled: Database, tmp_path: Path) -> None:
    target = tmp_path / "export" / "overleggen.ics"
    target.parent.mkdir()
    target.write_text("old")
    with scheduled.begin() as session:
        calendar = build_calendar(session, START, now=NOW)

    counts = write_calendar(calendar, target)

    assert Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert counts.series == 4
    assert list(target.parent.iterdir()) == [target]
