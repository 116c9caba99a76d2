"""What the report writers receive: plain frozen dataclasses, no ORM objects, no database.

The gatherers in :mod:`teamlead.reporting` fill these; :mod:`teamlead.reports` turns them into files. Keeping
the boundary here means a writer cannot reach a column the gatherer did not choose to give it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from teamlead.reporting.periods import Period
from teamlead.reporting.summary_keys import TRUE

Value = int | float | None

NO_NEIGHBOURHOOD = ""
"""The column of a by-neighbourhood table for what is tied to no neighbourhood (the writers label it)."""


@dataclass(frozen=True)
class ReportHeader:
    """The title block of every report: what, where, when, for whom, made when."""

    kind: str
    district: str
    period: Period | None
    audience: str
    generated_at: datetime
    teamlead_version: str
    as_of: date | None = None
    """For reports that show a state (roster, contacts): the day it is shown for."""
    title: str = ""
    """The kind's name as the registry of report kinds words it (:mod:`teamlead.producing` fills it in)."""
    counted_until: date | None = None
    """Set when the period was not over when the report was made (interim): the last day it counts."""


@dataclass(frozen=True)
class Trend:
    quarters: tuple[str, ...]
    """``2026-Q3`` labels, oldest first."""
    rows: tuple[tuple[str, tuple[Value, ...]], ...]
    """(figure key, one value per quarter)."""
    complete: tuple[bool, ...] = ()
    """Per quarter: over when the report was made (False: interim, counted up to that day)."""

    def series(self, key: str) -> tuple[Value, ...]:
        return dict(self.rows)[key]


@dataclass(frozen=True)
class NetworkMatrix:
    """Active partners on the period's last day, by domain (rows) × neighbourhood (columns)."""

    domains: tuple[str, ...]
    neighbourhoods: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator of one neighbourhood: its value per year of the table (None: no figure that year)."""

    neighbourhood: str
    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class NeighbourhoodIndicators:
    """The public outcome figures of the district's neighbourhoods over the latest years up to the period's
    (every audience: they are public; the neighbourhood's places and history are not, and are not here)."""

    years: tuple[int, ...]
    """Oldest first."""
    lines: tuple[IndicatorLine, ...]
    """By neighbourhood, then indicator name."""


@dataclass(frozen=True)
class SignalThemes:
    """Signals per theme, counts only: by quarter over the trend's quarters (every audience), and by
    neighbourhood over the period (the district audience only: small counts per neighbourhood can point to an
    incident, so the gatherer leaves them out for the city)."""

    themes: tuple[str, ...]
    """Theme names as shown, in the Summary's order of their keys."""
    quarters: tuple[str, ...]
    """``2026-Q3`` labels, oldest first (the trend's)."""
    by_quarter: tuple[tuple[int, ...], ...]
    """Per theme, one count per quarter."""
    signals_by_quarter: tuple[int, ...]
    """Signals per quarter, each once (a signal may have several themes)."""
    neighbourhoods: tuple[str, ...] = ()
    """The district's neighbourhoods, then ``""`` for signals without one; empty for the city audience."""
    by_neighbourhood: tuple[tuple[int, ...], ...] = ()
    """Per neighbourhood, one count per theme."""


@dataclass(frozen=True)
class MeetingLine:
    day: date
    kind: str
    title: str
    present: int
    invited: int


@dataclass(frozen=True)
class AgreementLine:
    id: int
    text: str
    organisations: str
    made_on: date
    due_on: date | None
    status: str
    done_on: date | None = None


@dataclass(frozen=True)
class ReflectionLine:
    day: date
    title: str
    goes_well: str
    can_improve: str
    do_ourselves: str
    need_help: str


@dataclass(frozen=True)
class DistrictReport:
    header: ReportHeader
    summary: tuple[tuple[str, Value | str], ...]
    """The Summary sheet's rows in order: (key, value)."""
    trend: Trend
    network: NetworkMatrix
    meetings: tuple[MeetingLine, ...]
    agreements_made: tuple[AgreementLine, ...]
    agreements_done: tuple[AgreementLine, ...]
    agreements_overdue: tuple[AgreementLine, ...]
    reflections: tuple[ReflectionLine, ...]
    narrative: str
    network_map: NetworkMap | None = None
    """Who worked with whom in the period (the district's map, for the report's audience)."""
    signals: SignalThemes | None = None
    """Signals by theme per quarter, and (district audience) per neighbourhood."""
    indicators: NeighbourhoodIndicators | None = None
    """The neighbourhoods' public outcome figures beside the network."""
    labels: Mapping[str, str] = field(default_factory=dict)
    """Summary key -> the current name of its domain or theme (``partners_active_<key>``,
    ``signals_theme_<key>``): a renamed default domain or theme is printed by its new name, not its first."""

    @property
    def has_data(self) -> bool:
        """False when the period saw nothing at all: the report then says so."""
        figures = dict(self.summary)
        return bool(
            figures.get("partners_active")
            or figures.get("contact_moments")
            or figures.get("meetings_held")
            or figures.get("agreements_made")
            or figures.get("agreements_done")
            or figures.get("agreements_overdue")
            or figures.get("partners_joined")
            or figures.get("partners_left")
            or self.narrative
        )


@dataclass(frozen=True)
class PersonLine:
    """A person in a role at an organisation (district audience only)."""

    name: str
    role: str
    phone: str
    email: str


@dataclass(frozen=True)
class RosterEntry:
    organisation: str
    domain: str
    neighbourhoods: str
    district: str
    phone: str
    email: str
    website: str
    joined_on: date | None
    persons: tuple[PersonLine, ...]
    """Empty for the city audience: the gatherer never reads persons then."""


@dataclass(frozen=True)
class Roster:
    header: ReportHeader
    entries: tuple[RosterEntry, ...]


@dataclass(frozen=True)
class ContactLine:
    neighbourhood: str
    organisation: str
    domain: str
    name: str
    role: str
    phone: str
    email: str


@dataclass(frozen=True)
class ContactSheet:
    header: ReportHeader
    lines: tuple[ContactLine, ...]
    """Sorted by neighbourhood, organisation, name; a partner in several neighbourhoods appears under each."""


@dataclass(frozen=True)
class StatusChangeLine:
    day: date
    from_status: str
    to_status: str
    comment: str
    """Empty for the city audience."""


@dataclass(frozen=True)
class RegisterEntry:
    agreement: AgreementLine
    district: str
    responsible: str
    """Empty for the city audience."""
    history: tuple[StatusChangeLine, ...]


@dataclass(frozen=True)
class AgreementRegister:
    header: ReportHeader
    entries: tuple[RegisterEntry, ...]


@dataclass(frozen=True)
class InviteeLine:
    organisation: str
    name: str
    role: str
    phone: str
    attendance: str


@dataclass(frozen=True)
class AgendaLine:
    position: int
    title: str
    details: str


@dataclass(frozen=True)
class MeetingPack:
    header: ReportHeader
    meeting_id: int
    title: str
    kind: str
    starts_at: datetime
    """Aware, in Amsterdam time."""
    ends_at: datetime | None
    location: str
    cancelled: bool
    agenda: tuple[AgendaLine, ...]
    invitees: tuple[InviteeLine, ...]
    open_agreements: tuple[RegisterEntry, ...]


@dataclass(frozen=True)
class DistrictSummary:
    """One district's report workbook as ``teamlead consolidate`` read it back."""

    path: Path
    district: str
    period_from: str
    period_to: str
    values: dict[str, Any]
    """Every Summary key to its value (None for an empty cell), in the file's order."""
    quarters: tuple[str, ...]
    trend: dict[str, tuple[Value | str, ...]]
    """Figure key (and ``period_complete``, ``true``/``false`` per quarter) -> one value per quarter."""

    @property
    def complete(self) -> bool:
        """Whether its period was over when it was made (``period_complete`` is ``true``)."""
        return bool(self.values.get("period_complete") == TRUE)


@dataclass(frozen=True)
class Consolidation:
    """Districts side by side with their totals: the city overview."""

    header: ReportHeader
    districts: tuple[DistrictSummary, ...]
    keys: tuple[str, ...]
    """Figure keys (no meta keys), in the first file's order, then any only later files have."""
    totals: dict[str, Value]
    quarters: tuple[str, ...]
    generated_at: datetime

    @property
    def period(self) -> tuple[str, str]:
        return self.districts[0].period_from, self.districts[0].period_to

    @property
    def complete(self) -> bool:
        """The total's ``period_complete``: false when any district's report is interim."""
        return all(district.complete for district in self.districts)


@dataclass(frozen=True)
class NetworkNode:
    """A partner on the network map."""

    id: int
    name: str
    domain_key: str
    """The domain's key (``care``; a user-made domain's slug), empty without a domain: it picks the colour."""
    domain: str
    """The domain's name in the report's language."""
    activity: int
    """What the partner took part in during the period: held meetings it was present at, agreements made,
    and (district audience only) contact moments."""
    district: str = ""
    """Its home district's name (empty without one): a map of several districts groups by it."""


@dataclass(frozen=True)
class NetworkLink:
    """Two partners who worked together in the period, and how much (``reporting.network`` has the rule)."""

    source: int
    """The lower organisation id of the two."""
    target: int
    weight: float
    meetings: int
    """Held meetings both were present at."""
    agreements: int
    """Agreements made that name both."""
    contacts: int
    """Contact moments that name both (always 0 for the city audience)."""


@dataclass(frozen=True)
class NetworkMap:
    """Who worked with whom: every partner of the scope, and every pair that worked together (none hidden:
    which links a picture draws is the rule of ``reports.network.graph``)."""

    header: ReportHeader
    neighbourhood: str
    """The neighbourhood whose partners the map is limited to; empty for the whole scope."""
    domains: tuple[tuple[str, str], ...]
    """(key, name) of every domain, in the domains' order: the legend and the colours."""
    nodes: tuple[NetworkNode, ...]
    """Sorted by id."""
    links: tuple[NetworkLink, ...]
    """Sorted by (source, target)."""
