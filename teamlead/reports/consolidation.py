"""The city overview (``teamlead consolidate``) as a workbook or a PDF: districts side by side, with totals."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from teamlead import __version__
from teamlead.i18n import tr
from teamlead.reporting.model import Consolidation
from teamlead.reporting.summary_keys import FALSE, FORMAT_VERSION, META_KEYS, TRUE
from teamlead.reports import pdf, scripts, xlsx
from teamlead.reports.safety import pdf_plain
from teamlead.reports.summary_words import figure_label, format_figure
from teamlead.rules import formatting

CHARTED = ("partners_active", "contact_moments", "meetings_held", "agreements_made")
PALETTE = ("#004699", "#ec0000", "#00a03c", "#ff9100", "#a00078", "#009dec", "#6b4d2e", "#767676")


def summary_rows(consolidation: Consolidation) -> list[list[Any]]:
    """The consolidated Summary: ``key``, one column per district in the order given, then ``total``."""
    start, end = consolidation.period
    header: list[Any] = ["key", *(d.district for d in consolidation.districts), "total"]
    meta = {
        "format_version": FORMAT_VERSION,
        "district": "total",
        "period_from": start,
        "period_to": end,
        "audience": "city",
        "generated_at": consolidation.generated_at.isoformat(timespec="seconds"),
        "teamlead_version": __version__,
        "period_complete": TRUE if consolidation.complete else FALSE,
    }
    rows = [header]
    for key in META_KEYS:
        rows.append([key, *(d.values.get(key) for d in consolidation.districts), meta[key]])
    for key in consolidation.keys:
        rows.append([key, *(d.values.get(key) for d in consolidation.districts), consolidation.totals[key]])
    return rows


def write_consolidation_xlsx(consolidation: Consolidation, target: Path) -> None:
    workbook = xlsx.new_workbook()
    rows = summary_rows(consolidation)
    sheet = xlsx.table_sheet(workbook, "Summary", rows[0], rows[1:])
    sheet.column_dimensions["A"].width = 34
    for row in sheet.iter_rows(min_row=2, min_col=2):
        for cell in row:
            key = str(sheet.cell(row=cell.row, column=1).value)
            number = isinstance(cell.value, int | float) and not isinstance(cell.value, bool)
            if number and key.endswith("_share"):  # a share of 1 reads back from a district's file as 1
                cell.number_format = "0.0%"
            elif isinstance(cell.value, float) or (number and key.endswith(("_avg", "_median"))):
                cell.number_format = "0.00"
    trend_rows = [
        [key, district.district, *district.trend.get(key, ())]
        for key in ("period_complete", *consolidation.keys)
        for district in consolidation.districts
    ]
    xlsx.table_sheet(workbook, "Trend", ["key", "district", *consolidation.quarters], trend_rows)
    xlsx.save(workbook, target)


LEGEND_COLUMNS = 3
LEGEND_ROW = 8.0
"""Points per legend row."""
AXIS_LABELS = 20.0
"""Points below the plot for the quarters' two-line labels."""


def chart(consolidation: Consolidation, key: str) -> Drawing:
    """One figure's trend per district, the legend below the quarters and inside the drawing, so it never
    runs into the heading or chart below (the drawing grows with the number of districts)."""
    names = [scripts.single_font(pdf_plain(d.district), pdf.FONT)[:16] for d in consolidation.districts]
    legend_rows = max(1, math.ceil(len(names) / LEGEND_COLUMNS))
    legend_height = legend_rows * LEGEND_ROW
    plot_height = 30 * mm
    width = 82 * mm
    height = 4 + legend_height + AXIS_LABELS + plot_height + 14
    drawing = Drawing(width, height)
    line_chart = HorizontalLineChart()
    line_chart.x, line_chart.y = 26, 4 + legend_height + AXIS_LABELS
    line_chart.width, line_chart.height = width - 36, plot_height
    series = [[float(v or 0) for v in d.trend.get(key, ())] or [0.0] for d in consolidation.districts]
    line_chart.data = series
    for index in range(len(series)):
        line_chart.lines[index].strokeColor = colors.HexColor(PALETTE[index % len(PALETTE)])
        line_chart.lines[index].strokeWidth = 1.4
    line_chart.categoryAxis.categoryNames = [
        formatting.quarter_short(q, lines=2) for q in consolidation.quarters
    ] or [""]
    line_chart.categoryAxis.labels.fontName = pdf.FONT
    line_chart.categoryAxis.labels.fontSize = 5.5
    line_chart.categoryAxis.labels.leading = 6.5
    line_chart.valueAxis.labels.fontName = pdf.FONT
    line_chart.valueAxis.labels.fontSize = 6
    line_chart.valueAxis.valueMin = 0
    line_chart.valueAxis.valueMax = max(1.0, max((max(s) for s in series), default=0) * 1.15)
    line_chart.valueAxis.visibleGrid = 1
    line_chart.valueAxis.gridStrokeColor = pdf.GRID
    drawing.add(line_chart)
    legend = Legend()
    legend.x, legend.y = 2, 4 + legend_height
    legend.fontName, legend.fontSize = pdf.FONT, 6
    legend.columnMaximum = legend_rows
    legend.dx = legend.dy = 5
    legend.deltay = LEGEND_ROW
    legend.deltax = (width - 8) / LEGEND_COLUMNS
    legend.alignment = "right"
    legend.colorNamePairs = [
        (colors.HexColor(PALETTE[i % len(PALETTE)]), name) for i, name in enumerate(names)
    ]
    drawing.add(legend)
    drawing.add(String(0, height - 9, pdf_plain(figure_label(key)), fontName=pdf.FONT_BOLD, fontSize=8))
    return drawing


def write_consolidation_pdf(consolidation: Consolidation, target: Path) -> None:
    from reportlab.platypus import Table, TableStyle

    header = consolidation.header
    story: list[Flowable] = pdf.title_block(header)
    rows = summary_rows(consolidation)
    names = rows[0][1:-1]
    shown = {"period_complete", *consolidation.keys}
    table_rows = [
        [figure_label(row[0]), *(format_figure(row[0], value) for value in row[1:])]
        for row in rows[1:]
        if row[0] in shown
    ]
    widths = [60, *([20] * len(names)), 20]
    story += [
        pdf.heading(tr("Key figures per district")),
        pdf.data_table(
            [tr("Figure"), *names, tr("Total")],
            table_rows,
            widths,
            wrap=(0,),
            numeric=range(1, len(names) + 2),
            header_size=6.5,
            size=7,
            extra_style=[
                ("FONT", (0, 0), (-1, -1), pdf.FONT, 7),
                ("FONT", (0, 0), (-1, 0), pdf.FONT_BOLD, 6.5),
                ("FONT", (-1, 1), (-1, -1), pdf.FONT_BOLD, 7),
            ],
        ),
        pdf.para(
            tr("Totals: counts are summed; shares and averages are weighted by what they divide by."), "small"
        ),
    ]
    if consolidation.quarters:
        interim = _interim_quarters(consolidation)
        quarters = [
            formatting.quarter_short(q, lines=2).replace("\n", "*\n" if q in interim else "\n")
            for q in consolidation.quarters
        ]
        charts = [chart(consolidation, key) for key in CHARTED]
        grid = Table([charts[:2], charts[2:]], colWidths=[pdf.CONTENT_WIDTH / 2] * 2)
        grid.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story += [pdf.heading(tr("Trend over eight quarters")), grid]
        for key in CHARTED:
            trend_rows = [
                [d.district, *(format_figure(key, v) for v in d.trend.get(key, ()))]
                for d in consolidation.districts
            ]
            story += [
                pdf.heading(figure_label(key), 2),
                pdf.data_table(
                    [tr("District"), *quarters],
                    trend_rows,
                    [40, *([16] * len(consolidation.quarters))],
                    numeric=range(1, len(consolidation.quarters) + 1),
                ),
            ]
        if interim:
            story.append(
                pdf.para(
                    tr("* interim: the quarter was not over when a district's report was made."), "small"
                )
            )
    pdf.write_pdf(target, header, story)


def _interim_quarters(consolidation: Consolidation) -> set[str]:
    """The quarters that some district's report counted before they were over."""
    interim = set()
    for district in consolidation.districts:
        flags = district.trend.get("period_complete", ())
        interim |= {q for q, flag in zip(consolidation.quarters, flags, strict=False) if flag == FALSE}
    return interim
