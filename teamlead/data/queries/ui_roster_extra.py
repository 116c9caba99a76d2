"""Read models the roster screens need beyond :mod:`roster`, :mod:`people` and :mod:`notes`: plain rows.

Each function runs a fixed number of queries whatever the number of partners (no per-row look-ups), so the
city-scale roster (3,000 partners, 12,000 people) loads in one go in the background.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.data.queries._common import role_current
from teamlead.data.queries.organisation import (
    OrganisationDetail,
    TimelineEntry,
    organisation_detail,
    partner_timeline,
)
from teamlead.data.queries.people import RoleRow
from teamlead.data.roster import Organisation, Person, Role
from teamlead.rules import words
from teamlead.rules.vocabulary import OrganisationStatus


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
        Choice(i, words.domain_name(key, name))
        for i, key, name in session.execute(
            select(Domain.id, Domain.key, Domain.name).order_by(Domain.position, Domain.name)
        )
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
class PartnerPage:
    """A partner's page: its fields (:mod:`organisation`), its people with their numbers, its timeline."""

    detail: OrganisationDetail
    roles: tuple[RoleLine, ...]
    timeline: tuple[TimelineEntry, ...]


TIMELINE_LIMIT = 200


def role_lines(session: Session, roles: Sequence[RoleRow]) -> tuple[RoleLine, ...]:
    """The roles with the person's phone and e-mail (one query for all of them)."""
    person_ids = {role.person_id for role in roles}
    contact = {
        person_id: (phone, email)
        for person_id, phone, email in session.execute(
            select(Person.id, Person.phone, Person.email).where(Person.id.in_(person_ids))
        )
    }
    return tuple(
        RoleLine(
            role_id=role.id,
            role_version=role.version,
            person_id=role.person_id,
            person_name=role.person,
            organisation_id=role.organisation_id,
            organisation_name=role.organisation,
            title=role.title,
            started_on=role.started_on,
            ended_on=role.ended_on,
            phone=contact.get(role.person_id, ("", ""))[0],
            email=contact.get(role.person_id, ("", ""))[1],
        )
        for role in roles
    )


def partner_page(session: Session, organisation_id: int) -> PartnerPage | None:
    detail = organisation_detail(session, organisation_id)
    if detail is None:
        return None
    return PartnerPage(
        detail,
        role_lines(session, detail.roles),
        tuple(partner_timeline(session, organisation_id, limit=TIMELINE_LIMIT)),
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
