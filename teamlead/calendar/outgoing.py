"""Writing an invitation to a file: the ``.ics`` itself, or a mail draft (``.eml``) that carries it.

One path for ``teamlead calendar --invite`` and the app's "Send invitation…". The file is written inside the
transaction that stores the SEQUENCE and the invited moment, so a file that could not be written leaves the
database as it was; on a database opened read-only nothing is stored (:class:`~teamlead.calendar.sequence.
SequenceBook`). A mail draft and the ``.ics`` in it are in the language for partners.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from teamlead.calendar.invitation import CANCEL, Invitation, Organizer, build_invitation
from teamlead.calendar.listing import ensure_materialised
from teamlead.data.database import Database
from teamlead.data.queries.addressees import Addressees
from teamlead.i18n import speaking, tr
from teamlead.reports.mail_draft import Attachment, Draft, write_draft
from teamlead.rules.clock import amsterdam_today
from teamlead.rules.files import write_bytes
from teamlead.rules.formatting import day_text


@dataclass(frozen=True, slots=True)
class Written:
    path: Path
    method: str
    addressees: Addressees

    @property
    def unreached(self) -> tuple[str, ...]:
        return self.addressees.unreached


def write_invitation(
    database: Database,
    meeting_id: int,
    organizer: Organizer,
    target: Path,
    *,
    whole_series: bool = False,
    partner_language: str = "nl",
    now: datetime | None = None,
) -> Written:
    """Write the invitation to ``target`` (``.eml``: a mail draft; else the ``.ics``)."""
    as_draft = target.suffix.lower() == ".eml"
    store = not database.read_only
    context = database.begin() if store else database.session()
    with context as session:
        if store:
            ensure_materialised(session, amsterdam_today(), None)
        if as_draft:
            with speaking(partner_language):
                invitation = build_invitation(
                    session, meeting_id, organizer, whole_series=whole_series, now=now, store=store
                )
                write_draft(invitation_draft(invitation), target)
        else:
            invitation = build_invitation(
                session, meeting_id, organizer, whole_series=whole_series, now=now, store=store
            )
            write_bytes(target, invitation.calendar.to_ical())
    return Written(target, invitation.method, invitation.addressees)


def invitation_draft(invitation: Invitation) -> Draft:
    """The mail draft that carries ``invitation``, in the current language."""
    when = f"{day_text(invitation.starts.date())} {invitation.starts:%H:%M}"
    if invitation.method == CANCEL:
        subject = tr("Cancelled: {title}", title=invitation.title)
        body = tr("The meeting “{title}” on {when} does not take place.", title=invitation.title, when=when)
    elif invitation.whole_series:
        subject = tr("Invitation: {title}", title=invitation.title)
        body = tr(
            "You are invited to the recurring meeting “{title}”, from {when}. The invitation with all its "
            "dates is attached; please accept or decline it in your calendar.",
            title=invitation.title,
            when=when,
        )
    else:
        subject = tr("Invitation: {title}", title=invitation.title)
        body = tr(
            "You are invited to “{title}” on {when}. Please accept or decline the invitation in your calendar.",
            title=invitation.title,
            when=when,
        )
    if invitation.location:
        body += "\n" + tr("Location: {location}", location=invitation.location)
    ics = invitation.calendar.to_ical()
    return Draft(
        to=invitation.addressees,
        subject=subject,
        body=body,
        calendar=ics,
        method=invitation.method,
        attachments=(Attachment("invite.ics", ics, "application", "ics"),),
    )
