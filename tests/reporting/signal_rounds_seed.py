"""Signal rounds entered through the services, with a trap on every boundary of 2026-Q3.

Used on the district demo (whose own rounds, when it has them, come on top) and on the small hand-checked
network of :mod:`tests.reporting.seed`. The figures of 2026-Q3 these rounds alone give are in :data:`EXPECTED`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.models import Neighbourhood, Organisation
from teamlead.data.signals import SignalRound, Theme
from teamlead.rules.clock import AMSTERDAM
from teamlead.services.signal_lists import add_theme
from teamlead.services.signal_rounds import SignalInput, ask_partner, close_signal, log_signal

SENTINEL = "Sentinelsignaal Geheim"
"""Put in a signal's text, its round's outcome and its feedback (and the text of the partner asked): no
district report, for any audience, may hold it."""
OWN_THEME = "Jongeren op het plein"
OWN_KEY = "jongeren_op_het_plein"


@dataclass(frozen=True)
class Round:
    came_in_at: datetime
    themes: tuple[str, ...]
    asked_after_hours: tuple[float, ...] = ()
    closed_on: date | None = None
    feedback_on: date | None = None
    secret: bool = False


def _at(day: str, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), AMSTERDAM).replace(
        hour=hour, minute=minute
    )


ROUNDS = (
    Round(_at("2026-07-03", 22, 10), ("unrest",), (0.5, 2), date(2026, 7, 10), date(2026, 7, 12)),
    Round(_at("2026-07-20", 14), ("drugs", "weapons"), (3,), date(2026, 8, 1)),
    # No theme: counts as other; closed in the next quarter, so not closed in Q3.
    Round(_at("2026-08-05", 9), (), (26,), date(2026, 10, 2)),
    # A user-made theme, nobody asked yet, still open.
    Round(_at("2026-08-15", 23, 30), (OWN_KEY,)),
    # The period's last evening; the partner was asked after midnight, in the next quarter: it still counts.
    Round(_at("2026-09-30", 23, 30), ("nuisance",), (1,), date(2026, 9, 30), date(2026, 11, 20)),
    # Came in during Q2 and closed in Q3 with feedback: closed and fed back in Q3, but not of Q3's themes.
    Round(_at("2026-06-28", 10), ("unrest",), (4,), date(2026, 7, 2), date(2026, 7, 3)),
    # Still open (the app records no close on a day still to come).
    Round(_at("2026-07-08", 11), ("school_absence", "other")),
    Round(_at("2026-09-01", 8), ("online",), (6,), date(2026, 9, 5), date(2026, 9, 6), secret=True),
)

EXPECTED = {
    "signals": 7,
    "signals_closed": 5,
    "signals_feedback_share": 4 / 5,
    "signals_first_ask_hours_median": 3.0,  # 0.5, 1, 3, 6, 26
    "signals_theme_unrest": 1,
    "signals_theme_drugs": 1,
    "signals_theme_weapons": 1,
    "signals_theme_school_absence": 1,
    "signals_theme_online": 1,
    "signals_theme_exploitation": 0,
    "signals_theme_nuisance": 1,
    "signals_theme_other": 2,
    f"signals_theme_{OWN_KEY}": 1,
}
"""2026-Q3 of :data:`ROUNDS` alone, in a district with no other signal."""


def log_rounds(session: Session, district_id: int, rounds: tuple[Round, ...] = ROUNDS) -> list[int]:
    """Each round logged, asked and closed through the services; returns the signal notes' ids."""
    if session.scalar(select(Theme.id).where(Theme.key == OWN_KEY)) is None:
        add_theme(session, OWN_THEME)
    themes = {key: theme_id for key, theme_id in session.execute(select(Theme.key, Theme.id))}
    neighbourhoods = list(
        session.scalars(
            select(Neighbourhood.id)
            .where(Neighbourhood.district_id == district_id)
            .order_by(Neighbourhood.id)
        )
    )
    partners = list(
        session.scalars(
            select(Organisation.id)
            .where(Organisation.district_id == district_id)
            .order_by(Organisation.id)
            .limit(3)
        )
    )
    notes = []
    for index, signal in enumerate(rounds):
        text = f"Melding {index}: {SENTINEL}" if signal.secret else f"Melding {index}"
        note_id = log_signal(
            session,
            SignalInput(
                text=text,
                came_in_at=signal.came_in_at,
                neighbourhood_id=neighbourhoods[index % len(neighbourhoods)] if neighbourhoods else None,
                theme_ids=[themes[key] for key in signal.themes],
                district_id=district_id,
            ),
        )
        for number, hours in enumerate(signal.asked_after_hours):
            ask_partner(
                session,
                note_id,
                partners[number % len(partners)],
                person_id=None,
                kind="call",
                answer="knew",
                asked_at=signal.came_in_at + timedelta(hours=hours),
                text=SENTINEL if signal.secret else "",
            )
        if signal.closed_on is not None:
            version = session.scalar(select(SignalRound.version).where(SignalRound.note_id == note_id))
            assert version is not None
            close_signal(
                session,
                note_id,
                closed_on=signal.closed_on,
                outcome=f"Gedaan: {SENTINEL}" if signal.secret else "Gedaan",
                feedback_on=signal.feedback_on,
                feedback=f"Teruggekoppeld: {SENTINEL}" if signal.secret else "",
                expected_version=version,
            )
        notes.append(note_id)
    return notes
