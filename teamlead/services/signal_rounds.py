"""Following a signal up: it comes in, partners are asked whether they know it, it is closed, feedback goes back.

A signal is one note of kind ``signal`` (``signals`` counts it once) with its :class:`SignalRound`. Asking a
partner logs a contact moment with that partner of kind call, visit or e-mail (never a signal), linked from the
ask, so the partner's stay-in-touch light follows. Moments are as recorded and stay editable: the curfew-night
round is typed in afterwards, and the city's figure must measure the response, not the typing. The signal note's
date is the Amsterdam day its round came in; an answer's contact moment is dated the day the partner was asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from teamlead.data.notes import Note
from teamlead.data.roster import Organisation
from teamlead.data.signals import SignalAsk, SignalRound, Theme, signal_theme
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules import formatting, words
from teamlead.rules.clock import local_day
from teamlead.rules.vocabulary import ASKED_KINDS, AuditAction, NoteKind, SignalAnswer
from teamlead.services._common import (
    apply_changes,
    audit,
    audit_row,
    check_choice,
    flush,
    for_edit,
    get_or_fail,
    limited_text,
    today_or,
    touch,
)
from teamlead.services.notes import NoteInput, log_note

_CLOSE_TEXT = 100_000


@dataclass(frozen=True, slots=True)
class SignalInput:
    """What the signal form holds: what was seen, when it came in, where, its themes and who reported it."""

    text: str
    came_in_at: datetime
    """Aware; its Amsterdam day becomes the note's date."""
    neighbourhood_id: int | None
    theme_ids: Sequence[int] = field(default=())
    organisation_ids: Sequence[int] = field(default=())
    person_ids: Sequence[int] = field(default=())
    district_id: int | None = None
    screen_district_id: int | None = None


def _aware(field_name: str, moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValidationError(field_name, tr("A moment needs its time zone."))
    return moment


def _theme_ids(session: Session, theme_ids: Sequence[int]) -> list[int]:
    wanted = list(dict.fromkeys(theme_ids))
    known = set(session.scalars(select(Theme.id).where(Theme.id.in_(wanted)))) if wanted else set()
    for theme_id in wanted:
        if theme_id not in known:
            raise ValidationError("theme_ids", tr("Unknown theme (id {id}).", id=theme_id))
    return wanted


def _write_themes(session: Session, round_id: int, theme_ids: list[int]) -> None:
    session.execute(delete(signal_theme).where(signal_theme.c.round_id == round_id))
    if theme_ids:
        session.execute(
            insert(signal_theme), [{"round_id": round_id, "theme_id": theme_id} for theme_id in theme_ids]
        )


def round_of(session: Session, note_id: int) -> SignalRound:
    """The round of a signal note, or a :class:`ValidationError` (not a signal, or recorded before rounds)."""
    found = session.scalar(select(SignalRound).where(SignalRound.note_id == note_id))
    if found is None:
        raise ValidationError(
            "note_id", tr("This note is not a signal with a signal round (id {id}).", id=note_id)
        )
    return found


def log_signal(session: Session, data: SignalInput, *, now: datetime | None = None) -> int:
    """Record a signal with its round and themes; returns the note's id."""
    came_in_at = _aware("came_in_at", data.came_in_at)
    theme_ids = _theme_ids(session, data.theme_ids)
    note_id = log_note(
        session,
        NoteInput(
            kind=NoteKind.SIGNAL,
            text=data.text,
            organisation_ids=data.organisation_ids,
            person_ids=data.person_ids,
            district_id=data.district_id,
            neighbourhood_id=data.neighbourhood_id,
            screen_district_id=data.screen_district_id,
            came_in_at=came_in_at,
        ),
        now=now,
    )
    _write_themes(session, round_of(session, note_id).id, theme_ids)
    return note_id


@dataclass(frozen=True, slots=True)
class RoundInput:
    """What the signal-round form holds besides the partners asked."""

    came_in_at: datetime
    theme_ids: Sequence[int]
    closed_on: date | None = None
    outcome: str = ""
    feedback_on: date | None = None
    feedback: str = ""


def save_round(
    session: Session,
    note_id: int,
    data: RoundInput,
    *,
    expected_version: int,
    today: date | None = None,
    now: datetime | None = None,
) -> None:
    """Save the round as the form holds it: when it came in (the note's date follows), its themes, and its
    close with the feedback; one change of version, or a conflict when someone saved it meanwhile.

    A close or feedback is recorded once it happened (never on a day after ``today``), and a signal came in
    before the first partner was asked about it: the city's hours to the first ask are never negative."""
    signal_round = for_edit(session, SignalRound, round_of(session, note_id).id, expected_version)
    came_in_at = _aware("came_in_at", data.came_in_at)
    themes = _theme_ids(session, data.theme_ids)
    old_themes = sorted(
        session.scalars(select(signal_theme.c.theme_id).where(signal_theme.c.round_id == signal_round.id))
    )
    came_in_on = local_day(came_in_at)
    day = today_or(today)
    for field_name, value in (("closed_on", data.closed_on), ("feedback_on", data.feedback_on)):
        if value is not None and value > day:
            raise ValidationError(
                field_name,
                tr("{day} is still to come: record it once it has happened.", day=formatting.day_text(value)),
            )
    first_ask = session.scalar(
        select(func.min(SignalAsk.asked_at)).where(SignalAsk.round_id == signal_round.id)
    )
    if first_ask is not None and came_in_at > first_ask:
        raise ValidationError(
            "came_in_at",
            tr(
                "The signal cannot have come in after the first partner was asked about it ({moment}).",
                moment=formatting.moment_text(first_ask),
            ),
        )
    if data.closed_on is not None and data.closed_on < came_in_on:
        raise ValidationError(
            "closed_on",
            tr(
                "The signal cannot be closed on {closed}, before it came in on {came_in}.",
                closed=formatting.day_text(data.closed_on),
                came_in=formatting.day_text(came_in_on),
            ),
        )
    if data.feedback_on is not None and data.closed_on is None:
        raise ValidationError(
            "feedback_on", tr("Close the signal first: feedback goes back once it is closed.")
        )
    if data.feedback_on is not None and data.feedback_on < came_in_on:
        raise ValidationError(
            "feedback_on",
            tr(
                "Feedback cannot have gone back on {day}, before the signal came in on {came_in}.",
                day=formatting.day_text(data.feedback_on),
                came_in=formatting.day_text(came_in_on),
            ),
        )
    changed = apply_changes(
        signal_round,
        {
            "came_in_at": came_in_at,
            "closed_on": data.closed_on,
            "outcome": limited_text("outcome", tr("What was done"), data.outcome, _CLOSE_TEXT),
            "feedback_on": data.feedback_on,
            "feedback": limited_text("feedback", tr("Feedback"), data.feedback, _CLOSE_TEXT),
        },
    )
    if old_themes != sorted(themes):
        changed.append("theme_ids")
    if not changed:
        return
    touch(signal_round, now)
    flush(session)
    if "theme_ids" in changed:
        _write_themes(session, signal_round.id, themes)
        session.expire(signal_round, ["themes"])
    note = signal_round.note
    if note.occurred_on != came_in_on:
        note.occurred_on = came_in_on
        touch(note, now)
        flush(session)
        audit(session, note, AuditAction.UPDATE, ["occurred_on"], now=now)
    audit(session, signal_round, AuditAction.UPDATE, changed, now=now)


def _form_of(signal_round: SignalRound) -> RoundInput:
    return RoundInput(
        came_in_at=signal_round.came_in_at,
        theme_ids=[theme.id for theme in signal_round.themes],
        closed_on=signal_round.closed_on,
        outcome=signal_round.outcome,
        feedback_on=signal_round.feedback_on,
        feedback=signal_round.feedback,
    )


def edit_round(
    session: Session,
    note_id: int,
    *,
    came_in_at: datetime,
    theme_ids: Sequence[int],
    expected_version: int,
    now: datetime | None = None,
) -> None:
    """Correct when the signal came in and what it is about; the note's date follows the moment."""
    current = _form_of(round_of(session, note_id))
    data = RoundInput(
        came_in_at, theme_ids, current.closed_on, current.outcome, current.feedback_on, current.feedback
    )
    save_round(session, note_id, data, expected_version=expected_version, now=now)


def _asked_after_it_came_in(signal_round: SignalRound, asked_at: datetime) -> datetime:
    asked_at = _aware("asked_at", asked_at)
    if asked_at < signal_round.came_in_at:
        raise ValidationError(
            "asked_at",
            tr(
                "A partner cannot have been asked before the signal came in ({moment}).",
                moment=formatting.moment_text(signal_round.came_in_at),
            ),
        )
    return asked_at


def _ask_text(signal: Note, answer: str | None) -> str:
    return tr(
        "Asked about the signal of {date}: {answer}.",
        date=formatting.day_text(signal.occurred_on),
        answer=words.signal_answer(answer).lower(),
    )


def ask_partner(
    session: Session,
    note_id: int,
    organisation_id: int,
    *,
    person_id: int | None,
    kind: str,
    answer: str | None,
    asked_at: datetime,
    text: str = "",
    now: datetime | None = None,
) -> int:
    """Record that a partner was asked (and what they answered), as a contact moment with that partner."""
    signal_round = round_of(session, note_id)
    kind = check_choice("kind", tr("Kind"), kind, ASKED_KINDS)
    if answer is not None:
        check_choice("answer", tr("Answer"), answer, SignalAnswer)
    asked_at = _asked_after_it_came_in(signal_round, asked_at)
    get_or_fail(session, Organisation, organisation_id, "organisation_id")
    signal = signal_round.note
    contact_note_id = log_note(
        session,
        NoteInput(
            kind=kind,
            text=limited_text("text", tr("Text"), text, _CLOSE_TEXT) or _ask_text(signal, answer),
            organisation_ids=[organisation_id],
            person_ids=[person_id] if person_id is not None else [],
            occurred_on=local_day(asked_at),
            district_id=signal.district_id,
            neighbourhood_id=signal.neighbourhood_id,
        ),
        now=now,
    )
    ask = SignalAsk(
        round_id=signal_round.id,
        organisation_id=organisation_id,
        person_id=person_id,
        asked_at=asked_at,
        answer=answer,
        contact_note_id=contact_note_id,
    )
    session.add(ask)
    flush(session)
    audit(
        session,
        ask,
        AuditAction.CREATE,
        ["round_id", "organisation_id", "person_id", "asked_at", "answer"],
        now=now,
    )
    return ask.id


def edit_ask(
    session: Session,
    ask_id: int,
    *,
    asked_at: datetime,
    answer: str | None,
    expected_version: int,
    now: datetime | None = None,
) -> None:
    """Correct when a partner was asked or what they answered; the contact moment's date follows."""
    ask = for_edit(session, SignalAsk, ask_id, expected_version)
    if answer is not None:
        check_choice("answer", tr("Answer"), answer, SignalAnswer)
    asked_at = _asked_after_it_came_in(ask.round, asked_at)
    old_text = _ask_text(ask.round.note, ask.answer)
    changed = apply_changes(ask, {"asked_at": asked_at, "answer": answer})
    if not changed:
        return
    flush(session)
    contact = ask.contact_note
    if contact is not None:
        # The contact moment follows: its day, and its text while it is still the one written for the ask.
        values: dict[str, object] = {"occurred_on": local_day(asked_at)}
        if contact.text == old_text:
            values["text"] = _ask_text(ask.round.note, answer)
        moved = apply_changes(contact, values)
        if moved:
            touch(contact, now)
            flush(session)
            audit(session, contact, AuditAction.UPDATE, moved, now=now)
    audit(session, ask, AuditAction.UPDATE, changed, now=now)


def remove_ask(session: Session, ask_id: int, *, expected_version: int, now: datetime | None = None) -> None:
    """Take a partner off the round (asked by mistake); the contact moment stays, it did happen."""
    ask = for_edit(session, SignalAsk, ask_id, expected_version)
    session.delete(ask)
    flush(session)
    audit_row(session, "signal_ask", ask_id, AuditAction.DELETE, now=now)


def close_signal(
    session: Session,
    note_id: int,
    *,
    closed_on: date,
    outcome: str,
    feedback_on: date | None,
    feedback: str = "",
    expected_version: int,
    today: date | None = None,
    now: datetime | None = None,
) -> None:
    """Close the round: what was done, and when (if yet) feedback went back to the partners."""
    current = _form_of(round_of(session, note_id))
    data = RoundInput(current.came_in_at, current.theme_ids, closed_on, outcome, feedback_on, feedback)
    save_round(session, note_id, data, expected_version=expected_version, today=today, now=now)
