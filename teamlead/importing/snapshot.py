"""What the database already holds that an import matches against, read once in a few plain queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.data.queries.districts import find_district
from teamlead.data.roster import Organisation, Person, Role, organisation_neighbourhood
from teamlead.rules.text import identity_key
from teamlead.rules.vocabulary import DEFAULT_DOMAINS


@dataclass(slots=True)
class KnownOrganisation:
    id: int
    name: str
    version: int
    domain_id: int | None
    district_id: int | None
    address: str
    website: str
    phone: str
    email: str
    remarks: str
    neighbourhood_ids: set[int] = field(default_factory=set)


@dataclass(slots=True)
class KnownPerson:
    id: int
    name: str
    version: int
    phone: str
    email: str
    remarks: str
    role_organisation_ids: set[int] = field(default_factory=set)


@dataclass(slots=True)
class Snapshot:
    organisations: dict[str, KnownOrganisation]
    persons_by_organisation: dict[int, list[KnownPerson]]
    domains: dict[str, int]
    neighbourhoods: dict[str, list[tuple[int, int]]]  # folded name -> [(id, district id)]
    district_id: int | None
    district_name: str | None
    only_district_id: int | None  # the database's one district, when it has exactly one
    only_district_name: str | None = None
    several_districts: bool = False  # more than one: without --district, imported partners get none


def take_snapshot(session: Session, district: str | None) -> Snapshot:
    organisations: dict[str, KnownOrganisation] = {}
    by_id: dict[int, KnownOrganisation] = {}
    for row in session.execute(
        select(
            Organisation.id,
            Organisation.name,
            Organisation.version,
            Organisation.domain_id,
            Organisation.district_id,
            Organisation.address,
            Organisation.website,
            Organisation.phone,
            Organisation.email,
            Organisation.remarks,
        ).order_by(Organisation.id)
    ):
        known = KnownOrganisation(*row)
        organisations.setdefault(identity_key(known.name), known)
        by_id[known.id] = known
    for organisation_id, neighbourhood_id in session.execute(select(organisation_neighbourhood)):
        if organisation_id in by_id:
            by_id[organisation_id].neighbourhood_ids.add(neighbourhood_id)
    persons: dict[int, KnownPerson] = {}
    persons_by_organisation: dict[int, list[KnownPerson]] = defaultdict(list)
    for person_id, name, version, phone, email, remarks, organisation_id in session.execute(
        select(
            Person.id,
            Person.name,
            Person.version,
            Person.phone,
            Person.email,
            Person.remarks,
            Role.organisation_id,
        )
        .join(Role, Role.person_id == Person.id)
        .order_by(Person.id)
    ):
        person = persons.setdefault(person_id, KnownPerson(person_id, name, version, phone, email, remarks))
        if organisation_id not in person.role_organisation_ids:
            person.role_organisation_ids.add(organisation_id)
            persons_by_organisation[organisation_id].append(person)
    domains: dict[str, int] = {}
    for domain_id, key, name in session.execute(select(Domain.id, Domain.key, Domain.name)):
        domains[identity_key(name)] = domain_id
        for default_key, english, dutch in DEFAULT_DOMAINS:
            if key == default_key:
                domains.setdefault(identity_key(english), domain_id)
                domains.setdefault(identity_key(dutch), domain_id)
    neighbourhoods: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for neighbourhood_id, district_id, name in session.execute(
        select(Neighbourhood.id, Neighbourhood.district_id, Neighbourhood.name)
    ):
        neighbourhoods[identity_key(name)].append((neighbourhood_id, district_id))
    found = find_district(session, district) if district else None
    districts = session.execute(select(District.id, District.name).order_by(District.id).limit(2)).all()
    return Snapshot(
        organisations=organisations,
        persons_by_organisation=persons_by_organisation,
        domains=domains,
        neighbourhoods=neighbourhoods,
        district_id=found.id if found else None,
        district_name=found.name if found else None,
        only_district_id=districts[0][0] if len(districts) == 1 else None,
        only_district_name=districts[0][1] if len(districts) == 1 else None,
        several_districts=len(districts) > 1,
    )
