"""The whole database as one workbook (``teamlead export``): a sheet per table, every column, link tables too.

The layout is a contract with ``teamlead import``: first sheet ``About`` (``key``/``value`` rows with
``format`` = ``teamlead-export`` and ``format_version`` = 1), then one sheet per table named as the table, its
header row the column names (``id``, ``<kind>_id`` for links), in an order where every link points back.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Table, select

from teamlead import __version__
from teamlead.data import (
    migrate,
    models,  # noqa: F401 - every table registered on the metadata
)
from teamlead.data.base import Base
from teamlead.data.database import Database
from teamlead.reports.workbook_stream import StreamingWorkbook

FORMAT = "teamlead-export"
FORMAT_VERSION = 1
BATCH = 5_000


def export_tables() -> list[Table]:
    """Every table of the model, parents before children (the order an import inserts them in)."""
    return list(Base.metadata.sorted_tables)


def about_rows(connection: Connection, generated_at: datetime) -> list[tuple[str, object]]:
    return [
        ("format", FORMAT),
        ("format_version", FORMAT_VERSION),
        ("teamlead_version", __version__),
        ("schema_revision", migrate.current_revision(connection) or ""),
        ("generated_at", generated_at.isoformat(timespec="seconds")),
        ("datetimes", "UTC"),
        ("sheets", ", ".join(table.name for table in export_tables())),
    ]


def _rows(connection: Connection, table: Table) -> Iterator[tuple[object, ...]]:
    order = list(table.primary_key.columns) or list(table.columns)
    query = select(table).order_by(*order)
    if table.name == "teamlead_meta":  # facts about this database file, not records: a new one has its own
        query = query.where(table.c.key != "database_id", table.c.key.not_like("upgrade.%"))
    result = connection.execution_options(yield_per=BATCH).execute(query)
    for partition in result.partitions():
        for row in partition:
            yield tuple(row)


def export_database(database: Database, target: Path, generated_at: datetime) -> dict[str, int]:
    """Write the export; returns the number of rows per sheet."""
    workbook = StreamingWorkbook()
    counts: dict[str, int] = {}
    with database.engine.connect() as connection:
        workbook.add_sheet("About", ["key", "value"], about_rows(connection, generated_at), widths=[20, 60])
        for table in export_tables():
            headers = [column.name for column in table.columns]
            counts[table.name] = workbook.add_sheet(table.name, headers, _rows(connection, table))
    workbook.save(target)
    return counts
