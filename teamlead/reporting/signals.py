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

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from teamlead.data.geography import Neighbourhood
from teamlead.data.notes import Note
from teamlead.data.signals import SignalAsk, SignalRound, Theme, signal_theme
from teamlead.reporting.chunks import id_chunks
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


def load_signals(session: Session, district_id: int, window: Period) -> list[SignalFact]:
    """The district's signals that came in in ``window``, and those that came in earlier but closed in it.

    One pass over the district's signal notes; themes and first asks then by round id, through their indexes.
    """
    connection = session.connection()  # plain rows: no ORM entities here, so skip its loading machinery
    rows = connection.execute(
        select(
            Note.occurred_on,
            Note.neighbourhood_id,
            SignalRound.id,
            SignalRound.came_in_at,
            SignalRound.closed_on,
            SignalRound.feedback_on,
        )
        .outerjoin(SignalRound, SignalRound.note_id == Note.id)
        .where(
            Note.district_id == district_id,
            Note.kind == NoteKind.SIGNAL,
            or_(
                Note.occurred_on.between(window.start, window.end),
                SignalRound.closed_on.between(window.start, window.end),
            ),
        )
    ).all()
    keys = {theme_id: key for theme_id, key in connection.execute(select(Theme.id, Theme.key))}
    themes: dict[int, list[str]] = defaultdict(list)
    first_asks: dict[int, datetime] = {}
    for chunk in id_chunks(sorted(row[2] for row in rows if row[2] is not None)):
        for round_id, theme_id in connection.execute(
            select(signal_theme.c.round_id, signal_theme.c.theme_id).where(signal_theme.c.round_id.in_(chunk))
        ):
            themes[round_id].append(keys[theme_id])
        for round_id, asked_at in connection.execute(
            select(SignalAsk.round_id, func.min(SignalAsk.asked_at))
            .where(SignalAsk.round_id.in_(chunk))
            .group_by(SignalAsk.round_id)
        ):
            first_asks[round_id] = asked_at
    return [
        SignalFact(
            day,
            neighbourhood_id,
            tuple(themes.get(round_id, ())) or (UNTHEMED,),
            came_in_at,
            first_asks.get(round_id),
            closed_on,
            feedback_on,
        )
        for day, neighbourhood_id, round_id, came_in_at, closed_on, feedback_on in rows
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
