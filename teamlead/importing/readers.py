"""Reading a file into plain tables of cells, each row with the number the user sees for it.

``.xlsx`` goes through calamine (fast, and it never runs anything in the file); ``.csv`` through the standard
library with the separator and the encoding worked out from the file. Row numbers are what a person looking at
the file would say: the spreadsheet's row number (title and blank rows counted) or the CSV line number.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from teamlead.i18n import tr
from teamlead.importing.limits import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    FileKind,
    check_file,
    check_grid,
    check_zip,
    refuse,
)

Cell = str | int | float | bool | date | datetime | time | timedelta | None
SEPARATORS = (";", ",", "\t")


@dataclass(slots=True)
class Table:
    """One sheet (or the CSV file): rows that hold something, each as (row number, cells)."""

    name: str
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    """What the reader had to guess, by row number (reported as ``row N:`` lines with the plan's)."""


@dataclass(slots=True)
class Source:
    path: Path
    kind: FileKind
    tables: list[Table]

    def table(self, name: str) -> Table | None:
        for table in self.tables:
            if table.name == name:
                return table
        return None


def read_file(path: Path) -> Source:
    """Every table in the file, or an :class:`UnreadableFileError` saying why it cannot be read."""
    checked = check_file(path)
    if checked.kind is FileKind.XLSX:
        return Source(path, checked.kind, _read_xlsx(path))
    return Source(path, checked.kind, [_read_csv(path)])


def _read_xlsx(path: Path) -> list[Table]:
    check_zip(path)
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        tables = []
        for metadata in workbook.sheets_metadata:
            if str(metadata.typ) != str(python_calamine.SheetTypeEnum.WorkSheet):
                continue
            sheet = workbook.get_sheet_by_name(metadata.name)
            check_grid(path, sheet.height, sheet.width)
            table = Table(metadata.name)
            for index, row in enumerate(sheet.iter_rows(), start=1):
                if any(value != "" and value is not None for value in row):
                    table.rows.append((index, [None if value == "" else value for value in row]))
            tables.append(table)
        workbook.close()
    except python_calamine.PasswordError as error:
        raise refuse(
            path, tr("the workbook is protected with a password. Save it without a password and try again.")
        ) from error
    except (python_calamine.CalamineError, ValueError, TypeError) as error:
        raise refuse(path, tr("the workbook is damaged ({error}).", error=str(error)[:200])) from error
    if not tables:
        raise refuse(path, tr("the workbook has no sheets."))
    return tables


def decode(path: Path, data: bytes) -> tuple[str, list[tuple[int, str]]]:
    """UTF-8 (with or without BOM), else Windows-1252 (what Excel on Windows writes for "CSV").

    A file that is UTF-8 except for some lines (one pasted from elsewhere) is read line by line, each in the
    encoding it fits, and every line read as Windows-1252 is reported: its accents may be wrong.
    """
    if b"\x00" in data:
        raise refuse(path, tr("it is not a spreadsheet or a text file."))
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    lines = data.splitlines(keepends=True)
    if not any(not line.isascii() and _utf8(line) is not None for line in lines):
        try:
            return data.decode("cp1252"), []
        except UnicodeDecodeError as error:
            raise refuse(path, tr("it is not text in UTF-8 or Windows-1252.")) from error
    texts: list[str] = []
    warnings: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        text = _utf8(line[3:] if number == 1 and line.startswith(b"\xef\xbb\xbf") else line)
        if text is None:
            try:
                text = line.decode("cp1252")
            except UnicodeDecodeError as error:
                raise refuse(path, tr("it is not text in UTF-8 or Windows-1252.")) from error
            warnings.append(
                (
                    number,
                    tr(
                        "this line is not in UTF-8 like the rest of the file; it was read as Windows-1252. "
                        "Check its accented letters."
                    ),
                )
            )
        texts.append(text)
    return "".join(texts), warnings


def _utf8(line: bytes) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def guess_separator(text: str) -> str:
    """The separator that splits the first lines most often the same way (semicolon wins a tie: Dutch Excel)."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    best, best_score = ";", -1
    for separator in SEPARATORS:
        counts = [_width(line, separator) for line in lines]
        wide = [count for count in counts if count > 1]
        score = len(wide) * 1000 + (max(wide) if wide else 0)
        if score > best_score:
            best, best_score = separator, score
    return best


def _width(line: str, separator: str) -> int:
    """How many cells ``line`` splits into (a line that is no CSV at all counts as one)."""
    try:
        return len(next(csv.reader([line], delimiter=separator), []))
    except csv.Error:
        return 1


def _read_csv(path: Path) -> Table:
    text, warnings = decode(path, path.read_bytes())
    separator = guess_separator(text)
    table = Table(path.stem, warnings=warnings)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    cells = 0
    line = last_start = 1
    try:
        for record in reader:
            if reader.line_num > MAX_ROWS:
                check_grid(path, reader.line_num, 1)
            if len(record) > MAX_COLUMNS:
                check_grid(path, 1, len(record))
            cells += len(record)
            if cells > MAX_CELLS:
                check_grid(path, reader.line_num, MAX_CELLS)
            if any(value.strip() for value in record):
                table.rows.append((line, list[Cell](record)))
            last_start, line = line, reader.line_num + 1
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise refuse(
                path,
                tr(
                    "line {line} has a cell of more than {size} KB; no roster cell is that long. "
                    "Check the file's quotes.",
                    line=line,
                    size=csv.field_size_limit() // 1024,
                ),
            ) from error
        raise refuse(
            path, tr("line {line} cannot be read as CSV ({error}).", line=reader.line_num, error=error)
        ) from error
    if table.rows and _unclosed_quote(text, separator, last_start):
        raise refuse(
            path,
            tr(
                'line {line} opens a quote (") that is never closed, so the rest of the file would be read '
                "as one cell. Close the quote or remove it, and try again.",
                line=last_start,
            ),
        )
    return table


def _unclosed_quote(text: str, separator: str, start_line: int) -> bool:
    """The record that starts on ``start_line`` runs into the end of the file inside quotes."""
    tail = "".join(text.splitlines(keepends=True)[start_line - 1 :])
    try:
        for _record in csv.reader(io.StringIO(tail, newline=""), delimiter=separator, strict=True):
            pass
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False
