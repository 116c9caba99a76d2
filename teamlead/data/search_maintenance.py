"""Keeping the search index sound: refill it after a bulk load or a repair; check it for ``teamlead check``.

The triggers keep the index right under every write; these are for what triggers cannot see: a table rebuilt
by a batch migration (SQLite drops a table's triggers with it), a file damaged on disk, or a loader that chose
to fill the tables first and index once at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from teamlead.data import search_schema as schema
from teamlead.errors import DatabaseError
from teamlead.i18n import tr, trn


def pause_search_index(connection: Connection) -> None:
    """Make the triggers skip indexing in this transaction, until :func:`rebuild_search_index`.

    Only this transaction sees the pause until it commits (other writers keep indexing), and a rollback undoes
    it. A committed pause leaves the index stale: :func:`check_search_index` reports it.
    """
    if connection.scalar(text(schema.PAUSED)) is None:
        connection.execute(
            text("INSERT INTO teamlead_meta (key, value) VALUES (:key, '1')"), {"key": schema.PAUSE_KEY}
        )


def may_rebuild_search_index(connection: Connection) -> bool:
    """Whether this connection may rebuild the index (:func:`rebuild_search_index`): always on SQLite; on
    PostgreSQL only as the owner of its tables. Anyone else reads only their districts' records, so a rebuild
    of theirs would empty the index of every other district; their bulk loads index row by row instead."""
    if connection.dialect.name == "sqlite":
        return True
    owner = "(SELECT relowner FROM pg_class WHERE oid = to_regclass(:table))"
    return bool(
        connection.scalar(text(f"SELECT pg_has_role({owner}, 'USAGE')"), {"table": schema.KINDS[0].index})
    )


@contextmanager
def search_index_paused(connection: Connection) -> Iterator[None]:
    """For bulk loads: no indexing row by row inside the block, one rebuild at its end.

    Loading the city demo's 200,000 notes through the triggers costs about 150 µs a note on SQLite (FTS5 writes
    a segment per statement); pausing and rebuilding costs a few seconds in all.
    """
    pause_search_index(connection)
    yield
    rebuild_search_index(connection)


def rebuild_search_index(connection: Connection) -> None:
    """Empty the index and index every organisation, person, role and note again, in this transaction.

    It also ends a pause (:func:`pause_search_index`): the triggers index row by row again afterwards.

    On SQLite the FTS5 segments are merged afterwards (``optimize``), which also makes queries after a bulk
    load faster; on PostgreSQL the GIN indexes are built afresh after the fill (filled through them, they
    would hold thousands of documents in their pending lists, which every search reads in full) and the index
    tables analysed so the planner knows their new size.
    """
    connection.execute(text("DELETE FROM teamlead_meta WHERE key = :key"), {"key": schema.PAUSE_KEY})
    if connection.dialect.name == "sqlite":
        for kind in schema.KINDS:
            connection.exec_driver_sql(schema.sqlite_empty(kind))
            connection.exec_driver_sql(schema.sqlite_fill(kind))
            connection.exec_driver_sql(f"INSERT INTO {kind.index}({kind.index}) VALUES ('optimize')")
        return
    for kind in schema.KINDS:  # the GIN index dropped and built again in bulk: faster, and nothing pending
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS ix_{kind.index}_document")
        connection.exec_driver_sql(f"TRUNCATE {kind.index}")
        connection.exec_driver_sql(schema.pg_fill(kind))
        connection.exec_driver_sql(schema.pg_create_index(kind))
        connection.exec_driver_sql(f"ANALYZE {kind.index}")


def optimize_search_index(connection: Connection) -> None:
    """Merge the index into as few pieces as possible (SQLite) or refresh its statistics (PostgreSQL).

    For after a bulk load through the triggers: the index is right already, this only makes it faster.
    """
    for kind in schema.KINDS:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql(f"INSERT INTO {kind.index}({kind.index}) VALUES ('optimize')")
        else:
            connection.exec_driver_sql(f"ANALYZE {kind.index}")


def check_search_index(connection: Connection) -> list[str]:
    """What is wrong with the search index, in words for the user; empty when it is sound. Changes nothing."""
    problems: list[str] = []
    sqlite = connection.dialect.name == "sqlite"
    expected = schema.sqlite_trigger_names() if sqlite else schema.pg_trigger_names()
    if sqlite:
        present = set(connection.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    else:
        present = set(connection.scalars(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")))
    missing = [name for name in expected if name not in present]
    if connection.scalar(text(schema.PAUSED)) is not None:
        problems.append(tr("The search index was paused for a bulk load and not rebuilt afterwards."))
    if missing:
        problems.append(
            tr(
                "The search index is not kept up to date: triggers are missing ({names}).",
                names=", ".join(missing),
            )
        )
    for kind in schema.KINDS:
        if sqlite:
            try:
                connection.exec_driver_sql(
                    f"INSERT INTO {kind.index}({kind.index}, rank) VALUES ('integrity-check', 1)"
                )
            except (DBAPIError, DatabaseError):  # DatabaseError: Teamlead's engines word SQLITE_CORRUPT
                problems.append(tr("The search index of {table} is damaged.", table=kind.table))
                continue
        indexed = "rowid" if sqlite else "id"
        unindexed = _count_missing(
            connection, f"SELECT id FROM {kind.table}", f"SELECT {indexed} FROM {kind.index}"
        )
        stale = _count_missing(
            connection, f"SELECT {indexed} FROM {kind.index}", f"SELECT id FROM {kind.table}"
        )
        if unindexed or stale:
            problems.append(
                tr(
                    "The search index of {table} does not match the data: {missing}, {extra}.",
                    table=kind.table,
                    missing=trn("{count} record missing", "{count} records missing", unindexed),
                    extra=trn(
                        "{count} record that no longer exists", "{count} records that no longer exist", stale
                    ),
                )
            )
    return problems


def _count_missing(connection: Connection, rows: str, among: str) -> int:
    """How many ids of ``rows`` are not among the ids of ``among``."""
    return int(connection.scalar(text(f"SELECT count(*) FROM ({rows} EXCEPT {among}) AS d")) or 0)
