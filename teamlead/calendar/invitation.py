"""An invitation (iTIP, RFC 5546) for one meeting or a whole series: what lands in partners' Outlook.

- ``METHOD:REQUEST`` with the team lead as ORGANIZER and one ATTENDEE per addressee
  (:mod:`teamlead.data.queries.addressees`); a cancelled meeting gives ``METHOD:CANCEL``.
- The UID is the publish export's for the same meeting or series (:mod:`teamlead.calendar.identity`), and the
  SEQUENCE is the one both share (:mod:`teamlead.calendar.sequence`), so a partner who imported the published
  calendar gets an update of the same event, not a second one.
- One occurrence of a series is invited as that occurrence of the series' event (the series' UID with its
  RECURRENCE-ID), as the publish export writes it; ``whole_series`` invites the recurring event with EXDATE
  for cancelled occurrences and an override (RECURRENCE-ID, its own attendees) where one differs.
- Writing an invitation marks the meeting or series invited: from then on it can be cancelled, not deleted
  (:func:`teamlead.services.meeting_removal.removal_blocker`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parseaddr

from icalendar import Calendar, Event, vCalAddress, vText
from sqlalchemy.orm import Session

from teamlead import __version__
from teamlead.calendar.export import master_event, meeting_event
from teamlead.calendar.identity import database_uid, meeting_uid, series_uid
from teamlead.calendar.sequence import SequenceBook, seen_differently, series_exceptions
from teamlead.data.meetings import Invitee, Meeting, MeetingSeries
from teamlead.data.queries.addressees import Addressees, addressees
from teamlead.errors import UserError, ValidationError
from teamlead.i18n import tr
from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.vocabulary import MeetingStatus
from teamlead.services.contact import normalise_email
from teamlead.services.series_rules import key_to_local
from teamlead.services.series_store import template_invitees, timing_of

REQUEST, CANCEL = "REQUEST", "CANCEL"


@dataclass(frozen=True, slots=True)
class Organizer:
    name: str
    email: str


def parse_organizer(text: str) -> Organizer:
    """``NAME <EMAIL>`` (or a bare address) as an organizer; a :class:`ValidationError` when the address is
    not one."""
    name, address = parseaddr(text)
    address = normalise_email(address or text, "organizer")
    if not address:
        raise ValidationError("organizer", tr("{value} is not a valid e-mail address.", value=text))
    return Organizer(name.strip(), address)


def organizer_from(name: str | None, email: str | None) -> Organizer:
    """The organizer from Settings, or a :class:`UserError` saying where to set it."""
    address = (email or "").strip()
    if not address:
        raise UserError(
            tr(
                "An invitation needs you as its organizer: set your name and e-mail address in the app under "
                'Settings (General), or give --organizer "NAME <EMAIL>".'
            )
        )
    return Organizer((name or "").strip(), normalise_email(address, "organizer"))


@dataclass(frozen=True, slots=True)
class Invitation:
    """The calendar to write and what a mail draft says about it."""

    calendar: Calendar
    method: str
    title: str
    starts: datetime
    location: str
    whole_series: bool
    addressees: Addressees


def meeting_or_fail(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise UserError(
            tr(
                "There is no meeting with id {id}. 'teamlead meetings' lists the meetings and their ids.",
                id=meeting_id,
            )
        )
    return meeting


def build_invitation(
    session: Session,
    meeting_id: int,
    organizer: Organizer,
    *,
    whole_series: bool = False,
    now: datetime | None = None,
    store: bool = True,
) -> Invitation:
    """The invitation for a meeting (or its whole series), its SEQUENCE and invited moment stored unless
    ``store`` is False (a database opened read-only: numbered as it would be, nothing written)."""
    meeting = meeting_or_fail(session, meeting_id)
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    identity = database_uid(session, store=store)
    book = SequenceBook(session, store=store, now=stamp)
    series = meeting.series
    if whole_series and series is None:
        raise UserError(
            tr(
                "Meeting {id} is not part of a series; leave out --whole-series to invite to this meeting.",
                id=meeting_id,
            )
        )
    if whole_series and series is not None:
        events = _series_invitation(series, identity, stamp, book)
        method, title, location = REQUEST, series.title, series.location
    else:
        events = [(_one_meeting(meeting, identity, stamp, book), list(meeting.invitees))]
        cancelled = meeting.status == MeetingStatus.CANCELLED
        method, title, location = (CANCEL if cancelled else REQUEST), meeting.title, meeting.location
    starts: datetime = events[0][0].decoded("dtstart")
    calendar = Calendar()
    calendar.add("prodid", f"-//Teamlead//Teamlead {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    for event, invitees in events:
        _address(event, organizer, addressees(invitees))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    everyone = addressees(invitee for _, invitees in events for invitee in invitees)
    return Invitation(calendar, method, title, starts, location, whole_series, everyone)


def _one_meeting(meeting: Meeting, identity: str, stamp: datetime, book: SequenceBook) -> Event:
    series = meeting.series
    if series is not None and meeting.occurrence_key is not None:
        excluded, following = series_exceptions(series)
        key = meeting.occurrence_key
        if key in following or key in excluded:
            uid = series_uid(identity, series.id)
            zone = timing_of(series).zone
            event = meeting_event(meeting, uid, stamp, zone, book.for_series(uid, series, invited=True))
            event.add("recurrence-id", key_to_local(key).replace(tzinfo=zone))
            return event
    uid = meeting_uid(identity, meeting.id)
    zone = timing_of(series).zone if series is not None else AMSTERDAM
    return meeting_event(meeting, uid, stamp, zone, book.for_meeting(uid, meeting, invited=True))


def _series_invitation(
    series: MeetingSeries, identity: str, stamp: datetime, book: SequenceBook
) -> list[tuple[Event, list[Invitee]]]:
    """The recurring event with its EXDATEs, then its overrides; each with the invitees it addresses."""
    uid = series_uid(identity, series.id)
    zone = timing_of(series).zone
    sequence = book.for_series(uid, series, invited=True)
    template = template_invitees(series)
    excluded, following = series_exceptions(series)
    master = master_event(series, uid, stamp, zone, sequence)
    if excluded:
        master.add("exdate", [key_to_local(key).replace(tzinfo=zone) for key in excluded])
    events = [(master, _template_rows(series))]
    for key, meeting in following.items():
        if seen_differently(series, meeting, template):
            override = meeting_event(meeting, uid, stamp, zone, sequence)
            override.add("recurrence-id", key_to_local(key).replace(tzinfo=zone))
            events.append((override, list(meeting.invitees)))
    return events


def _template_rows(series: MeetingSeries) -> list[Invitee]:
    """The invitee rows of the occurrence the series' invitees come from (its last one following it)."""
    following = [m for m in series.meetings if not m.detached] or list(series.meetings)
    return list(following[-1].invitees) if following else []


def _address(event: Event, organizer: Organizer, to: Addressees) -> None:
    chair = vCalAddress(f"mailto:{organizer.email}")
    if organizer.name:
        chair.params["cn"] = vText(organizer.name)
    event.add("organizer", chair)
    for addressee in to.reached:
        attendee = vCalAddress(f"mailto:{addressee.email}")
        attendee.params["cn"] = vText(addressee.name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("NEEDS-ACTION")
        attendee.params["rsvp"] = vText("TRUE")
        event.add("attendee", attendee, encode=False)
