"""What the handover dossier holds, as frozen dataclasses: the PDF writer's input.

Kept apart from the gathering (:mod:`teamlead.reporting.handover`) so that the writer
(:mod:`teamlead.reports.dossier_pdf`) stays pure: it names these types without loading the database layer.
The rows of the screens' queries it carries are named for the type checker only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from teamlead.i18n import tr
from teamlead.reporting.model import RegisterEntry, ReportHeader
from teamlead.reporting.periods import Period

if TYPE_CHECKING:
    from teamlead.data.queries.neighbourhood_page import Reflection
    from teamlead.data.queries.notes import NoteRow
    from teamlead.data.queries.people import CallPartner
    from teamlead.data.queries.roster import RosterRow


@dataclass(frozen=True)
class PartnerLine:
    """A partner serving a neighbourhood, as Who to call shows it, with the roster's stay-in-touch state."""

    partner: CallPartner
    contact: RosterRow | None
    """None for a partner the roster does not list (no state known)."""


@dataclass(frozen=True)
class NeighbourhoodSection:
    name: str
    partners: tuple[PartnerLine, ...]
    longest_uncontacted: tuple[PartnerLine, ...]
    reflections: tuple[Reflection, ...]
    """The last local reflections held about it, newest first."""


@dataclass(frozen=True)
class SeriesLine:
    title: str
    kind: str
    rule: str
    location: str
    next_on: datetime | None
    held: int
    """Occurrences held in the last year."""
    comes: tuple[tuple[str, int], ...]
    """(organisation, times present in the last year) of the invitees of its latest occurrence."""


@dataclass(frozen=True)
class NarrativeLine:
    period: Period
    text: str


@dataclass(frozen=True)
class Glance:
    active_partners: int
    neighbourhoods: int
    persons: int
    key_contacts: int
    series: int
    open_agreements: int
    open_signals: int
    signals_without_feedback: int
    by_domain: tuple[tuple[str, int], ...]
    by_neighbourhood: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Dossier:
    header: ReportHeader
    glance: Glance
    neighbourhoods: tuple[NeighbourhoodSection, ...]
    series: tuple[SeriesLine, ...]
    agreements: tuple[RegisterEntry, ...]
    signals: tuple[NoteRow, ...]
    narratives: tuple[NarrativeLine, ...]


_ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth", "-1": "last"}


def rule_words(rule: str) -> str:
    """A series' repetition as the "schedule a series" form offers it (monthly on the n-th weekday, every n
    weeks); any other rule as it is written."""
    parts = dict(part.split("=", 1) for part in rule.split(";") if "=" in part)
    interval = int(parts.get("INTERVAL", "1") or 1)
    if parts.get("FREQ") == "WEEKLY" and "BYDAY" not in parts:
        return tr("every week") if interval == 1 else tr("every {n} weeks", n=interval)
    byday = parts.get("BYDAY", "")
    if parts.get("FREQ") == "MONTHLY" and len(byday) >= 3 and byday[-2:] in _WEEKDAYS:
        ordinal = _ORDINALS.get(byday[:-2])
        if ordinal is not None:
            day = _WEEKDAYS[byday[-2:]]()
            nth = _ordinal_words()[ordinal]
            if interval == 1:
                return tr("every month on the {nth} {day}", nth=nth, day=day)
            return tr("every {n} months on the {nth} {day}", n=interval, nth=nth, day=day)
    return rule


def _ordinal_words() -> dict[str, str]:
    return {
        "first": tr("first"),
        "second": tr("second"),
        "third": tr("third"),
        "fourth": tr("fourth"),
        "last": tr("last"),
    }


_WEEKDAYS = {
    "MO": lambda: tr("Monday"),
    "TU": lambda: tr("Tuesday"),
    "WE": lambda: tr("Wednesday"),
    "TH": lambda: tr("Thursday"),
    "FR": lambda: tr("Friday"),
    "SA": lambda: tr("Saturday"),
    "SU": lambda: tr("Sunday"),
}
