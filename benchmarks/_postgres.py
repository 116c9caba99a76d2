"""The benchmarks' PostgreSQL side: a team lead on a copy of a demo, and the line that sets a PostgreSQL figure
beside the SQLite one (issue 19: every benchmark within 1.5x of SQLite on PostgreSQL, as a team lead).

The team lead is a user added to a throwaway copy of the kept demo database (``CREATE DATABASE ... TEMPLATE``
takes a second or two), so what the benchmark writes, and the row-level security the first user installs, never
reach the kept demo. A Teamlead role is named after its database (:mod:`teamlead.data.access.names`), so the
copy's unique name gives the run roles of its own; they are dropped with the copy.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import OperationalError

from teamlead.data.access.names import Group, prefix_for, user_role
from teamlead.data.database import Database, open_database
from teamlead.services import users
from teamlead.services.geography import add_district

GOAL = 1.5
SKIPPED = "postgresql: skipped (set TEAMLEAD_BENCH_POSTGRES_URL to measure it)"
USER = "bench"
TEMPLATE_WAIT_S = 60.0
NOISE_MS = 1.0
"""Below this a figure is the time of a few Python calls, not of the database: its ratio is not judged."""


@dataclass(frozen=True)
class TeamLead:
    """A team-lead user on a copy of a demo database."""

    url: URL
    """The team lead's login on the copy: open it with ``open_database(url, create=False)``."""
    owner: URL
    """The copy as the server's administrator (who owns its tables)."""
    district_ids: tuple[int, ...]

    def open(self) -> Database:
        return open_database(self.url, create=False)

    def describe(self) -> str:
        count = len(self.district_ids)
        return f"as a team lead of {count} district{'s' if count != 1 else ''}, through row-level security"


def _create(connection: Connection, name: str, template: str | None) -> None:
    """Create ``name`` (a copy of ``template``), waiting while another benchmark is connected to the template
    (PostgreSQL copies only a database nobody is connected to)."""
    copy = f' TEMPLATE "{template}"' if template else ""
    deadline = time.monotonic() + TEMPLATE_WAIT_S
    while True:
        try:
            connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
            return
        except OperationalError as error:
            if "is being accessed by other users" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(1.0)


def _drop(connection: Connection, name: str, prefix: str) -> None:
    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    roles = connection.scalars(
        text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :prefix)"), {"prefix": f"{prefix}_"}
    ).all()
    for role in roles:
        connection.execute(text(f'DROP ROLE "{role}"'))


def _district_ids(owner: Database, districts: Sequence[str] | None) -> tuple[int, ...]:
    """The ids of ``districts`` (every district when None), adding those an empty database lacks."""
    with owner.begin() as session:
        found = {str(name): int(id_) for id_, name in session.execute(text("SELECT id, name FROM district"))}
        if districts is None:
            return tuple(sorted(found.values()))
        return tuple(found[name] if name in found else add_district(session, name) for name in districts)


@contextlib.contextmanager
def team_lead(
    server: URL, template: str | None = None, districts: Sequence[str] | None = None
) -> Iterator[TeamLead]:
    """A team lead of ``districts`` (names; every district when None) on a new copy of the database
    ``template`` on ``server``, or on a new empty Teamlead database when ``template`` is None (the named
    districts are added to it first). The copy and its roles are dropped afterwards."""
    name = f"teamlead_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    prefix = prefix_for(name)
    try:
        with admin.connect() as connection:
            _create(connection, name, template)
        url = server.set(database=name)
        owner = open_database(url)  # migrates a copy of an older demo, and a new database
        try:
            district_ids = _district_ids(owner, districts)
            users.add_user(owner, USER, Group.TEAMLEAD, district_ids, None)
        finally:
            owner.dispose()
        yield TeamLead(url.set(username=user_role(prefix, USER), password=None), url, district_ids)
    finally:
        with admin.connect() as connection:
            _drop(connection, name, prefix)
        admin.dispose()


def beside(what: str, sqlite: float, postgres: float, unit: str = "ms") -> None:
    """One figure on both databases and their ratio, against the goal."""
    ratio = postgres / sqlite if sqlite else float("inf")
    digits = 1 if unit == "ms" else 2
    if ratio <= GOAL:
        verdict = ""
    elif unit == "ms" and postgres < NOISE_MS:
        verdict = f"  (under {NOISE_MS:.0f} ms: noise)"
    else:
        verdict = "  over the goal"
    print(
        f"  {what:<46} sqlite {sqlite:9.{digits}f} {unit}  postgresql {postgres:9.{digits}f} {unit}"
        f"  ratio {ratio:5.2f} (goal <= {GOAL:.2f}){verdict}",
        flush=True,
    )


def measure_beside(
    server: URL,
    template: str,
    on_sqlite: Mapping[str, float],
    measure: Callable[[Database], Mapping[str, float]],
    heading: str = "postgresql",
) -> None:
    """Run ``measure`` as a team lead on a copy of ``template`` and print each of its figures beside
    SQLite's."""
    with team_lead(server, template) as lead:
        print(f"{heading}, {lead.describe()}:", flush=True)
        database = lead.open()
        try:
            on_postgres = measure(database)
        finally:
            database.dispose()
    print(f"{heading} beside sqlite:")
    for what, value in on_postgres.items():
        if what in on_sqlite:
            beside(what, on_sqlite[what], value)
