"""Fixtures for the report tests: the hand-checked network of :mod:`tests.reporting.seed`."""

from __future__ import annotations

from datetime import datetime

import pytest

from teamlead.data.database import Database
from teamlead.reporting.periods import AMSTERDAM
from tests.reporting.seed import Seeded, seed

MADE_AT = datetime(2026, 10, 2, 9, 30, tzinfo=AMSTERDAM)


@pytest.fixture
def seeded(database: Database) -> Seeded:
    return seed(database)


@pytest.fixture
def seeded_sqlite(sqlite_database: Database) -> tuple[Database, Seeded]:
    return sqlite_database, seed(sqlite_database)
