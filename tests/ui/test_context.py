"""The app context's clock: a fixed date can be moved, and what is written afterwards is dated by it."""

from __future__ import annotations

from datetime import date, datetime

from teamlead.data.database import Database
from teamlead.rules.clock import AMSTERDAM
from teamlead.ui.context import AppContext


def test_the_fixed_date_moves_and_now_follows(sqlite_database: Database) -> None:
    context = AppContext(sqlite_database, today=date(2025, 12, 15))
    assert context.now() == datetime(2025, 12, 15, 8, 0, tzinfo=AMSTERDAM)

    context.set_today(date(2026, 4, 2))

    assert context.today() == date(2026, 4, 2)
    assert context.now() == datetime(2026, 4, 2, 8, 0, tzinfo=AMSTERDAM)
    context.tasks.shutdown(wait=True)
