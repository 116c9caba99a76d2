"""The meetings coming up: the dashboard's list and the benchmarks' (the other dashboard lists, capped as the
screen shows them, are in :mod:`teamlead.data.queries.dashboard_lists`).

Takes ``now`` from the caller, so the screen, the tests and the demo agree on the moment.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from teamlead.data.meetings import Meeting
from teamlead.data.queries.meetings import MeetingRow, meeting_rows
from teamlead.rules.limits import UPCOMING_MEETING_DAYS
from teamlead.rules.vocabulary import MeetingStatus


def _not_cancelled(district_id: int | None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Meeting.status != MeetingStatus.CANCELLED]
    if district_id is not None:
        where.append(Meeting.district_id == district_id)
    return where


def upcoming_meetings(
    session: Session, now: datetime, days: int = UPCOMING_MEETING_DAYS, *, district_id: int | None = None
) -> list[MeetingRow]:
    """Meetings not cancelled that start from ``now`` to ``days`` days later, soonest first."""
    where = [
        Meeting.starts_at >= now,
        Meeting.starts_at < now + timedelta(days=days),
        *_not_cancelled(district_id),
    ]
    return meeting_rows(session, where)


def upcoming_changes_at(
    session: Session,
    now: datetime,
    listed: list[MeetingRow],
    days: int = UPCOMING_MEETING_DAYS,
    *,
    district_id: int | None = None,
) -> datetime | None:
    """When :func:`upcoming_meetings` would answer otherwise with no write in between: the first meeting
    listed starts (and leaves the list), or the next meeting after the window comes within it."""
    end = now + timedelta(days=days)
    after = session.scalar(
        select(func.min(Meeting.starts_at)).where(Meeting.starts_at >= end, *_not_cancelled(district_id))
    )
    moments = [moment for moment in (listed[0].starts_at if listed else None, after) if moment is not None]
    if after is not None:
        moments[-1] = after - timedelta(days=days)
    return min(moments, default=None)
