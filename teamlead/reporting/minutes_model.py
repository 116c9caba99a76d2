"""What a held meeting's minutes (verslag) hold, as plain frozen dataclasses: the writers' input.

Kept apart from the gathering (:mod:`teamlead.reporting.minutes`) so that the registry of report kinds can name
the type without loading the database layer, as it does for :mod:`teamlead.reporting.model`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from teamlead.reporting.model import ReportHeader
from teamlead.rules.vocabulary import Attendance

if TYPE_CHECKING:
    from teamlead.data.queries.addressees import Addressees

ATTENDANCE_ORDER = (Attendance.PRESENT, Attendance.EXCUSED, Attendance.ABSENT, Attendance.INVITED)
"""The order the minutes list attendance in; ``invited`` is an invitee whose attendance was not marked."""


@dataclass(frozen=True)
class Attendee:
    """One invitee: the person invited, or the organisation when no one in particular was."""

    organisation: str
    name: str
    """The person's name; empty for an organisation invited as a whole."""
    attendance: str


@dataclass(frozen=True)
class MinutesItem:
    position: int
    title: str
    details: str
    agreement_id: int | None
    """The agreement this point looks back on, if it was carried forward."""


@dataclass(frozen=True)
class MinutesAgreement:
    id: int
    text: str
    organisations: str
    """The organisations it is between, by name, in their given order."""
    responsible: str
    """The responsible person's name, if one is set."""
    due_on: date | None
    status: str
    """Its status now (when the minutes are made)."""


@dataclass(frozen=True)
class ReflectionAnswers:
    """The four local-reflection questions' answers (``shared/domain.md``)."""

    goes_well: str
    can_improve: str
    do_ourselves: str
    need_help: str


@dataclass(frozen=True)
class Minutes:
    """A held meeting's minutes, as :func:`teamlead.reports.minutes_pdf.write_minutes_pdf` writes them."""

    header: ReportHeader
    meeting_id: int
    title: str
    kind: str
    starts_at: datetime
    """Aware, in Amsterdam time."""
    ends_at: datetime | None
    location: str
    district: str
    neighbourhood: str
    """The neighbourhood the meeting is about; empty when it is about the whole district."""
    attendees: tuple[Attendee, ...]
    """Sorted by organisation, then name."""
    text: str
    """The minutes as typed on the meeting's page."""
    agenda: tuple[MinutesItem, ...]
    agreements_made: tuple[MinutesAgreement, ...]
    agreements_discussed: tuple[MinutesAgreement, ...]
    """Agreements made earlier that the meeting looked back on (on its agenda or linked to it) and that were
    still open or in progress when it began."""
    reflection: ReflectionAnswers | None
    """The four answers, for a local reflection; None for any other kind."""

    def count(self, attendance: str) -> int:
        return sum(1 for attendee in self.attendees if attendee.attendance == attendance)

    def by_attendance(self) -> dict[str, dict[str, list[str]]]:
        """Attendance → organisation → the names invited from it (the organisation alone: no names), in
        :data:`ATTENDANCE_ORDER`; an attendance nobody has is left out."""
        groups: dict[str, dict[str, list[str]]] = {}
        for value in ATTENDANCE_ORDER:
            chosen = [attendee for attendee in self.attendees if attendee.attendance == value]
            if not chosen:
                continue
            organisations: dict[str, list[str]] = defaultdict(list)
            for attendee in chosen:
                names = organisations[attendee.organisation]
                if attendee.name:
                    names.append(attendee.name)
            groups[value] = dict(organisations)
        return groups


@dataclass(frozen=True)
class MinutesToSend:
    """A held meeting's minutes, the addressees of its invitees and the language for partners."""

    header: ReportHeader
    minutes: Minutes
    addressees: Addressees
    language: str
    """The language for partners: of a mail draft's text and of the PDF attached to it."""
