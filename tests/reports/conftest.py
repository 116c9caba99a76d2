"""The report-file tests use the hand-checked network of :mod:`tests.reporting.seed` on an SQLite file."""

from __future__ import annotations

import pytest

from teamlead.data.database import Database
from tests.reporting.seed import Seeded, seed


@pytest.fixture
def seeded_sqlite(sqlite_database: Database) -> tuple[Database, Seeded]:
    return sqlite_database, seed(sqlite_database)
