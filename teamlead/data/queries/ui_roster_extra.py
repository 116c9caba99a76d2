"""Read models the roster screens need beyond :mod:`roster`, :mod:`people` and :mod:`notes`: plain rows.

Each function runs a fixed number of queries whatever the number of partners (no per-row look-ups), so the
city-scale roster (3,000 partners, 12,000 people) loads in one go in the background.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement, agreement_organisation
from teamlead.data.enums import OrganisationStatus
from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.data.notes import Note, note_organisation
from teamlead.data.queries._common import role_current
from teamlead.data.roster import Organisation, Person, Role, organisation_neighbourhood


def fold(text: str) -> str:
    """Lower case without diacritics, so typing ``cafe`` finds ``Café`` and ``ozturk`` finds ``Öztürk``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class Choice:
    """An id and the name a picker shows; ``group_id`` is the district of a neighbourhood."""

    id: int
    name: str
    group_id: int | None = None


@dataclass(frozen=True)
class Choices:
    districts: tuple[Choice, ...]
    domains: tuple[Choice, ...]
    neighbourhoods: tuple[Choice, ...]


def choices(session: Session) -> Choices:
    """Districts, domains and neighbourhoods for the filter bars and editors."""
    districts = tuple(
        Choice(i, n) for i, n in session.execute(select(District.id, District.name).order_by(District.name))
    )
    domains = tuple(
        Choice(i, n)
        for i, n in session.execute(select(Domain.id, Domain.name).order_by(Domain.position, Domain.name))
    )
    neighbourhoods = tuple(
        Choice(i, n, d)
        for i, n, d in session.execute(
            select(Neighbourhood.id, Neighbourhood.name, Neighbourhood.district_id).order_by(
                Neighbourhood.name
            )
        )
    )
    return Choices(districts, domains, neighbourhoods)


@dataclass(frozen=True)
class RoleLine:
    """A person's role at an organisation over time (``ended_on`` None: it still holds)."""

    role_id: int
    role_version: int
    person_id: int
    person_name: str
    organisation_id: int
    organisation_name: str
    title: str
    started_on: date | None
    ended_on: date | None
    phone: str
    email: str

    def current(self, today: date) -> bool:
        return (self.started_on is None or self.started_on <= today) and (
            self.ended_on is None or self.ended_on >= today
        )


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a partner's or person's timeline: a note, a meeting or an agreement."""

    on: date
    kind: str  # "note", "meeting" or "agreement"
    subkind: str  # the note's or meeting's kind, or the agreement's status
    text: str
    record_id: int


@dataclass(frozen=True)
class OrganisationDetail:
    id: int
    version: int
    name: str
    district_id: int | None
    domain_id: int | None
    neighbourhood_ids: tuple[int, ...]
    address: str
    website: str
    phone: str
    email: str
    description: str
    is_informal: bool
    status: str
    joined_on: date | None
    left_on: date | None
    contact_cadence_days: int | None
    roles: tuple[RoleLine, ...]
    timeline: tuple[TimelineEntry, ...]


TIMELINE_LIMIT = 200


def _role_lines(session: Session, *conditions: ColumnElement[bool]) -> tuple[RoleLine, ...]:
    rows = session.execute(
        select(
            Role.id,
            Role.version,
            Person.id,
            Person.name,
            Organisation.id,
            Organisation.name,
            Role.title,
            Role.started_on,
            Role.ended_on,
            Person.phone,
            Person.email,
        )
        .join(Person, Person.id == Role.person_id)
        .join(Organisation, Organisation.id == Role.organisation_id)
        .where(*conditions)
        .order_by(Role.ended_on.is_not(None), Person.name, Role.started_on)
    )
    return tuple(RoleLine(*row) for row in rows)


def _first_line(text: str, limit: int = 160) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def organisation_detail(session: Session, organisation_id: int) -> OrganisationDetail | None:
    """The partner's editable fields (with the version an edit must quote), its people and its timeline."""
    from teamlead.data.meetings import Invitee, Meeting

    organisation = session.get(Organisation, organisation_id)
    if organisation is None:
        return None
    neighbourhood_ids = tuple(
        session.scalars(
            select(organisation_neighbourhood.c.neighbourhood_id).where(
                organisation_neighbourhood.c.organisation_id == organisation_id
            )
        )
    )
    notes = session.execute(
        select(Note.occurred_on, Note.kind, Note.text, Note.id)
        .join(note_organisation, note_organisation.c.note_id == Note.id)
        .where(note_organisation.c.organisation_id == organisation_id)
        .order_by(Note.occurred_on.desc(), Note.id.desc())
        .limit(TIMELINE_LIMIT)
    )
    meetings = session.execute(
        select(Meeting.starts_at, Meeting.kind, Meeting.title, Meeting.id)
        .join(Invitee, Invitee.meeting_id == Meeting.id)
        .where(Invitee.organisation_id == organisation_id)
        .distinct()
        .order_by(Meeting.starts_at.desc())
        .limit(TIMELINE_LIMIT)
    )
    agreements = session.execute(
        select(Agreement.made_on, Agreement.status, Agreement.text, Agreement.id)
        .join(agreement_organisation, agreement_organisation.c.agreement_id == Agreement.id)
        .where(agreement_organisation.c.organisation_id == organisation_id)
        .order_by(Agreement.made_on.desc())
        .limit(TIMELINE_LIMIT)
    )
    entries = [TimelineEntry(on, "note", kind, _first_line(text), i) for on, kind, text, i in notes]
    entries += [TimelineEntry(at.date(), "meeting", kind, title, i) for at, kind, title, i in meetings]
    entries += [
        TimelineEntry(on, "agreement", status, _first_line(text), i) for on, status, text, i in agreements
    ]
    entries.sort(key=lambda e: e.on, reverse=True)
    return OrganisationDetail(
        id=organisation.id,
        version=organisation.version,
        name=organisation.name,
        district_id=organisation.district_id,
        domain_id=organisation.domain_id,
        neighbourhood_ids=neighbourhood_ids,
        address=organisation.address,
        website=organisation.website,
        phone=organisation.phone,
        email=organisation.email,
        description=organisation.description,
        is_informal=organisation.is_informal,
        status=organisation.status,
        joined_on=organisation.joined_on,
        left_on=organisation.left_on,
        contact_cadence_days=organisation.contact_cadence_days,
        roles=_role_lines(session, Role.organisation_id == organisation_id),
        timeline=tuple(entries[:TIMELINE_LIMIT]),
    )


@dataclass(frozen=True)
class NameChoice:
    """An organisation or person a completer offers: ``label`` is what the user picks from."""

    id: int
    label: str


def organisation_choices(session: Session) -> list[NameChoice]:
    """Active partners: those a new note or role can be about."""
    rows = session.execute(
        select(Organisation.id, Organisation.name, Organisation.status).order_by(Organisation.name)
    )
    return [NameChoice(i, n) for i, n, s in rows if s == OrganisationStatus.ACTIVE]


def person_choices(session: Session, today: date) -> list[NameChoice]:
    """People with where they work now, so two people with the same name can be told apart."""
    where: dict[int, list[str]] = defaultdict(list)
    for person_id, organisation in session.execute(
        select(Role.person_id, Organisation.name)
        .join(Organisation, Organisation.id == Role.organisation_id)
        .where(role_current(today))
    ):
        where[person_id].append(organisation)
    return [
        NameChoice(i, f"{n} ({', '.join(where[i])})" if where.get(i) else n)
        for i, n in session.execute(select(Person.id, Person.name).order_by(Person.name))
    ]
