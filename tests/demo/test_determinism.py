"""The same seed and today give the same rows in every table, on SQLite and on PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import URL

from teamlead.data.base import Base
from teamlead.data.database import Database, open_database
from teamlead.demo import generate_demo
from tests.demo.conftest import TODAY

# Made by database creation from the clock, not by the demo: the default domains' and themes' timestamps.
CLOCK_COLUMNS = {(table, column) for table in ("domain", "theme") for column in ("created_at", "updated_at")}
NOT_DATA = {"teamlead_meta"}


def _dump(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    dump = {}
    with database.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_DATA:
                continue
            columns = [column for column in table.columns if (table.name, column.name) not in CLOCK_COLUMNS]
            statement = select(*columns).order_by(*table.primary_key.columns)
            dump[table.name] = [tuple(row) for row in connection.execute(statement)]
    return dump


def _made(url: URL, seed: int) -> dict[str, list[tuple[Any, ...]]]:
    database = open_database(url)
    try:
        generate_demo(database, "district", seed=seed, today=TODAY)
        return _dump(database)
    finally:
        database.dispose()


@pytest.mark.postgres
def test_district_scale_is_identical_on_sqlite_and_postgresql(sqlite_url: URL, postgres_url: URL) -> None:
    on_sqlite = _made(sqlite_url, seed=11)
    on_postgres = _made(postgres_url, seed=11)
    assert len(on_sqlite["note"]) == 5000
    assert 250 <= len(on_sqlite["organisation"]) <= 350
    assert 800 <= len(on_sqlite["person"]) <= 1200
    for name, rows in on_sqlite.items():
        assert rows == on_postgres[name], f"table {name} differs"


def test_another_seed_gives_other_data(tmp_path: Any) -> None:
    first = open_database(tmp_path / "a.sqlite3")
    second = open_database(tmp_path / "b.sqlite3")
    try:
        generate_demo(first, "small", seed=1, today=TODAY)
        generate_demo(second, "small", seed=2, today=TODAY)
        assert _dump(first)["person"] != _dump(second)["person"]
    finally:
        first.dispose()
        second.dispose()
