"""Notes for the screens: the note list with its filters, and the row shape the dashboard shares."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from teamlead.data.geography import Neighbourhood
from teamlead.data.notes import Note, note_organisation, note_person
from teamlead.data.queries._common import grouped
from teamlead.data.roster import Organisation, Person


@dataclass(frozen=True, slots=True)
class NoteRow:
    id: int
    occurred_on: date
    kind: str
    text: str
    district_id: int | None
    neighbourhood_id: int | None
    neighbourhood: str
    organisation_ids: tuple[int, ...]
    organisations: tuple[str, ...]
    person_ids: tuple[int, ...]
    persons: tuple[str, ...]
    follow_up_on: date | None
    follow_up_done: bool
    version: int


def note_rows(
    session: Session,
    ids: Select[int],
    *,
    order: Sequence[Any],
    limit: int | None = None,
) -> list[NoteRow]:
    """Notes whose ids ``ids`` selects, in ``order``, with their organisations (in order) and persons."""
    query = (
        select(Note, Neighbourhood.name)
        .outerjoin(Neighbourhood, Neighbourhood.id == Note.neighbourhood_id)
        .where(Note.id.in_(ids))
        .order_by(*order)
    )
    if limit is not None:
        query = query.limit(limit)
    rows = session.execute(query).all()
    note_ids = [note.id for note, _ in rows]
    organisations: dict[int, tuple[tuple[int, str], ...]] = {}
    persons: dict[int, tuple[tuple[int, str], ...]] = {}
    for start in range(0, len(note_ids), 1000):
        chunk = note_ids[start : start + 1000]
        organisations.update(
            grouped(
                (note_id, (org_id, name))
                for note_id, org_id, name in session.execute(
                    select(note_organisation.c.note_id, Organisation.id, Organisation.name)
                    .join(Organisation, Organisation.id == note_organisation.c.organisation_id)
                    .where(note_organisation.c.note_id.in_(chunk))
                    .order_by(note_organisation.c.note_id, note_organisation.c.position)
                )
            )
        )
        persons.update(
            grouped(
                (note_id, (person_id, name))
                for note_id, person_id, name in session.execute(
                    select(note_person.c.note_id, Person.id, Person.name)
                    .join(Person, Person.id == note_person.c.person_id)
                    .where(note_person.c.note_id.in_(chunk))
                    .order_by(note_person.c.note_id, Person.name)
                )
            )
        )
    result = []
    for note, neighbourhood in rows:
        orgs = organisations.get(note.id, ())
        people = persons.get(note.id, ())
        result.append(
            NoteRow(
                id=note.id,
                occurred_on=note.occurred_on,
                kind=note.kind,
                text=note.text,
                district_id=note.district_id,
                neighbourhood_id=note.neighbourhood_id,
                neighbourhood=neighbourhood or "",
                organisation_ids=tuple(o for o, _ in orgs),
                organisations=tuple(n for _, n in orgs),
                person_ids=tuple(p for p, _ in people),
                persons=tuple(n for _, n in people),
                follow_up_on=note.follow_up_on,
                follow_up_done=note.follow_up_done,
                version=note.version,
            )
        )
    return result


def notes(
    session: Session,
    *,
    kind: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    neighbourhood_id: int | None = None,
    organisation_id: int | None = None,
    person_id: int | None = None,
    district_id: int | None = None,
    limit: int | None = 1000,
) -> list[NoteRow]:
    """Notes matching every filter given, newest first, at most ``limit`` (None: all)."""
    ids = select(Note.id)
    if kind is not None:
        ids = ids.where(Note.kind == kind)
    if date_from is not None:
        ids = ids.where(Note.occurred_on >= date_from)
    if date_to is not None:
        ids = ids.where(Note.occurred_on <= date_to)
    if neighbourhood_id is not None:
        ids = ids.where(Note.neighbourhood_id == neighbourhood_id)
    if district_id is not None:
        ids = ids.where(Note.district_id == district_id)
    if organisation_id is not None:
        ids = ids.where(
            Note.id.in_(
                select(note_organisation.c.note_id).where(
                    note_organisation.c.organisation_id == organisation_id
                )
            )
        )
    if person_id is not None:
        ids = ids.where(
            Note.id.in_(select(note_person.c.note_id).where(note_person.c.person_id == person_id))
        )
    return note_rows(session, ids, order=(Note.occurred_on.desc(), Note.id.desc()), limit=limit)
