"""Writing big workbooks fast: openpyxl's write-only mode, with the same cell safety as the reports.

Rows stream through: a sheet of 200,000 notes never sits in memory as cells. Only strings that need care
(formula-like, forbidden control characters, too long) become cell objects; everything else is appended as is.
openpyxl keeps each sheet in a temporary file until the workbook is saved: Python's temporary folder, which a
run of Teamlead points into its own scratch folder (:mod:`teamlead.rules.scratch`), never the system's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from teamlead.reports.safety import excel_text, looks_like_formula, needs_care
from teamlead.rules.files import atomic_target, cannot_write
from teamlead.rules.scratch import scratch_folder

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="004699")


class StreamingWorkbook:
    """A write-only workbook: add sheets in order, each with a header row and streamed rows."""

    def __init__(self) -> None:
        self.workbook = Workbook(write_only=True)

    def _header(self, sheet: WriteOnlyWorksheet, headers: Sequence[str]) -> list[WriteOnlyCell]:
        cells = []
        for header in headers:
            cell = WriteOnlyCell(sheet, value=header)
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cells.append(cell)
        return cells

    def add_sheet(
        self,
        title: str,
        headers: Sequence[str],
        rows: Iterable[Sequence[Any]],
        widths: Sequence[int] | None = None,
    ) -> int:
        """Write one sheet; returns the number of data rows."""
        sheet = self.workbook.create_sheet(title=title[:31])
        sheet.freeze_panes = "A2"
        for index, width in enumerate(widths or [max(10, min(40, len(h) + 4)) for h in headers], start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        count = 0
        append = sheet.append
        try:
            append(self._header(sheet, headers))
            for row in rows:
                append([self._safe(sheet, value) for value in row])
                count += 1
        except OSError as error:  # the sheet's temporary file: the disk of the scratch folder is full
            raise cannot_write(scratch_folder(), error) from error
        return count

    @staticmethod
    def _safe(sheet: WriteOnlyWorksheet, value: Any) -> Any:
        kind = type(value)
        if kind is str:
            if not needs_care(value):
                return value
            text = excel_text(value)
            if looks_like_formula(text):
                cell = WriteOnlyCell(sheet, value=text)
                cell.data_type = "s"
                cell.quotePrefix = True
                return cell
            return text
        if kind is datetime and value.tzinfo is not None:
            # Excel has no time zones: moments are written as UTC wall-clock time (the About sheet says so).
            return value.astimezone(UTC).replace(tzinfo=None)
        return value

    def save(self, target: Path, *, mode: int | None = None) -> None:
        """Write the workbook to ``target`` atomically, with ``mode`` (see :func:`atomic_target`)."""
        with atomic_target(target, mode=mode) as temporary:
            self.workbook.save(temporary)
