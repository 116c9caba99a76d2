"""Gathering the agreements register (with status history) and a meeting's preparation pack.

The register lists agreements open on the period's last day or changed in the period. For the city audience
it never reads the responsible person nor the comments of status changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from teamlead import __version__
from teamlead.data.agreements import Agreement, AgreementStatusChange, agreement_organisation
from teamlead.data.geography import District
from teamlead.data.meetings import AgendaItem, Invitee, Meeting
from teamlead.data.roster import Organisation, Person, Role
from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.reporting.chunks import id_chunks
from teamlead.reporting.districts import DistrictRef
from teamlead.reporting.facts import AgreementFact, agreement_organisation_names
from teamlead.reporting.model import (
    AgendaLine,
    AgreementLine,
    AgreementRegister,
    InviteeLine,
    MeetingPack,
    RegisterEntry,
    ReportHeader,
    StatusChangeLine,
)
from teamlead.reporting.periods import Period, local_date
from teamlead.reporting.roster import scope_label
from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.vocabulary import OPEN_AGREEMENT_STATUSES, MeetingStatus


def _entries(
    session: Session, ids: Iterable[int], audience: str, period: Period | None
) -> list[RegisterEntry]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    rows = {}
    names = agreement_organisation_names(session, wanted)
    history: dict[int, list[StatusChangeLine]] = defaultdict(list)
    changes: dict[int, list[tuple[date, str]]] = defaultdict(list)
    responsible: dict[int, str] = {}
    for chunk in id_chunks(wanted):
        for row in session.execute(
            select(
                Agreement.id,
                Agreement.text,
                Agreement.made_on,
                Agreement.due_on,
                Agreement.status,
                District.name.label("district"),
            )
            .outerjoin(District, District.id == Agreement.district_id)
            .where(Agreement.id.in_(chunk))
        ):
            rows[row.id] = row
        columns = [
            AgreementStatusChange.agreement_id,
            AgreementStatusChange.changed_at,
            AgreementStatusChange.from_status,
            AgreementStatusChange.to_status,
        ]
        if audience == "district":
            columns.append(AgreementStatusChange.comment)
            for agreement_id, name in session.execute(
                select(Agreement.id, Person.name)
                .join(Person, Person.id == Agreement.responsible_person_id)
                .where(Agreement.id.in_(chunk))
            ):
                responsible[agreement_id] = name
        for change in session.execute(
            select(*columns)
            .where(AgreementStatusChange.agreement_id.in_(chunk))
            .order_by(
                AgreementStatusChange.agreement_id, AgreementStatusChange.changed_at, AgreementStatusChange.id
            )
        ):
            day = local_date(change.changed_at)
            changes[change.agreement_id].append((day, change.to_status))
            comment = change.comment if audience == "district" else ""
            history[change.agreement_id].append(
                StatusChangeLine(day, change.from_status or "", change.to_status, comment or "")
            )
    entries = []
    for agreement_id in wanted:
        row = rows[agreement_id]
        fact = AgreementFact(row.id, row.made_on, row.due_on, row.status, tuple(changes.get(row.id, ())))
        status = (fact.status_on(period.end) if period else None) or row.status
        line = AgreementLine(
            row.id,
            row.text,
            ", ".join(names.get(row.id, [])),
            row.made_on,
            row.due_on,
            status,
            fact.done_in(period) if period else None,
        )
        entries.append(
            RegisterEntry(line, row.district or "", responsible.get(row.id, ""), tuple(history[row.id]))
        )
    entries.sort(key=lambda entry: (entry.district, entry.agreement.made_on, entry.agreement.id))
    return entries


def gather_register(
    session: Session,
    districts: list[DistrictRef],
    everything: bool,
    period: Period,
    audience: str,
    generated_at: datetime,
) -> AgreementRegister:
    query = select(Agreement.id, Agreement.made_on, Agreement.due_on, Agreement.status).where(
        Agreement.made_on <= period.end
    )
    if not everything:
        query = query.where(Agreement.district_id.in_([district.id for district in districts]))
    candidates = session.execute(query).all()
    changes: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for agreement_id, changed_at, to_status in session.execute(
        select(
            AgreementStatusChange.agreement_id,
            AgreementStatusChange.changed_at,
            AgreementStatusChange.to_status,
        )
        .where(AgreementStatusChange.agreement_id.in_(select(query.subquery().c.id)))
        .order_by(
            AgreementStatusChange.agreement_id, AgreementStatusChange.changed_at, AgreementStatusChange.id
        )
    ):
        changes[agreement_id].append((local_date(changed_at), to_status))
    chosen = []
    for row in candidates:
        fact = AgreementFact(row.id, row.made_on, row.due_on, row.status, tuple(changes.get(row.id, ())))
        changed = row.made_on in period or any(day in period for day, _status in fact.changes)
        if changed or fact.status_on(period.end) in OPEN_AGREEMENT_STATUSES:
            chosen.append(row.id)
    header = ReportHeader(
        "agreements", scope_label(districts, everything), period, audience, generated_at, __version__
    )
    return AgreementRegister(header, tuple(_entries(session, chosen, audience, period)))


def gather_meeting_pack(session: Session, meeting_id: int, generated_at: datetime) -> MeetingPack:
    meeting = session.execute(
        select(
            Meeting.id,
            Meeting.title,
            Meeting.kind,
            Meeting.starts_at,
            Meeting.ends_at,
            Meeting.location,
            Meeting.status,
            District.name.label("district"),
        )
        .outerjoin(District, District.id == Meeting.district_id)
        .where(Meeting.id == meeting_id)
    ).one_or_none()
    if meeting is None:
        raise UserError(
            tr(
                "There is no meeting with id {id}. 'teamlead meetings' lists the meetings and their ids.",
                id=meeting_id,
            )
        )
    day = local_date(meeting.starts_at)
    agenda = tuple(
        AgendaLine(row.position, row.title, row.details)
        for row in session.execute(
            select(AgendaItem.position, AgendaItem.title, AgendaItem.details)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position, AgendaItem.id)
        )
    )
    invitees = []
    organisation_ids: set[int] = set()
    for row in session.execute(
        select(
            Invitee.organisation_id,
            Invitee.person_id,
            Invitee.attendance,
            Organisation.name.label("organisation"),
            Person.name,
            Person.phone,
        )
        .outerjoin(Organisation, Organisation.id == Invitee.organisation_id)
        .outerjoin(Person, Person.id == Invitee.person_id)
        .where(Invitee.meeting_id == meeting_id)
        .order_by(Organisation.name, Person.name, Invitee.id)
    ):
        if row.organisation_id is not None:
            organisation_ids.add(row.organisation_id)
        role = ""
        if row.person_id is not None:
            titles = session.execute(
                select(Role.title, Role.organisation_id).where(
                    Role.person_id == row.person_id,
                    or_(Role.started_on.is_(None), Role.started_on <= day),
                    or_(Role.ended_on.is_(None), Role.ended_on >= day),
                )
            ).all()
            matching = [t.title for t in titles if t.organisation_id == row.organisation_id] or [
                t.title for t in titles
            ]
            role = ", ".join(title for title in matching if title)
        invitees.append(
            InviteeLine(row.organisation or "", row.name or "", role, row.phone or "", row.attendance)
        )
    linked = select(AgendaItem.agreement_id).where(AgendaItem.meeting_id == meeting_id)
    open_ids = session.scalars(
        select(Agreement.id)
        .outerjoin(agreement_organisation, agreement_organisation.c.agreement_id == Agreement.id)
        .where(
            Agreement.status.in_(OPEN_AGREEMENT_STATUSES),
            or_(agreement_organisation.c.organisation_id.in_(organisation_ids), Agreement.id.in_(linked)),
        )
        .distinct()
    ).all()
    header = ReportHeader("meeting", meeting.district or "", None, "district", generated_at, __version__)
    return MeetingPack(
        header=header,
        meeting_id=meeting.id,
        title=meeting.title,
        kind=meeting.kind,
        starts_at=meeting.starts_at.astimezone(AMSTERDAM),
        ends_at=meeting.ends_at.astimezone(AMSTERDAM) if meeting.ends_at else None,
        location=meeting.location,
        cancelled=meeting.status == MeetingStatus.CANCELLED,
        agenda=agenda,
        invitees=tuple(invitees),
        open_agreements=tuple(_entries(session, open_ids, "district", None)),
    )


@dataclass(frozen=True)
class MeetingChoice:
    id: int
    label: str
    """``2026-03-03 09:30 · Netwerkoverleg Wildemanbuurt`` (Amsterdam time)."""


def meeting_choices(session: Session, district_id: int | None, period: Period) -> list[MeetingChoice]:
    """The meetings a meeting pack can be made for: those of the district starting in the period."""
    start, end = period.utc_bounds()
    query = select(Meeting.id, Meeting.starts_at, Meeting.title).where(
        Meeting.starts_at >= start, Meeting.starts_at < end
    )
    if district_id is not None:
        query = query.where(Meeting.district_id == district_id)
    return [
        MeetingChoice(row.id, f"{row.starts_at.astimezone(AMSTERDAM):%Y-%m-%d %H:%M} · {row.title}")
        for row in session.execute(query.order_by(Meeting.starts_at, Meeting.id))
    ]
