"""Signals for the screens: where a signal's round stands, the themes to pick, and one round with its asks.

The state of a signal (:class:`~teamlead.rules.vocabulary.SignalState`) is read here, once, for the notes list,
its filter and the dashboard: no round (recorded before rounds existed) -> none, never shown as open; not
closed -> open; closed without feedback recorded -> no_feedback; else closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, exists, not_, or_, select
from sqlalchemy.orm import Session, aliased

from teamlead.data.geography import Neighbourhood
from teamlead.data.notes import Note
from teamlead.data.roster import Organisation, Person
from teamlead.data.signals import SignalAsk, SignalRound, Theme, signal_theme
from teamlead.rules import words
from teamlead.rules.vocabulary import NoteKind, SignalState


def state_of(kind: str, has_round: bool, closed_on: date | None, feedback_on: date | None) -> str:
    """The state of a note's signal round; ``""`` for a note that is not a signal."""
    if kind != NoteKind.SIGNAL:
        return ""
    if not has_round:
        return SignalState.NONE
    if closed_on is None:
        return SignalState.OPEN
    return SignalState.NO_FEEDBACK if feedback_on is None else SignalState.CLOSED


def state_condition(state: str) -> ColumnElement[bool]:
    """Notes (signals) whose round is in ``state``, as a condition on :class:`Note`.

    The round is an alias of its own, so the condition holds inside a query that joins the rounds itself
    (the notes list does, to show each signal's state)."""
    round_ = aliased(SignalRound)
    rounds = select(round_.id).where(round_.note_id == Note.id)
    if state == SignalState.NONE:
        return and_(Note.kind == NoteKind.SIGNAL, not_(exists(rounds)))
    if state == SignalState.OPEN:
        condition: ColumnElement[bool] = round_.closed_on.is_(None)
    elif state == SignalState.NO_FEEDBACK:
        condition = and_(round_.closed_on.is_not(None), round_.feedback_on.is_(None))
    else:
        condition = and_(round_.closed_on.is_not(None), round_.feedback_on.is_not(None))
    return and_(Note.kind == NoteKind.SIGNAL, exists(rounds.where(condition)))


def theme_condition(theme_id: int, *, other: bool) -> ColumnElement[bool]:
    """Signals with the theme; for the theme ``other`` (``other``), also every signal without a theme (one
    recorded before rounds, or whose round names none), as the district report counts them."""
    round_ = aliased(SignalRound)
    themed = select(signal_theme.c.round_id).join(round_, round_.id == signal_theme.c.round_id)
    condition: ColumnElement[bool] = exists(
        themed.where(round_.note_id == Note.id, signal_theme.c.theme_id == theme_id)
    )
    if other:
        condition = or_(condition, not_(exists(themed.where(round_.note_id == Note.id))))
    return and_(Note.kind == NoteKind.SIGNAL, condition)


@dataclass(frozen=True, slots=True)
class ThemeChoice:
    id: int
    key: str
    name: str
    """As shown (a default theme in the current language)."""
    version: int


def theme_choices(session: Session) -> list[ThemeChoice]:
    """Every theme in its order: the defaults first, then the user's own."""
    rows = session.execute(
        select(Theme.id, Theme.key, Theme.name, Theme.version).order_by(Theme.position, Theme.id)
    )
    return [ThemeChoice(id_, key, words.theme_name(key, name), version) for id_, key, name, version in rows]


@dataclass(frozen=True, slots=True)
class AskRow:
    """A partner asked about a signal, and what they answered."""

    id: int
    organisation_id: int
    organisation: str
    person_id: int | None
    person: str
    asked_at: datetime
    answer: str | None
    contact_kind: str
    version: int


@dataclass(frozen=True, slots=True)
class SignalPage:
    """One signal and its round, as the signal-round dialog shows it."""

    note_id: int
    text: str
    occurred_on: date
    district_id: int | None
    neighbourhood_id: int | None
    neighbourhood: str
    round_id: int
    came_in_at: datetime
    theme_ids: tuple[int, ...]
    closed_on: date | None
    outcome: str
    feedback_on: date | None
    feedback: str
    version: int
    asks: tuple[AskRow, ...]

    @property
    def state(self) -> str:
        return state_of(NoteKind.SIGNAL, True, self.closed_on, self.feedback_on)


def asks_of(session: Session, note_id: int) -> tuple[AskRow, ...]:
    """The partners asked about the signal, in the order they were asked."""
    rows = session.execute(
        select(
            SignalAsk.id,
            SignalAsk.organisation_id,
            Organisation.name,
            SignalAsk.person_id,
            Person.name,
            SignalAsk.asked_at,
            SignalAsk.answer,
            Note.kind,
            SignalAsk.version,
        )
        .join(SignalRound, SignalRound.id == SignalAsk.round_id)
        .join(Organisation, Organisation.id == SignalAsk.organisation_id)
        .outerjoin(Person, Person.id == SignalAsk.person_id)
        .outerjoin(Note, Note.id == SignalAsk.contact_note_id)
        .where(SignalRound.note_id == note_id)
        .order_by(SignalAsk.asked_at, SignalAsk.id)
    )
    return tuple(
        AskRow(id_, org_id, org, person_id, person or "", asked_at, answer, kind or "", version)
        for id_, org_id, org, person_id, person, asked_at, answer, kind, version in rows
    )


def signal_page(session: Session, note_id: int) -> SignalPage | None:
    """The signal and its round; None when the note is gone or has no round (recorded before rounds)."""
    row = session.execute(
        select(Note, SignalRound, Neighbourhood.name)
        .join(SignalRound, SignalRound.note_id == Note.id)
        .outerjoin(Neighbourhood, Neighbourhood.id == Note.neighbourhood_id)
        .where(Note.id == note_id)
    ).first()
    if row is None:
        return None
    note, signal_round, neighbourhood = row
    themes = session.scalars(
        select(signal_theme.c.theme_id)
        .join(Theme, Theme.id == signal_theme.c.theme_id)
        .where(signal_theme.c.round_id == signal_round.id)
        .order_by(Theme.position, Theme.id)
    )
    return SignalPage(
        note_id=note.id,
        text=note.text,
        occurred_on=note.occurred_on,
        district_id=note.district_id,
        neighbourhood_id=note.neighbourhood_id,
        neighbourhood=neighbourhood or "",
        round_id=signal_round.id,
        came_in_at=signal_round.came_in_at,
        theme_ids=tuple(themes),
        closed_on=signal_round.closed_on,
        outcome=signal_round.outcome,
        feedback_on=signal_round.feedback_on,
        feedback=signal_round.feedback,
        version=signal_round.version,
        asks=asks_of(session, note.id),
    )
