"""What the walk entered, kept by the test as it goes, and the district report's figures counted from it.

The expected figures come from here and never from the database: a partner, note, meeting or agreement the app
loses, misdates or puts in the wrong district makes the report disagree with this ledger. The definitions are
those of ``shared/interface.md`` ("The district report"), for a complete period.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from statistics import median


@dataclass
class Partner:
    domain: str
    """The domain's Summary key (``social``, or a user-made domain's key)."""
    joined: date
    left: date | None = None


@dataclass(frozen=True)
class Note:
    kind: str
    day: date
    partners: tuple[str, ...]


@dataclass
class Signal:
    """A signal's round as the walk entered it: the day it came in, its theme keys, the hours from coming in
    to the first partner asked (None: nobody asked), and the days it was closed and feedback went back."""

    day: date
    themes: tuple[str, ...] = ()
    first_ask_hours: float | None = None
    closed: date | None = None
    feedback: date | None = None


@dataclass
class Meeting:
    kind: str
    day: date
    present: int | None = None
    """Invitees marked present; None while no attendance was taken."""


@dataclass
class Agreement:
    made: date
    due: date | None
    done: date | None = None


@dataclass
class Ledger:
    first: date
    last: date
    partners: dict[str, Partner] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    meetings: dict[tuple[str, date], Meeting] = field(default_factory=dict)
    agreements: dict[str, Agreement] = field(default_factory=dict)
    signals: list[Signal] = field(default_factory=list)
    """Each signal's round (the signal notes themselves are in :attr:`notes` too)."""

    def _in(self, day: date | None) -> bool:
        return day is not None and self.first <= day <= self.last

    def figures(self, domain_keys: list[str], theme_keys: list[str]) -> dict[str, object]:
        """Every figure of the Summary for the quarter, by its key (shares as fractions, empty as None)."""
        active = {name for name, p in self.partners.items() if p.left is None or p.left > self.last}
        figures: dict[str, object] = {
            "partners_active": len(active),
            "partners_joined": sum(1 for p in self.partners.values() if self._in(p.joined)),
            "partners_left": sum(1 for p in self.partners.values() if self._in(p.left)),
        }
        for key in domain_keys:
            figures[f"partners_active_{key}"] = sum(1 for name in active if self.partners[name].domain == key)
        notes = [note for note in self.notes if self._in(note.day)]
        contacted = {name for note in notes for name in note.partners} & active
        figures["partners_contacted_share"] = len(contacted) / len(active) if active else None
        figures["contact_moments"] = len(notes)
        for kind in ("call", "visit", "email", "meeting", "signal", "other"):
            figures[f"contact_moments_{kind}"] = sum(1 for note in notes if note.kind == kind)
        figures["signals"] = sum(1 for note in notes if note.kind == "signal")
        came_in = [signal for signal in self.signals if self._in(signal.day)]
        closed = [signal for signal in self.signals if self._in(signal.closed)]
        figures["signals_closed"] = len(closed)
        with_feedback = sum(1 for signal in closed if signal.feedback is not None)
        figures["signals_feedback_share"] = with_feedback / len(closed) if closed else None
        hours = [signal.first_ask_hours for signal in came_in if signal.first_ask_hours is not None]
        figures["signals_first_ask_hours_median"] = median(hours) if hours else None
        for key in theme_keys:
            figures[f"signals_theme_{key}"] = sum(
                1 for signal in came_in if key in (signal.themes or ("other",))
            )
        held = [m for m in self.meetings.values() if self._in(m.day)]
        figures["meetings_held"] = len(held)
        for kind in ("network", "partner", "reflection", "other"):
            figures[f"meetings_held_{kind}"] = sum(1 for m in held if m.kind == kind)
        recorded = [m.present for m in held if m.present is not None]
        figures["meeting_attendance_avg"] = sum(recorded) / len(recorded) if recorded else None
        figures["meetings_held_unrecorded"] = len(held) - len(recorded)
        agreements = list(self.agreements.values())
        done = [a for a in agreements if self._in(a.done)]
        figures["agreements_made"] = sum(1 for a in agreements if self._in(a.made))
        figures["agreements_done"] = len(done)
        figures["agreements_overdue"] = sum(
            1
            for a in agreements
            if a.due is not None and a.due < self.last and (a.done is None or a.done > self.last)
        )
        on_time = sum(1 for a in done if a.due is None or (a.done is not None and a.done <= a.due))
        figures["agreements_done_on_time_share"] = on_time / len(done) if done else None
        return figures
