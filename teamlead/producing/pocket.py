"""What the Who to call screen needs to save its neighbourhood's pocket page as ``teamlead report contacts
--neighbourhood`` makes it: the request for :func:`teamlead.producing.produce.produce` and a file name.

The page itself is gathered by :func:`teamlead.producing.gathering.pocket_page` from the screen's own query,
so the screen and the paper never disagree.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from teamlead.i18n import tr
from teamlead.producing.produce import ReportRequest
from teamlead.reporting.periods import Period
from teamlead.rules.files import file_name
from teamlead.rules.vocabulary import Audience


def pocket_request(target: Path, neighbourhood_id: int, today: date) -> ReportRequest:
    """What the Who to call screen hands :func:`~teamlead.producing.produce.produce` to save the pocket page
    of the neighbourhood it shows, as of ``today``; the format (``.pdf``, ``.xlsx``, ``.vcf``, ``.zip``)
    follows ``target``'s extension."""
    return ReportRequest(
        kind="contacts",
        target=target,
        period=Period(today, today),
        audience=Audience.DISTRICT,
        as_of=today,
        neighbourhood_id=neighbourhood_id,
    )


def pocket_file_name(neighbourhood: str, suffix: str) -> str:
    """The name a save dialog proposes: ``Wie bel ik Wildemanbuurt.pdf``, valid on Windows."""
    title = tr("Who to call")
    return f"{file_name(f'{title} {neighbourhood}')}{suffix}"
