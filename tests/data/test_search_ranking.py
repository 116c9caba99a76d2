"""The ranking follows every edit, and PostgreSQL's index stays quick to read after bulk loads and daily writes.

On PostgreSQL the ranking reads sort keys kept in the index tables (each title as its own tsvector, the length
of the name, a role's end date), so an edit that changes them must reach the index as surely as one that
changes the words; these tests run on both backends so that SQLite's order is the reference.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Connection, insert, text, update
from sqlalchemy.engine import URL

from teamlead.data.database import Database, open_database
from teamlead.data.models import Organisation, Person, Role
from teamlead.data.search import SearchKind, search, search_index_paused
from teamlead.data.search_schema import KINDS
from tests.data.search_builders import organisation, person, role

TODAY = date(2025, 6, 1)


def titles(database: Database, query: str, kind: SearchKind) -> list[str]:
    """The titles found, asked for one by one: each limit makes the index itself choose the best."""
    with database.session() as session:
        shown = []
        for limit in range(1, 4):
            group = search(session, query, limit=limit, today=TODAY).group(kind)
            hits = [hit.title for hit in group.hits] if group else []
            assert hits[: len(shown)] == shown, "a larger limit changed the best hits"
            shown = hits
    return shown


def test_renaming_a_partner_moves_it_in_the_ranking(database: Database) -> None:
    with database.begin() as session:
        west = organisation(session, "Sportclub Noord-West")
        south = organisation(session, "Sportclub Zuid")
        anchor = organisation(session, "Buurthuis Het Anker", description="Thuisbasis van een sportclub")
    assert titles(database, "sportclub", SearchKind.ORGANISATION) == [
        "Sportclub Zuid",
        "Sportclub Noord-West",
        "Buurthuis Het Anker",  # only in its description: after every match in a name
    ]
    with database.begin() as session:
        session.get_one(Organisation, south.id).name = "Sportclub Zuidoost Amsterdam Centrum"
        session.get_one(Organisation, anchor.id).name = "Sportclub Anker"
        session.get_one(Organisation, west.id).address = "Sportparkweg 1"  # not a sort key: no change
    assert titles(database, "sportclub", SearchKind.ORGANISATION) == [
        "Sportclub Anker",
        "Sportclub Noord-West",
        "Sportclub Zuidoost Amsterdam Centrum",
    ]


def test_roles_follow_their_persons_names_and_end_dates(database: Database) -> None:
    with database.begin() as session:
        team = organisation(session, "Buurtteam Noord")
        people = {
            name: person(session, name)
            for name in ("Zoë Jansen", "Priya Ramdin", "Mohammed el Amrani", "Anna de Wit-Verhoeven")
        }
        roles = {name: role(session, someone, team, "Coördinator") for name, someone in people.items()}
    assert titles(database, "coordinator", SearchKind.ROLE) == [
        "Zoë Jansen · Coördinator",
        "Priya Ramdin · Coördinator",
        "Mohammed el Amrani · Coördinator",
    ]
    with database.begin() as session:  # longer names rank their roles later
        session.get_one(Person, people["Zoë Jansen"].id).name = "Zoë Jansen-van der Berg-Smit"
        session.get_one(Person, people["Priya Ramdin"].id).name = "Priya Ramdin-Soekhoe"
    assert titles(database, "coordinator", SearchKind.ROLE) == [
        "Mohammed el Amrani · Coördinator",
        "Priya Ramdin-Soekhoe · Coördinator",
        "Anna de Wit-Verhoeven · Coördinator",
    ]
    ended = [roles["Mohammed el Amrani"].id, roles["Priya Ramdin"].id]
    with database.engine.begin() as connection:  # two roles end (raw SQL): current roles come first
        connection.execute(update(Role).where(Role.id.in_(ended)).values(ended_on=date(2025, 1, 31)))
    assert titles(database, "coordinator", SearchKind.ROLE) == [
        "Anna de Wit-Verhoeven · Coördinator",
        "Zoë Jansen-van der Berg-Smit · Coördinator",
        "Mohammed el Amrani · Coördinator",
    ]
    with database.begin() as session:  # one end date moves past today: current again, and the shortest
        session.get_one(Role, roles["Mohammed el Amrani"].id).ended_on = date(2025, 12, 31)
    assert titles(database, "coordinator", SearchKind.ROLE) == [
        "Mohammed el Amrani · Coördinator",
        "Anna de Wit-Verhoeven · Coördinator",
        "Zoë Jansen-van der Berg-Smit · Coördinator",
    ]


def _pending_pages(connection: Connection, kind: str) -> int:
    """Pages in the GIN pending list of a kind's index (merging them, which changes no result)."""
    query = text(f"SELECT gin_clean_pending_list('ix_search_{kind}_document'::regclass)")
    return int(connection.execute(query).scalar_one())


@pytest.mark.postgres
def test_postgresql_searches_do_not_read_a_long_pending_list(postgres_url: URL) -> None:
    """A rebuilt index holds nothing pending, and daily writes leave at most the smallest pending list."""
    database = open_database(postgres_url)
    try:
        people = [{"name": f"Bewoner {n} van de Wildemanbuurt"} for n in range(3000)]
        with database.engine.begin() as connection, search_index_paused(connection):
            connection.execute(insert(Person), people)
        with database.engine.begin() as connection:
            assert {kind.kind: _pending_pages(connection, kind.kind) for kind in KINDS} == {
                kind.kind: 0 for kind in KINDS
            }
            connection.execute(insert(Person), people)  # through the triggers, in one statement
            assert _pending_pages(connection, "person") <= 8  # 64 kB
            found = search(connection, "wildemanbuurt bewoner 2999", limit=5)
            assert [hit.title for hit in found.hits()] == ["Bewoner 2999 van de Wildemanbuurt"] * 2
    finally:
        database.dispose()
