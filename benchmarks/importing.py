"""A 10,000-row roster imported (read, cleaned, matched, written) against its floor.

The floor reads the same workbook with calamine into plain lists and bulk-inserts the very rows the import
wrote (organisations, persons, roles, notes, links, audit entries) with Core into another fresh database, in one
transaction, with the search index filled once at the end as the import does. Aims: the import under 3 s, and
at most 4x the floor. Both start from a migrated empty database; opening it is not timed.

With a PostgreSQL server configured (:mod:`benchmarks._city`), the import runs again on new databases there, as a
team lead of Nieuw-West (added, with its district, before the run: a team lead imports into their own district),
and the floor as the databases' owner; both beside the SQLite figures.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import DBAPIError

from benchmarks._city import postgres_server, throwaway_postgres_databases
from benchmarks._postgres import SKIPPED, beside, team_lead
from teamlead.data.base import Base
from teamlead.data.database import Database, open_database
from teamlead.data.search_maintenance import pause_search_index, rebuild_search_index
from teamlead.importing.readers import read_file
from teamlead.importing.session import import_source
from tests.importing.big import write_big_roster

ROWS = 10_000
AIM_SECONDS = 3.0
AIM_RATIO = 4.0
ROUNDS = 3
DISTRICT = "Nieuw-West"
WRITTEN = (
    "district",
    "neighbourhood",
    "organisation",
    "organisation_neighbourhood",
    "person",
    "role",
    "note",
    "note_organisation",
    "note_person",
    "audit_entry",
)


def _import_seconds(database: Database, roster: Path) -> float:
    try:
        began = time.perf_counter()
        import_source(database, read_file(roster), district=DISTRICT)
        return time.perf_counter() - began
    finally:
        database.dispose()


def _sqlite_import_seconds(template: Path, roster: Path, folder: Path) -> float:
    target = folder / "import.sqlite3"
    shutil.copy(template, target)
    return _import_seconds(open_database(target), roster)


def _written_rows(path: Path) -> dict[str, list[dict[str, Any]]]:
    database = open_database(path)
    try:
        with database.engine.connect() as connection:
            return {
                name: [dict(row._mapping) for row in connection.execute(select(Base.metadata.tables[name]))]
                for name in WRITTEN
            }
    finally:
        database.dispose()


def _floor_seconds(database: Database, roster: Path, rows: dict[str, list[dict[str, Any]]]) -> float:
    import python_calamine

    try:
        began = time.perf_counter()
        workbook = python_calamine.CalamineWorkbook.from_path(str(roster))
        cells = workbook.get_sheet_by_index(0).to_python()
        assert len(cells) >= ROWS
        with database.begin() as session:
            connection = session.connection()
            pause_search_index(connection)
            for name in WRITTEN:
                if rows[name]:
                    connection.execute(insert(Base.metadata.tables[name]), rows[name])
            rebuild_search_index(connection)
        return time.perf_counter() - began
    finally:
        database.dispose()


def _sqlite_floor_seconds(
    template: Path, roster: Path, rows: dict[str, list[dict[str, Any]]], folder: Path
) -> float:
    target = folder / "floor.sqlite3"
    shutil.copy(template, target)
    return _floor_seconds(open_database(target), roster, rows)


def _refused(error: DBAPIError) -> bool:
    return getattr(error.orig, "sqlstate", None) == "42501"  # insufficient privilege


def _postgres(roster: Path, rows: dict[str, list[dict[str, Any]]]) -> tuple[float, float] | None:
    """The import as a team lead (as the owner if the server refuses the team lead's) and the floor as the
    owner, each on new databases; medians in seconds."""
    server = postgres_server()
    if server is None:
        return None
    imports = []
    who = ""
    for _ in range(ROUNDS):
        with team_lead(server, None, [DISTRICT]) as lead:
            if not who:
                try:
                    imports.append(_import_seconds(lead.open(), roster))
                    who = lead.describe()
                    continue
                except DBAPIError as error:
                    if not _refused(error):
                        raise
                    reason = str(error.orig).splitlines()[0]
                    print(f"postgresql: the import {lead.describe()} was refused ({reason})", flush=True)
                    who = "as the owner of the database, in place of the team lead"
            imports.append(_import_seconds(open_database(lead.owner), roster))
    with throwaway_postgres_databases(server, ROUNDS) as fresh:
        floors = [_floor_seconds(open_database(url), roster, rows) for url in fresh]
    print(f"postgresql: the import {who}, the floor as the owner", flush=True)
    return statistics.median(imports), statistics.median(floors)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="teamlead-import-bench-") as name:
        folder = Path(name)
        template = folder / "template.sqlite3"
        open_database(template).dispose()
        roster = write_big_roster(folder / "roster.xlsx", ROWS)
        imports = [_sqlite_import_seconds(template, roster, folder) for _ in range(ROUNDS)]
        rows = _written_rows(folder / "import.sqlite3")
        floors = [_sqlite_floor_seconds(template, roster, rows, folder) for _ in range(ROUNDS)]
        seconds, floor = statistics.median(imports), statistics.median(floors)
        total = sum(len(table_rows) for table_rows in rows.values())
        print(
            f"sqlite: import of a {ROWS}-row roster {seconds:.2f} s (aim < {AIM_SECONDS:.0f} s: "
            f"{'ok' if seconds < AIM_SECONDS else 'over the aim'}); ratio to the aim {seconds / AIM_SECONDS:.2f}"
        )
        ratio = seconds / floor
        print(
            f"sqlite:   floor (calamine read + Core bulk insert of the same {total} rows, index rebuilt) "
            f"{floor:.2f} s; ratio {ratio:.2f}x (aim <= {AIM_RATIO:.0f}x: {'ok' if ratio <= AIM_RATIO else 'over the aim'})",
            flush=True,
        )
        on_postgres = _postgres(roster, rows)
    if on_postgres is None:
        print(SKIPPED)
        return
    beside(f"import of a {ROWS}-row roster", seconds, on_postgres[0], "s")
    beside("floor (calamine read + Core bulk insert)", floor, on_postgres[1], "s")
    print(f"postgresql: import / floor {on_postgres[0] / on_postgres[1]:.2f}x (aim <= {AIM_RATIO:.0f}x)")


if __name__ == "__main__":
    main()
