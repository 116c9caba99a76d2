"""Looking at an SQLite file without changing it: is it a Teamlead database, which schema, is it sound?

Everything here reads through a read-only connection. A quiet WAL-mode file (no ``-wal`` beside it, so no
one has it open) is read as ``immutable``, because even a ``mode=ro`` connection would leave ``-wal`` and
``-shm`` files behind; if the file changes while it is read that way, the look is repeated with ``mode=ro``.
So ``check``, and the look :func:`teamlead.data.database.open_database` takes before it writes anything,
leave a file that cannot be used byte-for-byte as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from teamlead.data import look_ahead, migrate
from teamlead.data.engine import environment_error, sqlite_error_name
from teamlead.data.sqlite_file import BUSY_TIMEOUT_MS, file_fingerprint, read_only_uri
from teamlead.errors import DatabaseError
from teamlead.i18n import tr, trn
from teamlead.rules.scratch import scratch_folder

SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION = "teamlead"
HEADER_SIZE = 100


class State(StrEnum):
    """What a database is, as far as Teamlead is concerned."""

    MISSING = "missing"  # no file (or, on a server, no database)
    NEW = "new"  # a zero-byte file, or an SQLite file without any table: Teamlead may create its schema
    NOT_SQLITE = "not-sqlite"  # some other kind of file
    DAMAGED = "damaged"
    FOREIGN = "foreign"  # a sound database of another program
    CURRENT = "current"
    OLD = "old"  # an older Teamlead schema, upgradable
    NEWER = "newer"  # made by a newer Teamlead


USABLE = frozenset({State.NEW, State.CURRENT, State.OLD})


@dataclass(frozen=True)
class Inspection:
    """The result of looking at a database: its state, schema revision and any problems found."""

    state: State
    revision: str | None = None
    problems: tuple[str, ...] = ()
    foreign_keys: tuple[str, ...] = ()
    search: tuple[str, ...] = field(default=())
    districtless: tuple[int, ...] = ()
    """Records without a district, per :class:`~teamlead.rules.vocabulary.DistrictedKind` (a warning, not
    a problem: the database is sound, they just count in no district's figures)."""

    @property
    def sound(self) -> bool:
        return not (self.problems or self.foreign_keys or self.search)


def sidecars(path: Path) -> list[Path]:
    """The files SQLite keeps beside a database while it is in use or after a crash."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def require_regular_file(path: Path) -> None:
    """Refuse at once what is there but is no ordinary file: reading a FIFO (a named pipe) would wait forever
    for a writer, and a device or socket is no database."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # missing or unreadable: said by whoever opens it
    if stat.S_ISDIR(mode):
        raise DatabaseError(tr("{path} is a folder, not a database file.", path=path))
    if not stat.S_ISREG(mode):
        raise DatabaseError(
            tr("{path} is not an ordinary file (a pipe, a device or a socket), so not a database.", path=path)
        )


def read_header(path: Path) -> bytes:
    require_regular_file(path)
    try:
        with path.open("rb") as handle:
            return handle.read(HEADER_SIZE)
    except IsADirectoryError as error:
        raise DatabaseError(tr("{path} is a folder, not a database file.", path=path)) from error
    except OSError as error:
        raise DatabaseError(
            tr("Cannot read {path}: {reason}", path=path, reason=error.strerror or error)
        ) from error


def header_problem(path: Path, header: bytes) -> str | None:
    """Damage visible in the 100-byte header alone: a bad page size, or a file shorter than it says it is."""
    if len(header) < HEADER_SIZE:
        return tr("the file is shorter than an SQLite header")
    raw_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if raw_size == 1 else raw_size
    if page_size < 512 or page_size & (page_size - 1):
        return tr("the header names an impossible page size")
    file_size = path.stat().st_size
    if file_size % page_size:
        return tr("the file does not end on a page boundary (it was cut off or appended to)")
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]
    wal = path.with_name(path.name + "-wal")
    if valid and pages and file_size < pages * page_size and not wal.exists():
        return trn(
            "the file holds {have} of its {count} page (it was cut off)",
            "the file holds {have} of its {count} pages (it was cut off)",
            pages,
            have=file_size // page_size,
            pages=pages,
        )
    return None


@contextmanager
def read_only(path: Path, header: bytes, *, immutable: bool | None = None) -> Iterator[sqlite3.Connection]:
    """A connection that cannot change ``path`` nor leave files beside it (see the module docstring)."""
    connection = sqlite3.connect(
        read_only_uri(path, header, immutable=immutable),
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
    )
    try:
        yield connection
    finally:
        connection.close()


def schema_revision(connection: sqlite3.Connection) -> tuple[State, str | None]:
    """Which Teamlead schema (if any) the connected database holds."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return State.NEW, None
    if not {"teamlead_meta", "alembic_version"} <= tables:
        return State.FOREIGN, None
    try:
        application = connection.execute(
            "SELECT value FROM teamlead_meta WHERE key = 'application'"
        ).fetchone()
        revisions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.OperationalError as error:
        if sqlite_error_name(error) == "SQLITE_ERROR":  # the tables exist but are not ours
            return State.FOREIGN, None
        raise
    if application is None or application[0] != APPLICATION or len(revisions) != 1:
        return State.FOREIGN, None
    revision = str(revisions[0])
    if revision == migrate.head_revision():
        return State.CURRENT, revision
    if revision in migrate.known_revisions():
        return State.OLD, revision
    return State.NEWER, revision


def inspect_sqlite(path: Path, *, thorough: bool = False) -> Inspection:
    """Look at the SQLite file ``path`` without changing it.

    ``thorough`` (the ``check`` command) runs the full ``integrity_check``, the foreign key check and the
    search index check; otherwise the faster ``quick_check`` (a fraction of a second on a city-sized
    database) is enough to refuse a damaged file before anything writes to it.
    """
    if not path.exists():
        return Inspection(State.MISSING)
    header = read_header(path)  # a pipe or a device is refused here, before anything waits on it
    if not header:
        return Inspection(State.NEW)
    if not header.startswith(SQLITE_HEADER):
        return Inspection(State.NOT_SQLITE)
    problem = header_problem(path, header)
    if problem is not None:
        return Inspection(State.DAMAGED, problems=(problem,))
    before = file_fingerprint(path)
    result = _inspect_open(path, header, thorough=thorough, immutable=None)
    if file_fingerprint(path) != before:  # written to while we looked without locks: look again, properly
        result = _inspect_open(path, read_header(path), thorough=thorough, immutable=False)
    return result


def _inspect_open(path: Path, header: bytes, *, thorough: bool, immutable: bool | None) -> Inspection:
    try:
        with read_only(path, header, immutable=immutable) as connection:
            pragma = "integrity_check" if thorough else "quick_check"
            lines = None if thorough else look_ahead.taken(path)
            if lines is None:
                lines = [str(row[0]) for row in connection.execute(f"PRAGMA {pragma}(20)")]
            if lines != ["ok"]:
                return Inspection(State.DAMAGED, problems=tuple(lines))
            state, revision = schema_revision(connection)
            if not thorough or state not in (State.CURRENT, State.OLD):
                return Inspection(state, revision)
            foreign_keys = tuple(
                tr("row {row} of {table} points to a missing {parent}", row=row, table=table, parent=parent)
                for table, row, parent, _index in connection.execute("PRAGMA foreign_key_check")
            )
            districtless = _districtless(connection) if state is State.CURRENT else ()
        # An older schema may predate the index; the upgrade builds it.
        search = tuple(search_index_problems(path, header)) if state is State.CURRENT else ()
    except sqlite3.DatabaseError as error:
        return Inspection(State.DAMAGED, problems=(_unreadable(path, error),))
    return Inspection(state, revision, foreign_keys=foreign_keys, search=search, districtless=districtless)


def _districtless(connection: sqlite3.Connection) -> tuple[int, ...]:
    from teamlead.data.queries.districtless import count_statement

    row = connection.execute(count_statement()).fetchone()
    return tuple(int(count) for count in row) if row else ()


def _unreadable(path: Path, error: sqlite3.DatabaseError) -> str:
    """A read failure in words; locks and permissions are not damage, so they raise instead."""
    code = sqlite_error_name(error)
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_IOERR")):
        translated = environment_error(str(path), error)
        raise translated or DatabaseError(str(error)) from error
    return str(error)


def search_index_problems(path: Path, header: bytes) -> list[str]:
    """The search index's own check (:func:`~teamlead.data.search_maintenance.check_search_index`).

    FTS5's ``integrity-check`` is a write statement, so it runs on a private temporary copy of the database
    (taken with the backup API) in Teamlead's own scratch folder, never on the file itself.
    """
    from sqlalchemy import create_engine
    from sqlalchemy.engine import URL

    from teamlead.data.search_maintenance import check_search_index

    with tempfile.TemporaryDirectory(prefix="teamlead-check-", dir=scratch_folder()) as folder:
        copy_path = Path(folder) / "copy.sqlite3"
        with read_only(path, header) as connection:
            copy = sqlite3.connect(copy_path)
            try:
                connection.backup(copy)
            finally:
                copy.close()
        engine = create_engine(URL.create("sqlite+pysqlite", database=str(copy_path)))
        try:
            with engine.connect() as copied:
                return check_search_index(copied)
        finally:
            engine.dispose()


def file_in_use(path: Path) -> bool:
    """Whether another process has the SQLite file open right now (POSIX record locks; False elsewhere).

    SQLite keeps a shared lock on the database file (WAL mode) or on the ``-shm`` file for as long as a
    connection is open; ``F_GETLK`` asks about it without taking any lock itself.
    """
    try:
        import fcntl
        import struct
    except ImportError:  # Windows: renaming an open file fails there anyway
        return False
    pending_byte = 0x40000000
    probes = [(path, pending_byte, 512), (path.with_name(path.name + "-shm"), 120, 16)]
    for file, start, length in probes:
        if not file.exists():
            continue
        try:
            with file.open("rb") as handle:
                query = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, start, length, 0)
                answer = fcntl.fcntl(handle, fcntl.F_GETLK, query)
        except OSError:
            continue
        if struct.unpack("hhqqi", answer)[0] != fcntl.F_UNLCK:
            return True
    return False


def refusal(name: str, inspection: Inspection) -> str:
    """Why Teamlead will not use this database, and what to do: for every state outside :data:`USABLE`."""
    match inspection.state:
        case State.MISSING:
            return tr("There is no database at {name}.", name=name)
        case State.NOT_SQLITE:
            return tr(
                "{name} is not a Teamlead database (it is not an SQLite file). "
                "Choose another file, or restore a backup with 'teamlead restore'.",
                name=name,
            )
        case State.DAMAGED:
            return tr(
                "{name} is damaged ({detail}). Teamlead left it as it is. Restore a backup with "
                "'teamlead restore FILE' (Teamlead keeps them in the folder 'backups' beside the database).",
                name=name,
                detail="; ".join(inspection.problems[:3]),
            )
        case State.FOREIGN:
            return tr(
                "{name} is not a Teamlead database: it holds other tables. Choose another database.",
                name=name,
            )
        case State.NEWER:
            return tr(
                "{name} was made by a newer version of Teamlead (schema {revision}). "
                "Update Teamlead to open it.",
                name=name,
                revision=inspection.revision,
            )
        case _:
            raise ValueError(f"{inspection.state} is usable")
