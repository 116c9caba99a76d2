"""When a key contact can be reached: the windows of ``shared/domain.md`` ("key contact"), in Amsterdam time.

A person's windows are stored as one text of :class:`~teamlead.rules.vocabulary.ReachWindow` values separated by
commas (``"office,evening"``); an empty text means nobody said, which is not the same as "never". Who to call
and the pocket page read them through here, so "reachable now" means one thing everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time

from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.vocabulary import ReachWindow

SEPARATOR = ","
_OFFICE = (time(9, 0), time(17, 0))
_EVENING = (time(17, 0), time(23, 0))
_NIGHT_FROM, _NIGHT_TO = time(23, 0), time(7, 0)
_SATURDAY = 5


def windows_of(stored: str) -> tuple[ReachWindow, ...]:
    """The windows a stored text names, in the vocabulary's order; unknown words are left out."""
    named = {part.strip() for part in stored.split(SEPARATOR)}
    return tuple(window for window in ReachWindow if window.value in named)


def stored_windows(windows: Iterable[str]) -> str:
    """The text to store for ``windows`` (in the vocabulary's order, each once); unknown values raise
    ``ValueError``."""
    chosen = {ReachWindow(window) for window in windows}
    return SEPARATOR.join(window.value for window in ReachWindow if window in chosen)


def in_window(window: ReachWindow, moment: datetime) -> bool:
    """Whether the aware ``moment`` falls in ``window`` (Amsterdam wall-clock time; ends exclusive)."""
    local = moment.astimezone(AMSTERDAM)
    clock, weekend = local.time(), local.weekday() >= _SATURDAY
    match window:
        case ReachWindow.OFFICE:
            return not weekend and _OFFICE[0] <= clock < _OFFICE[1]
        case ReachWindow.EVENING:
            return _EVENING[0] <= clock < _EVENING[1]
        case ReachWindow.NIGHT:
            return clock >= _NIGHT_FROM or clock < _NIGHT_TO
        case ReachWindow.WEEKEND:
            return weekend


def reachable_at(windows: Iterable[ReachWindow], moment: datetime) -> bool:
    """Whether someone with these windows can be reached at ``moment`` (never, when no window is known)."""
    return any(in_window(window, moment) for window in windows)
