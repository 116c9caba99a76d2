"""The district report as a PDF: what the city reads about a district's network over a period."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Table, TableStyle

from teamlead.i18n import tr
from teamlead.reporting.model import DistrictReport, NetworkMatrix, Trend
from teamlead.reporting.summary_keys import META_KEYS
from teamlead.reports import pdf
from teamlead.reports.district_indicators import body_indicators
from teamlead.reports.district_sections import appendix, body_agreements, body_meetings, body_reflections
from teamlead.reports.district_signals import body_signals, quarter_heading
from teamlead.reports.network.pdf import map_page
from teamlead.reports.safety import pdf_plain
from teamlead.reports.summary_words import figure_label, format_figure, interim_words

META = frozenset(META_KEYS)
"""Summary keys that describe the report rather than the district; the header shows them."""
CHARTED = ("partners_active", "contact_moments", "meetings_held", "agreements_made")


def write_district_pdf(report: DistrictReport, target: Path) -> None:
    """The body — what city staff read, a few pages whatever the district's size — then the appendix that
    lists every meeting and agreement of the period (the workbook holds them all too)."""
    story: list[Flowable] = pdf.title_block(report.header)
    if not report.has_data:
        story.append(pdf.para(tr("There is no data for this district in this period."), "h2"))
    story += _key_figures(report)
    story += _network(report.network)
    story += body_indicators(report.indicators)
    if report.network_map is not None:
        story += [PageBreak(), *map_page(report.network_map), PageBreak()]
    story += _trend(report.trend, report.header.counted_until, report.labels)
    story += body_signals(report)
    story += body_meetings(report)
    story += body_agreements(report)
    story += body_reflections(report)
    story.append(pdf.heading(tr("Narrative")))
    story.append(
        pdf.para(report.narrative) if report.narrative else pdf.empty_note(tr("No narrative was written."))
    )
    story += appendix(report)
    pdf.write_pdf(target, report.header, story)


def _key_figures(report: DistrictReport) -> list[Flowable]:
    rows = [
        (figure_label(key, report.labels), format_figure(key, value))
        for key, value in report.summary
        if key not in META
    ]
    half = (len(rows) + 1) // 2
    left, right = rows[:half], rows[half:]
    paired = [
        [*left[index], *(right[index] if index < len(right) else ("", ""))] for index in range(len(left))
    ]
    table = pdf.data_table(
        [tr("Figure"), tr("Value"), tr("Figure"), tr("Value")], paired, [70, 18, 70, 18], numeric=(1, 3)
    )
    return [pdf.heading(tr("Key figures")), table]


def _network(matrix: NetworkMatrix) -> list[Flowable]:
    """Neighbourhoods down, domains across: the columns stay readable; an empty cell is a gap, shaded."""
    headers = [tr("Neighbourhood"), *matrix.domains, tr("Total")]
    rows: list[list[object]] = []
    gaps: list[tuple[int, int]] = []
    for column, neighbourhood in enumerate(matrix.neighbourhoods):
        counts = [matrix.counts[row][column] for row in range(len(matrix.domains))]
        if not neighbourhood and not any(counts):
            continue
        label = neighbourhood or tr("Whole district (no neighbourhood)")
        rows.append([label, *counts, sum(counts)])
        gaps += [(index + 1, len(rows)) for index, count in enumerate(counts) if count == 0]
    widths = [40, *([17] * len(matrix.domains)), 11]
    style: list[tuple[Any, ...]] = [("BACKGROUND", (col, row), (col, row), pdf.GAP) for col, row in gaps]
    style.append(("FONT", (len(headers) - 1, 1), (len(headers) - 1, -1), pdf.FONT_BOLD, 8))
    numeric = range(1, len(headers))
    flowables: list[Flowable] = [
        pdf.heading(tr("The network")),
        pdf.para(
            tr("Active partners on the period's last day, by neighbourhood and domain. Shaded: no partner.")
        ),
        pdf.spacer(2),
    ]
    if not rows:
        return [*flowables, pdf.empty_note(tr("No active partners."))]
    header_style = [
        ("FONT", (0, 0), (-1, 0), pdf.FONT_BOLD, 6),
        ("LEFTPADDING", (1, 0), (-1, -1), 2),
        ("RIGHTPADDING", (1, 0), (-1, -1), 3),
    ]
    table = pdf.data_table(
        headers, rows, widths, wrap=(0,), numeric=numeric, extra_style=[*style, *header_style], header_size=6
    )
    return [*flowables, table]


def _chart(trend: Trend, key: str) -> Drawing:
    width, height = 82 * mm, 46 * mm
    drawing = Drawing(width, height)
    values = [float(value or 0) for value in trend.series(key)]
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 26, 22, width - 36, height - 40
    chart.data = [values]
    chart.joinedLines = 1
    chart.lines[0].strokeColor = pdf.ACCENT
    chart.lines[0].strokeWidth = 1.6
    chart.lines.symbol = None
    complete = trend.complete or (True,) * len(trend.quarters)
    chart.categoryAxis.categoryNames = [  # "Q3 / 2026", "Q4* / 2026" while it is not over
        quarter_heading(label, done) for label, done in zip(trend.quarters, complete, strict=True)
    ]
    chart.categoryAxis.labels.fontName = pdf.FONT
    chart.categoryAxis.labels.fontSize = 6
    chart.categoryAxis.labels.angle = 0
    chart.valueAxis.labels.fontName = pdf.FONT
    chart.valueAxis.labels.fontSize = 6
    chart.valueAxis.valueMin = 0
    top = max(values) if values else 0
    chart.valueAxis.valueMax = max(1.0, top * 1.15)
    chart.valueAxis.gridStrokeColor = pdf.GRID
    chart.valueAxis.visibleGrid = 1
    drawing.add(chart)
    drawing.add(String(0, height - 9, pdf_plain(figure_label(key)), fontName=pdf.FONT_BOLD, fontSize=8))
    return drawing


def _trend(trend: Trend, counted_until: date | None, labels: Mapping[str, str]) -> list[Flowable]:
    """Charts and the table; a quarter that was not over when the report was made is starred."""
    charts = [_chart(trend, key) for key in CHARTED]
    grid = Table([charts[:2], charts[2:]], colWidths=[pdf.CONTENT_WIDTH / 2] * 2)
    grid.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    rows = [
        [figure_label(key, labels), *(format_figure(key, value) for value in values)]
        for key, values in trend.rows
    ]
    complete = trend.complete or (True,) * len(trend.quarters)
    quarters = [quarter_heading(label, done) for label, done in zip(trend.quarters, complete, strict=True)]
    table = pdf.data_table(
        [tr("Figure"), *quarters],
        rows,
        [58, *([14] * len(trend.quarters))],
        numeric=range(1, len(trend.quarters) + 1),
        extra_style=[("FONT", (0, 0), (-1, -1), pdf.FONT, 7), ("FONT", (0, 0), (-1, 0), pdf.FONT_BOLD, 7)],
        header_size=7,
        size=7,
    )
    flowables: list[Flowable] = [pdf.heading(tr("Trend over eight quarters")), grid, pdf.spacer(2), table]
    if not all(complete) and counted_until is not None:
        flowables.append(pdf.para(f"* {interim_words(counted_until)}", "small"))
    return flowables
