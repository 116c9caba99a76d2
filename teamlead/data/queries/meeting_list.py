"""The Meetings list: every meeting with its invited partners (the screen filters them in memory).

Plain column reads, returned as frozen rows (not ORM objects), so the list loads off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.meetings import Invitee, Meeting
from teamlead.data.roster import Organisation
from teamlead.rules.clock import AMSTERDAM


@dataclass(frozen=True, slots=True)
class MeetingListRow:
    """One meeting as the list shows it: local start, and the partners invited (for the partner filter)."""

    id: int
    kind: str
    title: str
    starts: datetime  # Amsterdam time
    location: str
    status: str
    partners: tuple[str, ...]
    series_id: int | None
    version: int
    district_id: int | None = None


def meeting_list(session: Session) -> list[MeetingListRow]:
    """Every meeting, by start, with its invited organisations' names (plain column reads: no ORM objects)."""
    zone = AMSTERDAM
    connection = session.connection()
    partners: dict[int, list[str]] = {}
    invited = connection.execute(
        select(Invitee.meeting_id, Organisation.name)
        .join(Organisation, Organisation.id == Invitee.organisation_id)
        .order_by(Invitee.meeting_id, Invitee.id)
    )
    for meeting_id, name in invited:
        names = partners.setdefault(meeting_id, [])
        if name not in names:
            names.append(name)
    rows = connection.execute(
        select(
            Meeting.id,
            Meeting.kind,
            Meeting.title,
            Meeting.starts_at,
            Meeting.location,
            Meeting.status,
            Meeting.series_id,
            Meeting.version,
            Meeting.district_id,
        ).order_by(Meeting.starts_at, Meeting.id)
    )
    return [
        MeetingListRow(
            id=meeting_id,
            kind=kind,
            title=title,
            starts=starts.astimezone(zone),
            location=location,
            status=status,
            partners=tuple(partners.get(meeting_id, ())),
            series_id=series_id,
            version=version,
            district_id=district_id,
        )
        for meeting_id, kind, title, starts, location, status, series_id, version, district_id in rows
    ]
