"""What the app's frame asks the database besides the dashboard lists: is it empty, which district to show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, exists, false, func, select
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement
from teamlead.data.geography import District, Domain
from teamlead.data.meetings import Meeting
from teamlead.data.notes import Note
from teamlead.data.queries.agreements import AgreementRow, agreement_rows
from teamlead.data.queries.notes import NoteRow, note_rows
from teamlead.data.queries.roster import contact_state, last_contacts
from teamlead.data.roster import Organisation, Person
from teamlead.rules import words
from teamlead.rules.vocabulary import OPEN_AGREEMENT_STATUSES, NoteKind, OrganisationStatus

RECORD_TABLES = (Organisation, Person, Note, Meeting, Agreement)


def has_records(session: Session) -> bool:
    """Whether the database holds any organisation, person, note, meeting or agreement.

    The default domains don't count: a database with only those is empty, and the app offers demo data.
    """
    return any(session.scalar(select(exists().select_from(table))) for table in RECORD_TABLES)


@dataclass(frozen=True, slots=True)
class DistrictChoice:
    id: int
    name: str


def district_choices(session: Session) -> list[DistrictChoice]:
    """All districts by name, for the settings dialog's default district."""
    return [DistrictChoice(id, name) for id, name in session.execute(select(District.id, District.name))]


# --- The dashboard's lists, capped -----------------------------------------------------------------------
# The dashboard shows the first rows of each list and the full count. The lists of
# :mod:`teamlead.data.queries.dashboard` return every row (thousands of overdue follow-ups on the city demo),
# and the overdue partners go through the full roster; these variants fetch only what is shown.

DASHBOARD_ROWS = 50


@dataclass(frozen=True, slots=True)
class OverdueRow:
    """A partner whose contact cadence ran out: when it was last contacted and when contact was due."""

    id: int
    name: str
    domain: str
    last_contact: date | None
    due_on: date | None


@dataclass(frozen=True, slots=True)
class Capped[RowT]:
    """The first rows of a list and how many there are in all."""

    rows: tuple[RowT, ...]
    total: int


def overdue_partners_capped(
    session: Session, today: date, district_id: int | None = None, limit: int = DASHBOARD_ROWS
) -> Capped[OverdueRow]:
    """Active partners with a cadence whose last contact (or joining) is longer ago than it, longest first.

    Same rule as :func:`teamlead.data.queries.roster.contact_state`, with the roster's last contact.
    """
    query = (
        select(
            Organisation.id,
            Organisation.name,
            Domain.key,
            Domain.name,
            Organisation.joined_on,
            Organisation.contact_cadence_days,
        )
        .outerjoin(Domain, Domain.id == Organisation.domain_id)
        .where(
            Organisation.status == OrganisationStatus.ACTIVE,
            Organisation.contact_cadence_days.is_not(None),
        )
    )
    if district_id is not None:
        query = query.where(Organisation.district_id == district_id)
    overdue: list[OverdueRow] = []
    rows = session.connection().execute(query).all()
    last = last_contacts(session, [row[0] for row in rows], today)
    for org_id, name, domain_key, domain_name, joined_on, cadence in rows:
        last_contact = last.get(org_id)
        state, due_on = contact_state(today, cadence, last_contact, joined_on)
        if state == "overdue":
            overdue.append(
                OverdueRow(org_id, name, words.domain_name(domain_key, domain_name), last_contact, due_on)
            )
    overdue.sort(key=lambda row: (row.due_on or date.min, row.name.lower()))
    return Capped(tuple(overdue[:limit]), len(overdue))


def _count(session: Session, where: list[ColumnElement[bool]]) -> int:
    """``count(*)``, not ``count(id)``: PostgreSQL then counts from the index alone (62 ms -> 2 on the city)."""
    return session.scalar(select(func.count()).select_from(Note).where(*where)) or 0


def follow_ups_due_capped(
    session: Session, today: date, district_id: int | None = None, limit: int = DASHBOARD_ROWS
) -> Capped[NoteRow]:
    """Follow-ups not done and due by today, earliest first (as ``follow_ups_due``), the first ``limit``.

    ``follow_up_done`` comes first in the index of migration 0005, so the open follow-ups are one range of
    it, however many done ones lie before today; ``= false`` rather than ``IS false``, which PostgreSQL
    cannot look up in an index."""
    where = [Note.follow_up_done == false(), Note.follow_up_on.is_not(None), Note.follow_up_on <= today]
    if district_id is not None:
        where.append(Note.district_id == district_id)
    rows = note_rows(session, where, order=(Note.follow_up_on, Note.id), limit=limit)
    return Capped(tuple(rows), _count(session, where))


def recent_signals_capped(
    session: Session, today: date, days: int, district_id: int | None = None, limit: int = DASHBOARD_ROWS
) -> Capped[NoteRow]:
    """Signals of the last ``days`` days up to today, newest first (as ``recent_signals``), the first ``limit``."""
    where = [
        Note.kind == NoteKind.SIGNAL,
        Note.occurred_on > today - timedelta(days=days),
        Note.occurred_on <= today,
    ]
    if district_id is not None:
        where.append(Note.district_id == district_id)
    rows = note_rows(session, where, order=(Note.occurred_on.desc(), Note.id.desc()), limit=limit)
    return Capped(tuple(rows), _count(session, where))


def agreements_due_capped(
    session: Session,
    today: date,
    within_days: int,
    district_id: int | None = None,
    limit: int = DASHBOARD_ROWS,
) -> Capped[AgreementRow]:
    """Open agreements due within ``within_days`` or overdue, earliest first (as ``agreements_due``)."""
    ids = select(Agreement.id).where(
        Agreement.status.in_([str(status) for status in OPEN_AGREEMENT_STATUSES]),
        Agreement.due_on.is_not(None),
        Agreement.due_on <= today + timedelta(days=within_days),
    )
    if district_id is not None:
        ids = ids.where(Agreement.district_id == district_id)
    first = ids.order_by(Agreement.due_on, Agreement.id).limit(limit)
    rows = agreement_rows(session, [Agreement.id.in_(first)], today)
    total = session.scalar(select(func.count()).select_from(ids.subquery())) or 0
    return Capped(tuple(rows), total)
