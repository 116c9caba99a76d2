"""Records for the search tests, written through the plain ORM (the index must follow any writer).

``city_sample`` builds the same varied Dutch data from a seed on any backend, for the cross-backend test.
"""

from __future__ import annotations

import os
import random
import uuid
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from teamlead.data.database import Database, open_database
from teamlead.data.models import Note, Organisation, Person, Role, note_organisation
from tests.conftest import POSTGRES_ENV, REQUIRE_POSTGRES_ENV, postgres_server_url


def organisation(session: Session, name: str, *, address: str = "", description: str = "") -> Organisation:
    record = Organisation(name=name, address=address, description=description)
    session.add(record)
    session.flush()
    return record


def person(session: Session, name: str, *, email: str = "") -> Person:
    record = Person(name=name, email=email)
    session.add(record)
    session.flush()
    return record


def role(
    session: Session, who: Person, where: Organisation, title: str, *, ended_on: date | None = None
) -> Role:
    record = Role(person_id=who.id, organisation_id=where.id, title=title, ended_on=ended_on)
    session.add(record)
    session.flush()
    return record


def note(
    session: Session, body: str, *organisations: Organisation, occurred_on: date = date(2025, 3, 14)
) -> Note:
    record = Note(occurred_on=occurred_on, kind="call", text=body)
    session.add(record)
    session.flush()
    for position, linked in enumerate(organisations):
        session.execute(
            insert(note_organisation).values(note_id=record.id, organisation_id=linked.id, position=position)
        )
    return record


FIRST_NAMES = (
    "Zoë",
    "Şükrü",
    "Ayşe",
    "Mohamed",
    "Fatima",
    "Jan",
    "Anouk",
    "Daan",
    "Noëlle",
    "Renée",
    "Björn",
    "Łukasz",
    "Yusuf",
    "Esmée",
    "Kofi",
    "Priya",
    "Inès",
    "Sven",
    "Hülya",
    "Chloë",
)
LAST_NAMES = (
    "Öztürk",
    "Yılmaz",
    "de Vries",
    "El Amrani",
    "Bakker",
    "Janssen",
    "Kılıç",
    "van den Berg",
    "Müller",
    "Nowak",
    "Boateng",
    "Smit",
    "Aydın",
    "Peeters",
    "Çelik",
    "O'Neill",
    "Dijkstra-Ter Horst",
    "Brouwer",
)
ORGANISATION_KINDS = (
    "Jongerenwerk",
    "Buurtteam",
    "Wijkteam Politie",
    "Basisschool De Regenboog",
    "GGD",
    "Woningcorporatie Ymere",
    "Moskee Al-Ikhlas",
    "Sportclub",
    "Bewonersinitiatief",
    "Huiskamer",
    "Voedselbank",
    "Stichting Café-Bar",
)
PLACES = (
    "Wildemanbuurt",
    "Geuzenveld",
    "Slotermeer-Noordoost",
    "Osdorp-Midden",
    "De Punt",
    "Overtoomse Veld",
    "Kolenkitbuurt",
    "Bijlmer-Oost",
    "Indische Buurt",
    "IJplein/Vogelbuurt",
    "Noord",
    "Zuidoost",
)
ROLE_TITLES = (
    "Coördinator",
    "Jongerenwerker",
    "Wijkagent",
    "Intern begeleider",
    "Buurtregisseur",
    "Voorzitter",
    "Vrijwilliger",
    "Ambulant jongerenwerker",
    "Schoolmaatschappelijk werker",
    "Imam",
)
NOTE_PHRASES = (
    "Gesprek over de overlast bij het winkelcentrum.",
    "Signaal: jongeren roepen op sociale media op tot rellen.",
    "Afgesproken om samen de straat op te gaan na 22:00.",
    "Zorgen over een gezin in de {place}; {person} pakt het op.",
    "Korte lijnen en snel schakelen werkten goed (zie e-mail van {email}).",
    "Lokale reflectie: wat gaat goed, wat kan beter?",
    "Café-avond met ouders in de {place} — 35 bezoekers.",
    "Bel {person} terug over de subsidie-aanvraag 2025/26.",
    "Overleg met {organisation} over de zomeractiviteiten.",
    "Gesignaleerd: drugsoverlast rond het Plein '40-'45.",
)


def _slug(text: str) -> str:
    return "".join(character for character in text.lower() if character.isalnum() and character.isascii())


def city_sample(database: Database, seed: int = 7) -> None:
    """A few dozen organisations, a hundred people, roles and some hundreds of notes; the same for a seed."""
    rng = random.Random(seed)
    with database.begin() as session:
        organisations = [
            organisation(
                session,
                f"{rng.choice(ORGANISATION_KINDS)} {rng.choice(PLACES)}",
                address=f"{rng.choice(PLACES)}straat {rng.randint(1, 200)}, Amsterdam",
                description=rng.choice(("", "Ambulant jongerenwerk", "Inloop voor ouders en kinderen")),
            )
            for _ in range(40)
        ]
        people = []
        for _ in range(100):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            people.append(
                person(session, f"{first} {last}", email=f"{_slug(first)}.{_slug(last)}@partner.example")
            )
        for who in people:
            for _ in range(rng.choice((1, 1, 2))):
                ended = date(2024, 1, 1) + timedelta(days=rng.randint(0, 700)) if rng.random() < 0.3 else None
                role(session, who, rng.choice(organisations), rng.choice(ROLE_TITLES), ended_on=ended)
        for index in range(400):
            who = rng.choice(people)
            body = " ".join(
                rng.choice(NOTE_PHRASES).format(
                    place=rng.choice(PLACES),
                    person=who.name,
                    email=who.email,
                    organisation=rng.choice(organisations).name,
                )
                for _ in range(rng.randint(1, 4))
            )
            linked = rng.sample(organisations, rng.randint(0, 2))
            note(session, body, *linked, occurred_on=date(2024, 1, 1) + timedelta(days=index))


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def module_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """One migrated database per backend for a whole module of read-only tests (creating one costs seconds).

    Like ``database`` in ``tests/conftest.py``, but module-scoped; PostgreSQL follows the same skip rules.
    """
    if request.param == "sqlite":
        url = URL.create("sqlite+pysqlite", database=str(tmp_path_factory.mktemp("search") / "t.sqlite3"))
        database = open_database(url)
        yield database
        database.dispose()
        return
    server = postgres_server_url()
    if server is None:
        if os.environ.get(REQUIRE_POSTGRES_ENV) == "1":
            pytest.fail(f"PostgreSQL is required here but {POSTGRES_ENV} is not set")
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}")
    name = f"teamlead_search_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        database = open_database(server.set(database=name))
        yield database
        database.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
