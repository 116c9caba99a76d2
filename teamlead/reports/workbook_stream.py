"""Writing big workbooks fast: openpyxl's write-only mode, with the same cell safety as the reports.

Rows stream through: a sheet of 200,000 notes never sits in memory as cells. Only strings that need care
(formula-like, forbidden control characters, too long) become cell objects; everything else is appended as is.
openpyxl keeps each sheet in a temporary file until the workbook is saved: Python's temporary folder, which a
run of Teamlead points into its own scratch folder (:mod:`teamlead.rules.scratch`), never the system's.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

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
    """A write-only workbook: add sheets in order, each with a header row and streamed rows.

    Use it as a context manager: when anything fails (the database went away, the disk is full), its
    half-written sheets are closed and their temporary files removed at once, instead of openpyxl trying to
    finish them at garbage collection and printing "Exception ignored" on stderr.
    """

    def __init__(self) -> None:
        self.workbook = Workbook(write_only=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if error is not None:
            self.discard()

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
        try:
            sheet.append(self._header(sheet, headers))
            append = sheet.append
            for row in rows:
                append([self._safe(sheet, value) for value in row])
                count += 1
        except OSError as error:  # the sheet streams into a scratch file: its disk is full, or gone
            self.discard()
            raise cannot_write(scratch_folder(), error) from error
        return count

    def discard(self) -> None:
        """Give up the workbook: close every sheet's streams, ignoring what they fail to write, and remove
        their temporary files."""
        for sheet in self.workbook._sheets:
            writer = getattr(sheet, "_writer", None)
            for stream in (getattr(sheet, "_rows", None), getattr(writer, "xf", None)):
                if stream is not None:
                    with contextlib.suppress(Exception):
                        stream.close()
            out = getattr(writer, "out", None)
            if isinstance(out, str):
                with contextlib.suppress(OSError):
                    Path(out).unlink(missing_ok=True)

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
