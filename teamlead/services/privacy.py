"""A person's rights (GDPR articles 15 and 17): everything Teamlead holds about them, and erasing them.

Erasure removes the person, their roles and their links to notes, meetings and agreements, and replaces their
name, e-mail address and phone number wherever a free text mentions them. The act is recorded in the audit
log by id only. On SQLite the words must then be gone from the file's bytes too (:func:`scrub_sqlite`): the
search index is merged so no old segment keeps them, ``secure_delete`` (always on, see
:mod:`teamlead.data.engine`) zeroes freed space, the WAL is checkpointed and truncated, and the file is
vacuumed. On PostgreSQL the rows are deleted; the server's own VACUUM reclaims their space later.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import String, Text, bindparam, delete, func, or_, select, update
from sqlalchemy.orm import Session

from teamlead.data.admin import AuditEntry
from teamlead.data.agreements import Agreement
from teamlead.data.base import Base
from teamlead.data.database import Database
from teamlead.data.meetings import Invitee, Meeting
from teamlead.data.notes import Note, note_person
from teamlead.data.roster import Organisation, Person, Role
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.files import write_text
from teamlead.rules.vocabulary import AuditAction
from teamlead.services._common import audit_row

log = logging.getLogger(__name__)

ERASED = "[…]"
# Tables whose texts are the search index's own copies: rebuilt from the data, never scrubbed by hand.
_SKIP_TABLES = {"alembic_version", "teamlead_meta", "audit_entry"}


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise ValidationError("person_id", tr("This record no longer exists (id {id}).", id=person_id))
    return person


def identifiers(person: Person) -> list[str]:
    """The values that identify the person in free text: name, e-mail address, phone number (longest first)."""
    values = {value.strip() for value in (person.name, person.email, person.phone) if value and value.strip()}
    return sorted((value for value in values if len(value) >= 3), key=len, reverse=True)


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def access_report(session: Session, person_id: int) -> dict[str, Any]:
    """Everything held about the person, as plain values (for an access request)."""
    person = _person(session, person_id)
    roles = session.execute(
        select(Role, Organisation.name)
        .join(Organisation)
        .where(Role.person_id == person_id)
        .order_by(Role.id)
    ).all()
    linked = select(note_person.c.note_id).where(note_person.c.person_id == person_id)
    about = or_(
        Note.id.in_(linked), *(Note.text.contains(value, autoescape=True) for value in identifiers(person))
    )
    notes = session.scalars(select(Note).where(about).order_by(Note.occurred_on, Note.id)).all()
    invitations = session.execute(
        select(Meeting.title, Meeting.starts_at, Invitee.attendance)
        .join(Meeting, Invitee.meeting_id == Meeting.id)
        .where(Invitee.person_id == person_id)
        .order_by(Meeting.starts_at)
    ).all()
    agreements = session.scalars(select(Agreement).where(Agreement.responsible_person_id == person_id)).all()
    audit = session.scalars(
        select(AuditEntry).where(AuditEntry.table_name == "person", AuditEntry.record_id == person_id)
    ).all()
    return {
        "format": "teamlead-access-request",
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "person": {
            "id": person.id,
            "name": person.name,
            "phone": person.phone,
            "email": person.email,
            "remarks": person.remarks,
            "created_at": _iso(person.created_at),
            "updated_at": _iso(person.updated_at),
        },
        "roles": [
            {
                "organisation": name,
                "title": role.title,
                "from": _iso(role.started_on),
                "to": _iso(role.ended_on),
            }
            for role, name in roles
        ],
        "notes": [{"date": _iso(note.occurred_on), "kind": note.kind, "text": note.text} for note in notes],
        "meetings": [
            {"title": title, "starts_at": _iso(starts), "attendance": attendance}
            for title, starts, attendance in invitations
        ],
        "agreements": [
            {"text": a.text, "made_on": _iso(a.made_on), "due_on": _iso(a.due_on), "status": a.status}
            for a in agreements
        ],
        "audit": [{"at": _iso(entry.at), "action": entry.action, "fields": entry.fields} for entry in audit],
    }


def write_access_report(report: dict[str, Any], target: Path) -> Path:
    """Write the report as JSON (UTF-8, readable), atomically; only the user may read it (personal data)."""
    write_text(target, json.dumps(report, ensure_ascii=False, indent=2), mode=0o600)
    return target


@dataclass(frozen=True)
class Erased:
    """What an erasure did: the person's id, how many texts elsewhere had a mention replaced, and the values
    that were replaced (to find them in backups and the file's free pages afterwards; never logged)."""

    person_id: int
    texts_changed: int
    identifiers: tuple[str, ...] = ()


def _text_columns() -> list[tuple[Any, Any]]:
    columns = []
    for table in Base.metadata.sorted_tables:
        if table.name in _SKIP_TABLES:
            continue
        for column in table.columns:
            if isinstance(column.type, (String, Text)) and not column.primary_key:
                columns.append((table, column))
    return columns


def erase_person(session: Session, person_id: int, *, now: datetime | None = None) -> Erased:
    """Erase the person: their row, roles and links go; mentions of them in any text become ``[…]``.

    One transaction (the caller's). The audit log gets ``person <id> erase`` and nothing more.
    """
    person = _person(session, person_id)
    values = identifiers(person)
    session.execute(delete(note_person).where(note_person.c.person_id == person_id))
    session.execute(update(Invitee).where(Invitee.person_id == person_id).values(person_id=None))
    session.execute(
        update(Agreement)
        .where(Agreement.responsible_person_id == person_id)
        .values(responsible_person_id=None)
    )
    session.execute(delete(Role).where(Role.person_id == person_id))
    session.delete(person)
    session.flush()
    changed = 0
    for table, column in _text_columns():
        for value in values:
            statement = table.update().where(column.contains(value, autoescape=True))
            values_set: dict[str, Any] = {
                column.name: func.replace(column, bindparam("old"), bindparam("new"))
            }
            if "version" in table.c:
                values_set["version"] = table.c.version + 1
            result = session.execute(statement.values(values_set), {"old": value, "new": ERASED})
            changed += int(getattr(result, "rowcount", 0) or 0)
    audit_row(session, "person", person_id, AuditAction.ERASE, now=now)
    session.flush()
    log.info("person erased; %d texts elsewhere changed", changed)
    return Erased(person_id, changed, tuple(values))


def scrub_sqlite(database: Database) -> None:
    """Make erased text unrecoverable from the SQLite file: merge the search index, vacuum, empty the WAL.

    Needs the other connections of this process closed (the pool is disposed first) so the checkpoint can
    truncate the WAL; another process holding the file open makes it fall short, which is logged.
    """
    from teamlead.data.search_maintenance import optimize_search_index

    if not database.is_sqlite:
        return
    with database.engine.begin() as connection:
        optimize_search_index(connection)
    database.engine.dispose()
    with database.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        raw.execute("PRAGMA secure_delete=ON")
        raw.execute("VACUUM")
        busy, _log, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            log.warning("erasure: the WAL could not be emptied (the database is open elsewhere)")
    database.engine.dispose()


def backups_holding(backups: list[Path], person_id: int, values: list[str]) -> list[Path]:
    """Which backup files still hold the person, read-only: their row (same id and name), or any of
    ``values`` (see :func:`identifiers`, the first is the longest) in the file's bytes."""
    from teamlead.data.integrity import read_header, read_only

    holding = []
    for path in backups:
        try:
            with read_only(path, read_header(path), immutable=True) as connection:
                found = connection.execute(
                    "SELECT 1 FROM person WHERE id = ? AND (name IN ({}) OR email IN ({}))".format(
                        ",".join("?" * len(values)), ",".join("?" * len(values))
                    ),
                    (person_id, *values, *values),
                ).fetchone()
        except (sqlite3.Error, OSError, ValueError):  # an unreadable backup: look at its bytes
            found = None
        if found is None:
            try:
                data = path.read_bytes()
            except OSError:
                continue
            found = any(value.encode("utf-8") in data for value in values) or None
        if found:
            holding.append(path)
    return holding
