"""Gathering a held meeting's minutes (verslag): who came, what was said, what was agreed and looked back on.

Minutes go to the invitees after the meeting, so they name people and exist for the district audience only.
A meeting that has not been held (it starts after the moment the minutes are made, or it was cancelled) has no
minutes: gathering one is refused with the reason, so nobody sends out an empty record by mistake.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead import __version__
from teamlead.data.agreements import Agreement, AgreementStatusChange, agreement_meeting
from teamlead.data.geography import District, Neighbourhood
from teamlead.data.meetings import AgendaItem, Invitee, Meeting, meeting_neighbourhood
from teamlead.data.roster import Organisation, Person
from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.reporting.chunks import id_chunks
from teamlead.reporting.facts import AgreementFact, agreement_organisation_names
from teamlead.reporting.minutes_model import (
    ATTENDANCE_ORDER,
    Attendee,
    Minutes,
    MinutesAgreement,
    MinutesItem,
    ReflectionAnswers,
)
from teamlead.reporting.model import ReportHeader
from teamlead.reporting.periods import local_date
from teamlead.rules import formatting
from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.vocabulary import OPEN_AGREEMENT_STATUSES, MeetingKind, MeetingStatus

__all__ = [
    "ATTENDANCE_ORDER",
    "Attendee",
    "Minutes",
    "MinutesAgreement",
    "MinutesItem",
    "ReflectionAnswers",
    "gather_minutes",
]


def gather_minutes(session: Session, meeting_id: int, made: datetime) -> Minutes:
    """The minutes of meeting ``meeting_id`` as of ``made`` (aware); a :class:`UserError` (exit 1) when there
    is no such meeting or it was not held by then."""
    row = session.execute(
        select(
            Meeting.id,
            Meeting.title,
            Meeting.kind,
            Meeting.starts_at,
            Meeting.ends_at,
            Meeting.location,
            Meeting.status,
            Meeting.minutes,
            Meeting.reflection_goes_well,
            Meeting.reflection_can_improve,
            Meeting.reflection_do_ourselves,
            Meeting.reflection_need_help,
            District.name.label("district"),
            Neighbourhood.name.label("neighbourhood"),
        )
        .outerjoin(District, District.id == Meeting.district_id)
        .outerjoin(meeting_neighbourhood, meeting_neighbourhood.c.meeting_id == Meeting.id)
        .outerjoin(Neighbourhood, Neighbourhood.id == meeting_neighbourhood.c.neighbourhood_id)
        .where(Meeting.id == meeting_id)
    ).one_or_none()
    if row is None:
        raise UserError(
            tr(
                "There is no meeting with id {id}. 'teamlead meetings' lists the meetings and their ids.",
                id=meeting_id,
            )
        )
    starts_at = row.starts_at.astimezone(AMSTERDAM)
    _refuse_not_held(row.title, row.status, starts_at, made)
    made_ids = session.scalars(
        select(Agreement.id).where(Agreement.made_in_meeting_id == meeting_id).order_by(Agreement.id)
    ).all()
    agenda = _agenda(session, meeting_id)
    linked = {item.agreement_id for item in agenda if item.agreement_id is not None}
    linked |= set(
        session.scalars(
            select(agreement_meeting.c.agreement_id).where(agreement_meeting.c.meeting_id == meeting_id)
        ).all()
    )
    discussed = _open_when_begun(session, sorted(linked - set(made_ids)), starts_at.date())
    reflection = None
    if row.kind == MeetingKind.REFLECTION:
        reflection = ReflectionAnswers(
            row.reflection_goes_well,
            row.reflection_can_improve,
            row.reflection_do_ourselves,
            row.reflection_need_help,
        )
    district = row.district or ""
    return Minutes(
        header=ReportHeader("minutes", district, None, "district", made, __version__),
        meeting_id=row.id,
        title=row.title,
        kind=row.kind,
        starts_at=starts_at,
        ends_at=row.ends_at.astimezone(AMSTERDAM) if row.ends_at else None,
        location=row.location,
        district=district,
        neighbourhood=row.neighbourhood or "",
        attendees=_attendees(session, meeting_id),
        text=row.minutes,
        agenda=agenda,
        agreements_made=_agreements(session, list(made_ids)),
        agreements_discussed=_agreements(session, discussed),
        reflection=reflection,
    )


def _refuse_not_held(title: str, status: str, starts_at: datetime, made: datetime) -> None:
    when = formatting.moment_text(starts_at)
    if status == MeetingStatus.CANCELLED:
        raise UserError(
            tr(
                "The meeting '{title}' of {when} was cancelled, so it has no minutes.",
                title=title,
                when=when,
            )
        )
    if starts_at > made:
        raise UserError(
            tr(
                "The meeting '{title}' has not been held yet (it starts {when}); "
                "its minutes can be made once it has begun.",
                title=title,
                when=when,
            )
        )


def _attendees(session: Session, meeting_id: int) -> tuple[Attendee, ...]:
    rows = session.execute(
        select(Organisation.name, Person.name, Invitee.attendance)
        .select_from(Invitee)
        .outerjoin(Organisation, Organisation.id == Invitee.organisation_id)
        .outerjoin(Person, Person.id == Invitee.person_id)
        .where(Invitee.meeting_id == meeting_id)
    ).all()
    attendees = [
        Attendee(organisation or "", name or "", attendance) for organisation, name, attendance in rows
    ]
    attendees.sort(key=lambda a: (a.organisation.casefold(), a.name.casefold()))
    return tuple(attendees)


def _agenda(session: Session, meeting_id: int) -> tuple[MinutesItem, ...]:
    return tuple(
        MinutesItem(row.position, row.title, row.details, row.agreement_id)
        for row in session.execute(
            select(AgendaItem.position, AgendaItem.title, AgendaItem.details, AgendaItem.agreement_id)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position, AgendaItem.id)
        )
    )


def _open_when_begun(session: Session, ids: list[int], day: date) -> list[int]:
    """Of agreements ``ids``, those open or in progress at the start of ``day`` (as their history says)."""
    if not ids:
        return []
    facts: dict[int, tuple[date, str]] = {}
    changes: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for chunk in id_chunks(ids):
        for agreement_id, made_on, status in session.execute(
            select(Agreement.id, Agreement.made_on, Agreement.status).where(Agreement.id.in_(chunk))
        ):
            facts[agreement_id] = (made_on, status)
        for agreement_id, changed_at, to_status in session.execute(
            select(
                AgreementStatusChange.agreement_id,
                AgreementStatusChange.changed_at,
                AgreementStatusChange.to_status,
            )
            .where(AgreementStatusChange.agreement_id.in_(chunk))
            .order_by(AgreementStatusChange.changed_at, AgreementStatusChange.id)
        ):
            changes[agreement_id].append((local_date(changed_at), to_status))
    chosen = []
    for agreement_id in ids:
        made_on, status = facts[agreement_id]
        fact = AgreementFact(agreement_id, made_on, None, status, tuple(changes[agreement_id]))
        # Made on the meeting's own day elsewhere: it was open when this meeting took it up.
        before = fact.status_on(day - timedelta(days=1)) or fact.status_on(day)
        if before in OPEN_AGREEMENT_STATUSES:
            chosen.append(agreement_id)
    return chosen


def _agreements(session: Session, ids: list[int]) -> tuple[MinutesAgreement, ...]:
    """The agreements ``ids`` as the minutes list them, by due date (none last), then as made."""
    if not ids:
        return ()
    names = agreement_organisation_names(session, ids)
    found: list[MinutesAgreement] = []
    for chunk in id_chunks(ids):
        for row in session.execute(
            select(Agreement.id, Agreement.text, Agreement.due_on, Agreement.status, Person.name)
            .outerjoin(Person, Person.id == Agreement.responsible_person_id)
            .where(Agreement.id.in_(chunk))
        ):
            found.append(
                MinutesAgreement(
                    row.id, row.text, ", ".join(names.get(row.id, [])), row.name or "", row.due_on, row.status
                )
            )
    found.sort(key=lambda a: (a.due_on is None, a.due_on or date.min, a.id))
    return tuple(found)
