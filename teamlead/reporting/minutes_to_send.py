"""The minutes with whom to send them to: what the minutes kind gathers, for its PDF and its mail draft.

``teamlead report minutes -o FILE.eml`` and "Send minutes…" write a mail draft to the meeting's addressees
(:mod:`teamlead.data.queries.addressees`) in the language for partners (Settings), the PDF attached in that
language too (:mod:`teamlead.reports.minutes_mail`); ``-o FILE.pdf`` writes the minutes alone, in the language
of the run. One gather for both formats, as the registry of report kinds has one per kind.

The gather's annotations are objects, not strings (no ``from __future__ import annotations``), so the
registry's test resolves them; the database layer is imported inside it, so naming it stays cheap.
"""

from datetime import datetime
from typing import TYPE_CHECKING

from teamlead.reporting.minutes_model import MinutesToSend

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from teamlead.producing.produce import ReportRequest


def gather_minutes_to_send(
    session: "Session", request: "ReportRequest", generated_at: datetime
) -> MinutesToSend:
    """The minutes (a meeting not held is refused, exit 1) with their addressees."""
    from teamlead.data.meetings import Meeting
    from teamlead.data.queries.addressees import addressees
    from teamlead.reporting.minutes import gather_minutes
    from teamlead.rules import settings

    assert request.meeting_id is not None  # check_request refused a request without one
    minutes = gather_minutes(session, request.meeting_id, generated_at)
    meeting = session.get_one(Meeting, request.meeting_id)
    return MinutesToSend(
        header=minutes.header,
        minutes=minutes,
        addressees=addressees(meeting.invitees),
        language=settings.partner_language(settings.load()),
    )
