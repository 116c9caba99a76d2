"""The dashboard's lists as it shows them: the first rows of each list and how many there are in all.

Each list fetches only what is shown and counts the rest in SQL (thousands of overdue follow-ups on the city
demo), so the GUI thread never lays out thousands of rows.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, exists, false, func, or_, select
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement
from teamlead.data.geography import District, Domain
from teamlead.data.notes import Note
from teamlead.data.queries._common import role_current
from teamlead.data.queries.agreements import AgreementRow, agreement_rows
from teamlead.data.queries.dashboard import upcoming_changes_at, upcoming_meetings
from teamlead.data.queries.districtless import districtless_counts
from teamlead.data.queries.districts import current_district_id
from teamlead.data.queries.notes import NoteRow, note_rows
from teamlead.data.queries.roster import contact_state, last_contacts
from teamlead.data.queries.rows import Capped as Capped
from teamlead.data.queries.rows import DashboardData as DashboardData
from teamlead.data.queries.rows import KeyContactMissing as KeyContactMissing
from teamlead.data.queries.rows import OverdueRow as OverdueRow
from teamlead.data.roster import Organisation, Role, key_contact
from teamlead.data.signals import SignalRound
from teamlead.rules import words
from teamlead.rules.limits import DUE_SOON_DAYS, UPCOMING_MEETING_DAYS
from teamlead.rules.vocabulary import (
    OPEN_AGREEMENT_STATUSES,
    NoteKind,
    OrganisationStatus,
)

DASHBOARD_ROWS = 50


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
    """Follow-ups not done and due by today, earliest first, the first ``limit``.

    ``follow_up_done`` comes first in the index of migration 0005, so the open follow-ups are one range of
    it, however many done ones lie before today; ``= false`` rather than ``IS false``, which PostgreSQL
    cannot look up in an index."""
    where = [Note.follow_up_done == false(), Note.follow_up_on.is_not(None), Note.follow_up_on <= today]
    if district_id is not None:
        where.append(Note.district_id == district_id)
    rows = note_rows(session, where, order=(Note.follow_up_on, Note.id), limit=limit)
    return Capped(tuple(rows), _count(session, where))


def signals_to_follow_up_capped(
    session: Session, today: date, district_id: int | None = None, limit: int = DASHBOARD_ROWS
) -> Capped[NoteRow]:
    """Signals whose round is open, then those closed without feedback to the partners, newest first.

    Signals recorded before rounds existed have no round and are never listed (they are not open)."""
    rows: list[NoteRow] = []
    total = 0
    for waiting in (
        SignalRound.closed_on.is_(None),
        and_(SignalRound.closed_on.is_not(None), SignalRound.feedback_on.is_(None)),
    ):
        where: list[ColumnElement[bool]] = [
            Note.kind == NoteKind.SIGNAL,
            Note.occurred_on <= today,
            Note.id.in_(select(SignalRound.note_id).where(waiting)),
        ]
        if district_id is not None:
            where.append(Note.district_id == district_id)
        rows += note_rows(
            session, where, order=(Note.occurred_on.desc(), Note.id.desc()), limit=limit - len(rows)
        )
        total += _count(session, where)
    return Capped(tuple(rows), total)


def key_contacts_missing(
    session: Session, today: date, district_id: int | None = None
) -> list[KeyContactMissing]:
    """Active partners whose key contact is still to be chosen (several contacts, none chosen) or has left,
    by name."""
    counted = (
        select(Role.organisation_id, func.count(func.distinct(Role.person_id)).label("contacts"))
        .where(role_current(today))
        .group_by(Role.organisation_id)
        .subquery()
    )
    current = select(Role.id).where(
        Role.organisation_id == key_contact.c.organisation_id,
        Role.person_id == key_contact.c.person_id,
        role_current(today),
    )
    left = select(key_contact.c.organisation_id).where(~exists(current))
    contacts = func.coalesce(counted.c.contacts, 0)
    query = (
        select(Organisation.id, Organisation.name, contacts, Organisation.id.in_(left))
        .outerjoin(counted, counted.c.organisation_id == Organisation.id)
        .where(
            Organisation.status == OrganisationStatus.ACTIVE,
            or_(
                and_(contacts > 1, Organisation.id.not_in(select(key_contact.c.organisation_id))),
                Organisation.id.in_(left),
            ),
        )
        .order_by(func.lower(Organisation.name), Organisation.id)
    )
    if district_id is not None:
        query = query.where(Organisation.district_id == district_id)
    return [
        KeyContactMissing(id_, name, int(count), bool(gone))
        for id_, name, count, gone in session.execute(query)
    ]


def agreements_due_capped(
    session: Session,
    today: date,
    within_days: int,
    district_id: int | None = None,
    limit: int = DASHBOARD_ROWS,
) -> Capped[AgreementRow]:
    """Open agreements due within ``within_days`` or overdue, earliest first."""
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


def load_dashboard(
    session: Session, today: date, now: datetime, district_id: int | None = None
) -> DashboardData:
    """The dashboard for the district given (the user's default, followed through merges), or for all
    districts when none is given or it no longer exists."""
    district_id = current_district_id(session, district_id)
    name = session.scalar(select(District.name).where(District.id == district_id)) if district_id else None
    meetings = upcoming_meetings(session, now, UPCOMING_MEETING_DAYS, district_id=district_id)
    return DashboardData(
        district=name,
        overdue=overdue_partners_capped(session, today, district_id),
        follow_ups=follow_ups_due_capped(session, today, district_id),
        meetings=Capped(tuple(meetings), len(meetings)),
        agreements=agreements_due_capped(session, today, DUE_SOON_DAYS, district_id),
        signals=signals_to_follow_up_capped(session, today, district_id),
        districtless=districtless_counts(session),
        key_contacts_missing=tuple(key_contacts_missing(session, today, district_id)),
        changes_at=upcoming_changes_at(
            session, now, meetings, UPCOMING_MEETING_DAYS, district_id=district_id
        ),
    )
