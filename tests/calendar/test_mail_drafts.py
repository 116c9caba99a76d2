"""Mail drafts (``.eml``) of invitations and minutes, read back with Python's ``email`` package: to the
addressees, marked unsent, the calendar part's ``method`` equal to the object's METHOD, the file attached
byte for byte as it is written alone, in the language for partners."""

from __future__ import annotations

import email
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from icalendar import Calendar
from reportlab import rl_config

from teamlead.calendar.invitation import parse_organizer
from teamlead.calendar.outgoing import write_invitation
from teamlead.cli import main
from teamlead.data.meetings import Meeting
from teamlead.i18n import current_language
from teamlead.producing.produce import ReportRequest, produce
from teamlead.reporting.periods import Period
from teamlead.rules import settings
from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.vocabulary import Audience
from teamlead.services.meetings import MeetingInput, cancel_meeting, save_minutes, schedule_meeting
from teamlead.services.series_store import InviteeRef
from tests.calendar.conftest import ORGANIZER, Planned

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def read(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    return message


def addresses(message: EmailMessage) -> set[str]:
    return {address.addr_spec for address in message["To"].addresses}


def calendar_part(message: EmailMessage) -> EmailMessage:
    (part,) = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert isinstance(part, EmailMessage)
    return part


def attachment(message: EmailMessage) -> tuple[str, bytes]:
    (part,) = list(message.iter_attachments())
    content = part.get_payload(decode=True)
    assert isinstance(content, bytes)
    return str(part.get_filename()), content


def test_an_invitation_draft_carries_the_request_to_the_addressees_in_dutch(
    planned: Planned, tmp_path: Path
) -> None:
    target = tmp_path / "uitnodiging.eml"
    args = ["--database", planned.url, "calendar", "-o", str(target), "--meeting", str(planned.meeting)]
    assert main([*args, "--invite", "--organizer", ORGANIZER]) == 0
    message = read(target)
    assert addresses(message) == planned.addresses
    assert message["X-Unsent"] == "1"
    assert message["Subject"].startswith("Uitnodiging: ")
    part = calendar_part(message)
    method = str(Calendar.from_ical(part.get_content())["METHOD"])
    assert method == "REQUEST"
    assert part.get_param("method") == method
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert planned.unreached in text  # listed as not addressed
    assert "Uitgenodigd" in text or "uitgenodigd" in text
    name, ics = attachment(message)
    assert name.endswith(".ics")
    assert ics == part.get_content().encode("utf-8")
    assert current_language() == "en"  # the draft's language did not stay


def test_the_attached_invitation_is_the_ics_written_alone(planned: Planned, tmp_path: Path) -> None:
    """Same moment, same language: the draft's .ics and the .ics file are the same bytes (and the second
    write did not raise the SEQUENCE)."""
    organizer = parse_organizer(ORGANIZER)
    alone, draft = tmp_path / "alone.ics", tmp_path / "draft.eml"
    write_invitation(planned.database, planned.meeting, organizer, alone, partner_language="en", now=NOW)
    write_invitation(planned.database, planned.meeting, organizer, draft, partner_language="en", now=NOW)
    assert attachment(read(draft))[1] == alone.read_bytes()


def test_a_cancelled_meetings_draft_carries_a_cancel(planned: Planned, tmp_path: Path) -> None:
    with planned.database.begin() as session:
        meeting = session.get_one(Meeting, planned.meeting)
        cancel_meeting(session, meeting.id, expected_version=meeting.version)
    written = write_invitation(
        planned.database, planned.meeting, parse_organizer(ORGANIZER), tmp_path / "a.eml"
    )
    part = calendar_part(read(written.path))
    assert written.method == "CANCEL"
    assert part.get_param("method") == str(Calendar.from_ical(part.get_content())["METHOD"]) == "CANCEL"


def test_a_whole_series_draft_names_every_addressee_once(planned: Planned, tmp_path: Path) -> None:
    target = tmp_path / "reeks.eml"
    args = [
        "--database",
        planned.url,
        "calendar",
        "-o",
        str(target),
        "--meeting",
        str(planned.occurrences[0]),
    ]
    assert main([*args, "--whole-series", "--invite", "--organizer", ORGANIZER]) == 0
    message = read(target)
    assert addresses(message) == planned.addresses
    assert len(message["To"].addresses) == len(planned.addresses)
    assert calendar_part(message).get_param("method") == "REQUEST"


def test_the_minutes_draft_attaches_the_pdf_as_written_alone(
    planned: Planned, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)  # no creation time in the PDF: two writes, equal bytes
    settings.update(partner_language="en")
    held = datetime.now(AMSTERDAM).replace(microsecond=0) - timedelta(days=7)
    with planned.database.begin() as session:
        meeting_id = schedule_meeting(
            session,
            MeetingInput(
                kind="network", title="Netwerkoverleg", starts_at=held, ends_at=held + timedelta(hours=1),
                invitees=[InviteeRef(org) for org in planned.partners],
            ),
        )  # fmt: skip
        save_minutes(session, meeting_id, "Besproken: de zomer.", expected_version=1)
    made = datetime.now(AMSTERDAM).replace(microsecond=0)
    pdf, eml = tmp_path / "verslag.pdf", tmp_path / "verslag.eml"
    for target in (pdf, eml):
        request = ReportRequest(
            "minutes", target, Period(held.date(), held.date()), Audience.DISTRICT, meeting_id=meeting_id
        )
        produce(planned.database, request, generated_at=made)
    message = read(eml)
    assert message["X-Unsent"] == "1"
    assert addresses(message) == {
        "e.mulder@politie.example",
        "info@bieb.example",
        "info@jongerenwerk.example",
    }
    name, content = attachment(message)
    assert name == f"Minutes Netwerkoverleg {held.date().isoformat()}.pdf"
    assert content == pdf.read_bytes()
    body = message.get_body(("plain",))
    assert body is not None
    assert planned.unreached in body.get_content()


def test_the_minutes_draft_is_refused_for_a_meeting_not_held(
    planned: Planned, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "verslag.eml"
    code = main(
        ["--database", planned.url, "report", "minutes", "--meeting", str(planned.meeting), "-o", str(target)]
    )
    assert code == 1
    assert "Traceback" not in capsys.readouterr().err
    assert not target.exists()
