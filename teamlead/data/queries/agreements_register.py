"""What the Agreements register reads: every agreement as a plain row, and one agreement's history and meetings.

The register holds the city's 30,000 agreements at once and filters them in memory, so the rows are read with
plain column queries (no ORM objects) and carry their search text already folded.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement, agreement_meeting, agreement_organisation
from teamlead.data.meetings import Meeting
from teamlead.data.queries._common import collection_paused
from teamlead.data.queries.agreements import StatusChangeRow, agreement_history
from teamlead.data.queries.history import ChangeRow, record_history
from teamlead.data.roster import Organisation, Person
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.text import haystack
from teamlead.rules.vocabulary import OPEN_AGREEMENT_STATUSES

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
    zone = AMSTERDAM
    connection = session.connection()

    def one(column: Any) -> list[Any]:
        return [column == only] if only is not None else []

    # Names and meetings are read once each, and the links as bare ids: the city's 42,000 partner links
    # and 27,000 discussions name only 3,000 partners and 20,000 meetings.
    organisations = dict(connection.execute(select(Organisation.id, Organisation.name)).all())
    people = dict(
        connection.execute(
            select(Person.id, Person.name).where(
                Person.id.in_(select(Agreement.responsible_person_id).where(*one(Agreement.id)))
            )
        ).all()
    )
    mentioned = select(agreement_meeting.c.meeting_id).where(*one(agreement_meeting.c.agreement_id))
    made_in = select(Agreement.made_in_meeting_id).where(*one(Agreement.id))
    meetings: dict[int, tuple[datetime, str]] = {
        meeting_id: (starts, title)
        for meeting_id, starts, title in connection.execute(
            select(Meeting.id, Meeting.starts_at, Meeting.title).where(
                or_(Meeting.id.in_(mentioned), Meeting.id.in_(made_in))
            )
        ).all()
    }
    partners: dict[int, list[str]] = defaultdict(list)
    partner_ids: dict[int, list[int]] = defaultdict(list)
    for agreement_id, organisation_id in connection.execute(
        select(agreement_organisation.c.agreement_id, agreement_organisation.c.organisation_id)
        .where(*one(agreement_organisation.c.agreement_id))
        .order_by(agreement_organisation.c.agreement_id, agreement_organisation.c.position)
    ).all():
        partners[agreement_id].append(organisations[organisation_id])
        partner_ids[agreement_id].append(organisation_id)
    folded_names = {organisation_id: haystack((name,)) for organisation_id, name in organisations.items()}
    folded_partners = {
        agreement_id: "".join(folded_names[name_id] for name_id in ids)
        for agreement_id, ids in partner_ids.items()
    }
    discussed: dict[int, list[int]] = defaultdict(list)
    for agreement_id, meeting_id in connection.execute(
        select(agreement_meeting.c.agreement_id, agreement_meeting.c.meeting_id).where(
            *one(agreement_meeting.c.agreement_id)
        )
    ).all():
        discussed[agreement_id].append(meeting_id)
    for meeting_ids in discussed.values():
        if len(meeting_ids) > 1:
            meeting_ids.sort(key=lambda meeting_id: (meetings[meeting_id][0], meeting_id))
    rows = list(
        connection.execute(
            select(
                Agreement.id,
                Agreement.text,
                Agreement.responsible_person_id,
                Agreement.made_on,
                Agreement.due_on,
                Agreement.status,
                Agreement.version,
                Agreement.made_in_meeting_id,
            ).where(*one(Agreement.id))
        ).all()
    )
    # Sorted here, not in SQL: SQLite's sorter spills the 30,000 rows with their texts to a temporary file
    # (400 ms); sorting the fetched tuples takes 10.
    rows.sort(key=_due_first)
    titles: dict[int, str] = {}
    refs: dict[int, MeetingRef] = {}
    for meeting_id, (_starts, title) in meetings.items():
        titles[meeting_id] = haystack((title,))
    folded_people: dict[int | None, tuple[str, str]] = {None: ("", "")}
    no_meetings: frozenset[int] = frozenset()
    result = []
    for agreement_id, text, person_id, made_on, due_on, status, version, meeting_id in rows:
        names = partners.get(agreement_id)
        if names is None:
            organisation_names: tuple[str, ...] = ()
            joined = ""
        else:
            organisation_names = tuple(names)
            joined = folded_partners[agreement_id]
        discussed_ids = discussed.get(agreement_id)
        ref = None
        if meeting_id is not None:
            ref = refs.get(meeting_id)
            if ref is None:
                starts, title = meetings[meeting_id]
                ref = refs[meeting_id] = MeetingRef(meeting_id, starts.astimezone(zone), title)
            in_meetings = (
                frozenset((meeting_id, *discussed_ids)) if discussed_ids else frozenset((meeting_id,))
            )
        else:
            in_meetings = frozenset(discussed_ids) if discussed_ids else no_meetings
        person = folded_people.get(person_id)
        if person is None:
            assert person_id is not None  # None is in folded_people from the start
            name = people[person_id]
            person = folded_people[person_id] = (name, haystack((name,)))
        result.append(
            RegisterRow(
                agreement_id,
                text,
                organisation_names,
                person[0],
                made_on,
                due_on,
                status,
                ref,
                tuple(discussed_ids) if discussed_ids else (),
                version,
                haystack((text,)) + person[1] + joined,
                joined,
                in_meetings,
            )
        )
    return Register(tuple(result), titles)


def _due_first(row: Any) -> tuple[bool, date, int]:
    """Due date first, those without one last, then by id."""
    due_on = row[4]
    return (due_on is None, due_on or date.min, row[0])


@dataclass(frozen=True, slots=True)
class AgreementDetail:
    """One agreement as its pane shows it: the row, every status change, the meetings that discussed it, and
    who changed what (the audit, newest first)."""

    row: RegisterRow
    history: tuple[StatusChangeRow, ...]
    discussed: tuple[MeetingRef, ...]
    changes: tuple[ChangeRow, ...] = ()


def agreement_detail(session: Session, agreement_id: int) -> AgreementDetail:
    """One agreement's pane; an agreement deleted meanwhile is said so."""
    zone = AMSTERDAM
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
    return AgreementDetail(
        rows[0],
        tuple(agreement_history(session, agreement_id)),
        discussed,
        tuple(record_history(session, "agreement", agreement_id)),
    )
