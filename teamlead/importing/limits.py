"""What a file must look like before anything reads it: its kind, its size, and what its zip would inflate to.

Spreadsheets come from anywhere (a colleague's laptop, a mail attachment), so every cap is checked from
cheap facts first: the file size from ``stat``, the kind from its first bytes, an ``.xlsx`` file's inflated size
from its zip directory, and the cells of each sheet from a streamed scan that stops at the caps. Only then does
calamine, which loads a whole sheet into memory, get to read it. A refusal is a :class:`UnreadableFileError`
whose message says what is wrong.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from teamlead.errors import UserError
from teamlead.i18n import tr

MAX_FILE_BYTES = 50 * 1024 * 1024
"""A roster of 20,000 persons is a few megabytes; 50 MB is far beyond any real one."""
MAX_INFLATED_BYTES = 100 * 1024 * 1024
"""What all parts of an ``.xlsx`` file may inflate to, together (a 20,000-row roster: about 6 MB)."""
MAX_RATIO = 500
"""How much one zip entry may inflate; real sheets compress 5-50 times, a zip bomb hundreds of times or more."""
MAX_ROWS = 200_000
MAX_COLUMNS = 2_000
MAX_CELLS = 5_000_000

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_SCAN_CHUNK = 1 << 20
_MAX_TAG_BYTES = 1 << 16
"""A start tag longer than this is no spreadsheet's: real ``<c>`` and ``<row>`` tags are a few dozen bytes."""
# The start tag of a row or a cell, with or without a namespace prefix (<row>, <x:c ...>), and its attributes.
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?(row|c)(?=[\s/>])([^<>]*)>")
_REFERENCE = re.compile(rb"""\br\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CELL = re.compile(rb"\s*([A-Za-z]{1,3})\s*([0-9]{1,7})\s*")
_CHARACTER = re.compile(rb"&#(x[0-9A-Fa-f]+|[0-9]+);")


class UnreadableFileError(UserError):
    """The file cannot be read as a roster: the database stays untouched."""


class FileKind(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"


@dataclass(frozen=True, slots=True)
class Checked:
    path: Path
    kind: FileKind
    size: int


def refuse(path: Path, reason: str) -> UnreadableFileError:
    return UnreadableFileError(tr("Cannot import {name}: {reason}", name=path.name, reason=reason))


def check_file(path: Path) -> Checked:
    """The file's kind, or a refusal: missing, empty, too large, an old ``.xls``, encrypted, not a spreadsheet."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise refuse(path, tr("it is not a file."))
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise refuse(path, tr("it cannot be opened ({error}).", error=error.strerror or error)) from error
    if size == 0:
        raise refuse(path, tr("the file is empty."))
    if size > MAX_FILE_BYTES:
        raise refuse(
            path,
            tr(
                "the file is {size} MB; a roster may be at most {limit} MB.",
                size=size // (1024 * 1024),
                limit=MAX_FILE_BYTES // (1024 * 1024),
            ),
        )
    if head.startswith(_OLE_MAGIC):
        if _encrypted(path):
            raise refuse(
                path,
                tr("the workbook is protected with a password. Save it without a password and try again."),
            )
        raise refuse(
            path,
            tr("this is an old Excel file (.xls). Save it as .xlsx (Excel workbook) or .csv and try again."),
        )
    if head.startswith(_ZIP_MAGIC):
        return Checked(path, FileKind.XLSX, size)
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        raise refuse(path, tr("it is not a spreadsheet (the file's contents are not an Excel workbook)."))
    return Checked(path, FileKind.CSV, size)


def _encrypted(path: Path) -> bool:
    """An encrypted ``.xlsx`` is an OLE file holding an ``EncryptedPackage`` stream (the size is capped)."""
    return _ENCRYPTED_STREAM in path.read_bytes()


def check_zip(path: Path) -> None:
    """Refuse a zip whose directory promises too much, then scan each sheet's cells within the caps.

    ``zipfile`` never inflates past the size an entry declares and checks its CRC, so a directory that lies
    about a size fails the scan instead of inflating without end.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            total = sum(entry.file_size for entry in entries)
            if total > MAX_INFLATED_BYTES:
                raise refuse(path, _inflates(total))
            for entry in entries:
                if entry.file_size > MAX_RATIO * max(entry.compress_size, 1024):
                    raise refuse(path, _inflates(total))
            names = {entry.filename for entry in entries}
            if "xl/workbook.xml" not in names:
                raise refuse(path, tr("it is not an Excel workbook (.xlsx)."))
            for entry in entries:
                if entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml"):
                    _scan_sheet(path, archive, entry)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        OSError,
        EOFError,
        NotImplementedError,
    ) as error:
        raise refuse(path, tr("the workbook is damaged ({error}).", error=error)) from error


def _inflates(total: int) -> str:
    return tr(
        "its contents would inflate to {size} MB, more than a roster can be ({limit} MB).",
        size=total // (1024 * 1024),
        limit=MAX_INFLATED_BYTES // (1024 * 1024),
    )


def column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + (letter - 64)
    return number


def _reference(attributes: bytes) -> bytes | None:
    """The ``r`` attribute's value, with character references (``&#65;``) resolved as an XML reader does."""
    found = _REFERENCE.search(attributes)
    if found is None:
        return None
    value = found.group(1) if found.group(1) is not None else found.group(2)
    return _CHARACTER.sub(
        lambda m: chr(int(m.group(1)[1:], 16) if m.group(1)[:1] == b"x" else int(m.group(1))).encode(
            "utf-8", "replace"
        ),
        value,
    )


class _Extent:
    """Where a sheet's cells land, followed the way the reader places them: a row without ``r`` follows the
    previous row, a cell without ``r`` the previous cell, references in any case, with or without prefix."""

    def __init__(self) -> None:
        self.row = 0
        self.column = 0
        self.last_row = 0
        self.last_column = 0

    def tag(self, name: bytes, attributes: bytes) -> None:
        reference = _reference(attributes)
        if name == b"row":
            self.row = (
                self.row + 1 if reference is None or not reference.strip().isdigit() else int(reference)
            )
            self.column = 0
            return
        cell = _CELL.fullmatch(reference) if reference is not None else None
        if cell is not None:
            self.column, self.row = column_number(cell.group(1)), int(cell.group(2))
        else:
            self.column += 1
        if not attributes.rstrip().endswith(b"/"):  # a self-closing cell holds no value and takes no room
            self.last_row = max(self.last_row, self.row)
            self.last_column = max(self.last_column, self.column)


def _scan_sheet(path: Path, archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    """The furthest cell with content in one sheet, so the reader never allocates a grid beyond the caps.

    A tag cut by a chunk's end is carried over to the next chunk whole, so no tag escapes the scan.
    """
    extent = _Extent()
    carry = b""
    with archive.open(entry) as stream:
        while chunk := stream.read(_SCAN_CHUNK):
            data = carry + chunk
            cut = data.rfind(b"<")
            if cut >= 0 and data.find(b">", cut) < 0:
                data, carry = data[:cut], data[cut:]
                if len(carry) > _MAX_TAG_BYTES:
                    raise refuse(
                        path,
                        tr("the workbook is damaged (a tag longer than {size} bytes).", size=_MAX_TAG_BYTES),
                    )
            else:
                carry = b""
            for match in _TAG.finditer(data):
                extent.tag(match.group(1), match.group(2))
    check_grid(path, extent.last_row, extent.last_column)


def check_grid(path: Path, rows: int, columns: int) -> None:
    """Refuse a sheet with too many rows, columns or cells."""
    if rows > MAX_ROWS:
        raise refuse(
            path, tr("it has {rows} rows; at most {limit} can be imported.", rows=rows, limit=MAX_ROWS)
        )
    if columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        raise refuse(
            path,
            tr(
                "it has {cells} cells; at most {limit} can be imported.",
                cells=rows * columns,
                limit=MAX_CELLS,
            ),
        )
