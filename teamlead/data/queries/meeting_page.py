"""A meeting's page: the meeting, the open agreements to put on its agenda, what was agreed in it, and whom
a new agreement can be with. Frozen rows, read off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement, agreement_organisation
from teamlead.data.meetings import AgendaItem, Invitee
from teamlead.data.queries._common import role_current
from teamlead.data.queries.agreements import AgreementRow, agreements
from teamlead.data.queries.meetings import MeetingDetail, meeting_detail
from teamlead.data.queries.name_choices import organisation_choices
from teamlead.data.roster import Organisation, Person, Role
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.vocabulary import OPEN_AGREEMENT_STATUSES


@dataclass(frozen=True, slots=True)
class ProposedAgreement:
    """An agreement still open with an invited partner and not yet on this meeting's agenda."""

    id: int
    text: str
    due_on: date | None
    organisations: tuple[str, ...]
    overdue: bool


@dataclass(frozen=True, slots=True)
class MeetingPageData:
    """Everything the page shows: the meeting, its open-agreement proposals, what was agreed in it, and the
    choices for a new agreement (the invited partners that are not former ones, the people working there)."""

    detail: MeetingDetail
    starts: datetime  # Amsterdam time
    proposed: tuple[ProposedAgreement, ...]
    made_here: tuple[AgreementRow, ...]
    organisations: tuple[tuple[int, str], ...]
    persons: tuple[tuple[int, str], ...]


def _invited_organisations(session: Session, meeting_id: int, day: date) -> list[int]:
    """The invited organisations, and those where invited persons hold a role that day, in invitation order."""
    direct = session.scalars(
        select(Invitee.organisation_id)
        .where(Invitee.meeting_id == meeting_id, Invitee.organisation_id.is_not(None))
        .order_by(Invitee.id)
    ).all()
    via_persons = session.scalars(
        select(Role.organisation_id)
        .join(Invitee, Invitee.person_id == Role.person_id)
        .where(Invitee.meeting_id == meeting_id, role_current(day))
        .order_by(Invitee.id)
    ).all()
    return [o for o in dict.fromkeys([*direct, *via_persons]) if o is not None]


def proposed_agreements(
    session: Session, meeting_id: int, organisation_ids: list[int], today: date
) -> list[ProposedAgreement]:
    """What :func:`teamlead.services.agenda.carry_forward` would add: open agreements with these partners that
    are not on the agenda yet, earliest due first."""
    if not organisation_ids:
        return []
    on_agenda = select(AgendaItem.agreement_id).where(
        AgendaItem.meeting_id == meeting_id, AgendaItem.agreement_id.is_not(None)
    )
    rows = session.execute(
        select(Agreement.id, Agreement.text, Agreement.due_on)
        .where(
            Agreement.status.in_([str(s) for s in OPEN_AGREEMENT_STATUSES]),
            Agreement.id.in_(
                select(agreement_organisation.c.agreement_id).where(
                    agreement_organisation.c.organisation_id.in_(organisation_ids)
                )
            ),
            Agreement.id.not_in(on_agenda),
        )
        .order_by(Agreement.due_on.is_(None), Agreement.due_on, Agreement.id)
    ).all()
    ids = [row.id for row in rows]
    names: dict[int, list[str]] = {}
    for agreement_id, name in session.execute(
        select(agreement_organisation.c.agreement_id, Organisation.name)
        .join(Organisation, Organisation.id == agreement_organisation.c.organisation_id)
        .where(agreement_organisation.c.agreement_id.in_(ids))
        .order_by(agreement_organisation.c.agreement_id, agreement_organisation.c.position)
    ):
        names.setdefault(agreement_id, []).append(name)
    return [
        ProposedAgreement(
            id=row.id,
            text=row.text,
            due_on=row.due_on,
            organisations=tuple(names.get(row.id, ())),
            overdue=row.due_on is not None and row.due_on < today,
        )
        for row in rows
    ]


def meeting_page(session: Session, meeting_id: int, today: date) -> MeetingPageData:
    """The page's data; a meeting deleted meanwhile is said so."""
    detail = meeting_detail(session, meeting_id)
    if detail is None:
        raise ValidationError("meeting_id", tr("This meeting no longer exists."))
    starts = detail.meeting.starts_at.astimezone(AMSTERDAM)
    organisation_ids = _invited_organisations(session, meeting_id, starts.date())
    names = {choice.id: choice.label for choice in organisation_choices(session, among=organisation_ids)}
    persons = session.execute(
        select(Person.id, Person.name)
        .join(Role, Role.person_id == Person.id)
        .where(Role.organisation_id.in_(organisation_ids), role_current(starts.date()))
        .distinct()
        .order_by(Person.name)
    ).all()
    invited_persons = [(i.person_id, i.person) for i in detail.invitees if i.person_id is not None]
    all_persons = dict.fromkeys([*((p, n) for p, n in persons), *invited_persons])
    return MeetingPageData(
        detail=detail,
        starts=starts,
        proposed=tuple(proposed_agreements(session, meeting_id, organisation_ids, today)),
        made_here=tuple(
            row
            for row in agreements(session, today=today, meeting_id=meeting_id)
            if row.made_in_meeting_id == meeting_id
        ),
        organisations=tuple((o, names[o]) for o in organisation_ids if o in names),
        persons=tuple(sorted(all_persons, key=lambda p: p[1].casefold())),
    )
