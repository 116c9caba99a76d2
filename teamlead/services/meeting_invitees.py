"""Who is invited, changed after a meeting was planned: for this meeting, or for this and later meetings of
its series.

The meeting page's invitee editor hands over the whole list as the user left it; what changed against the
meeting's own invitees (who was added, who was removed) is applied to each meeting the change is for, so an
occurrence that already differs from the series (another partner invited to it alone) keeps that difference.
Invitees who stay keep their row, and with it their attendance.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from teamlead.data.meetings import Invitee, Meeting
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.vocabulary import AuditAction
from teamlead.services._common import (
    audit,
    flush,
    for_edit,
    now_or,
    organisation_ids_or_fail,
    person_ids_or_fail,
    touch,
)
from teamlead.services.series_store import InviteeRef, invitees_of


class InviteeScope(StrEnum):
    """Which meetings an invitee change is for."""

    THIS = "this"
    """This meeting only (an occurrence of a series then no longer follows the series' own edits)."""
    LATER = "later"
    """This meeting and the later meetings of its series that have not started."""


def change_invitees(
    session: Session,
    meeting_id: int,
    invitees: Sequence[InviteeRef],
    *,
    scope: InviteeScope = InviteeScope.THIS,
    expected_version: int,
    now: datetime | None = None,
) -> int:
    """Make ``invitees`` the invitees of the meeting (and, with :attr:`InviteeScope.LATER`, apply the same
    additions and removals to the later meetings of its series that have not started); how many meetings
    changed. Refused: unknown partners or persons, "this and later" for a meeting outside a series."""
    meeting = for_edit(session, Meeting, meeting_id, expected_version)
    wanted = list(dict.fromkeys(_checked(session, invitees)))
    current = invitees_of(meeting)
    added = [ref for ref in wanted if ref not in current]
    removed = [ref for ref in current if ref not in wanted]
    targets = [meeting]
    if scope == InviteeScope.LATER:
        if meeting.series is None:
            raise ValidationError("scope", tr("This meeting is not part of a series."))
        moment = now_or(now)
        targets += [
            later
            for later in meeting.series.meetings
            if later.id != meeting.id and later.starts_at >= meeting.starts_at and later.starts_at > moment
        ]
    changed = 0
    for target in targets:
        if not _apply(target, added, removed):
            continue
        changed += 1
        fields = ["invitees"]
        own = target is meeting and scope == InviteeScope.THIS and target.series_id is not None
        if own and not target.detached:
            # Its own invitees now: an edit of the whole series passes it by (as for a change of its time).
            target.detached = True
            fields.append("detached")
        touch(target, now)
        flush(session)
        audit(session, target, AuditAction.UPDATE, fields, now=now)
    return changed


def _checked(session: Session, invitees: Sequence[InviteeRef]) -> list[InviteeRef]:
    """The invitees, each naming a partner or a person that exists."""
    if any(ref.organisation_id is None and ref.person_id is None for ref in invitees):
        raise ValidationError("invitees", tr("An invitee is a partner, a person, or a person at a partner."))
    organisation_ids_or_fail(
        session, [ref.organisation_id for ref in invitees if ref.organisation_id is not None], "invitees"
    )
    person_ids_or_fail(session, [ref.person_id for ref in invitees if ref.person_id is not None], "invitees")
    return list(invitees)


def _apply(meeting: Meeting, added: Sequence[InviteeRef], removed: Sequence[InviteeRef]) -> bool:
    """Add and remove invitees of one meeting; those who stay keep their row (and attendance)."""
    changed = False
    for row in list(meeting.invitees):
        if InviteeRef(row.organisation_id, row.person_id) in removed:
            meeting.invitees.remove(row)
            changed = True
    present = set(invitees_of(meeting))
    for ref in added:
        if ref not in present:
            meeting.invitees.append(Invitee(organisation_id=ref.organisation_id, person_id=ref.person_id))
            present.add(ref)
            changed = True
    return changed
