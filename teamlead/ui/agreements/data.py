"""What the Agreements register reads: every agreement as a plain row, and one agreement's history and meetings.

The register holds the city's 30,000 agreements at once and filters them in memory, so the rows are read with
plain column queries (no ORM objects) and carry their search text already folded.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement, agreement_meeting, agreement_organisation
from teamlead.data.enums import OPEN_AGREEMENT_STATUSES
from teamlead.data.meetings import AMSTERDAM, Meeting
from teamlead.data.queries._common import collection_paused
from teamlead.data.queries.agreements import StatusChangeRow, agreement_history
from teamlead.data.roster import Organisation, Person
from teamlead.errors import ValidationError
from teamlead.i18n import tr

_OPEN = frozenset(str(s) for s in OPEN_AGREEMENT_STATUSES)


@dataclass(frozen=True, slots=True)
class MeetingRef:
    """A meeting an agreement was made or discussed in: enough to name it and open it."""

    id: int
    starts: datetime  # Amsterdam time
    title: str


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One agreement in the register. ``search`` (text, person, partners) and ``partners_search`` are folded,
    ``meeting_ids`` holds the meeting it was made in and those it was discussed in, for the filters."""

    id: int
    text: str
    organisations: tuple[str, ...]
    responsible: str
    made_on: date
    due_on: date | None
    status: str
    made_in: MeetingRef | None
    discussed_in: tuple[int, ...]
    version: int
    search: str
    partners_search: str
    meeting_ids: frozenset[int]

    @property
    def is_open(self) -> bool:
        return self.status in _OPEN

    def overdue_on(self, today: date) -> bool:
        """Open or in progress, with a due date before ``today``."""
        return self.status in _OPEN and self.due_on is not None and self.due_on < today


@dataclass(frozen=True, slots=True)
class Register:
    """The register's rows, and the (folded) titles of the meetings they were made or discussed in."""

    rows: tuple[RegisterRow, ...]
    meeting_titles: dict[int, str]


def register_rows(session: Session, only: int | None = None) -> Register:
    """Every agreement (or ``only`` that one), due date first (none last), with its partners, responsible
    person and meetings.

    Plain column reads on the connection, fetched whole; each meeting and person is converted and folded
    once however many agreements name it; no garbage collection while the 30,000 rows are built."""
    with collection_paused():
        return _register_rows(session, only)


def _register_rows(session: Session, only: int | None) -> Register:
    zone = ZoneInfo(AMSTERDAM)
    connection = session.connection()
    links = agreement_organisation.c.agreement_id
    partners: dict[int, list[str]] = defaultdict(list)
    for agreement_id, name in connection.execute(
        select(links, Organisation.name)
        .join(Organisation, Organisation.id == agreement_organisation.c.organisation_id)
        .where(*([links == only] if only is not None else []))
        .order_by(links, agreement_organisation.c.position)
    ).all():
        partners[agreement_id].append(name)
    discussed: dict[int, list[int]] = defaultdict(list)
    titles: dict[int, str] = {}
    for agreement_id, meeting_id, title in connection.execute(
        select(agreement_meeting.c.agreement_id, Meeting.id, Meeting.title)
        .join(Meeting, Meeting.id == agreement_meeting.c.meeting_id)
        .where(*([agreement_meeting.c.agreement_id == only] if only is not None else []))
        .order_by(agreement_meeting.c.agreement_id, Meeting.starts_at)
    ).all():
        discussed[agreement_id].append(meeting_id)
        if meeting_id not in titles:
            titles[meeting_id] = title.casefold()
    rows = connection.execute(
        select(
            Agreement.id,
            Agreement.text,
            Person.name,
            Agreement.made_on,
            Agreement.due_on,
            Agreement.status,
            Agreement.version,
            Meeting.id,
            Meeting.starts_at,
            Meeting.title,
        )
        .outerjoin(Person, Person.id == Agreement.responsible_person_id)
        .outerjoin(Meeting, Meeting.id == Agreement.made_in_meeting_id)
        .where(*([Agreement.id == only] if only is not None else []))
    ).all()
    # Sorted here, not in SQL: SQLite's sorter spills the 30,000 rows with their texts to a temporary file
    # (400 ms); sorting the fetched tuples takes 10.
    rows.sort(key=_due_first)
    result = []
    no_names: list[str] = []
    no_meetings: list[int] = []
    made_in_refs: dict[int, MeetingRef] = {}
    folded_people: dict[str, str] = {}
    for agreement_id, text, person, made_on, due_on, status, version, meeting_id, starts, title in rows:
        names = partners.get(agreement_id, no_names)
        meeting_ids = discussed.get(agreement_id, no_meetings)
        made_in = None
        if meeting_id is not None:
            made_in = made_in_refs.get(meeting_id)
            if made_in is None:
                made_in = made_in_refs[meeting_id] = MeetingRef(meeting_id, starts.astimezone(zone), title)
                titles[meeting_id] = title.casefold()
        person = person or ""
        folded_person = folded_people.get(person)
        if folded_person is None:
            folded_person = folded_people[person] = person.casefold()
        joined = "\x1f".join(names).casefold()
        result.append(
            RegisterRow(
                id=agreement_id,
                text=text,
                organisations=tuple(names),
                responsible=person,
                made_on=made_on,
                due_on=due_on,
                status=status,
                made_in=made_in,
                discussed_in=tuple(meeting_ids),
                version=version,
                search=f"{text.casefold()}\x1f{folded_person}\x1f{joined}",
                partners_search=joined,
                meeting_ids=frozenset(meeting_ids if meeting_id is None else [meeting_id, *meeting_ids]),
            )
        )
    return Register(tuple(result), titles)


def _due_first(row: Any) -> tuple[bool, date, int]:
    """Due date first, those without one last, then by id."""
    due_on = row[4]
    return (due_on is None, due_on or date.min, row[0])


@dataclass(frozen=True, slots=True)
class AgreementDetail:
    """One agreement as its pane shows it: the row, every status change, and the meetings that discussed it."""

    row: RegisterRow
    history: tuple[StatusChangeRow, ...]
    discussed: tuple[MeetingRef, ...]


def agreement_detail(session: Session, agreement_id: int) -> AgreementDetail:
    """One agreement's pane; an agreement deleted meanwhile is said so."""
    zone = ZoneInfo(AMSTERDAM)
    rows = register_rows(session, agreement_id).rows
    if not rows:
        raise ValidationError("agreement_id", tr("This agreement no longer exists."))
    discussed = tuple(
        MeetingRef(meeting_id, starts.astimezone(zone), title)
        for meeting_id, starts, title in session.execute(
            select(Meeting.id, Meeting.starts_at, Meeting.title)
            .join(agreement_meeting, agreement_meeting.c.meeting_id == Meeting.id)
            .where(agreement_meeting.c.agreement_id == agreement_id)
            .order_by(Meeting.starts_at)
        )
    )
    return AgreementDetail(rows[0], tuple(agreement_history(session, agreement_id)), discussed)
