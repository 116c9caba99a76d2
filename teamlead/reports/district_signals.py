"""The district report's signals section: counts per theme, never a signal's text.

Themes × quarter over the trend's eight quarters for every audience; themes × neighbourhood over the period only
in the district audience (the gatherer fills it only then: small counts per neighbourhood can point to an
incident). Both tables are short, so the section keeps the body within its pages.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from teamlead.i18n import tr
from teamlead.reporting.model import DistrictReport, SignalThemes
from teamlead.reports import pdf
from teamlead.rules import formatting


def quarter_heading(label: str, complete: bool) -> str:
    """A quarter (``2026-Q3``) on two lines for a narrow column, starred while it was not over."""
    first, year = formatting.quarter_short(label, lines=2).split("\n")
    return f"{first}{'' if complete else '*'}\n{year}"


def body_signals(report: DistrictReport) -> list[Flowable]:
    """Signals per theme and quarter, then (district audience) per neighbourhood and theme."""
    table = report.signals
    flowables: list[Flowable] = [pdf.heading(tr("Signals by theme"))]
    if table is None:
        return flowables
    flowables += [
        pdf.para(
            tr(
                "Signals that came in, per theme and quarter; a signal about several themes counts under each."
            )
        ),
        pdf.spacer(2),
        _by_quarter(table, report.trend.complete),
    ]
    if table.neighbourhoods:
        flowables += _by_neighbourhood(table)
    return flowables


def _by_quarter(table: SignalThemes, complete: tuple[bool, ...]) -> Flowable:
    done = complete or (True,) * len(table.quarters)
    quarters = [quarter_heading(label, over) for label, over in zip(table.quarters, done, strict=True)]
    rows: list[list[object]] = [
        [theme, *counts] for theme, counts in zip(table.themes, table.by_quarter, strict=True)
    ]
    rows.append([tr("Signals (each counted once)"), *table.signals_by_quarter])
    return pdf.data_table(
        [tr("Theme"), *quarters],
        rows,
        [58, *([14] * len(table.quarters))],
        wrap=(0,),
        numeric=range(1, len(quarters) + 1),
        extra_style=[
            ("FONT", (0, 0), (-1, -1), pdf.FONT, 7),
            ("FONT", (0, 0), (-1, 0), pdf.FONT_BOLD, 7),
            ("FONT", (0, -1), (-1, -1), pdf.FONT_BOLD, 7),
        ],
        header_size=7,
        size=7,
    )


def _by_neighbourhood(table: SignalThemes) -> list[Flowable]:
    """Neighbourhoods down, themes across, as the network table; an empty cell is shaded."""
    rows: list[list[object]] = []
    gaps: list[tuple[int, int]] = []
    for name, counts in zip(table.neighbourhoods, table.by_neighbourhood, strict=True):
        if not name and not any(counts):
            continue
        rows.append([name or tr("Whole district (no neighbourhood)"), *counts])
        gaps += [(index + 1, len(rows)) for index, count in enumerate(counts) if count == 0]
    style: list[tuple[Any, ...]] = [("BACKGROUND", (col, row), (col, row), pdf.GAP) for col, row in gaps]
    style += [
        ("FONT", (0, 0), (-1, 0), pdf.FONT_BOLD, 6),
        ("LEFTPADDING", (1, 0), (-1, -1), 2),
        ("RIGHTPADDING", (1, 0), (-1, -1), 3),
    ]
    return [
        pdf.heading(tr("Signals by neighbourhood and theme"), 2),
        pdf.para(tr("For the district only: signals of the period. Shaded: none."), "small"),
        pdf.spacer(2),
        pdf.data_table(
            [tr("Neighbourhood"), *table.themes],
            rows,
            [40, *([14] * len(table.themes))],
            wrap=(0,),
            numeric=range(1, len(table.themes) + 1),
            extra_style=style,
            header_size=6,
        ),
    ]
