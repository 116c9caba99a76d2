"""A partner's own page: its fields, neighbourhoods and people over time, and its timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement, agreement_organisation
from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.data.meetings import Invitee, Meeting
from teamlead.data.notes import Note, note_organisation
from teamlead.data.queries.people import RoleRow, role_rows
from teamlead.data.roster import Organisation, Role, organisation_neighbourhood
from teamlead.rules import words
from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.vocabulary import RecordKind


@dataclass(frozen=True, slots=True)
class OrganisationDetail:
    id: int
    name: str
    district_id: int | None
    district: str
    domain_id: int | None
    domain: str
    neighbourhood_ids: tuple[int, ...]
    neighbourhoods: tuple[str, ...]
    address: str
    website: str
    phone: str
    email: str
    description: str
    remarks: str
    is_informal: bool
    status: str
    joined_on: date | None
    left_on: date | None
    contact_cadence_days: int | None
    roles: tuple[RoleRow, ...]
    """Everyone who held a role here, current ones first, with start and end dates."""
    version: int


def organisation_detail(session: Session, organisation_id: int) -> OrganisationDetail | None:
    row = session.execute(
        select(Organisation, District.name, Domain.key, Domain.name)
        .outerjoin(District, District.id == Organisation.district_id)
        .outerjoin(Domain, Domain.id == Organisation.domain_id)
        .where(Organisation.id == organisation_id)
    ).one_or_none()
    if row is None:
        return None
    organisation, district, domain_key, domain_name = row
    neighbourhoods = session.execute(
        select(Neighbourhood.id, Neighbourhood.name)
        .join(organisation_neighbourhood, organisation_neighbourhood.c.neighbourhood_id == Neighbourhood.id)
        .where(organisation_neighbourhood.c.organisation_id == organisation_id)
        .order_by(Neighbourhood.name)
    ).all()
    roles = role_rows(
        session,
        Role.organisation_id == organisation_id,
        order=(Role.ended_on.is_not(None), Role.started_on, Role.id),
    )
    return OrganisationDetail(
        id=organisation.id,
        name=organisation.name,
        district_id=organisation.district_id,
        district=district or "",
        domain_id=organisation.domain_id,
        domain=words.domain_name(domain_key, domain_name),
        neighbourhood_ids=tuple(n for n, _ in neighbourhoods),
        neighbourhoods=tuple(name for _, name in neighbourhoods),
        address=organisation.address,
        website=organisation.website,
        phone=organisation.phone,
        email=organisation.email,
        description=organisation.description,
        remarks=organisation.remarks,
        is_informal=organisation.is_informal,
        status=organisation.status,
        joined_on=organisation.joined_on,
        left_on=organisation.left_on,
        contact_cadence_days=organisation.contact_cadence_days,
        roles=tuple(roles),
        version=organisation.version,
    )


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event in a partner's history: a note, a meeting it was invited to, or an agreement it made."""

    kind: RecordKind
    """A note, a meeting or an agreement."""
    id: int
    on: date
    at: datetime | None
    """For meetings: the start; None for notes and agreements (they have a day only)."""
    title: str
    detail: str
    """The note's kind, the meeting's kind, or the agreement's status."""


def partner_timeline(session: Session, organisation_id: int, *, limit: int = 500) -> list[TimelineEntry]:
    """Notes, meetings and agreements of one partner, newest first (three indexed queries, merged)."""
    entries: list[TimelineEntry] = []
    zone = AMSTERDAM
    for note_id, occurred_on, kind, text in session.execute(
        select(Note.id, Note.occurred_on, Note.kind, Note.text)
        .join(note_organisation, note_organisation.c.note_id == Note.id)
        .where(note_organisation.c.organisation_id == organisation_id)
        .order_by(Note.occurred_on.desc(), Note.id.desc())
        .limit(limit)
    ):
        entries.append(TimelineEntry(RecordKind.NOTE, note_id, occurred_on, None, text, kind))
    for meeting_id, starts_at, kind, title in session.execute(
        select(Meeting.id, Meeting.starts_at, Meeting.kind, Meeting.title)
        .where(Meeting.id.in_(select(Invitee.meeting_id).where(Invitee.organisation_id == organisation_id)))
        .order_by(Meeting.starts_at.desc())
        .limit(limit)
    ):
        entries.append(
            TimelineEntry(
                RecordKind.MEETING, meeting_id, starts_at.astimezone(zone).date(), starts_at, title, kind
            )
        )
    for agreement_id, made_on, status, text in session.execute(
        select(Agreement.id, Agreement.made_on, Agreement.status, Agreement.text)
        .join(agreement_organisation, agreement_organisation.c.agreement_id == Agreement.id)
        .where(agreement_organisation.c.organisation_id == organisation_id)
        .order_by(Agreement.made_on.desc(), Agreement.id.desc())
        .limit(limit)
    ):
        entries.append(TimelineEntry(RecordKind.AGREEMENT, agreement_id, made_on, None, text, status))
    entries.sort(key=lambda e: (e.on, e.kind, e.id), reverse=True)
    return entries[:limit]
