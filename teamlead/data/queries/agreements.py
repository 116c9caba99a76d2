"""Agreements for the screens: lists with filters, the dashboard's due list, and an agreement's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from teamlead.data.agreements import (
    Agreement,
    AgreementStatusChange,
    agreement_meeting,
    agreement_organisation,
)
from teamlead.data.queries._common import grouped
from teamlead.data.queries.rows import AgreementRow as AgreementRow
from teamlead.data.roster import Organisation, Person
from teamlead.rules.vocabulary import OPEN_AGREEMENT_STATUSES


def agreement_rows(session: Session, where: list[ColumnElement[bool]], today: date) -> list[AgreementRow]:
    """Agreements matching ``where`` with their organisations (in order), due date first (none last)."""
    rows = session.execute(
        select(Agreement, Person.name)
        .outerjoin(Person, Person.id == Agreement.responsible_person_id)
        .where(*where)
        .order_by(Agreement.due_on.is_(None), Agreement.due_on, Agreement.id)
    ).all()
    ids = [a.id for a, _ in rows]
    organisations: dict[int, tuple[str, ...]] = (
        grouped(
            session.execute(
                select(agreement_organisation.c.agreement_id, Organisation.name)
                .join(Organisation, Organisation.id == agreement_organisation.c.organisation_id)
                .where(agreement_organisation.c.agreement_id.in_(ids))
                .order_by(agreement_organisation.c.agreement_id, agreement_organisation.c.position)
            )
        )
        if ids
        else {}
    )
    open_statuses = {str(s) for s in OPEN_AGREEMENT_STATUSES}
    return [
        AgreementRow(
            id=a.id,
            text=a.text,
            district_id=a.district_id,
            organisations=organisations.get(a.id, ()),
            responsible_person_id=a.responsible_person_id,
            responsible_person=person or "",
            made_on=a.made_on,
            due_on=a.due_on,
            status=a.status,
            made_in_meeting_id=a.made_in_meeting_id,
            overdue=a.status in open_statuses and a.due_on is not None and a.due_on < today,
            version=a.version,
        )
        for a, person in rows
    ]


def agreements(
    session: Session,
    *,
    today: date,
    status: str | None = None,
    open_only: bool = False,
    overdue_on: date | None = None,
    organisation_id: int | None = None,
    meeting_id: int | None = None,
    district_id: int | None = None,
    responsible_person_id: int | None = None,
) -> list[AgreementRow]:
    """Agreements matching every filter given, due date first.

    ``overdue_on``: open on that day and due before it; ``meeting_id``: made in that meeting or discussed
    there; the rows' ``overdue`` is judged on ``today``.
    """
    where: list[ColumnElement[bool]] = []
    open_statuses = [str(s) for s in OPEN_AGREEMENT_STATUSES]
    if status is not None:
        where.append(Agreement.status == status)
    if open_only:
        where.append(Agreement.status.in_(open_statuses))
    if overdue_on is not None:
        where += [Agreement.status.in_(open_statuses), Agreement.due_on < overdue_on]
    if organisation_id is not None:
        where.append(
            Agreement.id.in_(
                select(agreement_organisation.c.agreement_id).where(
                    agreement_organisation.c.organisation_id == organisation_id
                )
            )
        )
    if meeting_id is not None:
        where.append(
            or_(
                Agreement.made_in_meeting_id == meeting_id,
                Agreement.id.in_(
                    select(agreement_meeting.c.agreement_id).where(
                        agreement_meeting.c.meeting_id == meeting_id
                    )
                ),
            )
        )
    if district_id is not None:
        where.append(Agreement.district_id == district_id)
    if responsible_person_id is not None:
        where.append(Agreement.responsible_person_id == responsible_person_id)
    return agreement_rows(session, where, today)


@dataclass(frozen=True, slots=True)
class StatusChangeRow:
    changed_at: datetime
    from_status: str | None
    to_status: str
    comment: str


def agreement_history(session: Session, agreement_id: int) -> list[StatusChangeRow]:
    """Every status change of an agreement, oldest first; the first is from None to open (it was made)."""
    return [
        StatusChangeRow(change.changed_at, change.from_status, change.to_status, change.comment)
        for change in session.scalars(
            select(AgreementStatusChange)
            .where(AgreementStatusChange.agreement_id == agreement_id)
            .order_by(AgreementStatusChange.changed_at, AgreementStatusChange.id)
        )
    ]
