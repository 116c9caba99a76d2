"""Who changed what: a record's history for its page, and the administrator's list of changes by user and
period. Rows are plain; values are shown only for the fields :mod:`teamlead.rules.audit` allows (read again
here, so an entry written otherwise still shows no text), with a district's or domain's id read as its name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from teamlead.data.admin import AuditEntry
from teamlead.data.geography import District, Domain
from teamlead.rules.audit import values_kept
from teamlead.rules.clock import AMSTERDAM

CHANGES_LIMIT = 5_000
"""The most entries the list of changes shows at once; a narrower period or a user shows the rest."""
_NAMED: dict[str, type[District] | type[Domain]] = {"district_id": District, "domain_id": Domain}


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One audit entry as a screen shows it. ``user`` None: written before users were recorded (unknown).
    ``values``: (field, old, new) for the fields whose values are kept, in the order of ``fields``."""

    id: int
    at: datetime
    user: str | None
    table_name: str
    record_id: int | None
    action: str
    fields: tuple[str, ...]
    values: tuple[tuple[str, object, object], ...]


def record_history(session: Session, table_name: str, record_id: int) -> list[ChangeRow]:
    """Every audit entry of one record, newest first."""
    return _rows(
        session,
        select(AuditEntry)
        .where(AuditEntry.table_name == table_name, AuditEntry.record_id == record_id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()),
    )


def changes(
    session: Session,
    *,
    user: str | None = None,
    start: date | None = None,
    end: date | None = None,
    limit: int = CHANGES_LIMIT,
) -> list[ChangeRow]:
    """The audit entries of ``user`` (None: everyone) made from ``start`` through ``end`` (days in Amsterdam,
    both included; None: no bound), newest first."""
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    if user is not None:
        query = query.where(AuditEntry.user_name == user)
    if start is not None:
        query = query.where(AuditEntry.at >= _moment(start))
    if end is not None:
        query = query.where(AuditEntry.at < _moment(end + timedelta(days=1)))
    return _rows(session, query)


def audit_users(session: Session) -> list[str]:
    """Everyone the audit names, alphabetically (entries without a user are left out)."""
    return sorted(
        session.scalars(select(AuditEntry.user_name).where(AuditEntry.user_name.is_not(None)).distinct()),
        key=str.casefold,
    )


def audit_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def _moment(day: date) -> datetime:
    """The start of ``day`` in Amsterdam, in UTC as the audit stores it."""
    return datetime.combine(day, time(0), AMSTERDAM).astimezone(UTC)


def _rows(session: Session, query: Select[AuditEntry]) -> list[ChangeRow]:
    entries = session.scalars(query).all()
    parsed = {entry.id: _values(entry) for entry in entries}
    names = _names(session, [values for values in parsed.values()])
    return [
        ChangeRow(
            entry.id,
            entry.at,
            entry.user_name,
            entry.table_name,
            entry.record_id,
            entry.action,
            tuple(field for field in entry.fields.split(",") if field),
            tuple(
                (field, names.get((field, old), old), names.get((field, new), new))
                for field, old, new in parsed[entry.id]
            ),
        )
        for entry in entries
    ]


def _values(entry: AuditEntry) -> list[tuple[str, object, object]]:
    """The kept (field, old, new) of an entry; anything not allowed or not well-formed is left out."""
    try:
        kept = json.loads(entry.changes) if entry.changes else {}
    except ValueError:
        return []
    if not isinstance(kept, dict):
        return []
    return [
        (field, pair[0], pair[1])
        for field, pair in kept.items()
        if values_kept(entry.table_name, field) and isinstance(pair, list) and len(pair) == 2
    ]


def _names(session: Session, values: list[list[tuple[str, object, object]]]) -> dict[tuple[str, object], str]:
    """The names of the districts and domains the values point to, by (field, id)."""
    wanted: dict[str, set[int]] = {field: set() for field in _NAMED}
    for entry in values:
        for field, old, new in entry:
            if field in wanted:
                wanted[field].update(value for value in (old, new) if isinstance(value, int))
    names: dict[tuple[str, object], str] = {}
    for field, ids in wanted.items():
        if ids:
            model = _NAMED[field]
            for record_id, name in session.execute(select(model.id, model.name).where(model.id.in_(ids))):
                names[(field, record_id)] = name
    return names
