"""Consistent copies of an SQLite database through its backup API (putting one back: :mod:`teamlead.data.restore`).

Never a file copy of a live database: the backup API reads one consistent snapshot even while other processes
write. Every file written here appears whole or not at all (a temporary file beside it, renamed at the end),
for its owner only.
"""

from __future__ import annotations

import glob
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import URL

from teamlead.data.engine import display_name, environment_error, sqlite_path
from teamlead.errors import DatabaseError, UsageError
from teamlead.i18n import tr
from teamlead.rules.files import PRIVATE, atomic_target, file_name

if TYPE_CHECKING:
    from teamlead.data.database import Database

BACKUP_FOLDER = "backups"


def default_backup_path(
    database: Path, label: str = "", *, folder: Path | None = None, now: datetime | None = None
) -> Path:
    """A new file in ``folder`` (default ``backups/`` beside ``database``), named with the date and time."""
    stamp = (now or datetime.now()).strftime("%Y-%m-%d-%H%M%S")  # no ':' (Windows refuses it in names)
    stem = "-".join(part for part in (database.stem, file_name(label) if label else "", stamp) if part)
    folder = folder if folder is not None else database.parent / BACKUP_FOLDER
    candidate = folder / f"{stem}{database.suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{database.suffix}"
        number += 1
    return candidate


def copy_into(source: sqlite3.Connection, target: Path) -> Path:
    """Copy ``source`` into a temporary file beside ``target``, then rename it over ``target`` (owner only;
    a folder made for it, such as ``backups/``, too)."""
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseError(
            tr("Cannot write {path}: {reason}", path=target, reason=error.strerror or error)
        ) from error
    try:
        with atomic_target(target, mode=PRIVATE) as partial:
            copy = sqlite3.connect(partial, isolation_level=None)
            try:
                source.backup(copy)  # one step: a single consistent snapshot, however busy the source is
                copy.execute("PRAGMA journal_mode=DELETE")  # a lone file, no -wal to lose when it is moved
            finally:
                copy.close()
    except sqlite3.Error as error:
        translated = environment_error(str(target), error)
        if translated is None:
            raise
        raise translated from error
    return target


def backup_sqlite(source: Path | sqlite3.Connection, target: Path) -> Path:
    """Copy the database ``source`` (a file, or an open connection to one) to ``target``, consistently.

    A file is read through a plain connection, so that when it is the last one to close, SQLite tidies its
    ``-wal`` and ``-shm`` files away as usual.
    """
    if isinstance(source, sqlite3.Connection):
        return copy_into(source, target)
    connection = sqlite3.connect(source, isolation_level=None, timeout=30)
    try:
        return copy_into(connection, target)
    finally:
        connection.close()


def aside_path(database: Path, *, now: datetime | None = None) -> Path:
    """Where ``restore`` keeps the database it replaces: beside it, named with the date and time."""
    stamp = (now or datetime.now()).strftime("%Y-%m-%d-%H%M%S")
    candidate = database.with_name(f"{database.stem}-replaced-{stamp}{database.suffix}")
    number = 2
    while candidate.exists():
        candidate = database.with_name(f"{database.stem}-replaced-{stamp}-{number}{database.suffix}")
        number += 1
    return candidate


def replaced_copies(database: Path) -> list[Path]:
    """The databases ``restore`` set aside beside ``database`` (:func:`aside_path`), oldest name first."""
    pattern = f"{glob.escape(database.stem)}-replaced-*{glob.escape(database.suffix)}"
    sidecar = ("-wal", "-shm", "-journal")  # beside a copy, not copies themselves (a name without a suffix)
    return sorted(
        path for path in database.parent.glob(pattern) if path.is_file() and not path.name.endswith(sidecar)
    )


def backup_database(database: Database, target: Path | None = None) -> Path:
    """``teamlead backup``: a consistent copy of the open SQLite ``database`` at ``target``.

    Without ``target``, a new dated file in ``backups/`` beside the database; a folder as ``target`` gets such
    a file inside it; an existing file is replaced (atomically).
    """
    path = database.path
    if path is None:
        refuse_server(database.url, tool="pg_dump")
        raise AssertionError("unreachable: a server database has no path")
    if target is None:
        target = default_backup_path(path)
    elif target.is_dir():
        target = default_backup_path(path, folder=target)
    if target.absolute() == path.absolute():
        raise UsageError(tr("The backup cannot replace the database itself; choose another file."))
    with database.engine.connect() as connection:
        source = connection.connection.driver_connection
        assert isinstance(source, sqlite3.Connection)
        return copy_into(source, target)


def refuse_server(url: URL, *, tool: str) -> None:
    """``backup`` and ``restore`` are for SQLite files; a server has its own (``pg_dump``, ``pg_restore``)."""
    if sqlite_path(url) is None:
        raise DatabaseError(
            tr(
                "{name} is on a database server: use the server's own tool, {tool}, for this.",
                name=display_name(url),
                tool=tool,
            )
        )
