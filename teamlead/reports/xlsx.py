"""Common parts of the report workbooks: safe cells, a styled header row that stays put, sensible widths.

Every string goes through :func:`put`: text that Excel could read as a formula is stored as text (and marked
with Excel's quote prefix, so editing the cell keeps it text); control characters Excel forbids are removed;
over-long text is cut with a visible mark. Dates and numbers stay real dates and numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from teamlead.reports.safety import excel_text, looks_like_formula
from teamlead.rules import formatting
from teamlead.rules.files import atomic_target

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="004699")
MAX_WIDTH = 60


def new_workbook() -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def put(sheet: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write one value safely; returns the cell for styling."""
    if isinstance(value, str):
        text = excel_text(value)
        cell = sheet.cell(row=row, column=column, value=text)
        if looks_like_formula(text):
            cell.data_type = "s"
            cell.quotePrefix = True
        return cell
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, datetime):
        cell.number_format = f"{formatting.excel_day_format()} hh:mm"
    elif isinstance(value, date):
        cell.number_format = formatting.excel_day_format()
    return cell


def _width(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def table_sheet(
    workbook: Workbook,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    wrap: Sequence[int] = (),
) -> Worksheet:
    """A sheet holding one table: bold header row frozen at the top, filters, widths from the content."""
    sheet = workbook.create_sheet(title=title[:31])
    widths = [len(header) for header in headers]
    for column, header in enumerate(headers, start=1):
        cell = put(sheet, 1, column, header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    wrapped = {index + 1 for index in wrap}
    count = 1
    for count, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = put(sheet, count, column, value)
            if column in wrapped:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            widths[column - 1] = max(widths[column - 1], _width(value))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, width + 2)
    sheet.freeze_panes = "A2"
    if count > 1:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count}"
    return sheet


def save(workbook: Workbook, target: Path) -> None:
    with atomic_target(target) as temporary:
        workbook.save(temporary)
