"""The same data and the same queries give the very same results on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import URL

from teamlead.data.database import Database, open_database
from teamlead.data.search import SearchResults, search
from tests.data.search_builders import FIRST_NAMES, LAST_NAMES, PLACES, ROLE_TITLES, city_sample

QUERIES = [
    *FIRST_NAMES,
    *LAST_NAMES,
    *PLACES,
    *ROLE_TITLES,
    "zoe",
    "ozturk",
    "sukru",
    "yilmaz",
    "kilic",
    "lukasz",
    "bjorn",
    "noelle",
    "wild",
    "w",
    "ja",
    "jongerenwerk wild",
    "cafe",
    "café-bar",
    "signaal rellen",
    "overlast winkelcentrum",
    "partner.example",
    "ymere",
    "40 45",
    "2025 26",
    "22",
    "o neill",
    "ter horst",
    "ij",
    "ijplein vogelbuurt",
    "de",
    "van den",
    "coord",
    "gesprek gezin",
    "zomer",
    '"AND" OR (',
    "niets-te-vinden-xyz",
    "",
]


def results_on(database: Database) -> list[SearchResults]:
    with database.session() as session:
        return [search(session, query, limit=8, today=date(2025, 6, 1)) for query in QUERIES]


@pytest.mark.postgres
def test_sqlite_and_postgresql_find_the_same(sqlite_url: URL, postgres_url: URL) -> None:
    outcomes = []
    for url in (sqlite_url, postgres_url):
        database = open_database(url)
        try:
            city_sample(database)
            outcomes.append(results_on(database))
        finally:
            database.dispose()
    on_sqlite, on_postgresql = outcomes
    for query, left, right in zip(QUERIES, on_sqlite, on_postgresql, strict=True):
        assert left == right, query
    # The comparison means something only if most queries found something, in every kind.
    assert sum(1 for results in on_sqlite if results) > len(QUERIES) * 3 // 4
    assert {group.kind for results in on_sqlite for group in results.groups} == {
        "organisation",
        "person",
        "role",
        "note",
    }
