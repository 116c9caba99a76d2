"""Which districts there are, on SQLite and PostgreSQL (matching a typed name: tests/services/test_geography.py)."""

from __future__ import annotations

from teamlead.data.database import Database
from teamlead.data.queries.districts import all_districts
from tests.ui.conftest import seed


def test_the_settings_offer_every_district(database: Database) -> None:
    seed(database)
    with database.session() as session:
        assert [choice.name for choice in all_districts(session)] == ["Nieuw-West"]
