"""Gathering the roster (partners, and for the district their people) and the contact sheet.

Both show the state on one day (``--to``, default today): partners active that day, roles current that day.
For the city audience the roster is built without ever querying persons or roles.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from teamlead import __version__
from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.data.roster import Organisation, Person, Role, organisation_neighbourhood
from teamlead.reporting.districts import DistrictRef
from teamlead.reporting.facts import OrganisationFact
from teamlead.reporting.model import (
    ContactLine,
    ContactSheet,
    PersonLine,
    ReportHeader,
    Roster,
    RosterEntry,
)
from teamlead.rules import words


def scope_label(districts: list[DistrictRef], everything: bool) -> str:
    """The title block's district: one name, or the list when the report covers all of them."""
    from teamlead.i18n import tr

    if everything or len(districts) != 1:
        return tr("All districts")
    return districts[0].name


def _organisations(
    session: Session, districts: list[DistrictRef] | None, as_of: date
) -> list[tuple[int, str, str, str, str, str, str, date | None]]:
    """(id, name, domain, district, phone, email, website, joined) of the partners active on ``as_of``."""
    query = (
        select(
            Organisation.id,
            Organisation.name,
            Domain.key,
            Domain.name.label("domain"),
            District.name.label("district"),
            Organisation.phone,
            Organisation.email,
            Organisation.website,
            Organisation.joined_on,
            Organisation.left_on,
            Organisation.status,
        )
        .outerjoin(Domain, Domain.id == Organisation.domain_id)
        .outerjoin(District, District.id == Organisation.district_id)
        .order_by(Domain.position, Organisation.name, Organisation.id)
    )
    if districts is not None:
        query = query.where(Organisation.district_id.in_([district.id for district in districts]))
    result = []
    for row in session.execute(query):
        fact = OrganisationFact(row.id, None, row.status, row.joined_on, row.left_on)
        if fact.active_on(as_of):
            domain = words.domain_name(row.key, row.domain) if row.domain else ""
            result.append(
                (
                    row.id,
                    row.name,
                    domain,
                    row.district or "",
                    row.phone,
                    row.email,
                    row.website,
                    row.joined_on,
                )
            )
    return result


def _neighbourhoods(session: Session, ids: list[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    for org_id, name in session.execute(
        select(organisation_neighbourhood.c.organisation_id, Neighbourhood.name)
        .join(Neighbourhood, Neighbourhood.id == organisation_neighbourhood.c.neighbourhood_id)
        .order_by(Neighbourhood.name)
    ):
        names[org_id].append(name)
    wanted = set(ids)
    return {org_id: value for org_id, value in names.items() if org_id in wanted}


def _people(session: Session, as_of: date) -> dict[int, list[PersonLine]]:
    """Organisation id -> the people with a role there on ``as_of`` (district audience only)."""
    people: dict[int, list[PersonLine]] = defaultdict(list)
    for row in session.execute(
        select(Role.organisation_id, Role.title, Person.name, Person.phone, Person.email)
        .join(Person, Person.id == Role.person_id)
        .where(
            or_(Role.started_on.is_(None), Role.started_on <= as_of),
            or_(Role.ended_on.is_(None), Role.ended_on >= as_of),
        )
        .order_by(Person.name, Person.id)
    ):
        people[row.organisation_id].append(PersonLine(row.name, row.title, row.phone, row.email))
    return people


def gather_roster(
    session: Session,
    districts: list[DistrictRef],
    everything: bool,
    as_of: date,
    audience: str,
    generated_at: datetime,
) -> Roster:
    organisations = _organisations(session, None if everything else districts, as_of)
    places = _neighbourhoods(session, [row[0] for row in organisations])
    people = _people(session, as_of) if audience == "district" else {}
    entries = []
    for org_id, name, domain, district, phone, email, website, joined in organisations:
        city = audience == "city"
        entries.append(
            RosterEntry(
                organisation=name,
                domain=domain,
                neighbourhoods=", ".join(places.get(org_id, [])),
                district=district,
                phone="" if city else phone,
                email="" if city else email,
                website=website,
                joined_on=joined,
                persons=tuple(people.get(org_id, [])),
            )
        )
    header = ReportHeader(
        "roster", scope_label(districts, everything), None, audience, generated_at, __version__, as_of=as_of
    )
    return Roster(header, tuple(entries))


def gather_contacts(
    session: Session, districts: list[DistrictRef], everything: bool, as_of: date, generated_at: datetime
) -> ContactSheet:
    """People with roles and phone numbers by neighbourhood: the sheet a team lead prints for a crisis."""
    from teamlead.i18n import tr

    organisations = _organisations(session, None if everything else districts, as_of)
    places = _neighbourhoods(session, [row[0] for row in organisations])
    people = _people(session, as_of)
    lines = []
    whole = tr("Whole district")
    for org_id, name, domain, _district, phone, email, _website, _joined in organisations:
        persons = people.get(org_id) or [PersonLine("", "", phone, email)]
        for neighbourhood in places.get(org_id) or [whole]:
            for person in persons:
                lines.append(
                    ContactLine(
                        neighbourhood,
                        name,
                        domain,
                        person.name,
                        person.role,
                        person.phone or phone,
                        person.email,
                    )
                )
    lines.sort(
        key=lambda line: (line.neighbourhood == whole, line.neighbourhood, line.organisation, line.name)
    )
    header = ReportHeader(
        "contacts",
        scope_label(districts, everything),
        None,
        "district",
        generated_at,
        __version__,
        as_of=as_of,
    )
    return ContactSheet(header, tuple(lines))
