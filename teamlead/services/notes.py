"""Contact moments: log a call, visit, e-mail, meeting or signal; edit it; tick off its follow-up; delete it.

A note belongs to one district, by the one precedence of ``shared/interface.md`` ("Districts"): the one given;
the district of the neighbourhood it is about (a signal seen in Noord is Noord's, even when the partner who
reported it has its home elsewhere and serves Noord); the screen's; its first organisation's; the user's
default; the only district. A note's neighbourhood must lie in the note's district. An edit without a
district keeps the note's own.

A note of kind signal has its signal round (:mod:`.signal_rounds` follows it up): logging a signal opens one,
an edit that makes a note a signal opens one, an edit that makes a signal another kind removes it (the
partners' answers stay as contact moments), and a signal's date follows the moment it came in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from teamlead.data.geography import Neighbourhood
from teamlead.data.notes import Note, note_organisation, note_person
from teamlead.data.signals import SignalAsk, SignalRound
from teamlead.errors import UserError, ValidationError
from teamlead.i18n import tr
from teamlead.rules import formatting
from teamlead.rules.clock import AMSTERDAM, local_day
from teamlead.rules.vocabulary import AuditAction, NoteKind
from teamlead.services._common import (
    apply_changes,
    audit,
    audit_row,
    check_choice,
    flush,
    for_edit,
    now_or,
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
    came_in_at: datetime | None = None
    """A signal's moment (aware); its Amsterdam day is the note's date. None: now when the note is today's,
    else noon of its day."""


def _validated(
    session: Session, data: NoteInput, today: date, current_district_id: int | None = None
) -> tuple[dict[str, object], list[int], list[int]]:
    kind = check_choice("kind", tr("Kind"), data.kind, NoteKind)
    text = required_text("text", tr("Text"), data.text, 100_000)
    organisation_ids = organisation_ids_or_fail(session, data.organisation_ids)
    person_ids = person_ids_or_fail(session, data.person_ids)
    occurred_on = data.occurred_on or today
    if data.came_in_at is not None:
        if data.came_in_at.tzinfo is None:
            raise ValidationError("came_in_at", tr("A moment needs its time zone."))
        occurred_on = local_day(data.came_in_at)
    if data.follow_up_on is not None and data.follow_up_on < occurred_on:
        raise ValidationError(
            "follow_up_on",
            tr(
                "The follow-up date {follow_up} lies before the date of the note {date}.",
                follow_up=formatting.day_text(data.follow_up_on),
                date=formatting.day_text(occurred_on),
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
    if note.kind == NoteKind.SIGNAL:
        _open_round(session, note, data.came_in_at, now)
    return note.id


def _came_in_at(day: date, given: datetime | None, now: datetime | None) -> datetime:
    if given is not None:
        return given
    moment = now_or(now).astimezone(AMSTERDAM)
    return moment if moment.date() == day else datetime.combine(day, time(12, 0), tzinfo=AMSTERDAM)


def _open_round(session: Session, note: Note, came_in_at: datetime | None, now: datetime | None) -> None:
    signal_round = SignalRound(
        note_id=note.id, came_in_at=_came_in_at(note.occurred_on, came_in_at, now), outcome="", feedback=""
    )
    session.add(signal_round)
    flush(session)
    audit(session, signal_round, AuditAction.CREATE, ["note_id", "came_in_at"], now=now)


def _follow_kind_and_day(
    session: Session, note: Note, was_signal: bool, came_in_at: datetime | None, now: datetime | None
) -> None:
    """Keep the round in step with an edited note: opened, removed, or moved to the note's new day."""
    signal_round = session.scalar(select(SignalRound).where(SignalRound.note_id == note.id))
    if note.kind != NoteKind.SIGNAL:
        if signal_round is not None:
            _audit_round_removal(session, signal_round, now)
            session.delete(signal_round)
            flush(session)
        return
    if signal_round is None:
        if not was_signal:  # a signal recorded before rounds existed stays without one
            _open_round(session, note, came_in_at, now)
        return
    wanted = came_in_at
    if wanted is None and local_day(signal_round.came_in_at) != note.occurred_on:
        clock = signal_round.came_in_at.astimezone(AMSTERDAM).time()
        wanted = datetime.combine(note.occurred_on, clock, tzinfo=AMSTERDAM)
    if wanted is not None and apply_changes(signal_round, {"came_in_at": wanted}):
        touch(signal_round, now)
        flush(session)
        audit(session, signal_round, AuditAction.UPDATE, ["came_in_at"], now=now)


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
    was_signal = note.kind == NoteKind.SIGNAL
    values, organisation_ids, person_ids = _validated(
        session, data, note.occurred_on or today_or(today), note.district_id
    )
    if data.occurred_on is None and data.came_in_at is None:
        values["occurred_on"] = note.occurred_on
    old_organisations, old_persons = _links(session, note.id)
    changed = apply_changes(note, values)
    if old_organisations != organisation_ids:
        changed.append("organisation_ids")
    if old_persons != sorted(person_ids):
        changed.append("person_ids")
    if not changed:
        _follow_kind_and_day(session, note, was_signal, data.came_in_at, now)
        return
    touch(note, now)
    flush(session)  # one UPDATE: the version goes up once, or the edit is refused as a conflict
    if {"organisation_ids", "person_ids"} & set(changed):
        _link(session, note.id, organisation_ids, person_ids)
        session.expire(note, ["organisations", "persons"])
    audit(session, note, AuditAction.UPDATE, changed, now=now)
    _follow_kind_and_day(session, note, was_signal, data.came_in_at, now)


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
    signal_round = session.scalar(select(SignalRound).where(SignalRound.note_id == note.id))
    if signal_round is not None:
        _audit_round_removal(session, signal_round, now)
    session.delete(note)
    flush(session)
    audit(session, note, AuditAction.DELETE, [], now=now)


def _audit_round_removal(session: Session, signal_round: SignalRound, now: datetime | None) -> None:
    """A signal's round and its asks go with it (the database cascades): each gets its audit entry. The
    partners' contact moments stay, they happened."""
    for ask_id in session.scalars(select(SignalAsk.id).where(SignalAsk.round_id == signal_round.id)):
        audit_row(session, "signal_ask", ask_id, AuditAction.DELETE, now=now)
    audit_row(session, "signal_round", signal_round.id, AuditAction.DELETE, now=now)
