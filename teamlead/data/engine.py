"""Where the database is and how to connect to it: URL resolution, engines, connection settings."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from teamlead import APP_NAME
from teamlead.errors import UsageError
from teamlead.i18n import tr

DATABASE_ENV = "TEAMLEAD_DATABASE"
DEFAULT_FILENAME = "teamlead.sqlite3"
BUSY_TIMEOUT_MS = 5000


def default_database_path() -> Path:
    """``teamlead.sqlite3`` in the user's data folder (platformdirs, app name Teamlead)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / DEFAULT_FILENAME


def resolve_url(target: str | os.PathLike[str] | None) -> URL:
    """Turn ``--database`` (a path or an SQLAlchemy URL), else ``TEAMLEAD_DATABASE``, else the default, into a URL.

    ``postgresql://`` means psycopg 3, as ``shared/interface.md`` promises.
    """
    if target is None:
        target = os.environ.get(DATABASE_ENV) or default_database_path()
    text = os.fspath(target)
    if "://" not in text:
        return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser().absolute()))
    try:
        url = make_url(text)
    except ArgumentError as error:
        raise UsageError(tr("Not a database path or URL: {target}", target=text)) from error
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def sqlite_path(url: URL) -> Path | None:
    """The file behind an SQLite URL, or None for in-memory and other backends."""
    if not is_sqlite(url) or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any, *, wal: bool) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA secure_delete=ON")
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def make_engine(url: URL, *, wal: bool = True) -> Engine:
    """An engine with Teamlead's connection settings.

    SQLite: foreign keys on, WAL (off in sync folders, see the safety work), a busy timeout so a second process
    waits instead of failing, and ``secure_delete`` so erased text does not linger in free pages.
    """
    if is_sqlite(url):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, record: Any) -> None:
            # pysqlite opens transactions lazily; let SQLAlchemy's BEGIN be the only one.
            dbapi_connection.isolation_level = None
            _set_sqlite_pragmas(dbapi_connection, record, wal=wal)

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True)
