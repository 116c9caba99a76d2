"""The dashboard's capped lists: the first rows and the total, on SQLite and PostgreSQL, against what the
seeded world holds (one overdue partner, one follow-up due, one open signal, no agreement due)."""

from __future__ import annotations

from datetime import UTC, datetime, time

from teamlead.data.database import Database
from teamlead.data.queries.dashboard_lists import (
    agreements_due_capped,
    follow_ups_due_capped,
    load_dashboard,
    overdue_partners_capped,
    signals_to_follow_up_capped,
)
from tests.ui.conftest import TODAY, seed


def test_capped_lists_match_the_full_queries(database: Database) -> None:
    seeded = seed(database)
    with database.session() as session:
        overdue = overdue_partners_capped(session, TODAY)
        assert [row.id for row in overdue.rows] == [seeded.police]
        assert overdue.total == 1
        assert overdue.rows[0].last_contact is None
        follow_ups = follow_ups_due_capped(session, TODAY, limit=1)
        assert [row.id for row in follow_ups.rows] == [seeded.follow_up]
        assert follow_ups.total == 1
        signals = signals_to_follow_up_capped(session, TODAY)
        assert ([row.id for row in signals.rows], signals.total) == ([seeded.signal], 1)
        assert signals_to_follow_up_capped(session, TODAY, limit=0).total == 1  # counted, none shown
        agreements = agreements_due_capped(session, TODAY, 14)
        assert (agreements.rows, agreements.total) == ((), 0)


def test_the_dashboard_shows_the_default_district_or_all_of_them(database: Database) -> None:
    seeded = seed(database)
    now = datetime.combine(TODAY, time(8), tzinfo=UTC)
    with database.session() as session:
        assert load_dashboard(session, TODAY, now, seeded.district).district == "Nieuw-West"
        everywhere = load_dashboard(session, TODAY, now, seeded.district + 100)  # a district that is gone
        assert everywhere.district is None
        assert [row.id for row in everywhere.overdue.rows] == [seeded.police]
        assert set(everywhere.districtless.values()) == {0}
