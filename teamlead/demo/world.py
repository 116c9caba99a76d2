"""The state the demo generators share: the random source, the calendar, the rows made so far, and lookups.

Rows are plain dicts per table, with explicit ids, so the writer can bulk-insert them with Core and link
tables need no round trips. Everything random comes from one ``random.Random(seed)``, drawn in a fixed order
(the later additions, key contacts, signal rounds and the neighbourhoods' ecosystems, from streams of their own
derived from the seed, see
:meth:`World.stream`), and every timestamp derives from the data's own dates: the same seed and today give the
same rows on any backend.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from typing import Any

from teamlead.demo.kinds import Kind
from teamlead.demo.places import DistrictPlan
from teamlead.rules.vocabulary import AuditAction

Row = dict[str, Any]

# Parents before children: the order the writer inserts the tables in.
TABLES: tuple[str, ...] = (
    "district",
    "neighbourhood",
    "place",
    "neighbourhood_event",
    "indicator",
    "domain",
    "organisation",
    "organisation_neighbourhood",
    "person",
    "role",
    "key_contact",
    "offer",
    "organisation_offer",
    "note",
    "note_organisation",
    "note_person",
    "note_place",
    "signal_round",
    "signal_theme",
    "signal_ask",
    "meeting_series",
    "meeting",
    "meeting_neighbourhood",
    "invitee",
    "agreement",
    "agreement_organisation",
    "agreement_meeting",
    "agreement_status_change",
    "agenda_item",
    "narrative",
    "audit_entry",
)


@dataclass
class DistrictInfo:
    id: int
    plan: DistrictPlan
    neighbourhoods: list[tuple[int, str]]  # (id, name), in the plan's order

    @cached_property
    def neighbourhood_ids(self) -> frozenset[int]:
        return frozenset(nid for nid, _ in self.neighbourhoods)


@dataclass
class StaffRole:
    person_id: int
    first_name: str
    started_on: date | None
    ended_on: date | None

    def active_on(self, day: date) -> bool:
        return (self.started_on is None or self.started_on <= day) and (
            self.ended_on is None or day <= self.ended_on
        )


@dataclass
class OrgInfo:
    id: int
    name: str
    district: DistrictInfo
    kind: Kind
    neighbourhoods: list[tuple[int, str]]
    address: str
    since: date  # first day the team lead had it on the roster (created_at)
    until: date  # last day it was an active partner (left_on, or today)
    note_weight: float
    staff: list[StaffRole] = field(default_factory=list)
    left_on: date | None = None  # the day it became a former partner
    key_contact: int | None = None  # the person the team lead calls first (today's choice)

    def partner_on(self, day: date) -> bool:
        """On the roster on ``day``, today or later (an active partner is invited to the coming meetings)."""
        return self.since <= day and (self.left_on is None or day <= self.left_on)

    def serves(self, district: DistrictInfo) -> bool:
        return any(nid in district.neighbourhood_ids for nid, _ in self.neighbourhoods)

    def neighbourhoods_in(self, district: DistrictInfo) -> list[tuple[int, str]]:
        """The neighbourhoods it serves in ``district`` (a city-wide partner serves those of several)."""
        return [served for served in self.neighbourhoods if served[0] in district.neighbourhood_ids]

    def contact_on(self, day: date) -> StaffRole | None:
        """The first of its people who held a role there on ``day``: a stable contact across meetings."""
        for role in self.staff:
            if role.active_on(day):
                return role
        return None


class World:
    """Everything the generators build, with the id counters and the helpers for dates and timestamps."""

    def __init__(self, seed: int, today: date, first_ids: dict[str, int]) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.today = today
        self.start = today - timedelta(days=730)
        self.horizon = today + timedelta(days=92)
        self.rows: dict[str, list[Row]] = {table: [] for table in TABLES}
        self._next_id = {table: first_ids.get(table, 1) for table in TABLES}
        self.districts: list[DistrictInfo] = []
        self.domains: dict[str, int] = {}
        self.themes: dict[str, int] = {}  # default theme key -> id (made with the database, not by the demo)
        self.offers: dict[str, int] = {}  # offer name -> id
        self.orgs: list[OrgInfo] = []
        self.audit: list[tuple[datetime, str, int, AuditAction, str]] = []
        self.check: Callable[[], None] = lambda: None  # raises when the user cancelled

    def stream(self, purpose: str) -> random.Random:
        """A random source of its own for one later addition (signal rounds, key contacts), so what the main
        source draws, and with it the rest of the demo, stays as it was."""
        return random.Random(f"{self.seed}-{purpose}")

    def new_id(self, table: str) -> int:
        value = self._next_id[table]
        self._next_id[table] = value + 1
        return value

    def moment(self, day: date, hour: int | None = None) -> datetime:
        """A working-hours moment on ``day`` (UTC), drawn from the random source when no hour is given."""
        if hour is None:
            hour = self.rng.randint(7, 16)
        return datetime(day.year, day.month, day.day, hour, self.rng.randint(0, 59), tzinfo=UTC)

    def day_between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def tracked(self, created: datetime, updated: datetime | None = None, version: int = 1) -> Row:
        """The Tracked mixin's columns: a record saved ``version`` times, last at ``updated``."""
        return {"created_at": created, "updated_at": updated or created, "version": version}

    def log(self, at: datetime, table: str, record_id: int, action: AuditAction, fields: str = "") -> None:
        """An audit entry; ids are given at the end, in time order (no personal data: ids and field names)."""
        self.audit.append((at, table, record_id, action, fields))

    def finish_audit(self) -> None:
        self.audit.sort()
        self.rows["audit_entry"] = [
            {
                "id": self.new_id("audit_entry"),
                "at": at,
                "table_name": table,
                "record_id": record_id,
                "action": action,
                "fields": fields,
            }
            for at, table, record_id, action, fields in self.audit
        ]

    def count(self, table: str) -> int:
        return len(self.rows[table])

    def partners_of(self, district: DistrictInfo) -> list[OrgInfo]:
        """The partners a district works with: its own, then the city-wide ones from elsewhere that serve
        neighbourhoods of it (police units, the GGD, housing corporations in the city demo)."""
        own = [org for org in self.orgs if org.district is district]
        return own + [org for org in self.orgs if org.district is not district and org.serves(district)]
