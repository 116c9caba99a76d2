"""The keys of the district report's ``Summary`` sheet, in their order, and its format version
(``shared/interface.md``, "The district report").

The one list: the gatherer that fills the sheet, the writers that print it, the consolidation that reads it back
(and refuses any other row) and the README's list all come from here. Data only, no database, so the writers may
import it without reaching the gatherers' queries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from teamlead.rules.vocabulary import DEFAULT_DOMAINS, DEFAULT_THEMES, MeetingKind, NoteKind

FORMAT_VERSION = 2
"""1 was the format before signals and interim periods; ``consolidate`` refuses it."""

META_KEYS = (
    "format_version",
    "district",
    "period_from",
    "period_to",
    "audience",
    "generated_at",
    "teamlead_version",
    "period_complete",
)
"""What the sheet says about itself, before the figures."""

TRUE, FALSE = "true", "false"
"""``period_complete`` as the sheet writes it: text, so that it reads the same in every spreadsheet."""

DOMAIN_PREFIX = "partners_active_"
THEME_PREFIX = "signals_theme_"
DEFAULT_DOMAIN_KEYS = tuple(key for key, _english, _dutch in DEFAULT_DOMAINS)
DEFAULT_THEME_KEYS = tuple(key for key, _english, _dutch in DEFAULT_THEMES)
NOTE_KINDS = tuple(kind.value for kind in NoteKind)
MEETING_KINDS = tuple(kind.value for kind in MeetingKind)

_USER_KEY = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")
"""What :func:`teamlead.rules.text.report_key` makes of a user-made domain's or theme's name."""


def figure_keys(
    domain_keys: Sequence[str] = DEFAULT_DOMAIN_KEYS, theme_keys: Sequence[str] = DEFAULT_THEME_KEYS
) -> list[str]:
    """Every figure key, in the Summary's order, for a database with these domain and theme keys."""
    return [
        "partners_active",
        "partners_joined",
        "partners_left",
        *(f"{DOMAIN_PREFIX}{key}" for key in domain_keys),
        "partners_contacted_share",
        "contact_moments",
        *(f"contact_moments_{kind}" for kind in NOTE_KINDS),
        "signals",
        "signals_closed",
        "signals_feedback_share",
        "signals_first_ask_hours_median",
        *(f"{THEME_PREFIX}{key}" for key in theme_keys),
        "meetings_held",
        *(f"meetings_held_{kind}" for kind in MEETING_KINDS),
        "meeting_attendance_avg",
        "meetings_held_unrecorded",
        "agreements_made",
        "agreements_done",
        "agreements_overdue",
        "agreements_done_on_time_share",
    ]


def summary_keys(
    domain_keys: Sequence[str] = DEFAULT_DOMAIN_KEYS, theme_keys: Sequence[str] = DEFAULT_THEME_KEYS
) -> list[str]:
    """The Summary's rows below its header, in order."""
    return [*META_KEYS, *figure_keys(domain_keys, theme_keys)]


REQUIRED_KEYS = frozenset(summary_keys())
"""The keys every Summary of this format holds (the default domains and themes cannot be deleted)."""


def is_figure_key(key: str) -> bool:
    """A key the format defines for a figure: a fixed one, or a user-made domain's or theme's by its pattern."""
    if key in REQUIRED_KEYS:
        return key not in META_KEYS
    for prefix in (DOMAIN_PREFIX, THEME_PREFIX):
        if key.startswith(prefix) and _USER_KEY.fullmatch(key.removeprefix(prefix)):
            return True
    return False


WEIGHTS: dict[str, tuple[str, ...]] = {
    "partners_contacted_share": ("partners_active",),
    "meeting_attendance_avg": ("meetings_held", "meetings_held_unrecorded"),
    "agreements_done_on_time_share": ("agreements_done",),
    "signals_feedback_share": ("signals_closed",),
}
"""Shares and averages, and the count each one divides by (the first key less the others): a consolidation
weights them by it. The average attendance divides by the held meetings whose attendance was recorded."""

NOT_COMBINED = frozenset({"signals_first_ask_hours_median"})
"""Figures no sum or weighted mean can combine across districts: the consolidation's total stays empty."""


def documented_keys(width: int = 112) -> str:
    """The Summary's keys as the README and ``docs/reports/README.md`` list them (a test keeps them equal):
    in order, comma-separated, with a placeholder for the keys of user-made domains and themes."""
    keys: list[str] = []
    for key in summary_keys():
        keys.append(key)
        if key == f"{DOMAIN_PREFIX}{DEFAULT_DOMAIN_KEYS[-1]}":
            keys.append(f"{DOMAIN_PREFIX}<other domain>")
        if key == f"{THEME_PREFIX}{DEFAULT_THEME_KEYS[-1]}":
            keys.append(f"{THEME_PREFIX}<other theme>")
    lines = [""]
    for index, key in enumerate(keys):
        word = key if index == len(keys) - 1 else f"{key},"
        if lines[-1] and len(lines[-1]) + 1 + len(word) > width:
            lines.append("")
        lines[-1] = f"{lines[-1]} {word}" if lines[-1] else word
    return "\n".join(lines)
