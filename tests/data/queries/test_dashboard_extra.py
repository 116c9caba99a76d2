"""The frame's own queries agree with the shared dashboard queries, on SQLite and PostgreSQL."""

from __future__ import annotations

from teamlead.data.database import Database
from teamlead.data.queries import dashboard
from teamlead.data.queries.dashboard_extra import (
    agreements_due_capped,
    district_choices,
    follow_ups_due_capped,
    has_records,
    overdue_partners_capped,
    recent_signals_capped,
)
from tests.ui.conftest import TODAY, seed


def test_an_empty_database_has_no_records_and_default_domains_do_not_count(database: Database) -> None:
    with database.session() as session:
        assert not has_records(session)
    seed(database)
    with database.session() as session:
        assert has_records(session)


def test_capped_lists_match_the_full_queries(database: Database) -> None:
    seeded = seed(database)
    with database.session() as session:
        overdue = overdue_partners_capped(session, TODAY)
        assert [row.id for row in overdue.rows] == [r.id for r in dashboard.overdue_partners(session, TODAY)]
        assert [row.id for row in overdue.rows] == [seeded.police]
        assert overdue.total == 1
        assert overdue.rows[0].last_contact is None
        follow_ups = follow_ups_due_capped(session, TODAY, limit=1)
        assert [row.id for row in follow_ups.rows] == [seeded.follow_up]
        assert follow_ups.total == len(dashboard.follow_ups_due(session, TODAY))
        signals = recent_signals_capped(session, TODAY, 30)
        assert [row.id for row in signals.rows] == [r.id for r in dashboard.recent_signals(session, TODAY)]
        agreements = agreements_due_capped(session, TODAY, 14)
        assert agreements.total == len(dashboard.agreements_due(session, TODAY)) == 0


def test_the_settings_offer_every_district(database: Database) -> None:
    seed(database)
    with database.session() as session:
        assert [choice.name for choice in district_choices(session)] == ["Nieuw-West"]
