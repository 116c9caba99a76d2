"""Meetings for the screens: the calendar list and a meeting's own page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from teamlead.data.geography import District
from teamlead.data.meetings import Invitee, Meeting


@dataclass(frozen=True, slots=True)
class MeetingRow:
    id: int
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime | None
    location: str
    district_id: int | None
    district: str
    status: str
    invitees: int
    series_id: int | None
    version: int


def meeting_rows(
    session: Session, where: list[ColumnElement[bool]], order_desc: bool = False
) -> list[MeetingRow]:
    invitees = (
        select(func.count()).select_from(Invitee).where(Invitee.meeting_id == Meeting.id).correlate(Meeting)
    ).scalar_subquery()
    order = (Meeting.starts_at.desc(), Meeting.id.desc()) if order_desc else (Meeting.starts_at, Meeting.id)
    rows = session.execute(
        select(Meeting, District.name, invitees.label("invitees"))
        .outerjoin(District, District.id == Meeting.district_id)
        .where(*where)
        .order_by(*order)
    )
    return [
        MeetingRow(
            id=m.id,
            kind=m.kind,
            title=m.title,
            starts_at=m.starts_at,
            ends_at=m.ends_at,
            location=m.location,
            district_id=m.district_id,
            district=district or "",
            status=m.status,
            invitees=count,
            series_id=m.series_id,
            version=m.version,
        )
        for m, district, count in rows
    ]
