"""``teamlead demo --scale city`` against its floor: a bare bulk load of the very same rows.

The demo's time is the whole command (open and migrate a fresh database, build the rows, load them, build the
search index, gather statistics). The floor builds the same rows first, untimed, then times only their load
into another fresh database, in one transaction, by the same method as the demo: ``executemany`` on SQLite,
``COPY`` on PostgreSQL, with the search index paused during the load and rebuilt once after it (so the ratio
measures what the demo adds, not a difference in method). Aim: demo ≤ 3× the floor. On PostgreSQL too when ``TEAMLEAD_BENCH_POSTGRES_URL``
or ``TEAMLEAD_TEST_POSTGRES_URL`` names a server (fresh databases are created there and dropped after).
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from benchmarks._city import throwaway_postgres_databases
from teamlead.cli import main as teamlead
from teamlead.data.base import Base
from teamlead.data.database import open_database
from teamlead.data.search_maintenance import pause_search_index, rebuild_search_index
from teamlead.demo.bulk import bulk_insert
from teamlead.demo.scales import SCALES
from teamlead.demo.world import TABLES, Row
from teamlead.demo.writer import build_rows

TODAY = date(2026, 3, 2)
SEED = 1
AIM = 3.0


def _demo_seconds(target: str) -> float:
    began = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = teamlead(
            ["--database", target, "demo", "--scale", "city", "--seed", str(SEED), "--today", str(TODAY)]
        )
    elapsed = time.perf_counter() - began
    if code != 0:
        raise SystemExit(f"teamlead demo failed on {target} (exit {code})")
    return elapsed


def _rows(target: str | URL) -> dict[str, list[Row]]:
    database = open_database(target)
    try:
        with database.session() as session:
            return build_rows(session, SCALES["city"], SEED, TODAY)
    finally:
        database.dispose()


def _floor_seconds(target: str | URL, rows: dict[str, list[Row]]) -> float:
    database = open_database(target)
    try:
        began = time.perf_counter()
        with database.begin() as session:
            connection = session.connection()
            pause_search_index(connection)
            for name in TABLES:
                bulk_insert(connection, Base.metadata.tables[name], rows[name])
            rebuild_search_index(connection)
        return time.perf_counter() - began
    finally:
        database.dispose()


def _report(backend: str, demo: float, floor: float, rows: dict[str, list[Row]]) -> None:
    total = sum(len(table_rows) for table_rows in rows.values())
    ratio = demo / floor
    verdict = "ok" if ratio <= AIM else "over the aim"
    print(
        f"{backend}: teamlead demo --scale city {demo:.1f} s; floor (bulk load of the same {total} rows, same"
        " method, index rebuilt)"
    )
    print(f"{backend}:   {floor:.1f} s; ratio {ratio:.2f}x (aim <= {AIM:.0f}x: {verdict})", flush=True)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="teamlead-demo-bench-") as folder:
        demo = _demo_seconds(str(Path(folder) / "demo.sqlite3"))
        rows = _rows(Path(folder) / "rows.sqlite3")
        floor = _floor_seconds(Path(folder) / "floor.sqlite3", rows)
        _report("sqlite", demo, floor, rows)
    server = os.environ.get("TEAMLEAD_BENCH_POSTGRES_URL") or os.environ.get("TEAMLEAD_TEST_POSTGRES_URL")
    if not server:
        print("postgresql: skipped (set TEAMLEAD_BENCH_POSTGRES_URL to measure it)")
        return
    with throwaway_postgres_databases(make_url(server).set(drivername="postgresql+psycopg"), 3) as (
        demo_url,
        rows_url,
        floor_url,
    ):
        demo = _demo_seconds(demo_url.render_as_string(hide_password=False))
        rows = _rows(rows_url)
        floor = _floor_seconds(floor_url, rows)
        _report("postgresql", demo, floor, rows)


if __name__ == "__main__":
    main()
