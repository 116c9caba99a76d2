"""Writing big workbooks fast: each sheet's XML written as text, straight into the zip of the file.

Rows stream through: a sheet of 200,000 notes never sits in memory, and nothing goes to a scratch file. The
workbook is the temporary file of :func:`~teamlead.rules.files.atomic_target` from the start and takes the
target's name when the last sheet is written, so the sheets must come in order, each one whole (they do: the
export reads one table after the other). Cells get the same care as the reports' (:mod:`teamlead.reports.
safety`): formula-like text is kept as text (quotePrefix), forbidden control characters go, too long text is
cut. Text is written inline (no shared-strings table: most of an export's text is unique), moments as UTC
wall-clock time with a date format, and the zip is deflated at level 1, which is several times faster than
the default and makes the file about a quarter bigger.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl.utils import get_column_letter

from teamlead.reports import xlsx_package as package
from teamlead.reports.safety import EXCEL_CELL_LIMIT, excel_text, looks_like_formula, needs_care
from teamlead.rules.files import atomic_target

COMPRESSLEVEL = 1
TITLE_LIMIT = 31
_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_FORMULA_OR_BLANK_START = frozenset("=+-@ ")
"""First characters that send a text down the careful path (formula-like, or a blank to preserve)."""
_ROWS_PER_CHUNK = 500

EPOCH = datetime(1899, 12, 30)
EPOCH_UTC = EPOCH.replace(tzinfo=UTC)
EPOCH_ORDINAL = EPOCH.toordinal()
DAY = timedelta(days=1)
DAY_MICROSECONDS = 86_400_000_000


class StreamingWorkbook:
    """A workbook written as it is made: open it with ``with``, add sheets in order, each with a header row and
    streamed rows; the file takes ``target``'s name when the block ends.

    When anything fails (the database went away, the disk is full) the half-written file is removed and
    ``target`` stays as it was; a failed write becomes :func:`~teamlead.rules.files.cannot_write`'s message.
    """

    def __init__(self, target: Path, *, mode: int | None = None, compresslevel: int = COMPRESSLEVEL) -> None:
        self.target = Path(target)
        self.mode = mode
        self.compresslevel = compresslevel
        self.titles: list[str] = []
        self._place: AbstractContextManager[Path] | None = None
        self._file: IO[bytes] | None = None
        self._zip: ZipFile | None = None
        self._entry: IO[bytes] | None = None

    def __enter__(self) -> Self:
        place = atomic_target(self.target, mode=self.mode)
        temporary = place.__enter__()
        self._place = place
        try:
            self._file = open(temporary, "wb")  # closed when the block ends
            self._zip = ZipFile(self._file, "w", ZIP_DEFLATED, compresslevel=self.compresslevel)
        except BaseException as error:
            self._give_up(error)
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if error is not None:
            self._give_up(error)
            return
        try:
            self._finish()
        except BaseException as failure:
            self._give_up(failure)
            raise
        place, self._place = self._place, None
        if place is not None:
            place.__exit__(None, None, None)  # synced, then renamed over the target

    def add_sheet(
        self,
        title: str,
        headers: Sequence[str],
        rows: Iterable[Sequence[Any]],
        widths: Sequence[float] | None = None,
    ) -> int:
        """Write one sheet; returns the number of data rows."""
        if self._zip is None:
            raise RuntimeError("a StreamingWorkbook is written inside its with block")
        title = self._new_title(title)
        number = len(self.titles) + 1
        if widths is None:
            widths = [max(10, min(40, len(str(header)) + 4)) for header in headers]
        try:
            self._entry = entry = self._zip.open(package.sheet_path(number), "w")
            self.titles.append(title)
            entry.write(package.sheet_start(widths, first=number == 1).encode())
            entry.write(_header_row(headers).encode())
            count = _write_rows(entry, rows, len(headers))
            entry.write(package.SHEET_END.encode())
            entry.close()
            self._entry = None
        except BaseException as error:  # a half-written sheet cannot be taken back: the workbook is given up
            self._give_up(error)
            raise
        return count

    def _new_title(self, title: str) -> str:
        """``title`` as a sheet's name (31 characters at most); a name Excel refuses is an error here."""
        name = excel_text(title)[:TITLE_LIMIT]
        if not name.strip() or _TITLE_FORBIDDEN.search(name):
            raise ValueError(f"{title!r} cannot name a sheet")
        if name.casefold() in (known.casefold() for known in self.titles):
            raise ValueError(f"the workbook has a sheet named {name!r} already")
        return name

    def _finish(self) -> None:
        if self._zip is None:
            return
        if not self.titles:
            self.add_sheet("Sheet1", [], [])  # a workbook holds at least one sheet
        zipped = self._zip
        zipped.writestr("[Content_Types].xml", package.content_types(len(self.titles)))
        zipped.writestr("_rels/.rels", package.ROOT_RELATIONSHIPS)
        zipped.writestr("xl/workbook.xml", package.workbook(self.titles))
        zipped.writestr("xl/_rels/workbook.xml.rels", package.workbook_relationships(len(self.titles)))
        zipped.writestr("xl/styles.xml", package.STYLES)
        zipped.close()
        self._zip = None
        if self._file is not None:
            self._file.close()
            self._file = None

    def _give_up(self, error: BaseException) -> None:
        """Close the half-written file without writing more, and let :func:`atomic_target` remove it (and turn
        an ``OSError`` into the user's words)."""
        for stream in (self._file, self._entry):  # the file first: the entry's close then writes nothing
            if stream is not None:
                with contextlib.suppress(Exception):
                    stream.close()
        if self._zip is not None:
            self._zip.fp = None  # else its finaliser would try to finish the file, and print that it failed
        self._file = self._zip = self._entry = None
        place, self._place = self._place, None
        if place is not None:
            place.__exit__(type(error), error, error.__traceback__)


def _header_row(headers: Sequence[str]) -> str:
    cells = []
    for ref, header in zip(_column_refs(len(headers)), headers, strict=True):
        text = _text_cell(ref, "1", str(header), header=True)
        if text:
            cells.append(text)
    return f'<row r="1">{"".join(cells)}</row>'


def _column_refs(count: int) -> list[str]:
    return [get_column_letter(number) for number in range(1, count + 1)]


def _write_rows(entry: IO[bytes], rows: Iterable[Sequence[Any]], width: int) -> int:
    """The rows' XML, written in chunks; returns how many rows. The common cells (plain text, whole numbers,
    moments, booleans, empty) are written here, the others by :func:`_text_cell` and :func:`_other_cell`."""
    refs = _column_refs(width)
    parts: list[str] = []
    append = parts.append
    starts = _FORMULA_OR_BLANK_START
    moment_style = package.DATETIME
    number = 1
    for number, row in enumerate(rows, start=2):
        if len(row) > len(refs):
            refs = _column_refs(len(row))
        n = str(number)
        append(f'<row r="{n}">')
        for ref, value in zip(refs, row, strict=False):
            kind = type(value)
            if kind is str:
                if not value:
                    continue
                if (
                    value.isprintable()
                    and value[0] not in starts
                    and value[-1] != " "
                    and "&" not in value
                    and "<" not in value
                    and ">" not in value
                    and len(value) <= EXCEL_CELL_LIMIT
                ):
                    append(f'<c r="{ref}{n}" t="inlineStr"><is><t>{value}</t></is></c>')
                else:
                    append(_text_cell(ref, n, value))
            elif kind is int:
                append(f'<c r="{ref}{n}"><v>{value}</v></c>')
            elif value is None:
                continue
            elif kind is datetime:
                append(f'<c r="{ref}{n}" s="{moment_style}"><v>{_moment_serial(value)!r}</v></c>')
            elif kind is bool:
                append(f'<c r="{ref}{n}" t="b"><v>{1 if value else 0}</v></c>')
            else:
                append(_other_cell(ref, n, value))
        append("</row>")
        if number % _ROWS_PER_CHUNK == 0:
            entry.write("".join(parts).encode())
            parts.clear()
    entry.write("".join(parts).encode())
    return number - 1


def _text_cell(ref: str, number: str, value: str, *, header: bool = False) -> str:
    """A text cell made safe: cleaned and cut (:func:`excel_text`), formula-like text marked as text, markup
    characters escaped, blanks at the ends preserved. "" for text that nothing is left of."""
    text = excel_text(value) if needs_care(value) else value
    if not text:
        return ""
    style = ""
    if looks_like_formula(text):
        style = f' s="{package.HEADER_QUOTED if header else package.QUOTED}"'
    elif header:
        style = f' s="{package.HEADER}"'
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if not text.isprintable():
        # What excel_text leaves is legal XML but for halves of surrogate pairs (text made in Python, never read
        # from a database), which UTF-8 cannot encode; a carriage return as such would read back as a line feed.
        escaped = _SURROGATES.sub("\ufffd", escaped).replace("\r", "&#13;")
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}{number}"{style} t="inlineStr"><is><t{space}>{escaped}</t></is></c>'


def _other_cell(ref: str, number: str, value: Any) -> str:
    """The cells the hot loop leaves: booleans, dates, times of day, fractions, and subclasses of the rest."""
    if isinstance(value, bool):
        return f'<c r="{ref}{number}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, str):
        return _text_cell(ref, number, str.__str__(value))
    if isinstance(value, int):
        return f'<c r="{ref}{number}"><v>{int(value)}</v></c>'
    if isinstance(value, datetime):
        return f'<c r="{ref}{number}" s="{package.DATETIME}"><v>{_moment_serial(value)!r}</v></c>'
    if isinstance(value, date):
        days = value.toordinal() - EPOCH_ORDINAL
        return f'<c r="{ref}{number}" s="{package.DATE}"><v>{days - 1 if 0 < days <= 60 else days}</v></c>'
    if isinstance(value, time):
        if value.tzinfo is not None:
            raise TypeError("a time of day with a time zone has no place in a cell")
        microseconds = ((value.hour * 60 + value.minute) * 60 + value.second) * 1_000_000 + value.microsecond
        return f'<c r="{ref}{number}" s="{package.TIME}"><v>{microseconds / DAY_MICROSECONDS!r}</v></c>'
    if isinstance(value, float | Decimal):
        if not math.isfinite(value):
            return _text_cell(ref, number, str(value))  # NaN and infinity: no number Excel holds
        text = repr(float(value)) if isinstance(value, float) else str(value)
        return f'<c r="{ref}{number}"><v>{text}</v></c>'
    raise TypeError(f"a cell cannot hold a {type(value).__name__}")


def _moment_serial(moment: datetime) -> float:
    """Excel's serial number of ``moment``: days since 1899-12-30, UTC wall-clock time for an aware one
    (Excel has no time zones), one less before 1900-03-01 (Excel counts a 29 February 1900)."""
    days = (moment - (EPOCH if moment.tzinfo is None else EPOCH_UTC)) / DAY
    return days - 1 if 1 <= days < 61 else days
