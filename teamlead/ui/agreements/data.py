"""What the Agreements register reads: every agreement as a plain row, and one agreement's history and meetings.

The register holds the city's 30,000 agreements at once and filters them in memory, so the rows are read with
plain column queries (no ORM objects) and carry their search text already folded.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement, agreement_meeting, agreement_organisation
from teamlead.data.enums import OPEN_AGREEMENT_STATUSES
from teamlead.data.meetings import AMSTERDAM, Meeting
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
    """One agreement in the register. ``search`` and ``meetings_search`` are folded for the filters."""

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
    meetings_search: str

    @property
    def is_open(self) -> bool:
        return self.status in _OPEN

    def overdue_on(self, today: date) -> bool:
        """Open or in progress, with a due date before ``today``."""
        return self.status in _OPEN and self.due_on is not None and self.due_on < today


def register_rows(session: Session, only: int | None = None) -> list[RegisterRow]:
    """Every agreement (or ``only`` that one), due date first (none last), with its partners, responsible
    person and meetings."""
    zone = ZoneInfo(AMSTERDAM)
    links = agreement_organisation.c.agreement_id
    partners: dict[int, list[str]] = defaultdict(list)
    for agreement_id, name in session.execute(
        select(links, Organisation.name)
        .join(Organisation, Organisation.id == agreement_organisation.c.organisation_id)
        .where(*([links == only] if only is not None else []))
        .order_by(links, agreement_organisation.c.position)
    ):
        partners[agreement_id].append(name)
    discussed: dict[int, list[int]] = defaultdict(list)
    titles: dict[int, str] = {}
    for agreement_id, meeting_id, title in session.execute(
        select(agreement_meeting.c.agreement_id, Meeting.id, Meeting.title)
        .join(Meeting, Meeting.id == agreement_meeting.c.meeting_id)
        .where(*([agreement_meeting.c.agreement_id == only] if only is not None else []))
        .order_by(agreement_meeting.c.agreement_id, Meeting.starts_at)
    ):
        discussed[agreement_id].append(meeting_id)
        titles[meeting_id] = title
    rows = session.execute(
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
        .order_by(Agreement.due_on.is_(None), Agreement.due_on, Agreement.id)
    )
    result = []
    for agreement_id, text, person, made_on, due_on, status, version, meeting_id, starts, title in rows:
        names = tuple(partners.get(agreement_id, ()))
        made_in = MeetingRef(meeting_id, starts.astimezone(zone), title) if meeting_id is not None else None
        meeting_ids = tuple(discussed.get(agreement_id, ()))
        meeting_titles = [title or "", *(titles[m] for m in meeting_ids)]
        result.append(
            RegisterRow(
                id=agreement_id,
                text=text,
                organisations=names,
                responsible=person or "",
                made_on=made_on,
                due_on=due_on,
                status=status,
                made_in=made_in,
                discussed_in=meeting_ids,
                version=version,
                search=" ".join((text, person or "", *names)).casefold(),
                meetings_search=" ".join(meeting_titles).casefold(),
            )
        )
    return result


@dataclass(frozen=True, slots=True)
class AgreementDetail:
    """One agreement as its pane shows it: the row, every status change, and the meetings that discussed it."""

    row: RegisterRow
    history: tuple[StatusChangeRow, ...]
    discussed: tuple[MeetingRef, ...]


def agreement_detail(session: Session, agreement_id: int) -> AgreementDetail:
    """One agreement's pane; an agreement deleted meanwhile is said so."""
    zone = ZoneInfo(AMSTERDAM)
    rows = register_rows(session, agreement_id)
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
