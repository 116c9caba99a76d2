"""Recurring meetings: create a series, extend it, edit "this meeting" or "the whole series", cancel.

A series is a rule in Amsterdam wall-clock time; its occurrences are :class:`Meeting` rows materialised up to
a horizon (12 months ahead by default, extended as time goes by), named by their original local start
(``occurrence_key``, the iCalendar RECURRENCE-ID). Editing the whole series changes the occurrences from now
on that still follow it; past ones and ones changed on their own (``detached``) stay as they are. When the
timing changes, the series starts anew from the next occurrence (its first date moves), so that past meetings
keep the times they had.

Like every service these take a session and never commit: one ``with database.begin()`` per user action.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.meetings import Meeting, MeetingSeries
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.clock import AMSTERDAM_NAME
from teamlead.rules.limits import Width
from teamlead.rules.vocabulary import AuditAction, MeetingKind, MeetingStatus
from teamlead.services._common import (
    audit,
    check_choice,
    flush,
    for_edit,
    get_or_fail,
    limited_text,
    now_or,
    record_district,
    required_text,
)
from teamlead.services.district_assign import meetings_follow_series
from teamlead.services.series_rules import Timing, key_to_local, local_starts, occurrence_key, validate_timing
from teamlead.services.series_rules import with_until as rule_with_until
from teamlead.services.series_store import (
    InviteeRef,
    follow_series,
    has_content,
    materialise,
    new_occurrence,
    set_invitees,
    template_invitees,
    timing_of,
    unusable_series,
)

HORIZON_MONTHS = 12

__all__ = [
    "HORIZON_MONTHS",
    "InviteeRef",
    "OccurrenceChanges",
    "SeriesChanges",
    "SeriesInput",
    "cancel_occurrence",
    "cancel_series_from",
    "create_series",
    "default_horizon",
    "edit_occurrence",
    "edit_series",
    "extend_all_series",
    "extend_series_ahead",
]


@dataclass(frozen=True)
class SeriesInput:
    """What the "schedule a series" form asks. ``rrule`` as in iCalendar, e.g. ``FREQ=MONTHLY;BYDAY=2TU``."""

    kind: str
    title: str
    rrule: str
    first_date: date
    start_time: time
    duration_minutes: int = 90
    location: str = ""
    district_id: int | None = None
    invitees: tuple[InviteeRef, ...] = ()


@dataclass(frozen=True)
class SeriesChanges:
    """A change to the whole series; ``None`` leaves a field as it is."""

    kind: str | None = None
    title: str | None = None
    location: str | None = None
    rrule: str | None = None
    start_time: time | None = None
    duration_minutes: int | None = None
    invitees: tuple[InviteeRef, ...] | None = None
    district_id: int | None = None


@dataclass(frozen=True)
class OccurrenceChanges:
    """A change to one meeting of a series; ``starts_local`` is the new Amsterdam wall-clock start."""

    kind: str | None = None
    title: str | None = None
    location: str | None = None
    starts_local: datetime | None = None
    duration_minutes: int | None = None
    invitees: tuple[InviteeRef, ...] | None = None
    district_id: int | None = None


def default_horizon(today: date) -> date:
    """How far ahead occurrences exist as meetings: 12 months, so they show in lists, reports and packs."""
    return today + relativedelta(months=HORIZON_MONTHS)


def _checked_texts(kind: str, title: str, location: str) -> tuple[str, str, str]:
    return (
        check_choice("kind", tr("Kind"), kind, list(MeetingKind)),
        required_text("title", tr("Title"), title, Width.NAME),
        limited_text("location", tr("Location"), location, Width.ADDRESS),
    )


def create_series(
    session: Session, data: SeriesInput, *, horizon: date | None = None, now: datetime | None = None
) -> int:
    """Create the series and its meetings up to ``horizon``; returns the series id."""
    kind, title, location = _checked_texts(data.kind, data.title, data.location)
    timing = validate_timing(
        Timing(data.rrule, data.first_date, data.start_time, data.duration_minutes, AMSTERDAM_NAME)
    )
    series = MeetingSeries(
        district_id=record_district(session, chosen=data.district_id),
        kind=kind,
        title=title,
        location=location,
        rrule=timing.rrule,
        first_date=timing.first_date,
        start_time=timing.start_time,
        duration_minutes=timing.duration_minutes,
        timezone=timing.timezone,
        meetings=[],
    )
    session.add(series)
    flush(session)
    audit(session, series, AuditAction.CREATE, ["kind", "title", "location", "rrule", "first_date"], now=now)
    until = horizon or default_horizon(now_or(now).astimezone(timing.zone).date())
    starts = local_starts(timing, until=max(until, timing.first_date))
    for local_start in starts:
        new_occurrence(series, local_start, data.invitees)
    flush(session)
    for meeting in series.meetings:
        audit(session, meeting, AuditAction.CREATE, now=now)
    return series.id


def extend_series_ahead(session: Session, today: date, *, now: datetime | None = None) -> int:
    """Materialise every series :data:`HORIZON_MONTHS` ahead of ``today`` (the Meetings view does it when it
    opens); how many meetings were added."""
    return extend_all_series(session, default_horizon(today), now=now)


def extend_all_series(session: Session, until: date, *, now: datetime | None = None) -> int:
    """Materialise every series' occurrences up to ``until``; returns how many meetings were added."""
    added = 0
    unusable = unusable_series(session)  # a damaged series is left out, not a failure of every run
    for series in session.scalars(
        select(MeetingSeries).where(MeetingSeries.id.not_in(unusable)).order_by(MeetingSeries.id)
    ):
        added += len(materialise(session, series, until, now=now))
    return added


def edit_series(
    session: Session,
    series_id: int,
    changes: SeriesChanges,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> None:
    """Change the whole series: itself and its occurrences from now on that still follow it."""
    series = for_edit(session, MeetingSeries, series_id, expected_version)
    moment = now_or(now)
    kind, title, location = _checked_texts(
        changes.kind if changes.kind is not None else series.kind,
        changes.title if changes.title is not None else series.title,
        changes.location if changes.location is not None else series.location,
    )
    old = timing_of(series)
    timing = replace(
        old,
        rrule=changes.rrule if changes.rrule is not None else old.rrule,
        start_time=changes.start_time if changes.start_time is not None else old.start_time,
        duration_minutes=changes.duration_minutes
        if changes.duration_minutes is not None
        else old.duration_minutes,
    )
    timing = validate_timing(replace(timing, first_date=old.first_date))
    retimed = (timing.rrule, timing.start_time) != (old.rrule, old.start_time)
    if retimed and any(m.starts_at < moment for m in series.meetings):
        timing = _restart_after(timing, moment)
    invitees = changes.invitees if changes.invitees is not None else tuple(template_invitees(series))
    had_no_district = series.district_id is None
    values = {
        "district_id": record_district(
            session, chosen=changes.district_id if changes.district_id is not None else series.district_id
        ),
        "kind": kind,
        "title": title,
        "location": location,
        "rrule": timing.rrule,
        "first_date": timing.first_date,
        "start_time": timing.start_time,
        "duration_minutes": timing.duration_minutes,
    }
    changed = [name for name, value in values.items() if getattr(series, name) != value]
    for name in changed:
        setattr(series, name, values[name])
    if changes.invitees is not None:
        changed.append("invitees")
    _reconcile_future(
        session, series, invitees, moment, retimed, now=now, invitees_changed=changes.invitees is not None
    )
    flush(session)
    if changed:
        audit(session, series, AuditAction.UPDATE, changed, now=now)
    if had_no_district and series.district_id is not None:
        meetings_follow_series(session, [series.id], now=now)


def _restart_after(timing: Timing, moment: datetime) -> Timing:
    """The timing starting with its first occurrence after ``moment`` (past meetings keep their own times)."""
    local_now = moment.astimezone(timing.zone).replace(tzinfo=None)
    restarted = validate_timing(replace(timing, first_date=local_now.date()))
    if datetime.combine(restarted.first_date, restarted.start_time) < local_now:
        restarted = validate_timing(replace(timing, first_date=restarted.first_date + timedelta(days=1)))
    return restarted


def _reconcile_future(
    session: Session,
    series: MeetingSeries,
    invitees: Sequence[InviteeRef],
    moment: datetime,
    retimed: bool,
    *,
    now: datetime | None,
    invitees_changed: bool,
) -> None:
    """Make the future occurrences that follow the series match it; past and detached ones stay. Their
    invitees change only when the series' invitees were changed: "this and later" may have given the
    meetings from one occurrence on other invitees than those before it (new occurrences get the
    series' latest, ``invitees``)."""
    future = [m for m in series.meetings if m.starts_at >= moment]
    keys = [m.occurrence_key for m in series.meetings if m.occurrence_key]
    horizon = key_to_local(max(keys)).date() if keys else default_horizon(moment.date())
    by_key = {m.occurrence_key: m for m in series.meetings}
    if retimed:
        wanted = {occurrence_key(s) for s in local_starts(timing_of(series), until=horizon)}
        for meeting in future:
            if meeting.detached or meeting.occurrence_key in wanted:
                continue
            if has_content(session, meeting):
                meeting.detached = True  # kept as it was, as a meeting of its own
                continue
            series.meetings.remove(meeting)
            session.delete(meeting)
            audit(session, meeting, AuditAction.DELETE, now=now)
        for local_start in local_starts(timing_of(series), until=horizon):
            if occurrence_key(local_start) not in by_key:
                created = new_occurrence(series, local_start, invitees)
                flush(session)
                audit(session, created, AuditAction.CREATE, now=now)
    for meeting in [m for m in series.meetings if m.starts_at >= moment and not m.detached]:
        if meeting.id is None:
            continue
        changed = follow_series(series, meeting)
        if invitees_changed and set_invitees(meeting, invitees):
            changed.append("invitees")
        if changed:
            flush(session)
            audit(session, meeting, AuditAction.UPDATE, changed, now=now)


def edit_occurrence(
    session: Session,
    meeting_id: int,
    changes: OccurrenceChanges,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> None:
    """Change one meeting of a series on its own: it is detached and no longer follows the series' edits."""
    meeting = for_edit(session, Meeting, meeting_id, expected_version)
    if meeting.series is None:
        raise ValidationError("series_id", tr("This meeting is not part of a series."))
    kind, title, location = _checked_texts(
        changes.kind if changes.kind is not None else meeting.kind,
        changes.title if changes.title is not None else meeting.title,
        changes.location if changes.location is not None else meeting.location,
    )
    zone = timing_of(meeting.series).zone
    starts_at = meeting.starts_at
    if changes.starts_local is not None:
        starts_at = changes.starts_local.replace(second=0, microsecond=0, tzinfo=zone).astimezone(
            starts_at.tzinfo
        )
    current_minutes = int(((meeting.ends_at or meeting.starts_at) - meeting.starts_at).total_seconds() // 60)
    minutes = changes.duration_minutes if changes.duration_minutes is not None else current_minutes
    if not 1 <= minutes <= 24 * 60:
        raise ValidationError("duration_minutes", tr("The duration must be between 1 minute and 24 hours."))
    values = {
        "kind": kind,
        "title": title,
        "location": location,
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(minutes=minutes),
        "district_id": record_district(
            session, chosen=changes.district_id if changes.district_id is not None else meeting.district_id
        ),
    }
    changed = [name for name, value in values.items() if getattr(meeting, name) != value]
    for name in changed:
        setattr(meeting, name, values[name])
    if changes.invitees is not None and set_invitees(meeting, changes.invitees):
        changed.append("invitees")
    if changed:
        meeting.detached = True
        flush(session)
        audit(session, meeting, AuditAction.UPDATE, [*changed, "detached"], now=now)


def cancel_occurrence(
    session: Session, meeting_id: int, *, expected_version: int, now: datetime | None = None
) -> None:
    """Cancel one meeting (of a series or not); it stays on record as cancelled and is never "held"."""
    meeting = for_edit(session, Meeting, meeting_id, expected_version)
    if meeting.status == MeetingStatus.CANCELLED:
        return
    meeting.status = MeetingStatus.CANCELLED
    flush(session)
    audit(session, meeting, AuditAction.UPDATE, ["status"], now=now)


def cancel_series_from(
    session: Session, series_id: int, from_date: date, *, expected_version: int, now: datetime | None = None
) -> int:
    """End the series before ``from_date``: its meetings from that day on are cancelled. Returns how many."""
    series = for_edit(session, MeetingSeries, series_id, expected_version)
    zone = timing_of(series).zone
    if from_date <= series.first_date:
        last_day = series.first_date - timedelta(days=1)
    else:
        last_day = from_date - timedelta(days=1)
    series.rrule = rule_with_until(series.rrule, last_day)
    cancelled = 0
    for meeting in series.meetings:
        local_day = meeting.starts_at.astimezone(zone).date()
        if local_day >= from_date and meeting.status != MeetingStatus.CANCELLED:
            meeting.status = MeetingStatus.CANCELLED
            cancelled += 1
            flush(session)
            audit(session, meeting, AuditAction.UPDATE, ["status"], now=now)
    flush(session)
    audit(session, series, AuditAction.UPDATE, ["rrule"], now=now)
    return cancelled


def series_of(session: Session, meeting_id: int) -> MeetingSeries | None:
    """The series a meeting belongs to, if any (for "this meeting or the whole series?")."""
    return get_or_fail(session, Meeting, meeting_id).series
