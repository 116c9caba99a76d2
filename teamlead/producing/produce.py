"""One entry point for every report, shared by ``teamlead report`` and the app's Reports section.

A :class:`ReportRequest` says what to make; :func:`produce` finds its kind in the registry, gathers the data in
one read-only session and hands it to the writer the target's extension chooses. The rules about audiences and
options live here and in the registry, once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import Field, dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from teamlead.data.access.city import is_city_user
from teamlead.errors import UsageError
from teamlead.i18n import tr
from teamlead.producing.registry import AUDIENCES, REPORT_KINDS, SUFFIXES, Option, find_kind, report_kind
from teamlead.reporting.model import ReportHeader
from teamlead.reporting.periods import Period
from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.files import private_outputs
from teamlead.rules.vocabulary import Audience

if TYPE_CHECKING:
    from teamlead.data.database import Database


@dataclass(frozen=True)
class ReportRequest:
    """What to make: a kind of the registry, the file, and the options the kind takes (others are ignored)."""

    kind: str
    target: Path
    period: Period
    audience: str
    district: str | None = None
    meeting_id: int | None = None
    as_of: date | None = None
    """The day roster and contacts show the state of (``--to``, default today)."""
    neighbourhood: str | None = None
    """``--neighbourhood``: for the kinds that take it (:attr:`Option.NEIGHBOURHOOD`)."""
    neighbourhood_id: int | None = None
    """A neighbourhood a screen chose (Who to call), by id; instead of :attr:`neighbourhood`."""

    @property
    def names_neighbourhood(self) -> bool:
        return self.neighbourhood is not None or self.neighbourhood_id is not None


def default_audience(kind: str) -> str:
    return report_kind(kind).audiences[0]


def check_target(target: Path, formats: Iterable[str]) -> str:
    """The target's format, or a usage error when the extension is not one the command writes."""
    formats = tuple(formats)
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
    """Refuse, as wrong usage (exit 2), what the registry says the kind cannot do."""
    found = find_kind(request.kind)
    suffix = check_target(request.target, found.every_suffix if found is not None else SUFFIXES)
    kind = report_kind(request.kind)
    if request.audience not in AUDIENCES:
        raise UsageError(
            tr("Unknown audience {audience!r}; choose city or district.", audience=request.audience)
        )
    if request.audience not in kind.audiences:  # only kinds about people are limited: to the district
        raise UsageError(
            tr(
                "The {kind} report holds personal data and exists only for the district audience.",
                kind=request.kind,
            )
        )
    if request.names_neighbourhood and Option.NEIGHBOURHOOD not in kind.takes:
        takers = ", ".join(other.key for other in REPORT_KINDS if Option.NEIGHBOURHOOD in other.takes)
        raise UsageError(
            tr(
                "The {kind} report does not take --neighbourhood (it is taken by: {kinds}).",
                kind=request.kind,
                kinds=takers,
            )
        )
    if suffix not in kind.made_for(request).suffixes:  # a format of the kind's --neighbourhood form only
        raise UsageError(
            tr(
                "A {suffix} file of the {kind} report is made for one neighbourhood: add --neighbourhood NAME.",
                suffix=suffix,
                kind=request.kind,
            )
        )
    if Option.MEETING in kind.takes and request.meeting_id is None:
        raise UsageError(tr("Say which meeting with --meeting ID ('teamlead meetings' lists the ids)."))


def now() -> datetime:
    return datetime.now(AMSTERDAM).replace(microsecond=0)


ProgressCallback = Callable[[int, int | None, str], None]
"""``progress(done, total, label)``; it may raise to stop the work (the app's cancel button does)."""


class _Headed(Protocol):
    """Report data: a dataclass with a title block."""

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    @property
    def header(self) -> ReportHeader: ...


def titled[Data: _Headed](data: Data, title: str) -> Data:
    """``data`` with ``title`` in its header: the writers print the registry's words, not the kind's key."""
    return replace(data, header=replace(data.header, title=title))


def produce(
    database: Database,
    request: ReportRequest,
    generated_at: datetime | None = None,
    progress: ProgressCallback | None = None,
) -> Path:
    """Make the report ``request`` describes; returns the file written.

    ``progress`` hears of the two steps (gathering, writing) before each starts, so a cancel between them
    leaves no file behind. A report for the district audience is written for its owner only (0600); one for
    the city, safe to forward, by the user's umask.
    """
    check_request(request)
    kind = report_kind(request.kind).made_for(request)
    generated_at = generated_at or now()
    suffix = request.target.suffix.lower()
    step = progress or (lambda _done, _total, _label: None)
    step(0, 2, tr("Gathering the data"))
    with database.session() as session:
        if not kind.for_city_users and is_city_user(session.connection()):
            raise UsageError(
                tr(
                    "As a city user you make the district report only: the {kind} report is made by a team "
                    "lead of the district.",
                    kind=request.kind,
                )
            )
        data = kind.gather(session, request, generated_at)
    step(1, 2, tr("Writing the file"))
    with private_outputs(request.audience == Audience.DISTRICT):  # it may name people: for its owner only
        kind.format(suffix).writer()(titled(data, kind.title()), request.target)
    step(2, 2, tr("Done"))
    return request.target
