"""The district report as a workbook: ``Summary`` and ``Trend`` exactly as ``shared/interface.md`` fixes them
(English keys in every language, so the city can combine districts), then the details on their own sheets.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl.chart import LineChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

from teamlead.i18n import tr
from teamlead.reporting.model import AgreementLine, DistrictReport, NeighbourhoodIndicators, SignalThemes
from teamlead.reporting.summary_keys import FALSE, TRUE
from teamlead.reports import xlsx
from teamlead.reports.summary_words import interim_words
from teamlead.rules import words

CHARTED = ("partners_active", "meetings_held", "agreements_made", "agreements_done", "agreements_overdue")


def write_district_xlsx(report: DistrictReport, target: Path) -> None:
    workbook = xlsx.new_workbook()
    summary_sheet(workbook, report.summary, report.header.counted_until)
    _trend(workbook, report)
    network = report.network
    xlsx.table_sheet(
        workbook,
        tr("Network"),
        [tr("Neighbourhood"), *network.domains, tr("Total")],
        [
            [
                name or tr("Whole district (no neighbourhood)"),
                *(network.counts[row][column] for row in range(len(network.domains))),
                sum(network.counts[row][column] for row in range(len(network.domains))),
            ]
            for column, name in enumerate(network.neighbourhoods)
        ],
    )
    if report.indicators is not None:
        _indicators(workbook, report.indicators)
    if report.signals is not None:
        _signals(workbook, report.signals)
    xlsx.table_sheet(
        workbook,
        tr("Meetings"),
        [tr("Date"), tr("Kind"), tr("Title"), tr("Present"), tr("Invited")],
        [[m.day, words.meeting_kind(m.kind), m.title, m.present, m.invited] for m in report.meetings],
    )
    agreements = (
        (tr("Agreements made"), report.agreements_made),
        (tr("Agreements done"), report.agreements_done),
        (tr("Agreements overdue"), report.agreements_overdue),
    )
    for title, lines in agreements:
        _agreements(workbook, title, lines)
    xlsx.table_sheet(
        workbook,
        tr("Reflection"),
        [
            tr("Date"),
            tr("Meeting"),
            tr("What goes well?"),
            tr("What can be better?"),
            tr("What can we do ourselves?"),
            tr("Where do we need help?"),
        ],
        [
            [r.day, r.title, r.goes_well, r.can_improve, r.do_ourselves, r.need_help]
            for r in report.reflections
        ],
        wrap=(2, 3, 4, 5),
    )
    narrative = report.narrative or tr("No narrative was written.")
    sheet = xlsx.table_sheet(workbook, tr("Narrative"), [tr("Narrative")], [[narrative]], wrap=(0,))
    sheet.column_dimensions["A"].width = 100
    xlsx.save(workbook, target)


def summary_sheet(
    workbook: Workbook, summary: tuple[tuple[str, object], ...], counted_until: date | None = None
) -> None:
    """``key``/``value`` rows; an empty share or average is an empty cell, never a zero or a dash.

    An interim report says so beside its ``period_complete`` value (``false``) through the cell's display
    format: a spreadsheet shows "false (interim, up to DATE)" while the cell, and every script reading it,
    keeps the value the interface fixes, in the sheet's two columns.
    """
    sheet = xlsx.table_sheet(workbook, "Summary", ["key", "value"], [[key, value] for key, value in summary])
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 40 if counted_until is not None else 26
    for row in range(2, len(summary) + 2):
        cell = sheet.cell(row=row, column=2)
        key = sheet.cell(row=row, column=1).value
        if isinstance(cell.value, float):
            cell.number_format = "0.0%" if str(key).endswith("_share") else "0.00"
        if key == "period_complete" and counted_until is not None:
            words = interim_words(counted_until).replace('"', "'")
            cell.number_format = f'0;-0;0;@" ({words})"'
            cell.font = Font(bold=True, color="C00000")


def _trend(workbook: Workbook, report: DistrictReport) -> None:
    """The figures per quarter, below a ``period_complete`` row that marks a quarter not over when the
    report was made (``false``)."""
    trend = report.trend
    complete = [TRUE if done else FALSE for done in trend.complete] or [TRUE] * len(trend.quarters)
    rows: list[list[object]] = [["period_complete", *complete]]
    rows += [[key, *values] for key, values in trend.rows]
    sheet = xlsx.table_sheet(workbook, "Trend", ["key", *trend.quarters], rows)
    sheet.column_dimensions["A"].width = 34
    charted = [index for index, row in enumerate(rows, start=2) if row[0] in CHARTED]
    chart = LineChart()
    chart.title = tr("Trend over eight quarters")
    chart.y_axis.title = tr("Number")
    chart.height, chart.width = 9, 18
    for row in charted:
        data = Reference(sheet, min_col=1, max_col=len(trend.quarters) + 1, min_row=row, max_row=row)
        chart.add_data(data, from_rows=True, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=2, max_col=len(trend.quarters) + 1, min_row=1, max_row=1))
    sheet.add_chart(chart, f"A{len(rows) + 4}")


def _indicators(workbook: Workbook, table: NeighbourhoodIndicators) -> None:
    """One row per neighbourhood and indicator, one column per year; a year without a figure is empty."""
    xlsx.table_sheet(
        workbook,
        tr("Indicators"),
        [tr("Neighbourhood"), tr("Indicator"), *(str(year) for year in table.years)],
        [[line.neighbourhood, line.name, *line.values] for line in table.lines],
    )


def _signals(workbook: Workbook, table: SignalThemes) -> None:
    """Themes × quarter (counts only, every audience); below it, for the district audience only,
    neighbourhoods × themes over the period."""
    rows: list[list[object]] = [
        [theme, *counts] for theme, counts in zip(table.themes, table.by_quarter, strict=True)
    ]
    rows.append([tr("Signals (each counted once)"), *table.signals_by_quarter])
    sheet = xlsx.table_sheet(workbook, tr("Signals"), [tr("Theme"), *table.quarters], rows)
    if not table.neighbourhoods:
        return
    top = len(rows) + 3
    for column, header in enumerate([tr("Neighbourhood"), *table.themes], start=1):
        cell = xlsx.put(sheet, top, column, header)
        cell.font = xlsx.HEADER_FONT
        cell.fill = xlsx.HEADER_FILL
    for row, (name, counts) in enumerate(
        zip(table.neighbourhoods, table.by_neighbourhood, strict=True), start=top + 1
    ):
        for column, value in enumerate([name or tr("Whole district (no neighbourhood)"), *counts], start=1):
            xlsx.put(sheet, row, column, value)
    width = max(len(name) for name in (*table.themes, *table.neighbourhoods, tr("Neighbourhood")))
    sheet.column_dimensions["A"].width = min(xlsx.MAX_WIDTH, width + 2)
    for column, theme in enumerate(table.themes, start=2):
        letter = get_column_letter(column)
        current = sheet.column_dimensions[letter].width or 0
        sheet.column_dimensions[letter].width = min(xlsx.MAX_WIDTH, max(current, len(theme) + 2))


def _agreements(workbook: Workbook, title: str, lines: tuple[AgreementLine, ...]) -> None:
    xlsx.table_sheet(
        workbook,
        title,
        [tr("Agreement"), tr("Organisations"), tr("Made"), tr("Due"), tr("Status"), tr("Done on")],
        [
            [
                line.text,
                line.organisations,
                line.made_on,
                line.due_on,
                words.agreement_status(line.status),
                line.done_on,
            ]
            for line in lines
        ],
        wrap=(0, 1),
    )
