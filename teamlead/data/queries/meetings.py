"""Meetings for the screens: the calendar list and a meeting's own page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement, agreement_meeting
from teamlead.data.geography import District
from teamlead.data.meetings import AgendaItem, Invitee, Meeting
from teamlead.data.queries.rows import MeetingRow as MeetingRow
from teamlead.data.roster import Organisation, Person
from teamlead.rules.vocabulary import MeetingStatus


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


def meetings(
    session: Session,
    *,
    starts_from: datetime | None = None,
    starts_before: datetime | None = None,
    district_id: int | None = None,
    kind: str | None = None,
    include_cancelled: bool = True,
    newest_first: bool = False,
) -> list[MeetingRow]:
    """Meetings in a time window (both ends optional), soonest first unless ``newest_first``."""
    where: list[ColumnElement[bool]] = []
    if starts_from is not None:
        where.append(Meeting.starts_at >= starts_from)
    if starts_before is not None:
        where.append(Meeting.starts_at < starts_before)
    if district_id is not None:
        where.append(Meeting.district_id == district_id)
    if kind is not None:
        where.append(Meeting.kind == kind)
    if not include_cancelled:
        where.append(Meeting.status != MeetingStatus.CANCELLED)
    return meeting_rows(session, where, order_desc=newest_first)


@dataclass(frozen=True, slots=True)
class InviteeRow:
    id: int
    organisation_id: int | None
    organisation: str
    person_id: int | None
    person: str
    attendance: str


@dataclass(frozen=True, slots=True)
class AgendaRow:
    id: int
    position: int
    title: str
    details: str
    agreement_id: int | None
    version: int = 1
    """The item's own version, for editing its details against what the user saw."""


@dataclass(frozen=True, slots=True)
class MeetingDetail:
    meeting: MeetingRow
    invitees: tuple[InviteeRow, ...]
    agenda: tuple[AgendaRow, ...]
    minutes: str
    reflection_goes_well: str
    reflection_can_improve: str
    reflection_do_ourselves: str
    reflection_need_help: str
    agreements_made: tuple[int, ...]
    agreements_discussed: tuple[int, ...]


def meeting_detail(session: Session, meeting_id: int) -> MeetingDetail | None:
    """Everything the meeting page and the preparation pack show, as plain rows."""
    rows = meeting_rows(session, [Meeting.id == meeting_id])
    if not rows:
        return None
    meeting = session.get(Meeting, meeting_id)
    assert meeting is not None
    invitees = session.execute(
        select(
            Invitee.id,
            Invitee.organisation_id,
            Organisation.name,
            Invitee.person_id,
            Person.name,
            Invitee.attendance,
        )
        .outerjoin(Organisation, Organisation.id == Invitee.organisation_id)
        .outerjoin(Person, Person.id == Invitee.person_id)
        .where(Invitee.meeting_id == meeting_id)
        .order_by(Invitee.id)
    ).all()
    agenda = session.execute(
        select(
            AgendaItem.id,
            AgendaItem.position,
            AgendaItem.title,
            AgendaItem.details,
            AgendaItem.agreement_id,
            AgendaItem.version,
        )
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.id)
    ).all()
    made = session.scalars(
        select(Agreement.id).where(Agreement.made_in_meeting_id == meeting_id).order_by(Agreement.id)
    ).all()
    discussed = session.scalars(
        select(agreement_meeting.c.agreement_id)
        .where(agreement_meeting.c.meeting_id == meeting_id)
        .order_by(agreement_meeting.c.agreement_id)
    ).all()
    return MeetingDetail(
        meeting=rows[0],
        invitees=tuple(
            InviteeRow(i, o, o_name or "", p, p_name or "", attendance)
            for i, o, o_name, p, p_name, attendance in invitees
        ),
        agenda=tuple(AgendaRow(*item) for item in agenda),
        minutes=meeting.minutes,
        reflection_goes_well=meeting.reflection_goes_well,
        reflection_can_improve=meeting.reflection_can_improve,
        reflection_do_ourselves=meeting.reflection_do_ourselves,
        reflection_need_help=meeting.reflection_need_help,
        agreements_made=tuple(made),
        agreements_discussed=tuple(discussed),
    )
