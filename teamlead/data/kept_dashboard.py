"""The dashboard kept in its own SQLite file, so the next start shows it before SQLAlchemy is imported.

The dashboard is what a team lead waits for at start-up, and reading it the normal way needs SQLAlchemy, the
models and some twenty compiled statements first: five bare windows' time on the district demo, nine on the
city's. Yet it is a function of the data, the day and the user's choice of district. So each dashboard read
is kept in the file (table :data:`TABLE`), and the next start reads it back with :mod:`sqlite3` alone and
shows it with the window's first paint; the normal read follows and replaces it.

Why it can be trusted:

- **Any write empties it.** Triggers on every other table delete every kept row on each insert, update or
  delete, whoever writes: the services, the importer, the demo's bulk inserts, raw SQL, an older Teamlead.
  Tables a later migration adds get theirs at the next keep (:func:`keep` adds what is missing).
- **No stale keep.** :func:`keep` writes in the read's own transaction: when anything was written since the
  read began, SQLite refuses the write (its snapshot is stale) and nothing is kept. It never waits: a busy
  file simply means no keep this time.
- **The clock.** A kept dashboard is for one day and one district choice (the row's key), and says when its
  meetings list would change on its own (:attr:`DashboardData.changes_at`); after that moment it is not used.
- **Only this app's shapes.** The file may come from elsewhere, so no pickle: JSON decoded into the row
  classes of :mod:`teamlead.data.queries.rows` and nothing else; anything odd reads as nothing kept.

SQLite only (a server's data changes under other users; its first read is not the bottleneck). Erasure stays
complete: the erasure's own write empties the table in its transaction, and ``secure_delete`` zeroes the pages.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from teamlead import __version__
from teamlead.data.look_ahead import file_for
from teamlead.data.queries.rows import (
    AgreementRow,
    Capped,
    DashboardData,
    KeyContactMissing,
    MeetingRow,
    NoteRow,
    OverdueRow,
)
from teamlead.data.sqlite_file import read_only_uri
from teamlead.rules import settings, vocabulary

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

TABLE = "kept_dashboard"
FORMAT = 1
"""Raise when :class:`DashboardData` or a row changes shape: older kept rows then read as nothing kept."""
TRIGGER_PREFIX = f"{TABLE}_clear_"
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"

_CLASSES: dict[str, Callable[..., Any]] = {
    cls.__name__: cls
    for cls in (DashboardData, Capped, OverdueRow, NoteRow, MeetingRow, AgreementRow, KeyContactMissing)
}
_ENUMS: dict[str, type[StrEnum]] = {
    name: kind
    for name, kind in vars(vocabulary).items()
    if isinstance(kind, type) and issubclass(kind, StrEnum) and kind is not StrEnum
}
"""The codes rows carry (a signal's state, a district-less kind), decoded as the same enums."""


# --- the key ----------------------------------------------------------------------------------------------------


def _newest_migration() -> str:
    """The newest migration script's name: a new one (another schema) makes older kept rows miss."""
    return max((path.name for path in MIGRATIONS.glob("*.py")), default="")


def chosen_district(database_id: str | None) -> int | None:
    """The user's default district for this database as the settings file holds it (None: all districts).
    A personal setting outside the database, so it is part of the key rather than emptied by a trigger."""
    if database_id is None:
        return None
    return settings.load().default_districts.get(database_id)


def kept_key(day: date, database_id: str | None) -> str:
    """Which kept row answers a start on ``day``: the format, the app, its schema, the day, the district."""
    return json.dumps(
        [FORMAT, __version__, _newest_migration(), day.isoformat(), chosen_district(database_id)]
    )


# --- JSON of the rows -------------------------------------------------------------------------------------------


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$t": value.isoformat()}
    if isinstance(value, date):
        return {"$d": value.isoformat()}
    if isinstance(value, StrEnum):
        return {"$e": type(value).__name__, "v": value.value}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a row (a named tuple)
        name = type(value).__name__
        if _CLASSES.get(name) is not type(value):
            raise TypeError(f"{name} is not a kept row")
        return {"$c": name, "f": {field: _encode(getattr(value, field)) for field in value._fields}}
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        return {"$m": [[_encode(key), _encode(item)] for key, item in value.items()]}
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"{type(value).__name__} cannot be kept")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_decode(item) for item in value)
    if not isinstance(value, dict):
        return value
    if "$t" in value:
        return datetime.fromisoformat(value["$t"])
    if "$d" in value:
        return date.fromisoformat(value["$d"])
    if "$e" in value:
        return _ENUMS[value["$e"]](value["v"])
    if "$m" in value:
        return {_decode(key): _decode(item) for key, item in value["$m"]}
    fields = value["f"]
    return _CLASSES[value["$c"]](**{str(name): _decode(item) for name, item in fields.items()})


def encode(data: DashboardData) -> str:
    return json.dumps(_encode(data), ensure_ascii=False, separators=(",", ":"))


def decode(text: str) -> DashboardData | None:
    """The dashboard in ``text``, or None for anything that is not one of ours."""
    try:
        data = _decode(json.loads(text))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return data if isinstance(data, DashboardData) else None


# --- reading at start-up ----------------------------------------------------------------------------------------


class Kept(NamedTuple):
    """A dashboard kept for ``day``."""

    data: DashboardData
    day: date


def kept_at_start(target: str | None, now: datetime | None = None) -> Kept | None:
    """The dashboard kept in the SQLite file the app is about to open (``--database``, as
    :func:`teamlead.data.look_ahead.file_for` finds it) for today, when it still holds."""
    path = file_for(target)
    moment = now or datetime.now(UTC)
    day = date.today() if now is None else now.astimezone().date()
    data = None if path is None else read_kept(path, day, moment)
    return None if data is None else Kept(data, day)


def read_kept(path: Path, day: date, now: datetime) -> DashboardData | None:
    """The dashboard kept in the SQLite file ``path`` for ``day`` that still holds at ``now``; None when
    there is none (no file, not ours, another schema, written since, another district chosen, or any doubt).

    Read-only and quick (a few milliseconds): the start runs it before the window is built."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        connection = sqlite3.connect(read_only_uri(path, header), uri=True, timeout=0.2, isolation_level=None)
    except (OSError, sqlite3.Error):
        return None
    try:
        connection.execute("BEGIN")  # one snapshot for the three reads
        meta = connection.execute("SELECT value FROM teamlead_meta WHERE key = 'database_id'").fetchone()
        row = connection.execute(
            f"SELECT payload, revision, changes_at FROM {TABLE} WHERE key = ?",
            (kept_key(day, meta[0] if meta else None),),
        ).fetchone()
        if row is None:
            return None
        payload, revision, changes_at = row
        current = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except (sqlite3.Error, OSError, ValueError):
        return None
    finally:
        connection.close()
    if [revision] != [value for (value,) in current]:
        return None
    if changes_at is not None:
        try:
            if now >= datetime.fromisoformat(changes_at):
                return None
        except (TypeError, ValueError):
            return None
    return decode(payload)


# --- keeping after a read ---------------------------------------------------------------------------------------


def _watched_tables(connection: sqlite3.Connection) -> list[str]:
    """Every table a write could change the dashboard through: all but this one, SQLite's own, and the
    full-text index (virtual tables and their shadow tables take no triggers; they follow the others)."""
    tables = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in tables if str(sql or "").upper().startswith("CREATE VIRTUAL")]
    return [
        name
        for name, _sql in tables
        if name != TABLE
        and not name.startswith("sqlite_")
        and not any(name == owner or name.startswith(f"{owner}_") for owner in virtual)
    ]


def _add_missing_triggers(connection: sqlite3.Connection) -> None:
    """The kept table, and on every watched table a trigger per kind of write that empties it; a trigger of
    another form (an earlier Teamlead's) is made again."""
    connection.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "key TEXT PRIMARY KEY, day TEXT NOT NULL, revision TEXT NOT NULL, changes_at TEXT, payload TEXT NOT NULL)"
    )
    present = dict(
        connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
            (f"{TRIGGER_PREFIX}%",),
        ).fetchall()
    )
    for table in _watched_tables(connection):
        for event in ("insert", "update", "delete"):
            name = f"{TRIGGER_PREFIX}{table}_{event}"
            wanted = _trigger_sql(name, event, table)
            if present.get(name) == wanted:
                continue
            if name in present:
                connection.execute(f'DROP TRIGGER "{name}"')
            connection.execute(wanted)


def _trigger_sql(name: str, event: str, table: str) -> str:
    """SQLite runs a trigger once per row written; asking whether anything is kept before deleting halves
    its cost (1.5 µs a row instead of 3.3: 70 ms on a roster import of 50,000 rows)."""
    return (
        f'CREATE TRIGGER "{name}" AFTER {event.upper()} ON "{table}" '
        f"WHEN EXISTS (SELECT 1 FROM {TABLE}) BEGIN DELETE FROM {TABLE}; END"
    )


def read_and_keep(session: Session, day: date, now: datetime) -> DashboardData:
    """The dashboard for ``day`` at ``now`` in the user's district, read on ``session`` and kept for the
    start that comes then (nothing kept on a server, nor for a database without records: that one starts on
    the welcome page, which a kept empty dashboard would only flash before)."""
    from teamlead.data.queries.dashboard_lists import load_dashboard
    from teamlead.data.queries.default_district import user_default_district_id
    from teamlead.data.queries.empty import has_records

    data = load_dashboard(session, day, now, user_default_district_id(session))
    if has_records(session):
        keep_read(session, data, day)
    return data


def keep_read(session: Session, data: DashboardData, day: date) -> bool:
    """:func:`keep` for a dashboard just read on ``session``, in its transaction; nothing on a server."""
    raw = session.connection().connection.driver_connection
    return isinstance(raw, sqlite3.Connection) and keep(raw, data, day)


def keep(connection: sqlite3.Connection, data: DashboardData, day: date) -> bool:
    """Keep ``data``, read for ``day`` in the transaction open on ``connection``, and commit; False (and
    rolled back) when the file changed since that transaction began, is busy, or cannot be written.

    Never waits: the busy timeout is set to zero for the keep and put back after."""
    try:
        (timeout,) = connection.execute("PRAGMA busy_timeout").fetchone()
        connection.execute("PRAGMA busy_timeout = 0")
    except sqlite3.Error:
        return False
    try:
        meta = connection.execute("SELECT value FROM teamlead_meta WHERE key = 'database_id'").fetchone()
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        _add_missing_triggers(connection)
        connection.execute(f"DELETE FROM {TABLE} WHERE day < ?", (day.isoformat(),))
        connection.execute(
            f"INSERT OR REPLACE INTO {TABLE} (key, day, revision, changes_at, payload) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                kept_key(day, meta[0] if meta else None),
                day.isoformat(),
                revision,
                data.changes_at.isoformat() if data.changes_at is not None else None,
                encode(data),
            ),
        )
        connection.execute("COMMIT")
    except sqlite3.Error:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        return False
    finally:
        with contextlib.suppress(sqlite3.Error):
            connection.execute(f"PRAGMA busy_timeout = {int(timeout)}")
    return True
