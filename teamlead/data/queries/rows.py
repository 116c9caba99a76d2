"""The rows the screens hold, as named tuples without SQLAlchemy.

The queries that fill them live beside their tables (:mod:`.notes`, :mod:`.meetings`, :mod:`.agreements`,
:mod:`.dashboard_lists`); the shapes live here so that a dashboard kept in the file
(:mod:`teamlead.data.kept_dashboard`) can be read and shown at start-up before SQLAlchemy is imported.

Named tuples rather than frozen dataclasses: as immutable, and made without compiling code at import (a frozen
dataclass compiles each of its methods: 8 ms for these seven, on the way to the first paint). Change one with
``_replace``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from teamlead.rules.vocabulary import DistrictedKind


class NoteRow(NamedTuple):
    id: int
    occurred_on: date
    kind: str
    text: str
    district_id: int | None
    neighbourhood_id: int | None
    neighbourhood: str
    organisation_ids: tuple[int, ...]
    organisations: tuple[str, ...]
    person_ids: tuple[int, ...]
    persons: tuple[str, ...]
    follow_up_on: date | None
    follow_up_done: bool
    version: int
    signal_state: str = ""
    """Where a signal's round stands (:class:`~teamlead.rules.vocabulary.SignalState`); "" for other notes."""


class MeetingRow(NamedTuple):
    id: int
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime | None
    location: str
    district_id: int | None
    district: str
    status: str
    invitees: int
    series_id: int | None
    version: int


class AgreementRow(NamedTuple):
    id: int
    text: str
    district_id: int | None
    organisations: tuple[str, ...]
    responsible_person_id: int | None
    responsible_person: str
    made_on: date
    due_on: date | None
    status: str
    made_in_meeting_id: int | None
    overdue: bool
    version: int


class OverdueRow(NamedTuple):
    """A partner whose contact cadence ran out: when it was last contacted and when contact was due."""

    id: int
    name: str
    domain: str
    last_contact: date | None
    due_on: date | None


class Capped[RowT](NamedTuple):
    """The first rows of a list and how many there are in all."""

    rows: tuple[RowT, ...]
    total: int


class KeyContactMissing(NamedTuple):
    """An active partner without a key contact to call: several current contact persons and none chosen, or
    a chosen one who no longer holds a role there."""

    id: int
    name: str
    contacts: int
    """Its current contact persons."""
    left: bool = False
    """Its key contact no longer works there."""


class DashboardData(NamedTuple):
    """The dashboard's lists; their totals are the counts at a glance."""

    district: str | None
    overdue: Capped[OverdueRow]
    follow_ups: Capped[NoteRow]
    meetings: Capped[MeetingRow]
    agreements: Capped[AgreementRow]
    signals: Capped[NoteRow]
    """Signals to follow up: open, or closed without feedback."""
    districtless: dict[DistrictedKind, int]
    """Records without a district, per kind (of every district: they belong to none)."""
    key_contacts_missing: tuple[KeyContactMissing, ...] = ()
    """Partners with several contacts and none chosen as key contact (the upgrade could not choose)."""
    changes_at: datetime | None = None
    """The next moment these lists change without anyone writing: the first meeting listed starts, or the
    next one comes within the window. None: not before the day ends (every other list turns on the date)."""
