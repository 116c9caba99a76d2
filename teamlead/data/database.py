"""Opening a Teamlead database: create it, recognise it, migrate it (after a backup), or refuse it untouched.

Every entry point (CLI, app, tests) goes through :func:`open_database`, so the rules of ``shared/interface.md``
hold everywhere: a database that cannot be opened as a Teamlead database is never changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, insert, inspect, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from teamlead.data import migrate
from teamlead.data.admin import Meta
from teamlead.data.engine import is_sqlite, make_engine, resolve_url, sqlite_path
from teamlead.data.enums import DEFAULT_DOMAINS
from teamlead.data.geography import Domain
from teamlead.errors import DatabaseError
from teamlead.i18n import tr

SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION = "teamlead"


@dataclass
class Database:
    """An open Teamlead database: its URL, engine and a session factory."""

    url: URL
    engine: Engine
    _sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None on PostgreSQL."""
        return sqlite_path(self.url)

    def display_name(self) -> str:
        """What the status bar and messages call this database (never shows a password)."""
        path = self.path
        return str(path) if path else self.url.render_as_string(hide_password=True)

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One transaction: all of it is committed, or none of it."""
        with self._sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def file_is_new(path: Path) -> bool:
    """A missing or zero-byte file counts as not existing yet."""
    return not path.exists() or path.stat().st_size == 0


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise DatabaseError(tr("{path} is a folder, not a database file.", path=path))
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseError(
            tr("Cannot read {path}: {reason}", path=path, reason=error.strerror or error)
        ) from error
    if header != SQLITE_HEADER:
        raise DatabaseError(
            tr(
                "{path} is not a Teamlead database (it is not an SQLite file). "
                "Choose another file, or restore a backup with 'teamlead restore'.",
                path=path,
            )
        )


def initialise(database: Database) -> None:
    """Create the schema of a new database and its fixed content (the default domains)."""
    with database.engine.begin() as connection:
        migrate.upgrade(connection)
    with database.begin() as session:
        session.add(Meta(key="application", value=APPLICATION))
        session.execute(
            insert(Domain),
            [
                {"key": key, "name": english, "position": position}
                for position, (key, english, _dutch) in enumerate(DEFAULT_DOMAINS)
            ],
        )


def schema_state(database: Database) -> tuple[str, str | None]:
    """(state, revision) with state one of ``empty``, ``foreign``, ``current``, ``old``, ``newer``."""
    with database.engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if not tables:
            return "empty", None
        if "teamlead_meta" not in tables or "alembic_version" not in tables:
            return "foreign", None
        application = connection.scalar(select(Meta.value).where(Meta.key == "application"))
        if application != APPLICATION:
            return "foreign", None
        revision = migrate.current_revision(connection)
    if revision == migrate.head_revision():
        return "current", revision
    if revision in migrate.known_revisions():
        return "old", revision
    return "newer", revision


def backup_before_migration(database: Database, revision: str | None) -> Path | None:
    """A consistent copy beside the file (SQLite backup API) before its schema is changed."""
    from teamlead.data.backup import backup_sqlite

    path = database.path
    if path is None:
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.parent / "backups" / f"{path.stem}-before-migration-{revision or 'none'}-{stamp}{path.suffix}"
    backup_sqlite(path, target)
    return target


def open_database(
    target: str | Path | URL | None = None, *, create: bool = True, upgrade: bool = True, wal: bool = True
) -> Database:
    """Open (and if allowed create or migrate) the Teamlead database at ``target``.

    Raises :class:`DatabaseError`, leaving the file untouched, for anything that is not a usable Teamlead
    database.
    """
    url = target if isinstance(target, URL) else resolve_url(target)
    path = sqlite_path(url)
    new = False
    if path is not None:
        if file_is_new(path):
            if not create:
                raise DatabaseError(tr("There is no database at {path}.", path=path))
            new = True
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise DatabaseError(
                    tr("Cannot create {path}: {reason}", path=path, reason=error.strerror or error)
                ) from error
        else:
            _check_sqlite_file(path)
    database = Database(url, make_engine(url, wal=wal))
    try:
        state, revision = _state_or_error(database)
        if state == "empty":
            if not (create or new):
                raise DatabaseError(tr("The database {name} is empty.", name=database.display_name()))
            initialise(database)
        elif state == "foreign":
            raise DatabaseError(
                tr(
                    "{name} is not a Teamlead database: it holds other tables. Choose another database.",
                    name=database.display_name(),
                )
            )
        elif state == "newer":
            raise DatabaseError(
                tr(
                    "{name} was made by a newer version of Teamlead (schema {revision}). "
                    "Update Teamlead to open it.",
                    name=database.display_name(),
                    revision=revision,
                )
            )
        elif state == "old" and upgrade:
            backup_before_migration(database, revision)
            with database.engine.begin() as connection:
                migrate.upgrade(connection)
    except BaseException:
        database.dispose()
        raise
    return database


def _state_or_error(database: Database) -> tuple[str, str | None]:
    from sqlalchemy.exc import DatabaseError as SqlDatabaseError
    from sqlalchemy.exc import OperationalError

    try:
        return schema_state(database)
    except OperationalError as error:
        raise DatabaseError(
            tr(
                "Cannot open {name}: {reason}",
                name=database.display_name(),
                reason=str(error.orig) if error.orig else str(error),
            )
        ) from error
    except SqlDatabaseError as error:
        raise DatabaseError(
            tr(
                "{name} is damaged and cannot be opened. Restore a backup with 'teamlead restore'.",
                name=database.display_name(),
            )
        ) from error
