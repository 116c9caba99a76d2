"""One entry point for every report, shared by ``teamlead report`` and the app's Reports section.

A :class:`ReportRequest` says what to make; :func:`produce` gathers the data in one read-only session and
hands it to the writer the target's extension chooses. The rules about audiences live here, once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from teamlead.errors import UsageError
from teamlead.i18n import tr
from teamlead.reporting.periods import Period
from teamlead.rules.clock import AMSTERDAM

if TYPE_CHECKING:
    from teamlead.data.database import Database

KINDS = ("district", "roster", "contacts", "agreements", "meeting")
AUDIENCES = ("city", "district")
FORMATS = (".pdf", ".xlsx")
DISTRICT_ONLY = ("contacts", "meeting")
"""Kinds about people: they exist only for the district audience."""


@dataclass(frozen=True)
class ReportRequest:
    kind: str
    target: Path
    period: Period
    audience: str
    district: str | None = None
    meeting_id: int | None = None
    as_of: date | None = None
    """The day roster and contacts show the state of (``--to``, default today)."""


def default_audience(kind: str) -> str:
    return "city" if kind == "district" else "district"


def check_target(target: Path, formats: tuple[str, ...] = FORMATS) -> str:
    """The target's format, or a usage error when the extension is not one the command writes."""
    suffix = target.suffix.lower()
    if suffix not in formats:
        raise UsageError(
            tr(
                "{path}: the file name must end in {formats}.",
                path=target,
                formats=tr(" or ").join(formats),
            )
        )
    return suffix


def check_request(request: ReportRequest) -> None:
    check_target(request.target)
    if request.kind not in KINDS:
        raise UsageError(
            tr(
                "Unknown report kind {kind!r}; choose one of {kinds}.",
                kind=request.kind,
                kinds=", ".join(KINDS),
            )
        )
    if request.audience not in AUDIENCES:
        raise UsageError(
            tr("Unknown audience {audience!r}; choose city or district.", audience=request.audience)
        )
    if request.kind in DISTRICT_ONLY and request.audience == "city":
        raise UsageError(
            tr(
                "The {kind} report holds personal data and exists only for the district audience.",
                kind=request.kind,
            )
        )
    if request.kind == "meeting" and request.meeting_id is None:
        raise UsageError(tr("Say which meeting with --meeting ID ('teamlead meetings' lists the ids)."))


def now() -> datetime:
    return datetime.now(AMSTERDAM).replace(microsecond=0)


ProgressCallback = Callable[[int, int | None, str], None]
"""``progress(done, total, label)``; it may raise to stop the work (the app's cancel button does)."""


def produce(
    database: Database,
    request: ReportRequest,
    generated_at: datetime | None = None,
    progress: ProgressCallback | None = None,
) -> Path:
    """Make the report ``request`` describes; returns the file written.

    ``progress`` hears of the two steps (gathering, writing) before each starts, so a cancel between them
    leaves no file behind.
    """
    check_request(request)
    generated_at = generated_at or now()
    suffix = request.target.suffix.lower()
    step = progress or (lambda _done, _total, _label: None)
    step(0, 2, tr("Gathering the data"))
    with database.session() as session:
        if request.kind == "district":
            from teamlead.reporting.district import gather_district_report
            from teamlead.reporting.districts import choose_one_district

            district = choose_one_district(session, request.district)
            report = gather_district_report(session, district, request.period, request.audience, generated_at)
            session.rollback()
            step(1, 2, tr("Writing the file"))
            if suffix == ".pdf":
                from teamlead.reports.district_pdf import write_district_pdf

                write_district_pdf(report, request.target)
            else:
                from teamlead.reports.district_xlsx import write_district_xlsx

                write_district_xlsx(report, request.target)
        else:
            from teamlead.reporting.lists import produce_list

            produce_list(session, request, generated_at, lambda: step(1, 2, tr("Writing the file")))
    step(2, 2, tr("Done"))
    return request.target
