"""Opening a Teamlead database: create it, recognise it, migrate it (after a backup), or refuse it untouched.

Every entry point (CLI, app, tests) goes through :func:`open_database`, so the rules of
``shared/interface.md`` hold everywhere: a database that cannot be opened as a Teamlead database is never
changed. On SQLite the file is first looked at read-only (:mod:`teamlead.data.integrity`); only a sound,
writable Teamlead database (or a new one) is then opened for writing, as even turning on WAL mode writes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, event, insert, inspect, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from teamlead.data import migrate
from teamlead.data.access.names import login_role
from teamlead.data.access.refusals import login_refused
from teamlead.data.access.upgrades import after_upgrade, refuse_unless_owner
from teamlead.data.admin import Meta
from teamlead.data.audit_trail import USER_KEY
from teamlead.data.engine import display_name, is_sqlite, make_engine, resolve_url, sqlite_path, writing
from teamlead.data.geography import Domain
from teamlead.data.integrity import APPLICATION, USABLE, Inspection, State, inspect_sqlite, refusal, sidecars
from teamlead.data.restore import finish_interrupted_restore
from teamlead.data.signals import Theme
from teamlead.data.upgrades import Upgrade, upgrade_report
from teamlead.errors import DatabaseError, LoginNeededError, error_text
from teamlead.i18n import tr
from teamlead.rules.files import PRIVATE, restrict
from teamlead.rules.locations import data_folder
from teamlead.rules.scratch import private_folder
from teamlead.rules.vocabulary import DEFAULT_DOMAINS, DEFAULT_THEMES


@dataclass
class Database:
    """An open Teamlead database: its URL, engine and a session factory."""

    url: URL
    engine: Engine
    upgrade: Upgrade | None = None
    """Set when opening upgraded the schema: what happened, for the CLI and the app to tell the user."""
    read_only: bool = False
    """Opened for reading only (a file Teamlead may not write, for a command that only reads)."""
    user_name: str | None = None
    """Who the audit names for this database's writes; None: the connection says (PostgreSQL: its role,
    SQLite: the operating system user, :mod:`teamlead.data.audit_trail`)."""
    _sessions: sessionmaker[Session] = field(init=False, repr=False)
    _writes: sessionmaker[Session] = field(init=False, repr=False)
    _disposed: bool = field(init=False, repr=False, default=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writes = sessionmaker(writing(self.engine), expire_on_commit=False)
        event.listen(self.engine, "checkin", self._close_when_disposed)

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None on PostgreSQL."""
        return sqlite_path(self.url)

    def display_name(self) -> str:
        """What the status bar and messages call this database (never shows a password)."""
        return display_name(self.url)

    def session(self, *, write: bool = False) -> Session:
        """A session for reading; ``write`` for one whose transactions write (see :meth:`begin`)."""
        session = self._writes() if write else self._sessions()
        if self.user_name is not None:
            session.info[USER_KEY] = self.user_name
        return session

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One transaction that writes: all of it is committed, or none of it. On SQLite it waits (up to the
        busy timeout) for another program's write to end before it starts (:func:`~teamlead.data.engine.writing`)."""
        with self._writes.begin() as session:
            if self.user_name is not None:
                session.info[USER_KEY] = self.user_name
            yield session

    def dispose(self) -> None:
        """Close every connection: the idle ones now, those still in use (a worker thread's session) as soon
        as they come back, and any opened afterwards when they come back too.

        SQLAlchemy's own ``dispose`` closes only the idle ones; a connection in use when it ran went back to
        the replaced pool and stayed open there until the garbage collector found it (psycopg's "connection
        was deleted while still open" ResourceWarning, and a server connection held meanwhile).
        """
        self._disposed = True
        self.engine.dispose()

    def _close_when_disposed(self, _dbapi_connection: object, record: ConnectionPoolEntry) -> None:
        if self._disposed:
            record.invalidate()  # closes it; the pool keeps an empty record


def file_is_new(path: Path) -> bool:
    """A missing or zero-byte file counts as not existing yet."""
    return not path.exists() or path.stat().st_size == 0


def _fill_new(connection: Connection) -> None:
    migrate.upgrade(connection)
    with Session(bind=connection) as session:
        session.add(Meta(key="application", value=APPLICATION))
        session.execute(
            insert(Domain),
            [
                {"key": key, "name": english, "position": position}
                for position, (key, english, _dutch) in enumerate(DEFAULT_DOMAINS)
            ],
        )
        session.execute(
            insert(Theme),
            [
                {"key": key, "name": english, "position": position}
                for position, (key, english, _dutch) in enumerate(DEFAULT_THEMES)
            ],
        )
        session.flush()


def initialise(database: Database) -> None:
    """Create the schema of a new database and its fixed content (the default domains), in one transaction."""
    with writing(database.engine).begin() as connection:
        _fill_new(connection)


def schema_state(database: Database) -> tuple[str, str | None]:
    """(state, revision), the state one of ``new``, ``foreign``, ``current``, ``old``, ``newer``."""
    with database.engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if not tables:
            return State.NEW, None
        if "teamlead_meta" not in tables or "alembic_version" not in tables:
            return State.FOREIGN, None
        application = connection.scalar(select(Meta.value).where(Meta.key == "application"))
        if application != APPLICATION:
            return State.FOREIGN, None
        revision = migrate.current_revision(connection)
    if revision == migrate.head_revision():
        return State.CURRENT, revision
    if revision in migrate.known_revisions():
        return State.OLD, revision
    return State.NEWER, revision


def backup_before_migration(path: Path, revision: str | None) -> Path:
    """A consistent copy in ``backups/`` beside the file (SQLite backup API) before its schema is changed."""
    from teamlead.data.backup import backup_sqlite, default_backup_path

    return backup_sqlite(path, default_backup_path(path, f"before-upgrade-from-{revision or 'none'}"))


def _cannot_write(path: Path) -> DatabaseError:
    return DatabaseError(
        tr(
            "Teamlead cannot write to {name}: the file or its folder is read-only. "
            "Check its permissions, or move it to a folder you can write to.",
            name=path,
        )
    )


def _writable(path: Path) -> bool:
    """Writing needs the file and its folder (for the ``-wal``, ``-shm`` and journal files SQLite adds)."""
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return os.access(path.parent, os.W_OK | os.X_OK)


def _require_writable(path: Path) -> None:
    if not _writable(path):
        raise _cannot_write(path)


def _prepare_new_file(path: Path) -> bool:
    """Make the folder of a database about to be created (Teamlead's own data folder for its owner only),
    and the file itself, empty and for its owner only; True when the file did not exist at all."""
    try:
        if path.parent == data_folder():
            private_folder(path.parent)
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseError(
            tr("Cannot create {path}: {reason}", path=path, reason=error.strerror or error)
        ) from error
    _require_writable(path)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
    except FileExistsError:
        _owner_only(path)  # a zero-byte file, counted as new
        return False
    except OSError as error:
        raise DatabaseError(
            tr("Cannot create {path}: {reason}", path=path, reason=error.strerror or error)
        ) from error
    os.close(handle)
    return True


def _owner_only(path: Path) -> None:
    """The database and the files SQLite keeps beside it, for their owner only: SQLite gives a new ``-wal``
    or ``-shm`` the permissions of the database file. A file of another owner is left as it is."""
    for file in [path, *sidecars(path)]:
        try:
            if file.stat().st_mode & 0o077:
                restrict(file, PRIVATE)
        except OSError:
            continue


def open_database(
    target: str | Path | URL | None = None,
    *,
    create: bool = True,
    upgrade: bool = True,
    wal: bool = True,
    only_reads: bool = False,
) -> Database:
    """Open (and if allowed create or migrate) the Teamlead database at ``target``.

    Raises :class:`DatabaseError`, leaving the file untouched, for anything that is not a usable Teamlead
    database: missing (without ``create``), not SQLite, damaged, another program's, newer, read-only, locked.
    ``only_reads``: the caller only reads, so an SQLite file Teamlead may not write is opened read-only
    (:attr:`Database.read_only`) instead of refused, unless it needs an upgrade.
    """
    url = target if isinstance(target, URL) else resolve_url(target)
    path = sqlite_path(url)
    if path is not None:
        return _open_sqlite(url, path, create=create, upgrade=upgrade, wal=wal, only_reads=only_reads)
    return _open_server(url, create=create, upgrade=upgrade)


def _leave_wal(database: Database) -> None:
    """A file once in WAL mode stays so until told: switch it to a rollback journal (outside any transaction,
    as SQLite requires)."""
    with database.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA journal_mode=DELETE")


def _open_sqlite(
    url: URL, path: Path, *, create: bool, upgrade: bool, wal: bool, only_reads: bool
) -> Database:
    from teamlead.rules.locations import wal_allowed

    wal = wal and wal_allowed(path)  # no WAL in a sync folder or on a network share
    finish_interrupted_restore(path)
    inspection: Inspection = inspect_sqlite(path)
    if inspection.state is State.NEW and not file_is_new(path) and not create:
        raise DatabaseError(tr("The database {name} is empty.", name=path))
    if inspection.state in (State.MISSING, State.NEW):
        if not create:
            raise DatabaseError(refusal(str(path), Inspection(State.MISSING)))
        return _create_sqlite(url, path, wal=wal)
    if inspection.state not in USABLE:
        raise DatabaseError(refusal(str(path), inspection))
    if not _writable(path):
        if not only_reads or inspection.state is not State.CURRENT:
            raise _cannot_write(path)
        return _open_read_only(url)
    _owner_only(path)
    migrating = inspection.state is State.OLD and upgrade
    backup = backup_before_migration(path, inspection.revision) if migrating else None
    database = Database(url, make_engine(url, wal=wal))
    try:
        if migrating:
            database.upgrade = _upgraded(database, inspection.revision, backup)
        else:
            with database.engine.connect():
                pass  # surfaces a lock or a permission problem now, not at the first query
        if not wal:
            _leave_wal(database)
    except BaseException:
        database.dispose()
        raise
    return database


def _create_sqlite(url: URL, path: Path, *, wal: bool) -> Database:
    created = _prepare_new_file(path)
    database = Database(url, make_engine(url, wal=wal))
    try:
        initialise(database)
    except BaseException:
        database.dispose()
        if created:  # leave nothing behind of a database we failed to create
            for leftover in [path, *sidecars(path)]:
                leftover.unlink(missing_ok=True)
        raise
    return database


def _open_read_only(url: URL) -> Database:
    """A database only to read: its file or folder is read-only to this user."""
    database = Database(url, make_engine(url, read_only=True), read_only=True)
    try:
        with database.engine.connect():
            pass  # surfaces a lock or an unreadable file now, not at the first query
    except BaseException:
        database.dispose()
        raise
    return database


def _upgraded(database: Database, revision: str | None, backup: Path | None) -> Upgrade:
    """Migrate to the head in one transaction, and say what that did."""
    with writing(database.engine).begin() as connection:
        migrate.upgrade(connection)
        if connection.dialect.name == "postgresql":
            after_upgrade(connection)
        return upgrade_report(connection, revision, migrate.head_revision(), backup)


def _as_named_user(url: URL, refusal: DBAPIError) -> tuple[Database, str, str | None]:
    """The server refused the login as given: a person logs in with their Teamlead user name, which stands for
    a role of this database (:func:`~teamlead.data.access.names.login_role`); else ask for a login."""
    role = login_role(url.database or "", url.username or "")
    if role is not None:
        database = Database(url.set(username=role), make_engine(url.set(username=role)))
        try:
            state, revision = schema_state(database)
        except DBAPIError as error:
            database.dispose()
            if not login_refused(error):
                raise DatabaseError(
                    tr("Cannot open {name}: {reason}", name=display_name(url), reason=error_text(error))
                ) from error
        else:
            return database, state, revision
    raise LoginNeededError(
        tr(
            "The server of {name} asks for a user name and password, or did not accept those given.",
            name=display_name(url),
        )
    ) from refusal


def _open_server(url: URL, *, create: bool, upgrade: bool) -> Database:
    database = Database(url, make_engine(url))
    try:
        try:
            state, revision = schema_state(database)
        except DBAPIError as error:
            if not login_refused(error):
                raise DatabaseError(
                    tr("Cannot open {name}: {reason}", name=database.display_name(), reason=error_text(error))
                ) from error
            database.dispose()
            database, state, revision = _as_named_user(url, error)
        if state is State.NEW:
            if not create:
                raise DatabaseError(tr("The database {name} is empty.", name=database.display_name()))
            initialise(database)
        elif state not in USABLE:
            raise DatabaseError(refusal(database.display_name(), Inspection(State(state), revision)))
        elif state is State.OLD and upgrade:
            with database.engine.connect() as connection:
                refuse_unless_owner(connection, database.display_name())
            database.upgrade = _upgraded(database, revision, None)
    except BaseException:
        database.dispose()
        raise
    return database
