"""The meetings of a period as plain lines, for ``teamlead meetings`` and scripts that read it.

Before listing, series are materialised far enough ahead that every occurrence in the period is a meeting
with an id (the id ``report meeting --meeting`` takes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.meetings import Meeting
from teamlead.i18n import tr
from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.vocabulary import MeetingStatus
from teamlead.services.series import default_horizon, extend_all_series
from teamlead.services.series_store import unusable_series

# Series are never materialised further ahead than this, however far ``--to`` lies.
MAX_MONTHS_AHEAD = 60


@dataclass(frozen=True, slots=True)
class MeetingLine:
    id: int
    starts: datetime  # Amsterdam time
    kind: str
    title: str

    def as_text(self) -> str:
        """Tab-separated: id, start ``YYYY-MM-DD HH:MM``, kind, title (its tabs and line breaks as spaces)."""
        title = self.title.replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
        return f"{self.id}\t{self.starts:%Y-%m-%d %H:%M}\t{self.kind}\t{title}"


def ensure_materialised(session: Session, today: date, end: date | None) -> int:
    """Extend every series to the default horizon, or to ``end`` (at most five years ahead)."""
    until = default_horizon(today)
    if end is not None:
        until = max(until, min(end, today + relativedelta(months=MAX_MONTHS_AHEAD)))
    return extend_all_series(session, until)


def series_left_out(session: Session) -> list[str]:
    """What to tell about each series that materialising and the calendar leave out: its stored time zone,
    start or repetition is damaged (:func:`~teamlead.services.series_store.unusable_series`)."""
    return [
        tr(
            "Meeting series {id} is left out: its stored time zone, start or repetition cannot be used "
            "(changed outside Teamlead?). Its meetings made so far are kept; no new ones are made.",
            id=id,
        )
        for id in unusable_series(session)
    ]


def meeting_lines(
    session: Session, start: date | None, end: date | None, district_ids: Sequence[int] | None = None
) -> list[MeetingLine]:
    """Meetings not cancelled whose Amsterdam start date lies in ``start``..``end`` (inclusive), by start."""
    zone = AMSTERDAM
    query = select(Meeting.id, Meeting.starts_at, Meeting.kind, Meeting.title).where(
        Meeting.status != MeetingStatus.CANCELLED
    )
    if start is not None:
        query = query.where(Meeting.starts_at >= _midnight_utc(start, zone))
    if end is not None:
        query = query.where(Meeting.starts_at < _midnight_utc(end + timedelta(days=1), zone))
    if district_ids is not None:
        query = query.where(Meeting.district_id.in_(list(district_ids)))
    rows = session.execute(query.order_by(Meeting.starts_at, Meeting.id))
    return [MeetingLine(id, starts.astimezone(zone), kind, title) for id, starts, kind, title in rows]


def _midnight_utc(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=zone).astimezone(UTC)
