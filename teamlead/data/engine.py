"""Where the database is and how to connect to it: URL resolution, engines, connection settings."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError

from teamlead.data.access.refusals import login_refused
from teamlead.data.sqlite_file import BUSY_TIMEOUT_MS, read_only_uri
from teamlead.errors import DatabaseError, ServerUnreachableError, UsageError, error_text
from teamlead.i18n import tr
from teamlead.rules.audit import user_from_role
from teamlead.rules.files import disk_full_message, no_room
from teamlead.rules.limits import path_too_long
from teamlead.rules.locations import DATABASE_ENV, default_database_path

WRITES = "teamlead_writes"
"""Execution option of a write transaction (:func:`writing`)."""


SUPPORTED = {
    "sqlite": "sqlite+pysqlite",
    "sqlite+pysqlite": "sqlite+pysqlite",
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
}
"""The URL schemes Teamlead opens, and the driver each means (``postgresql://`` is psycopg 3, as
``shared/interface.md`` promises)."""


def resolve_url(target: str | os.PathLike[str] | None) -> URL:
    """``--database`` (a path or an SQLAlchemy URL), else ``TEAMLEAD_DATABASE``, else the default, as a URL.

    Anything else than an SQLite file (a path, or ``sqlite:///path``) or a PostgreSQL URL is wrong usage: an
    in-memory SQLite database would vanish at the end of the command, and other schemes have no driver here.
    """
    if target is None:
        target = os.environ.get(DATABASE_ENV) or default_database_path()
    text = os.fspath(target)
    if "://" not in text:
        return URL.create("sqlite+pysqlite", database=_file_path(text, text))
    try:
        url = make_url(text)
    except (ArgumentError, ValueError) as error:  # ValueError: a host like [::1 without its bracket
        raise UsageError(tr("Not a database path or URL: {target}", target=text)) from error
    driver = SUPPORTED.get(url.drivername)
    if driver is None:
        raise UsageError(
            tr(
                "{scheme}:// is not a database Teamlead can use. Give an SQLite file (a path, or "
                "sqlite:///PATH) or a PostgreSQL URL (postgresql://USER@HOST/DATABASE).",
                scheme=url.drivername,
            )
        )
    url = url.set(drivername=driver)
    if driver.startswith("sqlite"):
        if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
            raise UsageError(
                tr("{target} names no file: write sqlite:///PATH, or give the path alone.", target=text)
            )
        url = url.set(database=_file_path(url.database, text))
    return url


def _file_path(path: str, given: str) -> str:
    """The absolute path of an SQLite file, or wrong usage when the file system would refuse it as too long."""
    absolute = str(Path(path).expanduser().absolute())
    problem = path_too_long(absolute)
    if problem is not None:
        raise UsageError(
            tr("--database: {target} is too long: {problem}.", target=given[:60], problem=problem)
        )
    return absolute


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
        cursor.execute("PRAGMA temp_store=MEMORY")  # large sorts (the city's registers) stay off the disk
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def display_name(url: URL) -> str:
    """How messages name a database: the file, or the URL without its password and with the person's own
    user name (not the database role that carries the database's prefix)."""
    path = sqlite_path(url)
    if path:
        return str(path)
    if url.username:
        url = url.set(username=user_from_role(url.username))
    return url.render_as_string(hide_password=True)


def sqlite_error_name(error: BaseException) -> str:
    """The SQLite result code name (``SQLITE_BUSY``, ``SQLITE_CORRUPT``...) of an sqlite3 error, or ``""``."""
    return str(getattr(error, "sqlite_errorname", "") or "")


def environment_error(name: str, error: BaseException) -> DatabaseError | None:
    """The user's words for a failure of the environment (locked, read-only, full, damaged, server gone).

    ``name`` is how to call the database (:func:`display_name`). Returns None for anything else: those are
    bugs and keep their traceback.
    """
    code = sqlite_error_name(error)
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return DatabaseError(
            tr(
                "{name} is in use by another program (another Teamlead?), which is writing to it. "
                "Nothing was changed; try again in a moment.",
                name=name,
            )
        )
    if code.startswith("SQLITE_READONLY"):
        return DatabaseError(
            tr(
                "Teamlead cannot write to {name}: the file or its folder is read-only. "
                "Check its permissions, or move it to a folder you can write to.",
                name=name,
            )
        )
    if code == "SQLITE_FULL" or (
        code.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) and no_room(Path(name))
    ):  # SQLite says "disk I/O error" when growing its -shm or journal found the disk full
        return DatabaseError(disk_full_message(name))
    if code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return DatabaseError(
            tr(
                "{name} is damaged and cannot be opened. Restore a backup with 'teamlead restore'.",
                name=name,
            )
        )
    if code.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")):
        return DatabaseError(tr("Cannot open {name}: {reason}", name=name, reason=error_text(error)))
    if server_unreachable(error) and not login_refused(error):  # a refused login is asked for again instead
        return ServerUnreachableError(
            tr(
                "Cannot reach the database server for {name}: {reason}. "
                "Check that the server runs and the URL is right.",
                name=name,
                reason=error_text(error),
            )
        )
    return None


SERVER_GONE = ("OperationalError", "InterfaceError")
"""psycopg's classes for a server that cannot be used now (every subclass too: ``AdminShutdown`` when the
server is stopped the normal way, ``ConnectionFailure``, ``DiskFull``, ``DeadlockDetected``…) and for a
connection that is gone. Matched by name along the class's ancestry, so SQLite-only installs need no
psycopg."""


def server_unreachable(error: BaseException) -> bool:
    """Whether ``error`` (itself, not its causes) is psycopg's word for a server that is gone or unusable."""
    return any(
        kind.__module__.startswith("psycopg") and kind.__name__ in SERVER_GONE for kind in type(error).__mro__
    )


def _translate_errors(engine: Engine, url: URL) -> None:
    """Turn environment failures raised anywhere on ``engine`` into :class:`DatabaseError` messages."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        translated = environment_error(display_name(url), context.original_exception)
        if translated is not None:
            raise translated from context.original_exception


def writing(engine: Engine) -> Engine:
    """``engine`` for transactions that write. On SQLite they begin ``IMMEDIATE``: the write lock is taken at
    the start, waiting up to the busy timeout while another program writes. A transaction that starts as a
    reader and writes later cannot wait (its snapshot would be stale) and fails at once when someone else
    wrote meanwhile. Readers stay deferred, so a long export never holds back anyone's save."""
    return engine.execution_options(**{WRITES: True})


def _read_only_creator(path: Path) -> Any:
    def connect() -> sqlite3.Connection:
        with path.open("rb") as handle:
            header = handle.read(100)
        uri = read_only_uri(path, header)
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

    return connect


def make_engine(url: URL, *, wal: bool = True, read_only: bool = False) -> Engine:
    """An engine with Teamlead's connection settings.

    SQLite: foreign keys on, WAL (off in sync folders, see :mod:`teamlead.rules.locations`), a busy timeout so
    a second process waits instead of failing (write transactions take the lock at their start, see
    :func:`writing`), and ``secure_delete`` so erased text does not linger in free pages. ``read_only``: for a
    file Teamlead may not write, opened for reading only. On every backend, a locked file, a full disk or an
    unreachable server raise :class:`DatabaseError` in words.
    """
    if is_sqlite(url):
        path = sqlite_path(url)
        arguments: dict[str, Any] = {"connect_args": {"timeout": BUSY_TIMEOUT_MS / 1000}}
        if read_only and path is not None:
            arguments = {"creator": _read_only_creator(path)}
        engine = create_engine(url, **arguments)
        _translate_errors(engine, url)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, record: Any) -> None:
            # pysqlite opens transactions lazily; let SQLAlchemy's BEGIN be the only one.
            dbapi_connection.isolation_level = None
            _set_sqlite_pragmas(dbapi_connection, record, wal=wal and not read_only)

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Any) -> None:
            writes = connection.get_execution_options().get(WRITES, False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if writes and not read_only else "BEGIN")

        return engine
    # JIT compiling once cost 0.6 s on a 40 ms roster query: the screens' queries are short, JIT never pays.
    engine = create_engine(url, pool_pre_ping=True, connect_args={"options": "-c jit=off"})
    _translate_errors(engine, url)
    return engine
