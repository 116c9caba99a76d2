"""Single meetings: schedule, edit, cancel, attendance, minutes, the local-reflection answers.

Recurring meetings are :mod:`teamlead.services.series`; the agenda is :mod:`teamlead.services.agenda`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from teamlead.data.geography import Neighbourhood
from teamlead.data.meetings import Meeting, meeting_neighbourhood
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.limits import Width
from teamlead.rules.vocabulary import Attendance, AuditAction, MeetingKind, MeetingStatus
from teamlead.services._common import (
    apply_changes,
    audit,
    check_choice,
    flush,
    for_edit,
    limited_text,
    organisation_ids_or_fail,
    person_ids_or_fail,
    record_district,
    required_text,
    touch,
)
from teamlead.services.series import OccurrenceChanges, edit_occurrence
from teamlead.services.series_rules import to_utc
from teamlead.services.series_store import InviteeRef, set_invitees


class Keep(Enum):
    """A neighbourhood left as the meeting has it (a caller that does not show the field)."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True, slots=True)
class MeetingInput:
    """What the meeting form holds; ``starts_at``/``ends_at`` are aware datetimes (any zone)."""

    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime | None = None
    location: str = ""
    district_id: int | None = None
    organisation_ids: Sequence[int] = field(default=())
    person_ids: Sequence[int] = field(default=())
    invitees: Sequence[InviteeRef] = field(default=())
    """Invitees beyond ``organisation_ids`` and ``person_ids``: a person at a partner names both."""
    neighbourhood_id: int | Keep | None = KEEP
    """The neighbourhood the meeting is about (a local reflection's), in its district; None: none."""


def _validated(
    session: Session, data: MeetingInput, current_district_id: int | None = None
) -> tuple[dict[str, object], list[InviteeRef]]:
    kind = check_choice("kind", tr("Kind"), data.kind, MeetingKind)
    title = required_text("title", tr("Title"), data.title, Width.NAME)
    for name, moment in (("starts_at", data.starts_at), ("ends_at", data.ends_at)):
        if moment is not None and moment.tzinfo is None:
            raise ValidationError(name, tr("The time {time} has no time zone.", time=moment.isoformat()))
    if data.ends_at is not None and data.ends_at <= data.starts_at:
        raise ValidationError("ends_at", tr("The meeting ends before it starts."))
    district_id = record_district(  # none given: the meeting's own, else the user's default or the only one
        session, chosen=data.district_id if data.district_id is not None else current_district_id
    )
    organisation_ids = organisation_ids_or_fail(session, data.organisation_ids)
    person_ids = person_ids_or_fail(session, data.person_ids)
    organisation_ids_or_fail(
        session, [r.organisation_id for r in data.invitees if r.organisation_id is not None]
    )
    person_ids_or_fail(session, [r.person_id for r in data.invitees if r.person_id is not None])
    invitees = [
        *(InviteeRef(organisation_id=o) for o in organisation_ids),
        *(InviteeRef(person_id=p) for p in person_ids),
        *(r for r in data.invitees if r.organisation_id is not None or r.person_id is not None),
    ]
    values: dict[str, object] = {
        "kind": kind,
        "title": title,
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "location": limited_text("location", tr("Location"), data.location, Width.ADDRESS),
        "district_id": district_id,
    }
    return values, invitees


def schedule_meeting(session: Session, data: MeetingInput, *, now: datetime | None = None) -> int:
    """A new single meeting with its invitees (organisations and/or persons), all marked invited."""
    values, invitees = _validated(session, data)
    meeting = Meeting(status=MeetingStatus.SCHEDULED, **values)
    set_invitees(meeting, invitees)
    session.add(meeting)
    flush(session)
    fields = [k for k, v in values.items() if v not in (None, "")]
    if write_neighbourhood(
        session, meeting, None if data.neighbourhood_id is KEEP else data.neighbourhood_id
    ):
        fields.append("neighbourhood")
    audit(session, meeting, AuditAction.CREATE, [*fields, "invitees"], now=now)
    return meeting.id


def write_neighbourhood(session: Session, meeting: Meeting, neighbourhood_id: int | Keep | None) -> bool:
    """Write or clear the meeting's neighbourhood (``KEEP``: leave it, but check it still lies in the
    meeting's district); True when it changed. A neighbourhood of another district is refused: the local
    reflection would count for the wrong district."""
    current = session.scalar(
        select(meeting_neighbourhood.c.neighbourhood_id).where(
            meeting_neighbourhood.c.meeting_id == meeting.id
        )
    )
    wanted = current if isinstance(neighbourhood_id, Keep) else neighbourhood_id
    if wanted is not None:
        neighbourhood = session.get(Neighbourhood, wanted)
        if neighbourhood is None:
            raise ValidationError("neighbourhood_id", tr("Unknown neighbourhood (id {id}).", id=wanted))
        if neighbourhood.district_id != meeting.district_id:
            raise ValidationError(
                "neighbourhood_id",
                tr(
                    "{neighbourhood} does not lie in the meeting's district; choose one of its own "
                    "neighbourhoods, or none.",
                    neighbourhood=neighbourhood.name,
                ),
            )
    if wanted == current:
        return False
    session.execute(delete(meeting_neighbourhood).where(meeting_neighbourhood.c.meeting_id == meeting.id))
    if wanted is not None:
        session.execute(insert(meeting_neighbourhood).values(meeting_id=meeting.id, neighbourhood_id=wanted))
    session.expire(meeting, ["neighbourhood"])
    return True


def edit_meeting(
    session: Session,
    meeting_id: int,
    data: MeetingInput,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> None:
    """Change a meeting; an occurrence of a series becomes detached (series edits no longer overwrite it)."""
    meeting = for_edit(session, Meeting, meeting_id, expected_version)
    values, invitees = _validated(session, data, meeting.district_id)
    changed = apply_changes(meeting, values)
    if set_invitees(meeting, invitees):
        changed.append("invitees")
    if write_neighbourhood(session, meeting, data.neighbourhood_id):
        changed.append("neighbourhood")
        touch(meeting, now)
    if not changed:
        return
    if meeting.series_id is not None and not meeting.detached:
        meeting.detached = True
        changed.append("detached")
    touch(meeting, now)
    flush(session)
    audit(session, meeting, AuditAction.UPDATE, changed, now=now)


def cancel_meeting(
    session: Session, meeting_id: int, *, expected_version: int, now: datetime | None = None
) -> None:
    """The meeting does not take place; it stays in the calendar as cancelled."""
    meeting = for_edit(session, Meeting, meeting_id, expected_version)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("status", tr("This meeting is already cancelled."))
    meeting.status = MeetingStatus.CANCELLED
    if meeting.series_id is not None:
        meeting.detached = True
    flush(session)
    audit(session, meeting, AuditAction.UPDATE, ["status"], now=now)


def record_attendance(
    session: Session,
    meeting_id: int,
    attendance: Mapping[int, str],
    *,
    expected_version: int,
    now: datetime | None = None,
) -> None:
    """Mark invitees (by invitee id) invited, present, excused or absent: the attendance sheet in one save."""
    meeting = for_edit(session, Meeting, meeting_id, expected_version)
    invitees = {i.id: i for i in meeting.invitees}
    changed = False
    for invitee_id, value in attendance.items():
        invitee = invitees.get(invitee_id)
        if invitee is None:
            raise ValidationError("attendance", tr("This invitee is not invited to this meeting."))
        value = check_choice("attendance", tr("Attendance"), value, Attendance)
        if invitee.attendance != value:
            invitee.attendance = value
            changed = True
    if changed:
        touch(meeting, now)
        flush(session)
        audit(session, meeting, AuditAction.UPDATE, ["attendance"], now=now)


def save_minutes(
    session: Session, meeting_id: int, minutes: str, *, expected_version: int, now: datetime | None = None
) -> None:
    meeting = for_edit(session, Meeting, meeting_id, expected_version)
    changed = apply_changes(meeting, {"minutes": (minutes or "").strip()})
    flush(session)
    if changed:
        audit(session, meeting, AuditAction.UPDATE, changed, now=now)


@dataclass(frozen=True, slots=True)
class MeetingChanges:
    """A change to a meeting's title, place or start from the Meetings list; ``starts_local`` is the new
    Amsterdam wall-clock start (the meeting keeps its length)."""

    title: str
    location: str
    starts_local: datetime
    district_id: int | None = None
    """None: the meeting keeps its district (or, having none, gets the precedence's)."""
    neighbourhood_id: int | Keep | None = KEEP
    """The neighbourhood it is about, in its district (None: none); ``KEEP``: as it is."""


def change_meeting(
    session: Session,
    meeting_id: int,
    changes: MeetingChanges,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> None:
    """Change one meeting's title, place or start, keeping its length; only what differs is written and
    audited. A meeting of a series is changed on its own (:func:`teamlead.services.series.edit_occurrence`:
    it is detached, and edits of the whole series no longer overwrite it)."""
    meeting = for_edit(session, Meeting, meeting_id, expected_version)
    if meeting.series_id is not None:
        edit_occurrence(
            session,
            meeting_id,
            OccurrenceChanges(
                title=changes.title,
                location=changes.location,
                starts_local=changes.starts_local,
                district_id=changes.district_id,
            ),
            expected_version=expected_version,
            now=now,
        )
        _change_neighbourhood(session, meeting, changes.neighbourhood_id, now)
        return
    starts_at = to_utc(changes.starts_local.replace(second=0, microsecond=0), AMSTERDAM)
    length = meeting.ends_at - meeting.starts_at if meeting.ends_at is not None else None
    changed = apply_changes(
        meeting,
        {
            "title": required_text("title", tr("Title"), changes.title, Width.NAME),
            "location": limited_text("location", tr("Location"), changes.location, Width.ADDRESS),
            "starts_at": starts_at,
            "ends_at": starts_at + length if length is not None else None,
            "district_id": record_district(
                session,
                chosen=changes.district_id if changes.district_id is not None else meeting.district_id,
            ),
        },
    )
    if changed:
        flush(session)
        audit(session, meeting, AuditAction.UPDATE, changed, now=now)
    _change_neighbourhood(session, meeting, changes.neighbourhood_id, now)


def _change_neighbourhood(
    session: Session, meeting: Meeting, neighbourhood_id: int | Keep | None, now: datetime | None
) -> None:
    """After the other changes (the district may have moved): the neighbourhood, its own audit line."""
    if write_neighbourhood(session, meeting, neighbourhood_id):
        touch(meeting, now)
        flush(session)
        audit(session, meeting, AuditAction.UPDATE, ["neighbourhood"], now=now)


@dataclass(frozen=True, slots=True)
class Reflection:
    """The four local-reflection questions: what goes well, what can be better, what can you do yourselves,
    where do you need help."""

    goes_well: str = ""
    can_improve: str = ""
    do_ourselves: str = ""
    need_help: str = ""


def save_reflection(
    session: Session,
    meeting_id: int,
    answers: Reflection,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> None:
    meeting = for_edit(session, Meeting, meeting_id, expected_version)
    changed = apply_changes(
        meeting,
        {
            "reflection_goes_well": answers.goes_well.strip(),
            "reflection_can_improve": answers.can_improve.strip(),
            "reflection_do_ourselves": answers.do_ourselves.strip(),
            "reflection_need_help": answers.need_help.strip(),
        },
    )
    flush(session)
    if changed:
        audit(session, meeting, AuditAction.UPDATE, changed, now=now)


def save_meeting_page(
    session: Session,
    meeting_id: int,
    *,
    expected_version: int,
    attendance: Mapping[int, str],
    minutes: str,
    reflection: Reflection | None,
    now: datetime | None = None,
) -> None:
    """The meeting page's one "Save": attendance, minutes and (for a local reflection) the four answers, as
    one change of the meeting, against the version the user saw (a change made elsewhere meanwhile is a
    :class:`~teamlead.errors.ConflictError`)."""

    def current() -> int:
        meeting = session.get(Meeting, meeting_id)
        return expected_version if meeting is None else meeting.version

    record_attendance(session, meeting_id, attendance, expected_version=expected_version, now=now)
    save_minutes(session, meeting_id, minutes, expected_version=current(), now=now)
    if reflection is not None:
        save_reflection(session, meeting_id, reflection, expected_version=current(), now=now)
