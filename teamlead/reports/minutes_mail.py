"""The minutes kind's two writers: the PDF alone, and the mail draft that carries it to the addressees.

Both take :class:`~teamlead.reporting.minutes_model.MinutesToSend` and leave the PDF itself to
:func:`teamlead.reports.minutes_pdf.write_minutes_pdf`, so the attached PDF is the one ``-o FILE.pdf`` writes
(in the language for partners).
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from teamlead.i18n import speaking, tr, trp
from teamlead.reporting.minutes_model import Minutes, MinutesToSend
from teamlead.reports.mail_draft import Attachment, Draft, write_draft
from teamlead.reports.minutes_pdf import write_minutes_pdf
from teamlead.rules.files import file_name
from teamlead.rules.formatting import day_text


def _titled(data: MinutesToSend) -> Minutes:
    """The minutes with the header the registry titled (``produce`` titles the outer data)."""
    return replace(data.minutes, header=data.header)


def write_minutes_only(data: MinutesToSend, target: Path) -> None:
    """``-o FILE.pdf``: the minutes as PDF, in the language of the run."""
    write_minutes_pdf(_titled(data), target)


def attachment_name(minutes: Minutes) -> str:
    """``Verslag Netwerkoverleg Geuzenveld 2026-03-03.pdf`` (in the current language)."""
    day = minutes.starts_at.date().isoformat()
    return f"{file_name(f'{trp("report", "Minutes")} {minutes.title} {day}')}.pdf"


def write_minutes_eml(data: MinutesToSend, target: Path) -> None:
    """``-o FILE.eml``: a mail draft to the addressees with the PDF attached, both in the language for
    partners."""
    with speaking(data.language), tempfile.TemporaryDirectory(prefix="teamlead-") as folder:
        minutes = replace(data.minutes, header=replace(data.header, title=trp("report", "Minutes")))
        pdf = Path(folder) / "minutes.pdf"
        write_minutes_pdf(minutes, pdf)
        day = day_text(minutes.starts_at.date())
        draft = Draft(
            to=data.addressees,
            subject=tr("Minutes: {title}, {day}", title=minutes.title, day=day),
            body=tr(
                "Attached are the minutes of “{title}” on {day}, with the agreements we made.",
                title=minutes.title,
                day=day,
            ),
            attachments=(Attachment(attachment_name(minutes), pdf.read_bytes(), "application", "pdf"),),
        )
        write_draft(draft, target)
