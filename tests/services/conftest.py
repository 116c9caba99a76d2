"""A small world to act on: Nieuw-West with two neighbourhoods, West with one, two partners, a person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.models import AuditEntry, Domain
from teamlead.services import geography, organisations, persons
from teamlead.services.organisations import OrganisationInput
from teamlead.services.persons import PersonInput

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class World:
    database: Database
    nieuw_west: int
    west: int
    wildeman: int
    geuzenveld: int
    mercator: int
    social: int
    safety: int
    youth_work: int
    police: int
    fatima: int
    fatima_role: int


@pytest.fixture
def world(database: Database) -> World:
    with database.begin() as session:
        nieuw_west = geography.add_district(session, "Nieuw-West", now=NOW)
        west = geography.add_district(session, "West", now=NOW)
        wildeman = geography.add_neighbourhood(session, nieuw_west, "Wildemanbuurt", now=NOW)
        geuzenveld = geography.add_neighbourhood(session, nieuw_west, "Geuzenveld", now=NOW)
        mercator = geography.add_neighbourhood(session, west, "Mercatorbuurt", now=NOW)
        domains = {d.key: d.id for d in session.scalars(select(Domain))}
        youth_work = organisations.add_organisation(
            session,
            OrganisationInput(
                name="Jongerenwerk Nieuw-West",
                district_id=nieuw_west,
                domain_id=domains["social"],
                neighbourhood_ids=[wildeman, geuzenveld],
                phone="020 555 0100",
                contact_cadence_days=30,
                joined_on=date(2024, 1, 1),
            ),
            today=TODAY,
            now=NOW,
        )
        police = organisations.add_organisation(
            session,
            OrganisationInput(
                name="Politie basisteam Nieuw-West",
                district_id=nieuw_west,
                domain_id=domains["safety"],
                neighbourhood_ids=[wildeman],
                joined_on=date(2024, 1, 1),
            ),
            today=TODAY,
            now=NOW,
        )
        added = persons.add_person(
            session,
            PersonInput(name="Fatima el Amrani", phone="06 5555 1234", email="fatima@jongerenwerk.example"),
            organisation_id=youth_work,
            role_title="Jongerenwerker",
            started_on=date(2024, 2, 1),
            now=NOW,
        )
    assert added.role_id is not None
    return World(
        database,
        nieuw_west,
        west,
        wildeman,
        geuzenveld,
        mercator,
        domains["social"],
        domains["safety"],
        youth_work,
        police,
        added.person_id,
        added.role_id,
    )


def audit_rows(database: Database) -> list[tuple[str, int | None, str, str]]:
    with database.session() as session:
        return [
            (a.table_name, a.record_id, a.action, a.fields)
            for a in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]
