"""A meeting's agenda: add, reorder and remove items, and carry forward the agreements still open with the
invited organisations, so the meeting looks back at what was promised before it looks ahead."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement, agreement_organisation
from teamlead.data.meetings import AgendaItem, Invitee, Meeting
from teamlead.data.roster import Role
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.limits import Width
from teamlead.rules.vocabulary import OPEN_AGREEMENT_STATUSES, AuditAction
from teamlead.services._common import (
    apply_changes,
    audit,
    flush,
    for_edit,
    get_or_fail,
    required_text,
    touch,
)
from teamlead.services.agreements import link_meeting


def _next_position(session: Session, meeting_id: int) -> int:
    last = session.scalar(select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting_id))
    return 0 if last is None else last + 1


def add_agenda_item(
    session: Session,
    meeting_id: int,
    title: str,
    *,
    details: str = "",
    agreement_id: int | None = None,
    now: datetime | None = None,
) -> int:
    """A point at the end of the agenda."""
    get_or_fail(session, Meeting, meeting_id, "meeting_id")
    title = required_text("title", tr("Title"), title, Width.ADDRESS)
    if agreement_id is not None:
        get_or_fail(session, Agreement, agreement_id, "agreement_id")
    item = AgendaItem(
        meeting_id=meeting_id,
        position=_next_position(session, meeting_id),
        title=title,
        details=(details or "").strip(),
        agreement_id=agreement_id,
    )
    session.add(item)
    flush(session)
    audit(session, item, AuditAction.CREATE, ["meeting_id", "position", "title"], now=now)
    return item.id


def set_agenda_item_details(
    session: Session, item_id: int, details: str, *, expected_version: int, now: datetime | None = None
) -> None:
    """What a point is about, or what came of it (the minutes print it under the point), against the version
    the user saw: someone else's change meanwhile is a conflict, not overwritten."""
    item = for_edit(session, AgendaItem, item_id, expected_version)
    changed = apply_changes(item, {"details": (details or "").strip()})
    flush(session)
    if changed:
        audit(session, item, AuditAction.UPDATE, changed, now=now)


def reorder_agenda(
    session: Session,
    meeting_id: int,
    item_ids: Sequence[int],
    *,
    expected_version: int,
    now: datetime | None = None,
) -> None:
    """Put the agenda in this order; ``item_ids`` must be exactly the meeting's items."""
    meeting = for_edit(session, Meeting, meeting_id, expected_version)
    items = {item.id: item for item in meeting.agenda_items}
    if sorted(item_ids) != sorted(items):
        raise ValidationError("agenda_items", tr("The new order must list every agenda item once."))
    for position, item_id in enumerate(item_ids):
        items[item_id].position = position
    touch(meeting, now)
    flush(session)
    session.expire(meeting, ["agenda_items"])
    audit(session, meeting, AuditAction.UPDATE, ["agenda_items"], now=now)


def remove_agenda_item(session: Session, item_id: int, *, now: datetime | None = None) -> None:
    """Take a point off the agenda; the points after it move up."""
    item = get_or_fail(session, AgendaItem, item_id, "agenda_item_id")
    meeting_id, position = item.meeting_id, item.position
    session.delete(item)
    flush(session)
    for later in session.scalars(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting_id, AgendaItem.position > position)
    ):
        later.position -= 1
    flush(session)
    audit(session, item, AuditAction.DELETE, [], now=now)


def carry_forward(session: Session, meeting_id: int, *, now: datetime | None = None) -> list[int]:
    """Add the agreements still open with the invited organisations (and those of invited persons' current
    roles) as agenda items, earliest due first; agreements already on the agenda are not added twice."""
    meeting = get_or_fail(session, Meeting, meeting_id, "meeting_id")
    day = meeting.starts_at.date()
    organisations = select(Invitee.organisation_id).where(
        Invitee.meeting_id == meeting_id, Invitee.organisation_id.is_not(None)
    )
    via_persons = select(Role.organisation_id).where(
        Role.person_id.in_(select(Invitee.person_id).where(Invitee.meeting_id == meeting_id)),
        (Role.started_on.is_(None)) | (Role.started_on <= day),
        (Role.ended_on.is_(None)) | (Role.ended_on >= day),
    )
    already = select(AgendaItem.agreement_id).where(
        AgendaItem.meeting_id == meeting_id, AgendaItem.agreement_id.is_not(None)
    )
    agreements = session.execute(
        select(Agreement.id, Agreement.text)
        .where(
            Agreement.status.in_([str(s) for s in OPEN_AGREEMENT_STATUSES]),
            Agreement.id.in_(
                select(agreement_organisation.c.agreement_id).where(
                    agreement_organisation.c.organisation_id.in_(organisations.union(via_persons))
                )
            ),
            Agreement.id.not_in(already),
        )
        .order_by(Agreement.due_on.is_(None), Agreement.due_on, Agreement.id)
    ).all()
    return [
        add_agenda_item(session, meeting_id, carried_title(text), agreement_id=agreement_id, now=now)
        for agreement_id, text in agreements
    ]


def carried_title(text: str) -> str:
    """An open agreement's agenda point: its text on one line, cut to what an agenda point holds (the page
    says "Open agreement:" before it)."""
    title = " ".join(text.split())
    if len(title) > Width.ADDRESS:
        title = title[: Width.ADDRESS - 1] + "…"
    return title


def carry_forward_and_link(session: Session, meeting_id: int, *, now: datetime | None = None) -> int:
    """Put the open agreements on the agenda (:func:`carry_forward`) and note that this meeting discusses
    them; how many were added."""
    added = carry_forward(session, meeting_id, now=now)
    for item_id in added:
        item = session.get(AgendaItem, item_id)
        if item is not None and item.agreement_id is not None:
            link_meeting(session, item.agreement_id, meeting_id, now=now)
    return len(added)
