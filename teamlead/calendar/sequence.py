"""One SEQUENCE per iCalendar UID, shared by the publish export and invitations, kept in ``calendar_sent``.

A calendar takes an event with a higher SEQUENCE as an update, and Outlook asks invitees again. So the number
rises only when what an invitee sees changed: the fingerprint below is a sha256 of start, end, place, title,
status and invitees (for a series: its rule, timing, exceptions and the occurrences that differ from it). A
minutes edit, an agenda item or attendance raise the record's version, not the SEQUENCE.

Invitees are fingerprinted as who is invited (organisation and person ids), not as the addresses they resolve
to: a new key contact or a corrected e-mail address alone does not send partners an "updated" invitation.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.meetings import CalendarSent, Meeting, MeetingSeries
from teamlead.rules.vocabulary import MeetingStatus
from teamlead.services.series_rules import key_to_local, local_starts, occurrence_key, span_utc
from teamlead.services.series_store import InviteeRef, invitees_of, template_invitees, timing_of


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def _refs(refs: Iterable[InviteeRef]) -> list[list[int | None]]:
    return sorted(
        ([ref.organisation_id, ref.person_id] for ref in set(refs)),
        key=lambda pair: (pair[0] or 0, pair[1] or 0),
    )


def _seen(meeting: Meeting) -> dict[str, object]:
    ends = meeting.ends_at or meeting.starts_at + timedelta(hours=1)
    return {
        "start": meeting.starts_at.isoformat(),
        "end": ends.isoformat(),
        "place": meeting.location,
        "title": meeting.title,
        "status": meeting.status,
        "invitees": _refs(invitees_of(meeting)),
    }


def meeting_fingerprint(meeting: Meeting) -> str:
    """What an invitee sees of a meeting outside a series (or one left out of its rule)."""
    return _digest(_seen(meeting))


def seen_differently(series: MeetingSeries, meeting: Meeting, template: list[InviteeRef]) -> bool:
    """True when an invitee would see this occurrence otherwise than the series' rule alone shows it: another
    start, end, place or title, or other invitees. (Cancelled occurrences are exceptions, not overrides.)"""
    assert meeting.occurrence_key is not None
    starts, ends = span_utc(
        key_to_local(meeting.occurrence_key), series.duration_minutes, timing_of(series).zone
    )
    return (
        meeting.title != series.title
        or meeting.location != series.location
        or meeting.starts_at != starts
        or (meeting.ends_at or meeting.starts_at) != ends
        or set(invitees_of(meeting)) != set(template)
    )


def series_exceptions(series: MeetingSeries) -> tuple[list[str], dict[str, Meeting]]:
    """The occurrence keys the rule makes (up to its last stored occurrence) that are cancelled or missing,
    and the stored occurrences that follow the rule, by key."""
    rows = {m.occurrence_key: m for m in series.meetings if m.occurrence_key}
    if not rows:
        return [], {}
    horizon = max(key_to_local(key).date() for key in rows)
    generated = [occurrence_key(s) for s in local_starts(timing_of(series), until=horizon)]
    excluded = [key for key in generated if key not in rows or rows[key].status == MeetingStatus.CANCELLED]
    following = {key: rows[key] for key in generated if key in rows and key not in excluded}
    return excluded, following


def series_fingerprint(series: MeetingSeries) -> str:
    """What an invitee sees of a series: its rule and timing, title, place and invitees, the cancelled
    occurrences and the occurrences that differ from the rule (each as :func:`meeting_fingerprint` sees it)."""
    template = template_invitees(series)
    excluded, following = series_exceptions(series)
    overrides = {
        key: _seen(meeting)
        for key, meeting in following.items()
        if seen_differently(series, meeting, template)
    }
    return _digest(
        {
            "rule": series.rrule,
            "first": series.first_date.isoformat(),
            "time": series.start_time.isoformat(),
            "minutes": series.duration_minutes,
            "zone": series.timezone,
            "title": series.title,
            "place": series.location,
            "invitees": _refs(template),
            "exceptions": excluded,
            "overrides": overrides,
        }
    )


class SequenceBook:
    """The SEQUENCE of each UID a file is about to carry, and the row that remembers it.

    - No row yet: the SEQUENCE earlier exports wrote (they numbered by the record's version: ``version - 1``),
      so calendars that hold the event take the next change as an update.
    - Same fingerprint as the row: the same SEQUENCE. Another one: one more.

    With ``store`` (a writable database) each call writes the row in the caller's transaction: ``written_at``,
    and ``invited_at`` for an invitation. Without it (a database opened read-only) the same numbers are
    computed from the rows as they are and nothing is written, so a later file from a writable database
    numbers exactly as this one did.
    """

    def __init__(self, session: Session, *, store: bool, now: datetime) -> None:
        self._session = session
        self._store = store
        self._now = now
        self._rows = {row.uid: row for row in session.scalars(select(CalendarSent))}

    def sequence(
        self,
        uid: str,
        fingerprint: str,
        *,
        version: int,
        meeting_id: int | None = None,
        series_id: int | None = None,
        invited: bool = False,
    ) -> int:
        """The SEQUENCE for ``uid`` written now with ``fingerprint`` (see the class)."""
        row = self._rows.get(uid)
        if row is None:
            number = max(version - 1, 0)
        elif row.fingerprint == fingerprint:
            number = row.sequence
        else:
            number = row.sequence + 1
        if not self._store:
            return number
        if row is None:
            row = CalendarSent(uid=uid, meeting_id=meeting_id, series_id=series_id)
            self._session.add(row)
            self._rows[uid] = row
        row.sequence = number
        row.fingerprint = fingerprint
        row.written_at = self._now
        if invited:
            row.invited_at = self._now
        return number

    def for_meeting(self, uid: str, meeting: Meeting, *, invited: bool = False) -> int:
        return self.sequence(
            uid, meeting_fingerprint(meeting), version=meeting.version, meeting_id=meeting.id, invited=invited
        )

    def for_series(self, uid: str, series: MeetingSeries, *, invited: bool = False) -> int:
        return self.sequence(
            uid, series_fingerprint(series), version=series.version, series_id=series.id, invited=invited
        )
