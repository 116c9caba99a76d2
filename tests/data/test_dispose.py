"""Disposing of a database closes every connection, also one a worker thread still used at that moment.

A connection in use when the database was disposed went back to the replaced pool and stayed open until the
garbage collector found it: a PostgreSQL server connection held meanwhile, and psycopg's "connection was
deleted while still open" ResourceWarning in whichever later test the collector happened to run.
"""

from __future__ import annotations

import sqlite3
import threading

from sqlalchemy import text

from teamlead.data.database import Database


def _is_closed(raw: object) -> bool:
    if isinstance(raw, sqlite3.Connection):
        try:
            raw.execute("SELECT 1")
        except sqlite3.ProgrammingError:
            return True
        return False
    return bool(raw.closed)  # type: ignore[attr-defined] # psycopg


def test_a_connection_in_use_when_disposed_is_closed_when_it_comes_back(database: Database) -> None:
    seen: list[object] = []
    in_use, disposed = threading.Event(), threading.Event()

    def worker() -> None:  # as a TaskRunner worker reads while the window closes its database
        with database.session() as session:
            session.execute(text("SELECT 1"))
            seen.append(session.connection().connection.dbapi_connection)
            in_use.set()
            disposed.wait(10)

    thread = threading.Thread(target=worker)
    thread.start()
    assert in_use.wait(10)
    database.dispose()
    assert not _is_closed(seen[0])  # still in use: the worker's read is not cut off
    disposed.set()
    thread.join(10)
    assert _is_closed(seen[0])


def test_a_connection_opened_after_disposal_is_closed_when_it_comes_back(database: Database) -> None:
    database.dispose()
    with database.session() as session:  # a late read still works ...
        assert session.execute(text("SELECT 1")).scalar() == 1
        raw = session.connection().connection.dbapi_connection
    assert _is_closed(raw)  # ... and leaves nothing open behind
