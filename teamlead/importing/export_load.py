"""Writing a workbook made by ``teamlead export`` back into a database: ids and links as they were.

It goes only into an empty database (nothing but the default domains and themes), so the ids can be kept and
the links between records stay right without any matching. Domains and themes are matched by their key, then
by name, and take the exported values. The workbook is read and checked whole (:mod:`.export_read`) before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from teamlead.data.export_format import export_tables
from teamlead.data.search_maintenance import pause_search_index, rebuild_search_index
from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.importing.export_checks import check_records
from teamlead.importing.export_read import check_about, read_export, refusal
from teamlead.importing.readers import Source
from teamlead.rules.text import identity_key

KEPT_TABLES = ("domain", "theme", "teamlead_meta")
MATCHED = {"domain": "domain_id", "theme": "theme_id"}
"""The vocabularies a new database is made with, and the column that links to each."""
"""What a new database already holds; every other table must be empty."""
BATCH = 5_000


def check_export(session: Session, source: Source) -> None:
    """Refuse another format version, a newer schema, or a database that already holds records."""
    check_about(source)
    for table in export_tables():
        if table.name not in (*KEPT_TABLES, "audit_entry") and session.scalar(
            select(func.count()).select_from(table)
        ):
            raise UserError(
                tr(
                    "An export is read back only into an empty database, and this one already holds "
                    "records ({table}). Use --database with a new file.",
                    table=table.name,
                )
            )


def load_export(
    session: Session, source: Source, progress: Callable[[float, str], None] | None = None
) -> dict[str, int]:
    """Insert every record of the export in ``session``'s transaction; returns the rows per table."""
    check_export(session, source)
    report = progress or (lambda share, message: None)
    tables = export_tables()
    sheets = read_export(source)
    check_records(source, sheets)
    everything = {name: sheet.records for name, sheet in sheets.items()}
    matched = {link: _match(session, name, everything[name]) for name, link in MATCHED.items()}
    counts: dict[str, int] = {}
    pause_search_index(session.connection())  # one rebuild at the end: the database was empty
    audited = session.scalar(select(func.count()).select_from(tables[0].metadata.tables["audit_entry"]))
    for position, table in enumerate(tables):
        rows = everything[table.name]
        if table.name in MATCHED:
            counts[table.name] = len(rows)
            continue
        if table.name == "teamlead_meta":
            present = set(session.scalars(select(table.c.key)))
            rows = [row for row in rows if row["key"] not in present]
        if table.name == "audit_entry" and audited:
            rows = [{k: v for k, v in row.items() if k != "id"} for row in rows]
        for link, ids in matched.items():
            if link in table.c:
                for row in rows:
                    if row[link] is not None:
                        row[link] = ids.get(row[link], row[link])
        _insert(session, source, table, rows)
        counts[table.name] = len(rows)
        report((position + 1) / len(tables), tr("Reading back the export"))
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        for table in tables:
            if "id" in table.c and counts.get(table.name):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"(SELECT max(id) FROM {table.name}))"
                    )
                )
    rebuild_search_index(connection)
    return counts


def _insert(session: Session, source: Source, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert in batches. The checks leave nothing for the database to refuse; should it refuse anyway, the
    message names the sheet and what was refused, never the SQL or its parameters (they hold the values)."""
    try:
        for begin in range(0, len(rows), BATCH):
            session.execute(insert(table), rows[begin : begin + BATCH])
    except (IntegrityError, DataError) as error:
        problem = type(error.orig).__name__
        raise refusal(
            source,
            tr(
                "the database refused a row of the sheet {sheet} ({problem}).",
                sheet=table.name,
                problem=problem,
            ),
        ) from None


def _match(session: Session, name: str, rows: list[dict[str, Any]]) -> dict[int, int]:
    """Exported domain (or theme) id -> this database's: matched by key, then by name, taking the exported
    values.

    Nothing refers to one yet (the database is empty), so a matched one simply takes the exported name,
    position and key; the others are added, keeping their exported id where it is free.
    """
    table = export_tables()[0].metadata.tables[name]
    existing = list(session.execute(select(table.c.id, table.c.key, table.c.name)))
    by_key = {key: domain_id for domain_id, key, _ in existing if key}
    by_name = {identity_key(name): domain_id for domain_id, _, name in existing}
    taken = {domain_id for domain_id, _, _ in existing}
    mapping: dict[int, int] = {}
    matched: list[tuple[dict[str, Any], int]] = []
    for row in rows:
        match = (by_key.get(row["key"]) if row["key"] else None) or by_name.get(identity_key(row["name"]))
        if match is not None and match not in mapping.values():
            matched.append((row, match))
            mapping[row["id"]] = match
    # Names first made unique placeholders, so that swapped names (Social <-> Care) never collide.
    for _row, match in matched:
        session.execute(update(table).where(table.c.id == match).values(name=f"\u2060{match}"))
    for row, match in matched:
        session.execute(
            update(table).where(table.c.id == match).values(**{k: v for k, v in row.items() if k != "id"})
        )
    for row in rows:
        if row["id"] not in mapping:
            values = dict(row) if row["id"] not in taken else {k: v for k, v in row.items() if k != "id"}
            new_id = session.execute(insert(table).returning(table.c.id), [values]).scalar_one()
            taken.add(new_id)
            mapping[row["id"]] = new_id
    return mapping
