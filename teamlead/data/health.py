"""The ``check`` command's findings: integrity and schema state of a database, on SQLite or PostgreSQL.

Changes nothing: an SQLite file is only read (see :mod:`teamlead.data.integrity`), a server only queried.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import URL

from teamlead.data import migrate
from teamlead.data.engine import display_name, make_engine, resolve_url, sqlite_path
from teamlead.data.integrity import USABLE, Inspection, State, inspect_sqlite, refusal
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.vocabulary import DistrictedKind


@dataclass(frozen=True)
class HealthReport:
    """What ``check`` found. ``ok`` when the database is sound and current or upgradable."""

    name: str
    inspection: Inspection
    engine_version: str
    checked: tuple[str, ...] = field(default=())  # which checks ran: integrity, foreign_keys, search

    @property
    def ok(self) -> bool:
        return self.inspection.state in (State.CURRENT, State.OLD) and self.inspection.sound

    def lines(self) -> list[str]:
        """The report for stdout, one finding a line, in the current language."""
        lines = [tr("Database: {name} ({engine})", name=self.name, engine=self.engine_version)]
        inspection = self.inspection
        if inspection.state is State.CURRENT:
            lines.append(tr("Schema: current (revision {revision})", revision=inspection.revision))
        elif inspection.state is State.OLD:
            lines.append(
                tr(
                    "Schema: upgradable from revision {revision} to {head} "
                    "(Teamlead backs it up and upgrades it when it opens it)",
                    revision=inspection.revision,
                    head=migrate.head_revision(),
                )
            )
        else:
            return lines
        labels = {
            "integrity": (tr("Integrity"), inspection.problems),
            "foreign_keys": (tr("Foreign keys"), inspection.foreign_keys),
            "search": (tr("Search index"), inspection.search),
        }
        for key in self.checked:
            label, problems = labels[key]
            lines.append(f"{label}: {tr('ok')}" if not problems else f"{label}: {'; '.join(problems)}")
        without = [
            words.districtless(kind, count)
            for kind, count in zip(DistrictedKind, inspection.districtless, strict=False)
            if count
        ]
        if without:
            lines.append(
                tr(
                    "Warning: {records}; they count in no district's report (assign them on the dashboard).",
                    records="; ".join(without),
                )
            )
        return lines

    def verdict(self) -> str:
        """Why the database is not fit for use, and what to do (only when not :attr:`ok`)."""
        inspection = self.inspection
        if inspection.state is State.NEW:
            return tr(
                "{name} is empty: there is no Teamlead database there yet (any other command creates one).",
                name=self.name,
            )
        if inspection.state in USABLE:  # current or old, but with problems
            problems = inspection.problems + inspection.foreign_keys + inspection.search
            return refusal(self.name, Inspection(State.DAMAGED, problems=problems))
        return refusal(self.name, inspection)


def check_database(target: str | Path | URL | None) -> HealthReport:
    """Check the database named by ``target`` (as ``--database`` takes it), changing nothing."""
    url = target if isinstance(target, URL) else resolve_url(target)
    path = sqlite_path(url)
    if path is not None:
        return _check_sqlite(path)
    return _check_server(url)


def _check_sqlite(path: Path) -> HealthReport:
    version = f"SQLite {sqlite3.sqlite_version}"
    inspection = inspect_sqlite(path, thorough=True)
    if inspection.state is State.NEW and not os.path.exists(path):
        inspection = Inspection(State.MISSING)
    return HealthReport(str(path), inspection, version, checked=("integrity", "foreign_keys", "search"))


def _check_server(url: URL) -> HealthReport:
    from teamlead.data.database import Database, schema_state
    from teamlead.data.queries.districtless import count_statement
    from teamlead.data.search_maintenance import check_search_index

    database = Database(url, make_engine(url))
    search: tuple[str, ...] = ()
    districtless: tuple[int, ...] = ()
    try:
        with database.engine.connect() as connection:
            version = str(connection.exec_driver_sql("SHOW server_version").scalar())
        state, revision = schema_state(database)
        if state is State.CURRENT:
            with database.engine.connect() as connection:
                search = tuple(check_search_index(connection))
                counts = connection.exec_driver_sql(count_statement()).one()
                districtless = tuple(int(count) for count in counts)
    finally:
        database.dispose()
    inspection = Inspection(State(state), revision, search=search, districtless=districtless)
    return HealthReport(display_name(url), inspection, f"PostgreSQL {version}", checked=("search",))
