"""The whole database as the sheets of ``teamlead export``: every table, every column, link tables too.

Gathering only: the rows stream out of the database as cells (in the format of
:mod:`teamlead.data.export_format`), one table at a time, and :mod:`teamlead.producing.export` writes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Table

from teamlead.data import migrate
from teamlead.data.database import Database
from teamlead.data.export_format import (
    ABOUT,
    ABOUT_HEADERS,
    about_rows,
    export_query,
    export_tables,
    headers,
    row_writer,
)

BATCH = 5_000


@dataclass(frozen=True, slots=True)
class ExportSheet:
    """One sheet: its name, header row and rows of cells (streamed: read them while the connection is open)."""

    name: str
    headers: Sequence[str]
    rows: Iterable[Sequence[object]]
    widths: Sequence[int] | None = None


@contextmanager
def snapshot(database: Database) -> Iterator[Connection]:
    """A connection that reads the whole database as it was at one moment, whoever writes meanwhile.

    SQLite's read transaction is such a snapshot already. PostgreSQL's default (read committed) gives every
    statement its own view: a note a colleague saved between the ``note`` and the ``note_organisation``
    sheets would leave a link to a row the workbook lacks, and the import would refuse the workbook.
    """
    with database.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        with connection.begin():
            yield connection


def export_sheets(connection: Connection, generated_at: datetime) -> Iterator[ExportSheet]:
    """``About`` first, then a sheet per table, parents before children (read them inside one
    :func:`snapshot`)."""
    about = about_rows(migrate.current_revision(connection), generated_at)
    yield ExportSheet(ABOUT, ABOUT_HEADERS, about, widths=(20, 60))
    for table in export_tables():
        yield ExportSheet(table.name, headers(table), _rows(connection, table))


def _rows(connection: Connection, table: Table) -> Iterator[Sequence[object]]:
    write = row_writer(table)
    query = export_query(table, stored_moments=True)
    result = connection.execution_options(yield_per=BATCH).execute(query)
    for partition in result.partitions():
        for row in partition:
            yield write(row)
