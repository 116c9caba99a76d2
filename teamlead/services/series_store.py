"""The database side of meeting series: materialising occurrences, their invitees and content.

Helpers for :mod:`teamlead.services.series`, each working inside the caller's transaction (a session), so a
user's action stays one transaction however many rows it touches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import String, cast, exists, select
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement, agreement_meeting
from teamlead.data.meetings import AgendaItem, Invitee, Meeting, MeetingSeries
from teamlead.errors import ValidationError
from teamlead.rules.clock import is_time_zone
from teamlead.rules.vocabulary import Attendance, AuditAction, MeetingStatus
from teamlead.services._common import audit
from teamlead.services.series_rules import (
    Timing,
    key_to_local,
    local_starts,
    occurrence_key,
    parse_rule,
    span_utc,
)


@dataclass(frozen=True)
class InviteeRef:
    """Who is invited: an organisation, a person (at an organisation), or both."""

    organisation_id: int | None = None
    person_id: int | None = None


def unusable_series(session: Session) -> list[int]:
    """The ids of series whose stored time zone, first date, start time or repetition no calendar can use.

    The services store only valid ones; a database changed outside Teamlead (or by a version before these
    were checked) may hold others, such as a time zone ``../../etc/passwd`` or a start ``25:99``. Read as
    text, so they can be left out of materialising and the calendar instead of failing every run on them.
    """
    rows = session.execute(
        select(
            MeetingSeries.id,
            MeetingSeries.timezone,
            cast(MeetingSeries.first_date, String),
            cast(MeetingSeries.start_time, String),
            MeetingSeries.rrule,
        ).order_by(MeetingSeries.id)
    )
    return [id for id, zone, first, start, rule in rows if not _usable(zone, first, start, rule)]


def _usable(zone: object, first: object, start: object, rule: object) -> bool:
    if not (
        is_time_zone(zone) and isinstance(first, str) and isinstance(start, str) and isinstance(rule, str)
    ):
        return False
    try:
        parse_rule(rule, datetime.combine(date.fromisoformat(first[:10]), time.fromisoformat(start)))
    except (ValueError, ValidationError):
        return False
    return True


def timing_of(series: MeetingSeries) -> Timing:
    return Timing(
        rrule=series.rrule,
        first_date=series.first_date,
        start_time=series.start_time,
        duration_minutes=series.duration_minutes,
        timezone=series.timezone,
    )


def set_invitees(meeting: Meeting, invitees: Sequence[InviteeRef]) -> bool:
    """Make ``meeting``'s invitees exactly ``invitees``; who stays keeps their attendance. True if changed."""
    wanted = list(dict.fromkeys(invitees))
    current = {InviteeRef(i.organisation_id, i.person_id): i for i in meeting.invitees}
    changed = False
    for ref, row in current.items():
        if ref not in wanted:
            meeting.invitees.remove(row)
            changed = True
    for ref in wanted:
        if ref not in current:
            meeting.invitees.append(Invitee(organisation_id=ref.organisation_id, person_id=ref.person_id))
            changed = True
    return changed


def invitees_of(meeting: Meeting) -> list[InviteeRef]:
    return [InviteeRef(i.organisation_id, i.person_id) for i in meeting.invitees]


def template_invitees(series: MeetingSeries) -> list[InviteeRef]:
    """The series' invitees: those of its last occurrence that still follows the series."""
    following = [m for m in series.meetings if not m.detached]
    source = following or list(series.meetings)
    return invitees_of(source[-1]) if source else []


def new_occurrence(series: MeetingSeries, local_start: datetime, invitees: Sequence[InviteeRef]) -> Meeting:
    """An occurrence row of ``series`` at ``local_start`` (its key), following the series."""
    starts_at, ends_at = span_utc(local_start, series.duration_minutes, timing_of(series).zone)
    meeting = Meeting(
        district_id=series.district_id,
        kind=series.kind,
        title=series.title,
        location=series.location,
        starts_at=starts_at,
        ends_at=ends_at,
        status=MeetingStatus.SCHEDULED,
        occurrence_key=occurrence_key(local_start),
        detached=False,
        invitees=[Invitee(organisation_id=r.organisation_id, person_id=r.person_id) for r in invitees],
    )
    series.meetings.append(meeting)
    return meeting


def follow_series(series: MeetingSeries, meeting: Meeting) -> list[str]:
    """Give a non-detached occurrence the series' kind, title, place and time; the names of changed fields."""
    assert meeting.occurrence_key is not None
    starts_at, ends_at = span_utc(
        key_to_local(meeting.occurrence_key), series.duration_minutes, timing_of(series).zone
    )
    wanted = {
        "kind": series.kind,
        "title": series.title,
        "location": series.location,
        "district_id": series.district_id,
        "starts_at": starts_at,
        "ends_at": ends_at,
    }
    changed = [name for name, value in wanted.items() if getattr(meeting, name) != value]
    for name in changed:
        setattr(meeting, name, wanted[name])
    return changed


def materialise(
    session: Session, series: MeetingSeries, until: date, *, now: datetime | None = None
) -> list[Meeting]:
    """Create the occurrences the rule gives up to ``until`` after the last one already there."""
    keys = [m.occurrence_key for m in series.meetings if m.occurrence_key]
    after = key_to_local(max(keys)) if keys else None
    invitees = template_invitees(series)
    starts = local_starts(timing_of(series), after=after, until=until)
    created = [new_occurrence(series, start, invitees) for start in starts]
    session.flush()
    for meeting in created:
        audit(session, meeting, AuditAction.CREATE, now=now)
    return created


def has_content(session: Session, meeting: Meeting) -> bool:
    """True when something was recorded for the meeting that removing it would lose."""
    if meeting.minutes or meeting.reflection_goes_well or meeting.reflection_can_improve:
        return True
    if meeting.reflection_do_ourselves or meeting.reflection_need_help:
        return True
    if any(i.attendance != Attendance.INVITED for i in meeting.invitees):
        return True
    return bool(
        session.scalar(
            select(
                exists().where(AgendaItem.meeting_id == meeting.id)
                | exists().where(Agreement.made_in_meeting_id == meeting.id)
                | exists().where(agreement_meeting.c.meeting_id == meeting.id)
            )
        )
    )
