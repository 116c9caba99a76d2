"""People for the screens: the people list, a person's page with role history, and "who do I call"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from teamlead.data.geography import Domain
from teamlead.data.offers import Offer, organisation_offer
from teamlead.data.queries._common import grouped, role_current
from teamlead.data.roster import Organisation, Person, Role, key_contact, organisation_neighbourhood
from teamlead.rules import words
from teamlead.rules.reachability import windows_of
from teamlead.rules.vocabulary import OrganisationStatus, ReachWindow


@dataclass(frozen=True, slots=True)
class RoleRow:
    id: int
    person_id: int
    person: str
    organisation_id: int
    organisation: str
    title: str
    started_on: date | None
    ended_on: date | None
    version: int


def role_rows(session: Session, *where: object, order: tuple[object, ...]) -> list[RoleRow]:
    rows = session.execute(
        select(Role, Person.name, Organisation.name)
        .join(Person, Person.id == Role.person_id)
        .join(Organisation, Organisation.id == Role.organisation_id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(*order)  # type: ignore[arg-type]
    )
    return [
        RoleRow(
            id=role.id,
            person_id=role.person_id,
            person=person,
            organisation_id=role.organisation_id,
            organisation=organisation,
            title=role.title,
            started_on=role.started_on,
            ended_on=role.ended_on,
            version=role.version,
        )
        for role, person, organisation in rows
    ]


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: int
    name: str
    phone: str
    email: str
    roles: tuple[RoleRow, ...]
    """Current roles only."""
    version: int


def people(
    session: Session,
    *,
    today: date,
    organisation_id: int | None = None,
    district_id: int | None = None,
    current_only: bool = True,
) -> list[PersonRow]:
    """Persons sorted by name with their current roles; ``current_only``: only those holding a role today.

    ``organisation_id`` / ``district_id``: only persons with a current role at that organisation / district.
    """
    role_filter: list[object] = [role_current(today)]
    if organisation_id is not None:
        role_filter.append(Role.organisation_id == organisation_id)
    if district_id is not None:
        role_filter.append(Organisation.district_id == district_id)
    roles = role_rows(session, *role_filter, order=(Role.started_on, Role.id))
    by_person: dict[int, list[RoleRow]] = {}
    for role in roles:
        by_person.setdefault(role.person_id, []).append(role)
    query = select(Person.id, Person.name, Person.phone, Person.email, Person.version).order_by(
        func.lower(Person.name), Person.id
    )
    only_with_roles = current_only or organisation_id is not None or district_id is not None
    return [
        PersonRow(
            id=p.id,
            name=p.name,
            phone=p.phone,
            email=p.email,
            roles=tuple(by_person.get(p.id, ())),
            version=p.version,
        )
        for p in session.execute(query)
        if p.id in by_person or not only_with_roles
    ]


@dataclass(frozen=True, slots=True)
class PersonDetail:
    id: int
    name: str
    phone: str
    email: str
    remarks: str
    roles: tuple[RoleRow, ...]
    """Every role over time, oldest first."""
    version: int


def person_detail(session: Session, person_id: int) -> PersonDetail | None:
    person = session.get(Person, person_id)
    if person is None:
        return None
    roles = role_rows(session, Role.person_id == person_id, order=(Role.started_on, Role.id))
    return PersonDetail(
        id=person.id,
        name=person.name,
        phone=person.phone,
        email=person.email,
        remarks=person.remarks,
        roles=tuple(roles),
        version=person.version,
    )


@dataclass(frozen=True, slots=True)
class Contact:
    person_id: int
    name: str
    roles: tuple[str, ...]
    phone: str
    email: str
    reachability: tuple[ReachWindow, ...] = ()
    key: bool = False
    """The partner's key contact (vaste contactpersoon): listed first."""


@dataclass(frozen=True, slots=True)
class CallPartner:
    id: int
    name: str
    phone: str
    email: str
    people: tuple[Contact, ...]
    """The key contact first, then the others by name."""
    domain: str = ""
    offer_ids: frozenset[int] = frozenset()
    offers: tuple[str, ...] = ()

    @property
    def key_contact(self) -> Contact | None:
        return self.people[0] if self.people and self.people[0].key else None


@dataclass(frozen=True, slots=True)
class CallGroup:
    domain_id: int | None
    domain: str
    partners: tuple[CallPartner, ...]


def who_to_call(session: Session, neighbourhood_id: int, *, today: date | None = None) -> list[CallGroup]:
    """Every active partner serving the neighbourhood, grouped by domain (in domain order), with its people
    holding a role today (its key contact first), their phone, e-mail and reachability, what the partner
    offers, and the organisation's general phone: the crisis list."""
    today = today or date.today()
    organisations = session.execute(
        select(
            Organisation.id,
            Organisation.name,
            Organisation.phone,
            Organisation.email,
            Domain.id,
            Domain.key,
            Domain.name,
            key_contact.c.person_id,
        )
        .join(organisation_neighbourhood, organisation_neighbourhood.c.organisation_id == Organisation.id)
        .outerjoin(Domain, Domain.id == Organisation.domain_id)
        .outerjoin(key_contact, key_contact.c.organisation_id == Organisation.id)
        .where(
            organisation_neighbourhood.c.neighbourhood_id == neighbourhood_id,
            Organisation.status == OrganisationStatus.ACTIVE,
        )
        .order_by(Domain.position.is_(None), Domain.position, func.lower(Organisation.name), Organisation.id)
    ).all()
    ids = [row[0] for row in organisations]
    keys = {row[0]: row[7] for row in organisations}
    contacts: dict[int, dict[int, Contact]] = {}
    offers: dict[int, tuple[tuple[int, str], ...]] = {}
    if ids:
        rows = session.execute(
            select(
                Role.organisation_id,
                Person.id,
                Person.name,
                Role.title,
                Person.phone,
                Person.email,
                Person.reachability,
            )
            .join(Person, Person.id == Role.person_id)
            .where(Role.organisation_id.in_(ids), role_current(today))
            .order_by(func.lower(Person.name), Person.id, Role.started_on, Role.id)
        )
        for organisation_id, person_id, name, title, phone, email, reachability in rows:
            at = contacts.setdefault(organisation_id, {})
            known = at.get(person_id)
            titles = (*known.roles, title) if known else (title,)
            at[person_id] = Contact(
                person_id,
                name,
                tuple(t for t in titles if t),
                phone,
                email,
                windows_of(reachability),
                key=keys.get(organisation_id) == person_id,
            )
        offers = grouped(
            (organisation_id, (offer_id, name))
            for organisation_id, offer_id, name in session.execute(
                select(organisation_offer.c.organisation_id, Offer.id, Offer.name)
                .join(Offer, Offer.id == organisation_offer.c.offer_id)
                .where(organisation_offer.c.organisation_id.in_(ids))
                .order_by(organisation_offer.c.organisation_id, Offer.position, Offer.id)
            )
        )
    groups: list[CallGroup] = []
    for org_id, org_name, phone, email, domain_id, key, domain_name, _key_contact in organisations:
        people = sorted(contacts.get(org_id, {}).values(), key=lambda contact: not contact.key)
        shown_domain = words.domain_name(key, domain_name)
        offered = offers.get(org_id, ())
        partner = CallPartner(
            org_id,
            org_name,
            phone,
            email,
            tuple(people),
            shown_domain,
            frozenset(offer_id for offer_id, _ in offered),
            tuple(name for _, name in offered),
        )
        if groups and groups[-1].domain_id == domain_id:
            last = groups[-1]
            groups[-1] = CallGroup(last.domain_id, last.domain, (*last.partners, partner))
        else:
            groups.append(CallGroup(domain_id, shown_domain, (partner,)))
    return groups


@dataclass(frozen=True, slots=True)
class OfferChoice:
    id: int
    name: str


def offer_choices(session: Session) -> list[OfferChoice]:
    """Every offer in its order (Who to call's filter, the partner form's checklist)."""
    return [
        OfferChoice(id_, name)
        for id_, name in session.execute(select(Offer.id, Offer.name).order_by(Offer.position, Offer.id))
    ]
