"""Meetings as iCalendar (RFC 5545): what Outlook, Google Calendar and Thunderbird need to show them right.

- Every event has a UID made of the database's identity and the meeting's or series' id, so importing a newer
  export updates the events instead of doubling them.
- A series is one event with an RRULE in Europe/Amsterdam time (its VTIMEZONE included), so calendars keep
  the wall-clock time across summer time. A cancelled occurrence is an EXDATE; an occurrence changed on its
  own (or with an agenda of its own) is an override with RECURRENCE-ID, its original local start.
- A cancelled meeting outside a series is exported with STATUS:CANCELLED rather than left out, so a calendar
  that imported it before marks it cancelled instead of keeping it as planned.
- Location and agenda are in the description, as plain text every client shows.
- SEQUENCE is one number per UID, shared with invitations, that rises only when what an invitee sees changed
  (:mod:`teamlead.calendar.sequence`); a minutes edit leaves it as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from teamlead import __version__
from teamlead.calendar.identity import database_uid, meeting_uid, series_uid
from teamlead.calendar.sequence import SequenceBook
from teamlead.data.meetings import Meeting, MeetingSeries
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.clock import AMSTERDAM, AMSTERDAM_NAME
from teamlead.rules.files import atomic_target
from teamlead.rules.vocabulary import MeetingStatus
from teamlead.services.series_rules import (
    key_to_local,
    local_starts,
    occurrence_key,
    parse_rule,
    rule_until,
    span_utc,
)
from teamlead.services.series_store import timing_of, unusable_series


@dataclass(frozen=True)
class ExportCounts:
    """What an export holds, for the message after writing it."""

    events: int
    series: int


def build_calendar(
    session: Session, start: date, *, now: datetime | None = None, store_identity: bool = True
) -> Calendar:
    """The meetings from the day ``start`` (Amsterdam) on, and every series still running then.

    ``store_identity`` False (a database opened read-only): neither the calendar identity
    (:func:`~teamlead.calendar.identity.database_uid`) nor the SEQUENCEs
    (:class:`~teamlead.calendar.sequence.SequenceBook`) are stored; they are computed as a writable database
    would store them."""
    identity = database_uid(session, store=store_identity)
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    book = SequenceBook(session, store=store_identity, now=stamp)
    zone = AMSTERDAM
    start_utc = datetime.combine(start, time(0, 0), tzinfo=zone).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", f"-//Teamlead//Teamlead {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", tr("Teamlead meetings"))
    calendar.add("x-wr-timezone", AMSTERDAM_NAME)
    singles = session.scalars(
        select(Meeting)
        .where(Meeting.series_id.is_(None), Meeting.starts_at >= start_utc)
        .options(selectinload(Meeting.agenda_items))
        .order_by(Meeting.starts_at, Meeting.id)
    )
    for meeting in singles:
        uid = meeting_uid(identity, meeting.id)
        calendar.add_component(meeting_event(meeting, uid, stamp, zone, book.for_meeting(uid, meeting)))
    everything = session.scalars(
        select(MeetingSeries)
        .where(MeetingSeries.id.not_in(unusable_series(session)))
        .options(
            selectinload(MeetingSeries.meetings).selectinload(Meeting.agenda_items),
            selectinload(MeetingSeries.meetings).selectinload(Meeting.invitees),
        )
        .order_by(MeetingSeries.id)
    )
    for series in everything:
        for event in _series_events(series, identity, start_utc, stamp, book):
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def write_calendar(calendar: Calendar, target: Path) -> ExportCounts:
    """Write ``calendar`` to ``target`` atomically: an existing file is replaced only once all is written."""
    events = calendar.walk("VEVENT")
    with atomic_target(target) as temporary:
        temporary.write_bytes(calendar.to_ical())
    return ExportCounts(
        events=len(events), series=sum(1 for e in events if "RRULE" in e and "RECURRENCE-ID" not in e)
    )


def _description(kind: str, location: str, agenda: list[str]) -> str:
    lines = [words.meeting_kind(kind)]
    if location:
        lines.append(tr("Location: {location}", location=location))
    if agenda:
        lines.append("")
        lines.append(tr("Agenda:"))
        lines.extend(f"{number}. {title}" for number, title in enumerate(agenda, start=1))
    return "\n".join(lines)


def meeting_event(meeting: Meeting, uid: str, stamp: datetime, zone: ZoneInfo, sequence: int) -> Event:
    """One meeting as a VEVENT (an override of a series when the caller adds RECURRENCE-ID)."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    starts = meeting.starts_at.astimezone(zone)
    event.add("dtstart", starts)
    event.add("dtend", (meeting.ends_at or meeting.starts_at + timedelta(hours=1)).astimezone(zone))
    event.add("summary", meeting.title)
    if meeting.location:
        event.add("location", meeting.location)
    agenda = [item.title for item in meeting.agenda_items]
    event.add("description", _description(meeting.kind, meeting.location, agenda))
    event.add("categories", [words.meeting_kind(meeting.kind)])
    cancelled = meeting.status == MeetingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("sequence", sequence)
    event.add("last-modified", meeting.updated_at.astimezone(UTC))
    return event


def _rule(series: MeetingSeries, zone: ZoneInfo) -> vRecur:
    """The stored rule for iCalendar: an UNTIL in local time becomes UTC, as RFC 5545 wants with a TZID."""
    recur: vRecur = vRecur.from_ical(series.rrule)
    until = rule_until(series.rrule)
    if until is not None:
        if "T" in until:
            local_until = datetime.strptime(until[:15], "%Y%m%dT%H%M%S")
        else:
            local_until = datetime.combine(datetime.strptime(until[:8], "%Y%m%d").date(), time(23, 59, 59))
        recur["UNTIL"] = [local_until.replace(tzinfo=zone).astimezone(UTC)]
    return recur


def _series_events(
    series: MeetingSeries, identity: str, start_utc: datetime, stamp: datetime, book: SequenceBook
) -> Iterator[Event]:
    """The series' master event with its EXDATEs and overrides, then its occurrences that left the rule."""
    timing = timing_of(series)
    zone = timing.zone
    uid = series_uid(identity, series.id)
    rows = {m.occurrence_key: m for m in series.meetings if m.occurrence_key}
    start_local = start_utc.astimezone(zone).replace(tzinfo=None)
    first = datetime.combine(timing.first_date, timing.start_time)
    runs_on = parse_rule(series.rrule, first).after(start_local, inc=True) is not None
    upcoming = any(m.starts_at >= start_utc and m.status != MeetingStatus.CANCELLED for m in rows.values())
    if not runs_on and not upcoming:
        return
    horizon = max([key_to_local(k).date() for k in rows] + [start_local.date()])
    generated = [occurrence_key(s) for s in local_starts(timing, until=horizon)]
    sequence = book.for_series(uid, series)
    master = master_event(series, uid, stamp, zone, sequence)
    excluded: list[datetime] = []
    overrides: list[Event] = []
    for key in generated:
        meeting = rows.get(key)
        original = key_to_local(key).replace(tzinfo=zone)
        if meeting is None or meeting.status == MeetingStatus.CANCELLED:
            excluded.append(original)
        elif _differs(series, meeting):
            override = meeting_event(meeting, uid, stamp, zone, sequence)
            override.add("recurrence-id", original)
            overrides.append(override)
    if excluded:
        master.add("exdate", excluded)
    yield master
    yield from overrides
    generated_keys = set(generated)
    for key, meeting in rows.items():
        if (
            key in generated_keys
            or meeting.status == MeetingStatus.CANCELLED
            or meeting.starts_at < start_utc
        ):
            continue
        own = meeting_uid(identity, meeting.id)
        yield meeting_event(meeting, own, stamp, zone, book.for_meeting(own, meeting))


def master_event(series: MeetingSeries, uid: str, stamp: datetime, zone: ZoneInfo, sequence: int) -> Event:
    """A series' recurring VEVENT, without its exceptions."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    starts = datetime.combine(series.first_date, series.start_time, tzinfo=zone)
    event.add("dtstart", starts)
    event.add("dtend", starts + timedelta(minutes=series.duration_minutes))
    event.add("rrule", _rule(series, zone))
    event.add("summary", series.title)
    if series.location:
        event.add("location", series.location)
    event.add("description", _description(series.kind, series.location, []))
    event.add("categories", [words.meeting_kind(series.kind)])
    event.add("status", "CONFIRMED")
    event.add("sequence", sequence)
    event.add("last-modified", series.updated_at.astimezone(UTC))
    return event


def _differs(series: MeetingSeries, meeting: Meeting) -> bool:
    """True when the occurrence is not what the series' rule alone would put in a calendar."""
    assert meeting.occurrence_key is not None
    zone = timing_of(series).zone
    starts, ends = span_utc(key_to_local(meeting.occurrence_key), series.duration_minutes, zone)
    return (
        meeting.title != series.title
        or meeting.location != series.location
        or meeting.kind != series.kind
        or meeting.starts_at != starts
        or (meeting.ends_at or meeting.starts_at) != ends
        or bool(meeting.agenda_items)
    )
