"""A person's rights (GDPR articles 15 and 17): everything Teamlead holds about them, and which copies of the
database still hold them after an erasure.

Erasing itself is :mod:`teamlead.services.erasure` (find the mentions, replace them) and
:mod:`teamlead.data.scrub` (make the old words unrecoverable from the SQLite file).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.admin import AuditEntry
from teamlead.data.agreements import Agreement
from teamlead.data.free_texts import FREE_TEXTS
from teamlead.data.free_texts import texts as free_texts
from teamlead.data.meetings import Invitee, Meeting
from teamlead.data.notes import Note, note_person
from teamlead.data.queries.text_places import text_places
from teamlead.data.roster import Organisation, Role
from teamlead.rules.files import write_text
from teamlead.services.erasure import find_mentions, person_identifiers, person_of


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def access_report(session: Session, person_id: int) -> dict[str, Any]:
    """Everything held about the person, as plain values (for an access request)."""
    person = person_of(session, person_id)
    roles = session.execute(
        select(Role, Organisation.name)
        .join(Organisation)
        .where(Role.person_id == person_id)
        .order_by(Role.id)
    ).all()
    linked = set(session.scalars(select(note_person.c.note_id).where(note_person.c.person_id == person_id)))
    certain = [identifier for identifier in person_identifiers(person) if identifier.certain]
    note_texts = [field for field in FREE_TEXTS if field.key == "note.text"]
    mentioning = {mention.record_id for mention in find_mentions(session, certain, fields=note_texts)}
    notes = session.scalars(
        select(Note).where(Note.id.in_(linked | mentioning)).order_by(Note.occurred_on, Note.id)
    ).all()
    invitations = session.execute(
        select(Meeting.title, Meeting.starts_at, Invitee.attendance)
        .join(Meeting, Invitee.meeting_id == Meeting.id)
        .where(Invitee.person_id == person_id)
        .order_by(Meeting.starts_at)
    ).all()
    agreements = session.scalars(select(Agreement).where(Agreement.responsible_person_id == person_id)).all()
    mentioned = _texts(session, certain, linked)
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
        "texts": mentioned,
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


def _texts(session: Session, certain: list[Any], linked: set[int]) -> list[dict[str, Any]]:
    """Every free text that mentions the person by a certain identifier, and the notes linked to them: where
    it lives, its date and organisations, and the text itself (oldest first, undated last)."""
    from teamlead.rules.mentions import Mentions

    mentions = Mentions(certain)
    note_field = next(field for field in FREE_TEXTS if field.key == "note.text")
    found = [
        text
        for text in free_texts(session, FREE_TEXTS)
        if (text.field == note_field and text.record_id in linked) or mentions.spans(text.value)
    ]
    places = text_places(session, ((text.field, text.record_id) for text in found))
    rows = []
    for text in found:
        place = places[(text.field.key, text.record_id)]
        rows.append(
            {
                "where": text.field.label(),
                "field": text.field.key,
                "record": text.record_id,
                "date": _iso(place.on),
                "organisations": list(place.organisations),
                "text": text.value,
            }
        )
    return sorted(rows, key=lambda row: (row["date"] is None, row["date"] or "", row["field"], row["record"]))


def write_access_report(report: dict[str, Any], target: Path) -> Path:
    """Write the report as JSON (UTF-8, readable), atomically; only the user may read it (personal data)."""
    write_text(target, json.dumps(report, ensure_ascii=False, indent=2), mode=0o600)
    return target


def backups_holding(copies: Sequence[Path], person_id: int, values: Sequence[str]) -> list[Path]:
    """Which copies of the database (backups, before-upgrade copies, databases a restore set aside) still hold
    the person, read-only: their row (same id and name or e-mail address), or any of ``values``
    (:func:`teamlead.services.erasure.own_values`) as written or in lower case in the bytes of the file or of
    the ``-wal`` beside it."""
    from teamlead.data.integrity import read_header, read_only, sidecars

    needles = {variant.encode("utf-8") for value in values for variant in (value, value.lower())}
    marks = ",".join("?" * len(values))
    holding = []
    for path in copies:
        try:
            with read_only(path, read_header(path), immutable=True) as connection:
                found = connection.execute(
                    f"SELECT 1 FROM person WHERE id = ? AND (name IN ({marks}) OR email IN ({marks}))",
                    (person_id, *values, *values),
                ).fetchone()
        except (sqlite3.Error, OSError, ValueError):  # an unreadable copy: look at its bytes
            found = None
        if found is None:
            found = any(_holds(file, needles) for file in (path, *sidecars(path))) or None
        if found:
            holding.append(path)
    return holding


def _holds(file: Path, needles: set[bytes]) -> bool:
    try:
        data = file.read_bytes()
    except OSError:  # gone, or unreadable: nothing found there
        return False
    return any(needle in data for needle in needles)
