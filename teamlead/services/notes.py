"""Contact moments: log a call, visit, e-mail, meeting or signal; edit it; tick off its follow-up; delete it.

A note belongs to one district, by the one precedence of ``shared/interface.md`` ("Districts"): the one given;
the district of the neighbourhood it is about (a signal seen in Noord is Noord's, even when the partner who
reported it has its home elsewhere and serves Noord); the screen's; its first organisation's; the user's
default; the only district. A note's neighbourhood must lie in the note's district. An edit without a
district keeps the note's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from teamlead.data.geography import Neighbourhood
from teamlead.data.notes import Note, note_organisation, note_person
from teamlead.errors import UserError, ValidationError
from teamlead.i18n import tr
from teamlead.rules.vocabulary import AuditAction, NoteKind
from teamlead.services._common import (
    apply_changes,
    audit,
    check_choice,
    flush,
    for_edit,
    organisation_ids_or_fail,
    person_ids_or_fail,
    record_district,
    required_text,
    today_or,
    touch,
)


@dataclass(frozen=True, slots=True)
class NoteInput:
    """What the note form holds. ``occurred_on`` None means today."""

    kind: str
    text: str
    organisation_ids: Sequence[int] = field(default=())
    person_ids: Sequence[int] = field(default=())
    occurred_on: date | None = None
    district_id: int | None = None
    neighbourhood_id: int | None = None
    follow_up_on: date | None = None
    screen_district_id: int | None = None
    """The district of the screen the note is logged from (Who to call's neighbourhood), when not chosen."""


def _validated(
    session: Session, data: NoteInput, today: date, current_district_id: int | None = None
) -> tuple[dict[str, object], list[int], list[int]]:
    kind = check_choice("kind", tr("Kind"), data.kind, NoteKind)
    text = required_text("text", tr("Text"), data.text, 100_000)
    organisation_ids = organisation_ids_or_fail(session, data.organisation_ids)
    person_ids = person_ids_or_fail(session, data.person_ids)
    occurred_on = data.occurred_on or today
    if data.follow_up_on is not None and data.follow_up_on < occurred_on:
        raise ValidationError(
            "follow_up_on",
            tr(
                "The follow-up date {follow_up} lies before the date of the note {date}.",
                follow_up=data.follow_up_on.isoformat(),
                date=occurred_on.isoformat(),
            ),
        )
    neighbourhood = None
    if data.neighbourhood_id is not None:
        neighbourhood = session.get(Neighbourhood, data.neighbourhood_id)
        if neighbourhood is None:
            raise ValidationError(
                "neighbourhood_id", tr("Unknown neighbourhood (id {id}).", id=data.neighbourhood_id)
            )
    chosen = data.district_id
    if chosen is None and neighbourhood is None:
        chosen = current_district_id
    district_id = record_district(
        session,
        chosen=chosen,
        neighbourhood_id=data.neighbourhood_id,
        screen_district_id=data.screen_district_id,
        organisation_ids=organisation_ids,
    )
    if neighbourhood is not None and neighbourhood.district_id != district_id:
        raise ValidationError(
            "neighbourhood_id",
            tr("The neighbourhood {name} lies in another district than the note.", name=neighbourhood.name),
        )
    values: dict[str, object] = {
        "kind": kind,
        "text": text,
        "occurred_on": occurred_on,
        "district_id": district_id,
        "neighbourhood_id": data.neighbourhood_id,
        "follow_up_on": data.follow_up_on,
    }
    return values, organisation_ids, person_ids


def _link(session: Session, note_id: int, organisation_ids: list[int], person_ids: list[int]) -> None:
    session.execute(delete(note_organisation).where(note_organisation.c.note_id == note_id))
    session.execute(delete(note_person).where(note_person.c.note_id == note_id))
    if organisation_ids:
        session.execute(
            insert(note_organisation),
            [
                {"note_id": note_id, "organisation_id": o, "position": i}
                for i, o in enumerate(organisation_ids)
            ],
        )
    if person_ids:
        session.execute(insert(note_person), [{"note_id": note_id, "person_id": p} for p in person_ids])


def _links(session: Session, note_id: int) -> tuple[list[int], list[int]]:
    organisations = session.scalars(
        select(note_organisation.c.organisation_id)
        .where(note_organisation.c.note_id == note_id)
        .order_by(note_organisation.c.position)
    )
    persons = session.scalars(select(note_person.c.person_id).where(note_person.c.note_id == note_id))
    return list(organisations), sorted(persons)


def log_note(
    session: Session, data: NoteInput, *, today: date | None = None, now: datetime | None = None
) -> int:
    """Record a contact moment; organisations keep the order given (the first decides the district)."""
    values, organisation_ids, person_ids = _validated(session, data, today_or(today))
    note = Note(follow_up_done=False, **values)
    session.add(note)
    flush(session)
    _link(session, note.id, organisation_ids, person_ids)
    fields = [k for k, v in values.items() if v is not None]
    audit(session, note, AuditAction.CREATE, [*fields, "organisation_ids", "person_ids"], now=now)
    return note.id


def edit_note(
    session: Session,
    note_id: int,
    data: NoteInput,
    *,
    expected_version: int,
    today: date | None = None,
    now: datetime | None = None,
) -> None:
    note = for_edit(session, Note, note_id, expected_version)
    values, organisation_ids, person_ids = _validated(
        session, data, note.occurred_on or today_or(today), note.district_id
    )
    if data.occurred_on is None:
        values["occurred_on"] = note.occurred_on
    old_organisations, old_persons = _links(session, note.id)
    changed = apply_changes(note, values)
    if old_organisations != organisation_ids:
        changed.append("organisation_ids")
    if old_persons != sorted(person_ids):
        changed.append("person_ids")
    if not changed:
        return
    touch(note, now)
    flush(session)  # one UPDATE: the version goes up once, or the edit is refused as a conflict
    if {"organisation_ids", "person_ids"} & set(changed):
        _link(session, note.id, organisation_ids, person_ids)
        session.expire(note, ["organisations", "persons"])
    audit(session, note, AuditAction.UPDATE, changed, now=now)


def set_follow_up_done(
    session: Session, note_id: int, *, expected_version: int, done: bool = True, now: datetime | None = None
) -> None:
    """Tick off (or reopen) a note's follow-up."""
    note = for_edit(session, Note, note_id, expected_version)
    if note.follow_up_on is None:
        raise ValidationError("follow_up_done", tr("This note has no follow-up date."))
    changed = apply_changes(note, {"follow_up_done": done})
    flush(session)
    if changed:
        audit(session, note, AuditAction.UPDATE, changed, now=now)


def delete_note(
    session: Session, note_id: int, *, expected_version: int, confirmed: bool, now: datetime | None = None
) -> None:
    """Delete a note for good; the caller must have asked the user (``confirmed``), since there is no undo."""
    if not confirmed:
        raise UserError(tr("Deleting a note cannot be undone; confirm to delete it."))
    note = for_edit(session, Note, note_id, expected_version)
    session.delete(note)
    flush(session)
    audit(session, note, AuditAction.DELETE, [], now=now)
