"""Making deleted and replaced text unrecoverable from an SQLite file, after an erasure or a retention deletion.

A committed delete or update leaves the old words behind in three places: the full-text index (FTS5 keeps a
deleted note's words in its segments, marked deleted, until they are merged), the file's free pages and the
WAL. :func:`scrub` clears all three: the index is merged (``optimize`` rewrites every segment without what was
deleted), ``secure_delete`` (always on, see :mod:`teamlead.data.engine`) zeroes the freed pages, VACUUM
rewrites the file and the WAL is checkpointed and truncated.

On PostgreSQL the index rows go with their records (the triggers delete them); the old row versions stay in the
table files until autovacuum reclaims the space, and server backups and WAL archives are the server
administrator's to expire (``docs/safety.md``).
"""

from __future__ import annotations

import logging
import sqlite3

from teamlead.data.database import Database
from teamlead.data.engine import writing
from teamlead.data.search_maintenance import optimize_search_index

log = logging.getLogger(__name__)


def scrub(database: Database) -> bool:
    """Scrub an SQLite database's file (nothing to do on PostgreSQL); False when the WAL could not be emptied.

    Run it after the transaction that deleted the words committed. It needs the other connections of this
    process closed (the pool is disposed first) so the checkpoint can truncate the WAL; another process
    holding the file open makes it fall short, which is logged and returned.
    """
    if not database.is_sqlite:
        return True
    with writing(database.engine).begin() as connection:  # waits for another program's save
        optimize_search_index(connection)
    database.engine.dispose()
    with database.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        raw.execute("PRAGMA secure_delete=ON")
        raw.execute("VACUUM")
        busy, _log, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            log.warning("scrub: the WAL could not be emptied (the database is open elsewhere)")
    database.engine.dispose()
    return not busy
