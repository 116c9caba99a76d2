"""A mail draft (``.eml``, RFC 5322) for the team lead's own mail program: Teamlead never sends mail itself.

Pure writer: the text and files in, the message out. The caller writes the text in the language for partners
(:func:`teamlead.i18n.speaking`); this module adds, in that language, the list of invitees who could not be
addressed, so the team lead knows whom to reach another way.

- ``X-Unsent: 1`` makes classic Outlook (and Thunderbird with it) open the file as a draft to send, not as a
  received message. There is no From: the mail program fills in the account that sends it.
- An invitation's body is ``multipart/alternative``: the text, and the invitation as ``text/calendar`` with
  the same ``method`` parameter as the iCalendar object's METHOD (so Outlook shows Accept and Decline); the
  same ``.ics`` is attached as a file for programs that do not read the calendar part.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import TYPE_CHECKING

from teamlead.i18n import tr
from teamlead.rules.files import write_bytes

if TYPE_CHECKING:
    from teamlead.data.queries.addressees import Addressees


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    content: bytes
    maintype: str
    subtype: str


@dataclass(frozen=True, slots=True)
class Draft:
    to: Addressees
    subject: str
    body: str
    attachments: tuple[Attachment, ...] = ()
    calendar: bytes | None = None
    """An invitation's iCalendar object, shown as the ``text/calendar`` part."""
    method: str | None = None
    """The iCalendar object's METHOD (``REQUEST``, ``CANCEL``), the calendar part's ``method``."""


def _address(name: str, email: str) -> Address:
    local, _, domain = email.rpartition("@")
    return Address(display_name=name, username=local, domain=domain)


def body_text(draft: Draft) -> str:
    """The body, then who could not be addressed (in the current language)."""
    text = draft.body.rstrip() + "\n"
    if draft.to.unreached:
        text += "\n" + tr("Could not be addressed (no e-mail address known):") + "\n"
        text += "".join(f"- {name}\n" for name in draft.to.unreached)
    return text


def build_message(draft: Draft) -> EmailMessage:
    """The draft as a message object (what :func:`write_draft` writes)."""
    message = EmailMessage(policy=SMTP)
    message["To"] = [_address(a.name, a.email) for a in draft.to.reached]
    message["Subject"] = draft.subject
    message["X-Unsent"] = "1"
    message.set_content(body_text(draft))
    if draft.calendar is not None:
        message.add_alternative(
            draft.calendar.decode("utf-8"),
            subtype="calendar",
            params={"method": draft.method or "REQUEST"},
        )
    for attachment in draft.attachments:
        message.add_attachment(
            attachment.content,
            maintype=attachment.maintype,
            subtype=attachment.subtype,
            filename=attachment.filename,
        )
    return message


def write_draft(draft: Draft, target: Path) -> None:
    """Write the draft to ``target`` atomically (CRLF line ends, as RFC 5322 wants)."""
    write_bytes(target, build_message(draft).as_bytes())
