"""The few facts about a district's network the key figures are computed from, loaded once per report.

City-safe by construction: every query here names its columns, and none of them is a person's or a note's
text. The report's period and its eight trend quarters are all computed from one load, so the figures of a
quarter are the same whether it is the report's period or a point on the trend line.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import FromClause, func, select
from sqlalchemy.orm import Session

from teamlead.data.access.city import reads_as_city
from teamlead.data.agreements import Agreement, AgreementStatusChange, agreement_organisation
from teamlead.data.attendance import attendance_statement
from teamlead.data.geography import Domain
from teamlead.data.meetings import Meeting
from teamlead.data.notes import Note, note_organisation
from teamlead.data.roster import Organisation
from teamlead.reporting.chunks import chunked, id_chunks
from teamlead.reporting.model import Value
from teamlead.reporting.periods import Period, local_date
from teamlead.reporting.signals import SignalFact, ThemeFact, load_signals, load_themes
from teamlead.rules.text import report_key
from teamlead.rules.vocabulary import MeetingStatus, OrganisationStatus


@dataclass(frozen=True)
class DomainFact:
    id: int
    key: str
    """The Summary key part: the domain's stable key (a default domain's, or the one a user-made domain got
    when it was made)."""
    name: str


@dataclass(frozen=True)
class OrganisationFact:
    id: int
    domain_id: int | None
    status: str
    joined_on: date | None
    left_on: date | None

    def active_on(self, day: date) -> bool:
        """Whether the partner's status was active on ``day``, rebuilt from its joined and left dates."""
        if self.joined_on is not None and self.joined_on > day:
            return False
        if (
            self.left_on is not None
            and self.left_on <= day
            and (self.joined_on is None or self.left_on >= self.joined_on)
        ):
            return False
        return self.status == OrganisationStatus.ACTIVE or (self.left_on is not None and self.left_on > day)


@dataclass(frozen=True)
class MeetingFact:
    id: int
    kind: str
    starts_at: datetime
    """Aware: a meeting is held only once it has started."""
    cancelled: bool
    present: int
    recorded: bool
    """At least one invitee is marked present, excused or absent: only then does its attendance count."""


@dataclass(frozen=True)
class AgreementFact:
    id: int
    made_on: date
    due_on: date | None
    status: str
    changes: tuple[tuple[date, str], ...]
    """(Amsterdam day, new status), oldest first."""

    def status_on(self, day: date) -> str | None:
        """Its status at the end of ``day``; None before it was made."""
        if self.made_on > day:
            return None
        current: str | None = None
        for changed_on, status in self.changes:
            if changed_on > day:
                break
            current = status
        if current is not None:
            return current
        return self.changes[0][1] if self.changes else self.status

    def done_in(self, period: Period) -> date | None:
        """The last day in ``period`` its status became done, if it did."""
        done = [
            changed_on for changed_on, status in self.changes if status == "done" and changed_on in period
        ]
        return done[-1] if done else None


@dataclass
class DistrictFacts:
    """Everything the key figures of one district need over a window of days."""

    window: Period
    domains: list[DomainFact]
    organisations: list[OrganisationFact]
    notes_by_day: dict[tuple[date, str], int]
    contacts: dict[int, list[date]]
    """Organisation id -> the days in the window it had a contact moment, sorted."""
    meetings: list[MeetingFact]
    agreements: list[AgreementFact]
    themes: list[ThemeFact]
    """Every theme in the Summary's order: the defaults, then the user-made ones."""
    signals: list[SignalFact]
    """The signals that came in in the window, and those that came in earlier and were closed in it."""
    contacted: dict[Period, int] | None = None
    """Counted on the server for a city user (whose ``contacts`` stay empty): per span the partners active on
    its last day that had a contact moment in it."""
    signal_counts: dict[Period, dict[str, Value]] | None = None
    """Counted on the server for a city user (whose ``signals`` stay empty): per span the signal figures."""


def load_domains(session: Session) -> list[DomainFact]:
    """The domains in their order, each with its key; a domain made without one (by a Teamlead before keys)
    gets the key :func:`~teamlead.rules.text.report_key` would have given it, in order of creation."""
    rows = session.execute(
        select(Domain.id, Domain.key, Domain.name).order_by(Domain.position, Domain.name)
    ).all()
    taken = {row.key for row in rows if row.key}
    keys: dict[int, str] = {}
    for row in sorted(rows, key=lambda row: row.id):
        if row.key:
            keys[row.id] = row.key
        else:
            keys[row.id] = report_key(row.name, taken)
            taken.add(keys[row.id])
    return [DomainFact(row.id, keys[row.id], row.name) for row in rows]


def load_organisations(session: Session, district_id: int) -> list[OrganisationFact]:
    """The district's partners with what their active status is rebuilt from."""
    return [
        OrganisationFact(row.id, row.domain_id, row.status, row.joined_on, row.left_on)
        for row in chunked(
            session,
            select(
                Organisation.id,
                Organisation.domain_id,
                Organisation.status,
                Organisation.joined_on,
                Organisation.left_on,
            ).where(Organisation.district_id == district_id),
        )
    ]


def load_facts(session: Session, district_id: int, window: Period) -> DistrictFacts:
    """One district's facts for ``window`` (the report period joined with its trend quarters).

    A partner counts as contacted by the district's own contact moments only: a note of a neighbouring
    district naming it (a partner serving both) is that district's work, and its team lead alone may read it,
    so the figure is the same for whoever makes the report."""
    organisations = load_organisations(session, district_id)
    notes_by_day: dict[tuple[date, str], int] = {}
    for row in chunked(
        session,
        select(Note.occurred_on, Note.kind, func.count())
        .where(Note.district_id == district_id, Note.occurred_on.between(window.start, window.end))
        .group_by(Note.occurred_on, Note.kind),
    ):
        notes_by_day[(row[0], row[1])] = int(row[2])
    contacts: dict[int, list[date]] = defaultdict(list)
    for org_id, day in chunked(
        session,
        select(note_organisation.c.organisation_id, Note.occurred_on)
        .join(Note, Note.id == note_organisation.c.note_id)
        .join(Organisation, Organisation.id == note_organisation.c.organisation_id)
        .where(
            Organisation.district_id == district_id,
            Note.district_id == district_id,
            Note.occurred_on.between(window.start, window.end),
        )
        .distinct()
        .order_by(note_organisation.c.organisation_id, Note.occurred_on),
    ):
        contacts[org_id].append(day)
    return DistrictFacts(
        window=window,
        domains=load_domains(session),
        organisations=organisations,
        notes_by_day=notes_by_day,
        contacts=dict(contacts),
        meetings=load_meetings(session, district_id, window),
        agreements=load_agreements(session, district_id, window),
        themes=load_themes(session),
        signals=load_signals(session, district_id, window),
    )


def load_meetings(session: Session, district_id: int, window: Period) -> list[MeetingFact]:
    start, end = window.utc_bounds()
    attendance = attendance_counts(session, district_id, window)
    rows = chunked(
        session,
        select(
            Meeting.id,
            Meeting.kind,
            Meeting.starts_at,
            Meeting.status,
            attendance.c.present,
            attendance.c.recorded,
        )
        .outerjoin(attendance, attendance.c.meeting_id == Meeting.id)
        .where(Meeting.district_id == district_id, Meeting.starts_at >= start, Meeting.starts_at < end),
    )
    return [
        MeetingFact(
            row.id,
            row.kind,
            row.starts_at,
            row.status == MeetingStatus.CANCELLED,
            int(row.present or 0),
            bool(row.recorded),
        )
        for row in rows
    ]


def attendance_counts(
    session: Session | None = None, district_id: int = 0, span: Period | None = None
) -> FromClause:
    """Per meeting: invitees, invitees present, and invitees whose attendance was recorded. A city user's
    session reads them from the city's counting function (the same statement, compiled on the server) for the
    meetings of ``district_id`` in ``span`` (whole quarters); anyone else's from the invitees themselves."""
    if session is not None and span is not None and reads_as_city(session):
        return func.teamlead_city.attendance(district_id, span.start, span.end).table_valued(
            "meeting_id", "invited", "present", "recorded"
        )
    return attendance_statement().subquery()


def load_agreements(session: Session, district_id: int, window: Period) -> list[AgreementFact]:
    rows = list(
        chunked(
            session,
            select(Agreement.id, Agreement.made_on, Agreement.due_on, Agreement.status).where(
                Agreement.district_id == district_id, Agreement.made_on <= window.end
            ),
        )
    )
    changes: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for agreement_id, changed_at, to_status in chunked(
        session,
        select(
            AgreementStatusChange.agreement_id,
            AgreementStatusChange.changed_at,
            AgreementStatusChange.to_status,
        )
        .join(Agreement, Agreement.id == AgreementStatusChange.agreement_id)
        .where(Agreement.district_id == district_id, Agreement.made_on <= window.end)
        .order_by(
            AgreementStatusChange.agreement_id, AgreementStatusChange.changed_at, AgreementStatusChange.id
        ),
    ):
        changes[agreement_id].append((local_date(changed_at), to_status))
    return [
        AgreementFact(row.id, row.made_on, row.due_on, row.status, tuple(changes.get(row.id, ())))
        for row in rows
    ]


def agreement_organisation_names(session: Session, agreement_ids: Sequence[int]) -> dict[int, list[str]]:
    """Each agreement's organisations by name, in their given order (the first decides the district)."""
    names: dict[int, list[str]] = defaultdict(list)
    for chunk in id_chunks(agreement_ids):
        for agreement_id, name in session.execute(
            select(agreement_organisation.c.agreement_id, Organisation.name)
            .join(Organisation, Organisation.id == agreement_organisation.c.organisation_id)
            .where(agreement_organisation.c.agreement_id.in_(chunk))
            .order_by(agreement_organisation.c.agreement_id, agreement_organisation.c.position)
        ):
            names[agreement_id].append(name)
    return names
