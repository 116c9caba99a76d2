"""Demo fixtures: the small demo on each backend, made once per test with a fixed ``today``."""

from __future__ import annotations

from datetime import date

import pytest

from teamlead.data.database import Database
from teamlead.demo import DemoSummary, generate_demo

TODAY = date(2026, 11, 23)


@pytest.fixture
def small_demo(database: Database) -> tuple[Database, DemoSummary]:
    return database, generate_demo(database, "small", seed=7, today=TODAY)
