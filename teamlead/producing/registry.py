"""The report kinds, once: what each is called, which formats and audiences it has, what it takes, and the
functions that gather and write it (``shared/interface.md``, "Report kinds").

``teamlead report``, its help and checks, and the app's Reports screen all read :data:`REPORT_KINDS`; a new kind
is one entry here plus its gather function (in :mod:`teamlead.producing.gathering`, over
:mod:`teamlead.reporting`) and one writer per format (in :mod:`teamlead.reports`). ``tests/producing`` fails
when an entry lacks a writer, a title in both languages or its place on the screen.

Writers and gather functions are named, not imported, so that building the command line (on every start of
the app too) loads neither reportlab and openpyxl nor the reports' models.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from teamlead.errors import UsageError
from teamlead.i18n import tr, trp
from teamlead.rules.vocabulary import Audience

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from teamlead.producing.produce import ReportRequest


class Option(StrEnum):
    """What a kind takes besides ``-o FILE`` (the last column of the interface's table)."""

    DISTRICT = "district"
    """``--district``: the district it is about."""
    PERIOD = "period"
    """``--from``/``--to``: the period it covers."""
    AS_OF = "as_of"
    """``--to`` alone: the day whose state it shows."""
    MEETING = "meeting"
    """``--meeting ID``: the meeting it is about; required when taken."""
    NEIGHBOURHOOD = "neighbourhood"
    """``--neighbourhood NAME``: limits it to one neighbourhood (matched within ``--district``)."""


@dataclass(frozen=True)
class Format:
    """A file format of a kind: its extension and the writer in :mod:`teamlead.reports` that makes it."""

    suffix: str
    module: str
    """The writer's module, under ``teamlead.reports``."""
    function: str
    """The writer: ``function(data, target)``, where ``data`` is what the kind's gather function returns."""

    def writer(self) -> Callable[[Any, Path], object]:
        module = importlib.import_module(f"teamlead.reports.{self.module}")
        found: Callable[[Any, Path], object] = getattr(module, self.function)
        return found


@dataclass(frozen=True)
class Gather:
    """A kind's gather function, by name: ``function(session, request, generated_at)`` in ``module``."""

    function: str
    module: str = "teamlead.producing.gathering"

    def resolve(self) -> Callable[[Session, ReportRequest, datetime], Any]:
        found: Callable[[Session, ReportRequest, datetime], Any] = getattr(
            importlib.import_module(self.module), self.function
        )
        return found

    def __call__(self, session: Session, request: ReportRequest, generated_at: datetime) -> Any:
        return self.resolve()(session, request, generated_at)


@dataclass(frozen=True)
class ReportKind:
    """One row of the interface's "Report kinds" table, with the functions that make it."""

    key: str
    """The ``KIND`` of ``teamlead report``; also ``ReportHeader.kind``."""
    title: Callable[[], str]
    """Its name for people, in the current language (a function, so ``--language`` applies after import)."""
    formats: tuple[Format, ...]
    audiences: tuple[Audience, ...]
    """Who may read it, the default first; a kind about people has the district audience only."""
    takes: frozenset[Option]
    gather: Gather
    """The report's data from the database, in one read-only session; its ``header`` gets :attr:`title`."""
    for_city_users: bool = False
    """Made through the city's views and counting functions (:mod:`teamlead.data.access.city`), so a city user
    can make it; every other kind reads tables a city user's connection sees empty, and is refused to them."""
    by_neighbourhood: ReportKind | None = None
    """What the kind makes when ``--neighbourhood`` is given, when that is another report with formats of its
    own (``contacts``: the pocket page); None when the option only narrows the same report (``network``)."""

    @property
    def suffixes(self) -> tuple[str, ...]:
        """The formats without ``--neighbourhood`` (all of them for a kind without :attr:`by_neighbourhood`)."""
        return tuple(form.suffix for form in self.formats)

    @property
    def every_suffix(self) -> tuple[str, ...]:
        """Every format the kind writes, with or without ``--neighbourhood``."""
        narrowed = self.by_neighbourhood.suffixes if self.by_neighbourhood is not None else ()
        return tuple(dict.fromkeys((*self.suffixes, *narrowed)))

    def made_for(self, request: ReportRequest) -> ReportKind:
        """The kind that makes ``request``: :attr:`by_neighbourhood` when it names a neighbourhood."""
        if self.by_neighbourhood is not None and request.names_neighbourhood:
            return self.by_neighbourhood
        return self

    def format(self, suffix: str) -> Format:
        return next(form for form in self.formats if form.suffix == suffix)


POCKET_PAGE = ReportKind(
    key="contacts",
    title=lambda: tr("Who to call"),
    formats=(
        Format(".pdf", "pocket_pdf", "write_pocket_pdf"),
        Format(".xlsx", "pocket_xlsx", "write_pocket_xlsx"),
        Format(".vcf", "pocket_cards", "write_pocket_vcf"),
        Format(".zip", "pocket_cards", "write_pocket_zip"),
    ),
    audiences=(Audience.DISTRICT,),
    takes=frozenset({Option.DISTRICT, Option.NEIGHBOURHOOD, Option.AS_OF}),
    gather=Gather("pocket_page"),
)
"""``contacts --neighbourhood``: who to call in one neighbourhood, for a phone or a pocket (``shared/interface.md``,
the pocket page); the ``.vcf`` has a card per person, the ``.zip`` one ``.vcf`` per person (classic Outlook
imports only the first card of a file)."""

REPORT_KINDS: tuple[ReportKind, ...] = (
    ReportKind(
        key="district",
        title=lambda: tr("District report"),
        formats=(
            Format(".pdf", "district_pdf", "write_district_pdf"),
            Format(".xlsx", "district_xlsx", "write_district_xlsx"),
        ),
        audiences=(Audience.CITY, Audience.DISTRICT),
        takes=frozenset({Option.DISTRICT, Option.PERIOD}),
        gather=Gather("district_report"),
        for_city_users=True,
    ),
    ReportKind(
        key="roster",
        title=lambda: tr("Partner roster"),
        formats=(
            Format(".pdf", "lists_pdf", "write_roster"),
            Format(".xlsx", "lists_xlsx", "write_roster"),
        ),
        audiences=(Audience.DISTRICT, Audience.CITY),
        takes=frozenset({Option.DISTRICT, Option.AS_OF}),
        gather=Gather("roster"),
    ),
    ReportKind(
        key="contacts",
        title=lambda: tr("Contact sheet"),
        formats=(
            Format(".pdf", "lists_pdf", "write_contacts"),
            Format(".xlsx", "lists_xlsx", "write_contacts"),
        ),
        audiences=(Audience.DISTRICT,),
        takes=frozenset({Option.DISTRICT, Option.NEIGHBOURHOOD, Option.AS_OF}),
        gather=Gather("contacts"),
        by_neighbourhood=POCKET_PAGE,
    ),
    ReportKind(
        key="agreements",
        title=lambda: tr("Agreements register"),
        formats=(
            Format(".pdf", "lists_pdf", "write_register"),
            Format(".xlsx", "lists_xlsx", "write_register"),
        ),
        audiences=(Audience.DISTRICT, Audience.CITY),
        takes=frozenset({Option.DISTRICT, Option.PERIOD}),
        gather=Gather("agreements"),
    ),
    ReportKind(
        key="meeting",
        title=lambda: tr("Meeting pack"),
        formats=(
            Format(".pdf", "lists_pdf", "write_meeting_pack"),
            Format(".xlsx", "lists_xlsx", "write_meeting_pack"),
        ),
        audiences=(Audience.DISTRICT,),
        takes=frozenset({Option.MEETING}),
        gather=Gather("meeting_pack"),
    ),
    ReportKind(
        key="minutes",
        title=lambda: trp("report", "Minutes"),
        formats=(
            Format(".pdf", "minutes_mail", "write_minutes_only"),
            Format(".eml", "minutes_mail", "write_minutes_eml"),
        ),
        audiences=(Audience.DISTRICT,),
        takes=frozenset({Option.MEETING}),
        gather=Gather("gather_minutes_to_send", "teamlead.reporting.minutes_to_send"),
    ),
    ReportKind(
        key="network",
        title=lambda: tr("Network map"),
        formats=(
            Format(".pdf", "network.pdf", "write_network_pdf"),
            Format(".png", "network.png", "write_network_png"),
            Format(".svg", "network.svg", "write_network_svg"),
            Format(".xlsx", "network.xlsx", "write_network_xlsx"),
        ),
        audiences=(Audience.CITY, Audience.DISTRICT),
        takes=frozenset({Option.DISTRICT, Option.NEIGHBOURHOOD, Option.PERIOD}),
        gather=Gather("network"),
    ),
)

KINDS = tuple(kind.key for kind in REPORT_KINDS)
SUFFIXES = tuple(dict.fromkeys(suffix for kind in REPORT_KINDS for suffix in kind.every_suffix))
"""Every extension some kind writes, in the order they first appear."""
AUDIENCES = tuple(Audience)


def find_kind(key: str) -> ReportKind | None:
    return next((kind for kind in REPORT_KINDS if kind.key == key), None)


def report_kind(key: str) -> ReportKind:
    """The kind called ``key``; an unknown key is a usage error that lists the kinds."""
    kind = find_kind(key)
    if kind is None:
        raise UsageError(
            tr("Unknown report kind {kind!r}; choose one of {kinds}.", kind=key, kinds=", ".join(KINDS))
        )
    return kind


def format_title(suffix: str) -> str:
    """A format as a person chooses it (the Reports screen's list)."""
    titles = {
        ".pdf": tr("PDF"),
        ".xlsx": tr("Excel workbook"),
        ".png": tr("Picture (PNG)"),
        ".svg": tr("Drawing (SVG)"),
        ".vcf": tr("Contact cards (vCard)"),
        ".zip": tr("Contact cards, a file each (ZIP)"),
        ".eml": tr("Mail draft (EML)"),
    }
    return titles.get(suffix, suffix)
