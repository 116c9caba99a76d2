"""The demos the benchmarks measure on (the city, and the district a team lead has), made once per cache and
reused: an SQLite file each, and a database each on the PostgreSQL server named by ``TEAMLEAD_BENCH_POSTGRES_URL``
or ``TEAMLEAD_TEST_POSTGRES_URL``.

All are made by ``teamlead demo --scale ...`` (seed 1, today 2026-03-02) and only take their final name once
complete, so an interrupted build is never mistaken for a finished one.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

TODAY = date(2026, 3, 2)
CACHE = Path(os.environ.get("TEAMLEAD_BENCH_CACHE", Path(tempfile.gettempdir()) / "teamlead-bench"))


def _demo(target: str, scale: str = "city") -> None:
    subprocess.run(
        [
            *(sys.executable, "-m", "teamlead", "--database", target),
            *("demo", "--scale", scale, "--seed", "1", "--today", TODAY.isoformat()),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def demo_sqlite(scale: str) -> Path:
    """The demo of ``scale`` as an SQLite file in the cache folder (shared with the other benchmarks)."""
    path = CACHE / f"{scale}-seed1-{TODAY.isoformat()}.sqlite3"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial.sqlite3")
        partial.unlink(missing_ok=True)
        print(f"making the {scale} demo in {partial} (a minute or two, once)", flush=True)
        _demo(str(partial), scale)
        partial.rename(path)
    return path


def city_sqlite() -> Path:
    """The city demo as an SQLite file in the cache folder."""
    return demo_sqlite("city")


def postgres_server() -> URL | None:
    """The PostgreSQL server to measure on, or None when none is configured."""
    server = os.environ.get("TEAMLEAD_BENCH_POSTGRES_URL") or os.environ.get("TEAMLEAD_TEST_POSTGRES_URL")
    return make_url(server).set(drivername="postgresql+psycopg") if server else None


def postgres_name(scale: str) -> str:
    """The name of the kept database holding the demo of ``scale``."""
    return f"teamlead_bench_{scale}_seed1_{TODAY.strftime('%Y%m%d')}"


POSTGRES_NAME = postgres_name("city")


def demo_postgres(server: URL, scale: str) -> URL:
    """The demo of ``scale`` as a database on ``server``, made once and kept there between runs."""
    name = postgres_name(scale)
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    partial = f"{name}_partial"
    try:
        with admin.connect() as connection:
            exists = connection.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            )
            if not exists:
                print(
                    f"making the {scale} demo in PostgreSQL database {partial} (a minute or two, once)",
                    flush=True,
                )
                connection.execute(text(f'DROP DATABASE IF EXISTS "{partial}" WITH (FORCE)'))
                connection.execute(text(f'CREATE DATABASE "{partial}"'))
                _demo(server.set(database=partial).render_as_string(hide_password=False), scale)
                connection.execute(text(f'ALTER DATABASE "{partial}" RENAME TO "{name}"'))
    finally:
        admin.dispose()
    return server.set(database=name)


def city_postgres(server: URL) -> URL:
    """The city demo as a database on ``server``, made once and kept there between runs."""
    return demo_postgres(server, "city")


@contextlib.contextmanager
def throwaway_postgres_databases(server: URL, count: int) -> Iterator[list[URL]]:
    """``count`` new, empty databases on ``server`` for one measurement, dropped afterwards."""
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    names = [f"teamlead_bench_{uuid.uuid4().hex[:10]}" for _ in range(count)]
    try:
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield [server.set(database=name) for name in names]
    finally:
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
