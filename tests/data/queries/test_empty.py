"""Whether a database counts as empty (the app then offers demo data), on SQLite and PostgreSQL."""

from __future__ import annotations

from teamlead.data.database import Database
from teamlead.data.queries.empty import has_records
from tests.ui.conftest import seed


def test_an_empty_database_has_no_records_and_default_domains_do_not_count(database: Database) -> None:
    with database.session() as session:
        assert not has_records(session)
    seed(database)
    with database.session() as session:
        assert has_records(session)
