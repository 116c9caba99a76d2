"""The meetings coming up: the dashboard's list and the benchmarks' (the other dashboard lists, capped as the
screen shows them, are in :mod:`teamlead.data.queries.dashboard_lists`).

Takes ``now`` from the caller, so the screen, the tests and the demo agree on the moment.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from teamlead.data.meetings import Meeting
from teamlead.data.queries.meetings import MeetingRow, meeting_rows
from teamlead.rules.limits import UPCOMING_MEETING_DAYS
from teamlead.rules.vocabulary import MeetingStatus


def upcoming_meetings(
    session: Session, now: datetime, days: int = UPCOMING_MEETING_DAYS, *, district_id: int | None = None
) -> list[MeetingRow]:
    """Meetings not cancelled that start from ``now`` to ``days`` days later, soonest first."""
    where = [
        Meeting.starts_at >= now,
        Meeting.starts_at < now + timedelta(days=days),
        Meeting.status != MeetingStatus.CANCELLED,
    ]
    if district_id is not None:
        where.append(Meeting.district_id == district_id)
    return meeting_rows(session, where)
