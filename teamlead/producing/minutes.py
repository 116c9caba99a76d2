"""What the meeting page needs to save a meeting's minutes as ``teamlead report minutes --meeting ID`` makes
them: the request for :func:`teamlead.producing.produce.produce` and the file name a save dialog proposes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from teamlead.i18n import trp
from teamlead.producing.produce import ReportRequest
from teamlead.reporting.periods import Period
from teamlead.rules.files import file_name
from teamlead.rules.vocabulary import Audience


def minutes_request(target: Path, meeting_id: int, day: date) -> ReportRequest:
    """The minutes of meeting ``meeting_id`` (held on ``day``) into ``target``; its extension is the format."""
    return ReportRequest(
        kind="minutes",
        target=target,
        period=Period(day, day),
        audience=Audience.DISTRICT,
        meeting_id=meeting_id,
    )


def minutes_file_name(title: str, day: date, suffix: str = ".pdf") -> str:
    """``Verslag Netwerkoverleg Geuzenveld 2026-03-03.pdf``: the title and the ISO day, which sorts in a
    folder, valid on Windows."""
    return f"{file_name(f'{trp("report", "Minutes")} {title} {day.isoformat()}')}{suffix}"
