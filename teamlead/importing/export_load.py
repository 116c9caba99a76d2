"""Reading back a workbook made by ``teamlead export``: every sheet as records, ids and links as they were.

It goes only into an empty database (nothing but the default domains), so the ids can be kept and the links
between records stay right without any matching. Domains are matched by their key, then by name, and take the
exported values; a file that does not fit the schema is refused before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Column, Table, func, insert, select, text, update
from sqlalchemy.orm import Session

from teamlead.data.export_format import FORMAT, FORMAT_VERSION, CellError, export_tables, read_cell
from teamlead.data.search_maintenance import pause_search_index, rebuild_search_index
from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.importing.readers import Cell, Source
from teamlead.rules.text import identity_key

KEPT_TABLES = ("domain", "teamlead_meta")
"""What a new database already holds; every other table must be empty."""
BATCH = 5_000


def is_export(source: Source) -> bool:
    """The first sheet is ``About`` and says ``format`` = ``teamlead-export``."""
    if not source.tables or source.tables[0].name != "About":
        return False
    return _about(source).get("format") == FORMAT


def _about(source: Source) -> dict[str, Cell]:
    return {
        str(cells[0]): cells[1] if len(cells) > 1 else None for _, cells in source.tables[0].rows if cells
    }


def _refuse(source: Source, reason: str) -> UserError:
    return UserError(tr("Cannot import {name}: {reason}", name=source.path.name, reason=reason))


def check_export(session: Session, source: Source) -> None:
    """Refuse another format version, or a database that already holds records."""
    version = _about(source).get("format_version")
    if not isinstance(version, int | float) or version != FORMAT_VERSION:
        raise _refuse(
            source,
            tr(
                "it is an export of format version {version}; this Teamlead reads version {expected}.",
                version=version,
                expected=FORMAT_VERSION,
            ),
        )
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


def _converter(source: Source, table: Table, column: Column[Any]) -> Callable[[int, Cell], Any]:
    """Turns a cell into the column's value, refusing what does not fit with sheet, row, column and reason."""

    def convert(row: int, value: Cell) -> Any:
        try:
            return read_cell(column, value)
        except CellError as error:
            raise _refuse(
                source,
                tr(
                    "sheet {sheet}, row {row}, column {column}: {reason}",
                    sheet=table.name,
                    row=row,
                    column=column.name,
                    reason=error.reason,
                ),
            ) from None

    return convert


def _records(source: Source, table: Table) -> list[dict[str, Any]]:
    sheet = source.table(table.name)
    if sheet is None:
        raise _refuse(source, tr("the sheet {sheet} is missing.", sheet=table.name))
    if not sheet.rows:
        raise _refuse(source, tr("the sheet {sheet} has no header row.", sheet=table.name))
    headers = [str(value) if value is not None else "" for value in sheet.rows[0][1]]
    wanted = [column.name for column in table.columns]
    missing = [name for name in wanted if name not in headers]
    if missing:
        raise _refuse(
            source,
            tr(
                "the sheet {sheet} lacks the columns {columns}.", sheet=table.name, columns=", ".join(missing)
            ),
        )
    positions = [
        (column.name, headers.index(column.name), _converter(source, table, column))
        for column in table.columns
    ]
    records = []
    for row, cells in sheet.rows[1:]:
        records.append(
            {
                name: convert(row, cells[index] if index < len(cells) else None)
                for name, index, convert in positions
            }
        )
    return records


def load_export(
    session: Session, source: Source, progress: Callable[[float, str], None] | None = None
) -> dict[str, int]:
    """Insert every record of the export in ``session``'s transaction; returns the rows per table."""
    check_export(session, source)
    report = progress or (lambda share, message: None)
    tables = export_tables()
    everything = {table.name: _records(source, table) for table in tables}
    domain_ids = _domains(session, everything["domain"])
    counts: dict[str, int] = {}
    pause_search_index(session.connection())  # one rebuild at the end: the database was empty
    audited = session.scalar(select(func.count()).select_from(tables[0].metadata.tables["audit_entry"]))
    for position, table in enumerate(tables):
        rows = everything[table.name]
        if table.name == "domain":
            counts[table.name] = len(rows)
            continue
        if table.name == "teamlead_meta":
            present = set(session.scalars(select(table.c.key)))
            rows = [row for row in rows if row["key"] not in present]
        if table.name == "audit_entry" and audited:
            rows = [{k: v for k, v in row.items() if k != "id"} for row in rows]
        if "domain_id" in table.c:
            for row in rows:
                if row["domain_id"] is not None:
                    row["domain_id"] = domain_ids.get(row["domain_id"], row["domain_id"])
        for begin in range(0, len(rows), BATCH):
            session.execute(insert(table), rows[begin : begin + BATCH])
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


def _domains(session: Session, rows: list[dict[str, Any]]) -> dict[int, int]:
    """Exported domain id -> this database's: matched by key, then by name, taking the exported values.

    Nothing refers to a domain yet (the database is empty), so a matched one simply takes the exported name,
    position and key; the others are added, keeping their exported id where it is free.
    """
    table = export_tables()[0].metadata.tables["domain"]
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
