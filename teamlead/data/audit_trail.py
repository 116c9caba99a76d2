"""Who writes, and what a write changed: the two things the audit (``audit_entry``) keeps beyond field names.

The user is asked once per database connection and kept in the connection's ``info`` (PostgreSQL: the role
the connection logged in as, without its per-database prefix; SQLite: the operating system user). A
:class:`~teamlead.data.database.Database` may name its user itself (:data:`USER_KEY` in a session's ``info``),
as a test of two users on one SQLite file does.

The old and new values of a change are caught when the session flushes (a service may flush before it
audits, and after a flush SQLAlchemy forgets what a field held): only the fields
:data:`~teamlead.rules.audit.AUDITED_VALUES` allows, kept per record until :func:`take_changes` hands them to
the audit entry.
"""

from __future__ import annotations

import getpass
import json
import os
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Connection, event, inspect, text
from sqlalchemy.orm import Session, UOWTransaction

from teamlead.rules.audit import AUDITED_VALUES, user_from_role
from teamlead.rules.limits import Width

USER_KEY = "teamlead.audit_user"
"""Where a session (set by its Database) or a connection (asked once) keeps the name the audit records."""
_PENDING = "teamlead.audit_changes"


def operating_system_user() -> str:
    """The login name of whoever runs the app; ``getpass`` fails without one (a service account, a container
    without a passwd entry), and then the environment says who, else "unknown"."""
    try:
        return getpass.getuser()[: Width.USER]
    except (OSError, KeyError, ImportError):
        fallback = os.environ.get("USERNAME") or os.environ.get("USER")
        return (fallback or "unknown")[: Width.USER]


def connection_user(connection: Connection) -> str:
    """The user of this connection, asked the first time only (the answer lives as long as the connection)."""
    known = connection.info.get(USER_KEY)
    if isinstance(known, str):
        return known
    if connection.dialect.name == "postgresql":
        user = user_from_role(str(connection.scalar(text("SELECT current_user"))))
    else:
        user = operating_system_user()
    connection.info[USER_KEY] = user
    return user


def session_user(session: Session) -> str:
    """Who the audit names for a write in ``session``: the one its Database says, else its connection's."""
    named = session.info.get(USER_KEY)
    return named if isinstance(named, str) else connection_user(session.connection())


def _plain(value: Any) -> Any:
    """A value as JSON holds it: dates and times as ISO text, codes as their text."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


@event.listens_for(Session, "before_flush")
def _catch_changes(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    """Keep the allowed fields' old and new values of every record about to be written, before the flush
    makes SQLAlchemy forget the old ones; a record changed twice keeps its first old and its last new value."""
    pending: dict[object, dict[str, list[Any]]] | None = session.info.get(_PENDING)
    for record in (*session.new, *session.dirty):
        allowed = AUDITED_VALUES.get(getattr(record, "__tablename__", ""), frozenset())
        if not allowed:
            continue
        state = inspect(record)
        for field in allowed:
            if field not in state.attrs:
                continue
            history = state.attrs[field].history
            if not history.added:
                continue
            old = _plain(history.deleted[0]) if history.deleted else None
            new = _plain(history.added[0])
            if pending is None:
                pending = session.info.setdefault(_PENDING, {})
            kept = pending.setdefault(record, {})
            kept[field] = [kept[field][0] if field in kept else old, new]


def take_changes(session: Session, record: object, fields: set[str]) -> str | None:
    """The JSON of ``record``'s caught changes among ``fields`` (old ≠ new only), forgotten once taken; None
    when there are none."""
    pending: dict[object, dict[str, list[Any]]] = session.info.get(_PENDING) or {}
    caught = pending.pop(record, {})
    kept = {
        field: values
        for field, values in sorted(caught.items())
        if field in fields and values[0] != values[1]
    }
    return json.dumps(kept, ensure_ascii=False) if kept else None
