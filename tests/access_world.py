"""A shared PostgreSQL database with two districts and real users, for the access tests.

Nieuw-West is the small demo; Noord has one partner (Buurtwerk Noord) with a person, a note and an agreement,
and a Nieuw-West partner (Jongerenwerk…, the demo's first) also serves Oud-Noord, so Noord may read it but not
change it. Users are added as ``teamlead users`` does, on the owner's connection; their login roles carry
the database's unique prefix and are dropped with it afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import URL

from teamlead.data.access.names import Group, database_prefix, user_role
from teamlead.data.database import Database, open_database
from teamlead.data.models import Domain, Organisation
from teamlead.demo import generate_demo
from teamlead.services import agreements, geography, notes, organisations, persons, users
from teamlead.services.organisations import OrganisationInput
from teamlead.services.persons import PersonInput

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class AccessWorld:
    owner: Database
    prefix: str
    noord: int
    nieuw_west: int
    oud_noord: int
    buurtwerk: int
    serving: int
    """A Nieuw-West partner that also serves Oud-Noord."""
    anna: int

    def url_of(self, name: str) -> URL:
        return self.owner.url.set(username=user_role(self.prefix, name), password=None)

    @contextmanager
    def as_user(self, name: str) -> Iterator[Database]:
        database = open_database(self.url_of(name), create=False)
        try:
            yield database
        finally:
            database.dispose()


def build(owner: Database) -> AccessWorld:
    generate_demo(owner, "small", 1, TODAY)
    with owner.begin() as session:
        nieuw_west = session.scalar(text("SELECT id FROM district WHERE name = 'Nieuw-West'"))
        noord = geography.add_district(session, "Noord", now=NOW)
        oud_noord = geography.add_neighbourhood(session, noord, "Oud-Noord", now=NOW)
        social = session.scalar(select(Domain.id).where(Domain.key == "social"))
        buurtwerk = organisations.add_organisation(
            session,
            OrganisationInput(
                name="Buurtwerk Noord", district_id=noord, domain_id=social, neighbourhood_ids=[oud_noord]
            ),
            today=TODAY,
            now=NOW,
        )
        anna = persons.add_person(
            session,
            PersonInput(name="Anna de Vries"),
            organisation_id=buurtwerk,
            role_title="Opbouwwerker",
            now=NOW,
        ).person_id
        notes.log_note(
            session,
            notes.NoteInput(kind="call", text="Gesprek over de speeltuin", organisation_ids=[buurtwerk]),
            today=TODAY,
            now=NOW,
        )
        agreements.make_agreement(
            session,
            agreements.AgreementInput(text="Speeltuin schoonmaken", organisation_ids=[buurtwerk]),
            today=TODAY,
            now=NOW,
        )
        serving = session.scalar(
            select(Organisation.id)
            .where(Organisation.district_id == nieuw_west)
            .order_by(Organisation.id)
            .limit(1)
        )
        assert serving is not None
        session.execute(
            text(
                "INSERT INTO organisation_neighbourhood (organisation_id, neighbourhood_id) VALUES (:o, :n)"
            ),
            {"o": serving, "n": oud_noord},
        )
    with owner.engine.connect() as connection:
        prefix = database_prefix(connection)
    users.add_user(owner, "lead", Group.TEAMLEAD, [noord], None)
    users.add_user(owner, "colleague", Group.COLLEAGUE, [noord], None)
    users.add_user(owner, "boss", Group.ADMIN, [], None)
    assert isinstance(anna, int)
    return AccessWorld(owner, prefix, noord, int(nieuw_west), oud_noord, buurtwerk, serving, anna)


def drop_roles(server_url: URL, prefix: str) -> None:
    """Every role of this database's prefix (users and groups), after the database itself is gone."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            roles = connection.scalars(
                text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :p)"), {"p": prefix}
            ).all()
            for role in roles:
                connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    finally:
        admin.dispose()


def unique_database(server_url: URL, owner: str | None = None) -> Iterator[URL]:
    """A fresh empty database on the test server, dropped (with its roles) afterwards; with ``owner``, that
    role (made here, may log in and create roles, no superuser) owns it and is the URL's user."""
    name = f"teamlead_access_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if owner is not None:
            connection.execute(text(f'CREATE ROLE "{owner}" LOGIN CREATEROLE NOSUPERUSER'))
        connection.execute(text(f'CREATE DATABASE "{name}"' + (f' OWNER "{owner}"' if owner else "")))
    try:
        yield server_url.set(database=name, **({"username": owner, "password": None} if owner else {}))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            if owner is not None:
                connection.execute(text(f'DROP ROLE IF EXISTS "{owner}"'))
        admin.dispose()
