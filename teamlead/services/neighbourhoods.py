"""What the team lead keeps about a neighbourhood on its page: its focus, its dated history, its places
(leefplekken), and which place a note is about. Its yearly outcome figures are written by
:mod:`teamlead.services.indicators` (the page and the indicators import alike).

Place names are unique per neighbourhood by the identity rule (:func:`~teamlead.rules.text.identity_key`), as
neighbourhood names are per district, so "Het Plein" and "het plein" stay one place. A note points at a place of
its own neighbourhood only.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from teamlead.data.geography import Neighbourhood
from teamlead.data.notes import Note, note_place
from teamlead.data.places import NeighbourhoodEvent, Place
from teamlead.errors import UserError, ValidationError
from teamlead.i18n import tr, trn
from teamlead.rules.limits import Width
from teamlead.rules.text import identity_key
from teamlead.rules.vocabulary import AuditAction, PlaceKind
from teamlead.services._common import (
    apply_changes,
    audit,
    audit_row,
    check_choice,
    flush,
    for_edit,
    get_or_fail,
    limited_text,
    required_text,
    today_or,
)

# A history line is a line, not an essay (the page lists them).
EVENT_LENGTH = 1000
FOCUS_LENGTH = 4000

# --- focus and history ---------------------------------------------------------------------------------------


def set_focus(
    session: Session,
    neighbourhood_id: int,
    focus: str,
    *,
    expected_version: int,
    today: date | None = None,
    now: datetime | None = None,
) -> None:
    """The neighbourhood's focus and task (opgave) as the team lead writes it today; an unchanged text keeps
    its date."""
    neighbourhood = for_edit(session, Neighbourhood, neighbourhood_id, expected_version)
    text = limited_text("focus", tr("Focus"), focus, FOCUS_LENGTH)
    if text == neighbourhood.focus:
        return
    changed = apply_changes(neighbourhood, {"focus": text, "focus_on": today_or(today)})
    flush(session)
    audit(session, neighbourhood, AuditAction.UPDATE, changed, now=now)


def _event_text(text: str) -> str:
    return required_text("text", tr("What happened"), text, EVENT_LENGTH)


def add_event(
    session: Session, neighbourhood_id: int, happened_on: date, text: str, *, now: datetime | None = None
) -> int:
    """A dated line of the neighbourhood's history."""
    get_or_fail(session, Neighbourhood, neighbourhood_id, "neighbourhood_id")
    event = NeighbourhoodEvent(
        neighbourhood_id=neighbourhood_id, happened_on=happened_on, text=_event_text(text)
    )
    session.add(event)
    flush(session)
    audit(session, event, AuditAction.CREATE, ["neighbourhood_id", "happened_on", "text"], now=now)
    return event.id


def edit_event(
    session: Session,
    event_id: int,
    happened_on: date,
    text: str,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> None:
    event = for_edit(session, NeighbourhoodEvent, event_id, expected_version)
    changed = apply_changes(event, {"happened_on": happened_on, "text": _event_text(text)})
    flush(session)
    if changed:
        audit(session, event, AuditAction.UPDATE, changed, now=now)


def delete_event(
    session: Session, event_id: int, *, expected_version: int, now: datetime | None = None
) -> None:
    event = for_edit(session, NeighbourhoodEvent, event_id, expected_version)
    session.delete(event)
    flush(session)
    audit_row(session, "neighbourhood_event", event_id, AuditAction.DELETE, now=now)


# --- places --------------------------------------------------------------------------------------------------


def _unique_place_name(session: Session, neighbourhood_id: int, name: str, exclude_id: int | None) -> None:
    wanted = identity_key(name)
    for other_id, other_name in session.execute(
        select(Place.id, Place.name).where(Place.neighbourhood_id == neighbourhood_id)
    ):
        if other_id != exclude_id and identity_key(other_name) == wanted:
            raise ValidationError(
                "name", tr("This neighbourhood already has a place called {name}.", name=other_name)
            )


def _place_values(name: str, kind: str, address: str) -> dict[str, str]:
    return {
        "name": required_text("name", tr("Name"), name, Width.NAME),
        "kind": check_choice("kind", tr("Kind"), kind, PlaceKind),
        "address": limited_text("address", tr("Address"), address, Width.ADDRESS),
    }


def add_place(
    session: Session,
    neighbourhood_id: int,
    name: str,
    kind: str,
    address: str = "",
    *,
    now: datetime | None = None,
) -> int:
    """A place where young people spend their time: a school, a square, a hang-out."""
    get_or_fail(session, Neighbourhood, neighbourhood_id, "neighbourhood_id")
    values = _place_values(name, kind, address)
    _unique_place_name(session, neighbourhood_id, values["name"], None)
    place = Place(neighbourhood_id=neighbourhood_id, **values)
    session.add(place)
    flush(session)
    audit(session, place, AuditAction.CREATE, ["neighbourhood_id", *values], now=now)
    return place.id


def edit_place(
    session: Session,
    place_id: int,
    name: str,
    kind: str,
    address: str = "",
    *,
    expected_version: int,
    now: datetime | None = None,
) -> None:
    """Rename a place or change its kind or address; the notes pointing at it keep pointing at it."""
    place = for_edit(session, Place, place_id, expected_version)
    values = _place_values(name, kind, address)
    _unique_place_name(session, place.neighbourhood_id, values["name"], place.id)
    changed = apply_changes(place, values)
    flush(session)
    if changed:
        audit(session, place, AuditAction.UPDATE, changed, now=now)


def notes_at_place(session: Session, place_id: int) -> int:
    """How many notes point at the place (what deleting it takes away)."""
    return session.scalar(select(func.count()).where(note_place.c.place_id == place_id)) or 0


def delete_place(
    session: Session,
    place_id: int,
    *,
    expected_version: int,
    confirmed: bool = False,
    now: datetime | None = None,
) -> None:
    """Remove a place. When notes point at it, the user must have confirmed (``confirmed``): the notes stay,
    they lose their place (the database drops the links)."""
    place = for_edit(session, Place, place_id, expected_version)
    pointing = list(session.scalars(select(note_place.c.note_id).where(note_place.c.place_id == place.id)))
    if pointing and not confirmed:
        raise UserError(
            trn(
                "{count} note points at {place}; confirm to delete the place (the note stays).",
                "{count} notes point at {place}; confirm to delete the place (the notes stay).",
                len(pointing),
                place=place.name,
            )
        )
    session.execute(delete(note_place).where(note_place.c.place_id == place.id))
    for note_id in pointing:
        audit_row(session, "note", note_id, AuditAction.UPDATE, ["place"], now=now)
    session.delete(place)
    flush(session)
    audit_row(session, "place", place_id, AuditAction.DELETE, now=now)


def set_note_place(
    session: Session, note_id: int, place_id: int | None, *, now: datetime | None = None
) -> None:
    """Which place the note (a signal, a visit) is about; None: none. The place must lie in the note's
    neighbourhood. The note's own version stays: the link is its own row, so a form open on the note is not
    turned into a conflict by it."""
    note = get_or_fail(session, Note, note_id, "note_id")
    if place_id is not None:
        place = get_or_fail(session, Place, place_id, "place_id")
        if place.neighbourhood_id != note.neighbourhood_id:
            raise ValidationError(
                "place_id",
                tr("{place} does not lie in the neighbourhood of this note.", place=place.name),
            )
    current = session.scalar(select(note_place.c.place_id).where(note_place.c.note_id == note_id))
    if current == place_id:
        return
    session.execute(delete(note_place).where(note_place.c.note_id == note_id))
    if place_id is not None:
        session.execute(insert(note_place).values(note_id=note_id, place_id=place_id))
    session.expire(note, ["place"])
    audit_row(session, "note", note_id, AuditAction.UPDATE, ["place"], now=now)
