"""Deleting a meeting or a series made by mistake, while nothing of it has happened yet.

A meeting that has started belongs to the record (it may be counted as held, have attendance, minutes and
agreements): it can be cancelled, never deleted. Nor can a meeting or series for which an invitation was written
(``teamlead calendar --invite``, "Send invitation…"): partners may hold it in their calendars, and only a
cancellation reaches them. :func:`removal_blocker` is the one rule; every deletion and the confirmation that
precedes it ask it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from teamlead.data.agreements import Agreement
from teamlead.data.meetings import AgendaItem, CalendarSent, Invitee, Meeting, MeetingSeries
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.vocabulary import AuditAction
from teamlead.services._common import audit, flush, for_edit, get_or_fail, now_or


def removal_blocker(meetings: Sequence[Meeting], now: datetime, *, invited: bool = False) -> str | None:
    """Why these meetings (one, or all of a series) can only be cancelled, not deleted; None when they may go.

    The rule: none of them has started, and no invitation was written for them (``invited``, from
    :func:`invitation_written`).
    """
    if invited:
        if len(meetings) == 1 and meetings[0].series_id is None:
            return tr(
                "An invitation to this meeting was written, so partners may have it in their calendars: "
                "cancel it instead, and send the cancellation."
            )
        return tr(
            "An invitation to this series was written, so partners may have it in their calendars: "
            "cancel it instead, and send the cancellation."
        )
    if any(meeting.starts_at <= now for meeting in meetings):
        if len(meetings) == 1 and meetings[0].series_id is None:
            return tr("This meeting has already started, so it can only be cancelled, not deleted.")
        return tr("A meeting of this series has already started, so it can only be cancelled, not deleted.")
    return None


@dataclass(frozen=True, slots=True)
class Removal:
    """What deleting the meeting's own record (a one-off meeting, or the series of an occurrence) would take
    with it, or why it cannot be deleted: what the confirmation says."""

    meeting_id: int
    series_id: int | None
    title: str
    version: int  # of the meeting, or of its series
    meetings: int
    agenda_items: int
    invitees: int
    agreements_made: int  # they stay, no longer linked to the meeting
    blocker: str | None

    @property
    def allowed(self) -> bool:
        return self.blocker is None


def removal_of(session: Session, meeting_id: int, *, now: datetime | None = None) -> Removal:
    """What deleting this meeting would remove: the meeting itself, or for an occurrence its whole series
    (one occurrence of a series is cancelled instead, so the series' calendar stays right)."""
    meeting = get_or_fail(session, Meeting, meeting_id)
    series = meeting.series
    meetings = list(series.meetings) if series is not None else [meeting]
    ids = [m.id for m in meetings]
    return Removal(
        meeting_id=meeting.id,
        series_id=series.id if series is not None else None,
        title=series.title if series is not None else meeting.title,
        version=series.version if series is not None else meeting.version,
        meetings=len(meetings),
        agenda_items=_count(session, AgendaItem.meeting_id, ids),
        invitees=_count(session, Invitee.meeting_id, ids),
        agreements_made=_count(session, Agreement.made_in_meeting_id, ids),
        blocker=removal_blocker(
            meetings, now_or(now), invited=invitation_written(session, ids, series.id if series else None)
        ),
    )


def invitation_written(session: Session, meeting_ids: Sequence[int], series_id: int | None) -> bool:
    """True when an invitation was written for one of these meetings or for the series
    (``calendar_sent.invited_at``)."""
    clauses: list[ColumnElement[bool]] = [CalendarSent.meeting_id.in_(list(meeting_ids))]
    if series_id is not None:
        clauses.append(CalendarSent.series_id == series_id)
    found = session.scalar(
        select(CalendarSent.uid).where(CalendarSent.invited_at.is_not(None), or_(*clauses)).limit(1)
    )
    return found is not None


def _count(session: Session, column: InstrumentedAttribute[Any], ids: list[int]) -> int:
    return int(session.scalar(select(func.count()).where(column.in_(ids))) or 0)


def delete_meeting(
    session: Session, meeting_id: int, *, expected_version: int, now: datetime | None = None
) -> None:
    """Delete a one-off meeting that has not started, with its invitees and agenda (agreements made in it
    stay). An occurrence of a series is refused: delete the series, or cancel the occurrence."""
    meeting = for_edit(session, Meeting, meeting_id, expected_version)
    if meeting.series_id is not None:
        raise ValidationError(
            "series_id", tr("A meeting of a series is cancelled, or its whole series deleted.")
        )
    blocker = removal_blocker([meeting], now_or(now), invited=invitation_written(session, [meeting.id], None))
    if blocker is not None:
        raise ValidationError("starts_at", blocker)
    _delete(session, meeting, now)
    flush(session)


def delete_series(
    session: Session, series_id: int, *, expected_version: int, now: datetime | None = None
) -> int:
    """Delete a series none of whose meetings has started, with all its meetings; how many meetings went."""
    series = for_edit(session, MeetingSeries, series_id, expected_version)
    meetings = list(series.meetings)
    invited = invitation_written(session, [m.id for m in meetings], series.id)
    blocker = removal_blocker(meetings, now_or(now), invited=invited)
    if blocker is not None:
        raise ValidationError("starts_at", blocker)
    for meeting in meetings:
        series.meetings.remove(meeting)
        _delete(session, meeting, now)
    audit(session, series, AuditAction.DELETE, now=now)
    session.delete(series)
    flush(session)
    return len(meetings)


def _delete(session: Session, meeting: Meeting, now: datetime | None) -> None:
    audit(session, meeting, AuditAction.DELETE, now=now)
    session.delete(meeting)
