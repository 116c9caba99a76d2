"""Agreements partners make: who does what by when. Every status change keeps a history row (when, from, to,
comment); the first row, from nothing to open, is written when the agreement is made."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from teamlead.data.agreements import (
    Agreement,
    AgreementStatusChange,
    agreement_meeting,
    agreement_organisation,
)
from teamlead.data.meetings import AgendaItem, Invitee, Meeting
from teamlead.data.roster import Person
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules import formatting
from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.vocabulary import AgreementStatus, AuditAction
from teamlead.services._common import (
    apply_changes,
    audit,
    check_choice,
    flush,
    for_edit,
    get_or_fail,
    now_or,
    organisation_ids_or_fail,
    record_district,
    required_text,
    today_or,
    touch,
)


@dataclass(frozen=True, slots=True)
class AgreementInput:
    """What the agreement form holds. ``made_on`` None: today (or the meeting's day when made in one)."""

    text: str
    organisation_ids: Sequence[int] = field(default=())
    responsible_person_id: int | None = None
    due_on: date | None = None
    made_on: date | None = None
    made_in_meeting_id: int | None = None
    district_id: int | None = None


def _meeting_day(meeting: Meeting) -> date:
    return meeting.starts_at.astimezone(AMSTERDAM).date()


def _validated(
    session: Session, data: AgreementInput, default_made_on: date, current_district_id: int | None = None
) -> tuple[dict[str, object], list[int]]:
    text = required_text("text", tr("Text"), data.text, 10_000)
    organisation_ids = organisation_ids_or_fail(session, data.organisation_ids)
    if data.responsible_person_id is not None and session.get(Person, data.responsible_person_id) is None:
        raise ValidationError(
            "responsible_person_id", tr("Unknown person (id {id}).", id=data.responsible_person_id)
        )
    meeting = None
    if data.made_in_meeting_id is not None:
        meeting = session.get(Meeting, data.made_in_meeting_id)
        if meeting is None:
            raise ValidationError(
                "made_in_meeting_id", tr("Unknown meeting (id {id}).", id=data.made_in_meeting_id)
            )
    made_on = data.made_on or (_meeting_day(meeting) if meeting is not None else default_made_on)
    if data.due_on is not None and data.due_on < made_on:
        raise ValidationError(
            "due_on",
            tr(
                "The due date {due} lies before the day the agreement was made {made}.",
                due=formatting.day_text(data.due_on),
                made=formatting.day_text(made_on),
            ),
        )
    district_id = record_district(  # made in a meeting: the meeting's district, as a screen's
        session,
        chosen=data.district_id if data.district_id is not None else current_district_id,
        screen_district_id=meeting.district_id if meeting is not None else None,
        organisation_ids=organisation_ids,
    )
    values: dict[str, object] = {
        "text": text,
        "responsible_person_id": data.responsible_person_id,
        "due_on": data.due_on,
        "made_on": made_on,
        "made_in_meeting_id": data.made_in_meeting_id,
        "district_id": district_id,
    }
    return values, organisation_ids


def _link_organisations(session: Session, agreement: Agreement, organisation_ids: list[int]) -> None:
    session.execute(
        delete(agreement_organisation).where(agreement_organisation.c.agreement_id == agreement.id)
    )
    if organisation_ids:
        session.execute(
            insert(agreement_organisation),
            [
                {"agreement_id": agreement.id, "organisation_id": o, "position": i}
                for i, o in enumerate(organisation_ids)
            ],
        )
    session.expire(agreement, ["organisations"])


def make_agreement(
    session: Session, data: AgreementInput, *, today: date | None = None, now: datetime | None = None
) -> int:
    """A new open agreement, in the district given, else by the one precedence (``shared/interface.md``,
    "Districts"): the district of the meeting it was made in, its first organisation's, the user's default,
    the only district."""
    values, organisation_ids = _validated(session, data, today_or(today))
    agreement = Agreement(status=AgreementStatus.OPEN, **values)
    session.add(agreement)
    flush(session)
    _link_organisations(session, agreement, organisation_ids)
    session.add(
        AgreementStatusChange(
            agreement_id=agreement.id,
            changed_at=now_or(now),
            from_status=None,
            to_status=AgreementStatus.OPEN,
        )
    )
    fields = [k for k, v in values.items() if v is not None]
    audit(session, agreement, AuditAction.CREATE, [*fields, "organisation_ids", "status"], now=now)
    return agreement.id


def edit_agreement(
    session: Session,
    agreement_id: int,
    data: AgreementInput,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> None:
    """Change what was agreed, with whom, who is responsible, or by when (the status has its own action)."""
    agreement = for_edit(session, Agreement, agreement_id, expected_version)
    values, organisation_ids = _validated(session, data, agreement.made_on, agreement.district_id)
    if data.made_on is None:
        values["made_on"] = agreement.made_on
    current = list(
        session.scalars(
            select(agreement_organisation.c.organisation_id)
            .where(agreement_organisation.c.agreement_id == agreement.id)
            .order_by(agreement_organisation.c.position)
        )
    )
    changed = apply_changes(agreement, values)
    if current != organisation_ids:
        changed.append("organisation_ids")
    if not changed:
        return
    touch(agreement, now)
    flush(session)
    if current != organisation_ids:
        _link_organisations(session, agreement, organisation_ids)
    audit(session, agreement, AuditAction.UPDATE, changed, now=now)


def change_status(
    session: Session,
    agreement_id: int,
    status: str,
    *,
    expected_version: int,
    comment: str = "",
    now: datetime | None = None,
) -> None:
    """Move an agreement to another status, keeping a history row with the comment."""
    agreement = for_edit(session, Agreement, agreement_id, expected_version)
    status = check_choice("status", tr("Status"), status, AgreementStatus)
    if status == agreement.status:
        raise ValidationError("status", tr("The agreement already has this status."))
    session.add(
        AgreementStatusChange(
            agreement_id=agreement.id,
            changed_at=now_or(now),
            from_status=agreement.status,
            to_status=status,
            comment=(comment or "").strip(),
        )
    )
    agreement.status = status
    touch(agreement, now)
    flush(session)
    audit(session, agreement, AuditAction.UPDATE, ["status"], now=now)


def link_meeting(
    session: Session, agreement_id: int, meeting_id: int, *, now: datetime | None = None
) -> None:
    """Note that the agreement was discussed in a meeting (again); linking twice changes nothing."""
    agreement = get_or_fail(session, Agreement, agreement_id, "agreement_id")
    if session.get(Meeting, meeting_id) is None:
        raise ValidationError("meeting_id", tr("Unknown meeting (id {id}).", id=meeting_id))
    linked = session.scalar(
        select(agreement_meeting.c.meeting_id).where(
            agreement_meeting.c.agreement_id == agreement_id, agreement_meeting.c.meeting_id == meeting_id
        )
    )
    if linked is not None:
        return
    session.execute(insert(agreement_meeting).values(agreement_id=agreement_id, meeting_id=meeting_id))
    session.expire(agreement, ["discussed_in"])
    audit(session, agreement, AuditAction.UPDATE, ["discussed_in"], now=now)


def agreement_from_decision(
    session: Session,
    meeting_id: int,
    text: str,
    *,
    organisation_ids: Sequence[int] | None = None,
    responsible_person_id: int | None = None,
    due_on: date | None = None,
    agenda_item_id: int | None = None,
    district_id: int | None = None,
    now: datetime | None = None,
) -> int:
    """A decision taken in a meeting becomes an agreement in one step: made that day, in that meeting, by the
    organisations given (default: the invited ones), tied to its agenda item when there is one; in the
    district given, else the meeting's (else by the precedence: its first organisation's, ...)."""
    meeting = get_or_fail(session, Meeting, meeting_id, "meeting_id")
    if organisation_ids is None:
        organisation_ids = [
            o
            for o in session.scalars(
                select(Invitee.organisation_id).where(Invitee.meeting_id == meeting_id).order_by(Invitee.id)
            )
            if o is not None
        ]
    agreement_id = make_agreement(
        session,
        AgreementInput(
            text=text,
            organisation_ids=organisation_ids,
            responsible_person_id=responsible_person_id,
            due_on=due_on,
            made_in_meeting_id=meeting_id,
            district_id=district_id if district_id is not None else meeting.district_id,
        ),
        now=now,
    )
    if agenda_item_id is not None:
        item = session.get(AgendaItem, agenda_item_id)
        if item is None or item.meeting_id != meeting_id:
            raise ValidationError("agenda_item_id", tr("This agenda item is not on this meeting's agenda."))
        item.agreement_id = agreement_id
        flush(session)
        audit(session, item, AuditAction.UPDATE, ["agreement_id"], now=now)
    return agreement_id
