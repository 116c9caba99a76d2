"""What row-level security costs a team lead: the dashboard, the roster, the notes page and the district report
(its queries: the city-audience report of the last full quarter) of their district,
as the team lead (every row through the policies) against the same queries as the owner (a superuser, no
policies), on the small demo in a fresh PostgreSQL database. Medians of interleaved runs.

    TEAMLEAD_TEST_POSTGRES_URL=postgresql+psycopg://postgres@host/postgres .venv/bin/python -m benchmarks access

Aim (issue 18): under 1.3x at city scale on the dashboard, roster and report; ``make bench BENCH_ARGS="access
--city"`` measures on a copy of the city demo (made before the first user is added, as ``COPY`` is refused
under row-level security).
"""

from __future__ import annotations

import statistics
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from benchmarks._city import city_postgres, postgres_server
from teamlead.data.access.names import Group, database_prefix, user_role
from teamlead.data.database import Database, open_database
from teamlead.data.queries.dashboard_lists import load_dashboard
from teamlead.data.queries.notes import notes
from teamlead.data.queries.roster import roster
from teamlead.demo import generate_demo
from teamlead.reporting.district import gather_district_report
from teamlead.reporting.districts import choose_one_district
from teamlead.reporting.periods import last_full_quarter
from teamlead.rules.vocabulary import Audience
from teamlead.services import users

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ROUNDS = 15


def _report(session: Session, district_id: int) -> Any:
    name = session.scalar(text("SELECT name FROM district WHERE id = :id"), {"id": district_id})
    district = choose_one_district(session, str(name))
    return gather_district_report(session, district, last_full_quarter(TODAY), Audience.CITY, NOW)


def _queries(district_id: int) -> dict[str, Callable[[Session], Any]]:
    return {
        "dashboard": lambda session: load_dashboard(session, TODAY, NOW, district_id),
        "roster": lambda session: roster(session, today=TODAY, district_id=district_id),
        "notes": lambda session: notes(session, district_id=district_id),
        "report": lambda session: _report(session, district_id),
    }


def _timed(database: Database, query: Callable[[Session], Any]) -> float:
    with database.session() as session:
        start = time.perf_counter()
        query(session)
        return time.perf_counter() - start


def _measure(owner: Database, lead: Database, district_id: int) -> None:
    for name, query in _queries(district_id).items():
        times: dict[str, list[float]] = {"owner": [], "lead": []}
        for _round in range(ROUNDS):
            times["owner"].append(_timed(owner, query))
            times["lead"].append(_timed(lead, query))
        mine, theirs = statistics.median(times["lead"]), statistics.median(times["owner"])
        print(
            f"{name:10} owner {theirs * 1000:7.1f} ms  team lead {mine * 1000:7.1f} ms  ratio {mine / theirs:4.2f}"
        )


def main(argv: list[str] | None = None) -> None:
    """``--city``: on a copy of the city demo (made once by :func:`benchmarks._city.city_postgres`)."""
    server = postgres_server()
    if server is None:
        print("access: no PostgreSQL server configured (TEAMLEAD_TEST_POSTGRES_URL); skipped")
        return
    city = "--city" in (argv or [])
    template = city_postgres(server).database if city else None
    name = f"teamlead_bench_access_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        copy = f' TEMPLATE "{template}"' if template else ""
        connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    url: URL = server.set(database=name)
    prefix = None
    try:
        owner = open_database(url)
        try:
            if not city:
                generate_demo(owner, "small", 1, TODAY)
            print(f"access ({'city' if city else 'small'} demo):")
            with owner.engine.connect() as connection:
                prefix = database_prefix(connection)
                district_id = int(connection.scalar(text("SELECT min(id) FROM district")))
            users.add_user(owner, "bench", Group.TEAMLEAD, [district_id], None)
            lead = open_database(url.set(username=user_role(prefix, "bench"), password=None), create=False)
            try:
                _measure(owner, lead, district_id)
            finally:
                lead.dispose()
        finally:
            owner.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            if prefix is not None:
                for role in connection.scalars(
                    text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :p)"), {"p": prefix}
                ).all():
                    connection.execute(text(f'DROP ROLE "{role}"'))
        admin.dispose()


if __name__ == "__main__":
    main(sys.argv[1:])
