"""The facts about a district's signals that the district report counts: loaded once per report, counts only.

City-safe by construction, like :mod:`teamlead.reporting.facts`: the queries name their columns, and none of
them is a signal's text, its round's outcome or its feedback. A signal is its note (of kind signal, counted on the
note's date); its round, when it has one, adds its themes, when it came in, its first partner asked, its close
and its feedback day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from teamlead.data.geography import Neighbourhood
from teamlead.data.notes import Note
from teamlead.data.signals import SignalAsk, SignalRound, Theme, signal_theme
from teamlead.reporting.model import NO_NEIGHBOURHOOD, SignalThemes, Value
from teamlead.reporting.periods import Counted, Period
from teamlead.reporting.summary_keys import DEFAULT_THEME_KEYS, THEME_PREFIX
from teamlead.rules import words
from teamlead.rules.vocabulary import UNTHEMED, NoteKind

if TYPE_CHECKING:
    from teamlead.reporting.facts import DistrictFacts


@dataclass(frozen=True)
class ThemeFact:
    key: str
    """The Summary key part (``signals_theme_<key>``), fixed when the theme was made."""
    name: str
    """As shown (:func:`teamlead.rules.words.theme_name`), in the report's language."""


@dataclass(frozen=True)
class SignalFact:
    day: date
    """The signal note's date: the Amsterdam day it came in."""
    neighbourhood_id: int | None
    themes: tuple[str, ...]
    """Theme keys; ``other`` for a signal without a round or a round without themes."""
    came_in_at: datetime | None
    """None for a signal recorded before signal rounds existed."""
    first_asked_at: datetime | None
    """The earliest moment a partner was asked (as recorded), if any was."""
    closed_on: date | None
    feedback_on: date | None

    def first_ask_hours(self, made_at: datetime) -> float | None:
        """Hours from coming in to the first partner asked, when that ask was made before ``made_at``."""
        if self.came_in_at is None or self.first_asked_at is None or self.first_asked_at > made_at:
            return None
        return (self.first_asked_at - self.came_in_at).total_seconds() / 3600


def load_themes(session: Session) -> list[ThemeFact]:
    """The default themes in their fixed order (even when renamed), then the user-made ones as listed."""
    rows = session.execute(select(Theme.key, Theme.name).order_by(Theme.position, Theme.id)).all()
    names = {row.key: row.name for row in rows}
    themes = [
        ThemeFact(key, words.theme_name(key, names.get(key) or words.default_theme_name(key) or key))
        for key in DEFAULT_THEME_KEYS
    ]
    themes += [ThemeFact(row.key, row.name) for row in rows if row.key not in DEFAULT_THEME_KEYS]
    return themes


def _of_window[*Ts](statement: Select[*Ts], district_id: int, window: Period) -> Select[*Ts]:
    """``statement`` (over notes and their rounds) limited to the district's signals that came in or were
    closed in ``window``."""
    return statement.where(
        Note.district_id == district_id,
        Note.kind == NoteKind.SIGNAL,
        or_(
            Note.occurred_on.between(window.start, window.end),
            SignalRound.closed_on.between(window.start, window.end),
        ),
    )


def load_signals(session: Session, district_id: int, window: Period) -> list[SignalFact]:
    """The district's signals that came in in ``window``, and those that came in earlier but closed in it."""
    themes: dict[int, list[str]] = defaultdict(list)
    for round_id, key in session.execute(
        _of_window(
            select(signal_theme.c.round_id, Theme.key)
            .join(Theme, Theme.id == signal_theme.c.theme_id)
            .join(SignalRound, SignalRound.id == signal_theme.c.round_id)
            .join(Note, Note.id == SignalRound.note_id),
            district_id,
            window,
        ).order_by(signal_theme.c.round_id, Theme.position, Theme.id)
    ):
        themes[round_id].append(key)
    first_asks: dict[int, datetime] = {}
    for round_id, asked_at in session.execute(
        _of_window(
            select(SignalAsk.round_id, func.min(SignalAsk.asked_at))
            .join(SignalRound, SignalRound.id == SignalAsk.round_id)
            .join(Note, Note.id == SignalRound.note_id),
            district_id,
            window,
        ).group_by(SignalAsk.round_id)
    ):
        first_asks[round_id] = asked_at
    rows = session.execute(
        _of_window(
            select(
                Note.occurred_on,
                Note.neighbourhood_id,
                SignalRound.id,
                SignalRound.came_in_at,
                SignalRound.closed_on,
                SignalRound.feedback_on,
            ).outerjoin(SignalRound, SignalRound.note_id == Note.id),
            district_id,
            window,
        )
    )
    return [
        SignalFact(
            day=row.occurred_on,
            neighbourhood_id=row.neighbourhood_id,
            themes=tuple(themes.get(row.id, ())) or (UNTHEMED,),
            came_in_at=row.came_in_at,
            first_asked_at=first_asks.get(row.id),
            closed_on=row.closed_on,
            feedback_on=row.feedback_on,
        )
        for row in rows
    ]


def signal_themes(
    session: Session,
    district_id: int,
    facts: DistrictFacts,
    counted: Counted,
    per_quarter: Sequence[dict[str, Value]],
    quarters: Sequence[str],
    by_neighbourhood: bool,
) -> SignalThemes:
    """The Signals table of the report: per theme and quarter from the trend's figures, and, when
    ``by_neighbourhood`` (the district audience), per neighbourhood and theme over the period."""
    keys = [f"{THEME_PREFIX}{theme.key}" for theme in facts.themes]
    table = SignalThemes(
        themes=tuple(theme.name for theme in facts.themes),
        quarters=tuple(quarters),
        by_quarter=tuple(tuple(int(values[key] or 0) for values in per_quarter) for key in keys),
        signals_by_quarter=tuple(int(values["signals"] or 0) for values in per_quarter),
    )
    if not by_neighbourhood:
        return table
    rows = session.execute(
        select(Neighbourhood.id, Neighbourhood.name)
        .where(Neighbourhood.district_id == district_id)
        .order_by(Neighbourhood.name)
    ).all()
    places = {row.id: index for index, row in enumerate(rows)}
    columns = {theme.key: index for index, theme in enumerate(facts.themes)}
    counts = [[0] * len(columns) for _ in range(len(rows) + 1)]
    for signal in facts.signals:
        if not counted.counts_day(signal.day):
            continue
        place = places.get(signal.neighbourhood_id, len(rows)) if signal.neighbourhood_id else len(rows)
        for key in signal.themes:
            counts[place][columns[key]] += 1
    return replace(
        table,
        neighbourhoods=(*(row.name for row in rows), NO_NEIGHBOURHOOD),
        by_neighbourhood=tuple(tuple(row) for row in counts),
    )
