"""Bad files are refused with a message, quickly, by a process limited to 1 GB of memory; the database untouched.

Each file runs through the real ``teamlead import`` in a subprocess whose address space is capped with
``resource.setrlimit``; the time-out is generous and only there to catch a hang.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import xlwt
from msoffcrypto.format.ooxml import OOXMLFile

from teamlead.data.database import open_database
from teamlead.importing.limits import UnreadableFileError, check_zip
from tests.importing.hostile import base_workbook, broken_deflate, cell, row, sheet, with_sheet
from tests.importing.rosters import MESSY_ROSTER, write_csv, write_xlsx

LIMITED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from teamlead.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_limited(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LIMITED, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        check=False,
    )


def zip_bomb(path: Path, gigabytes: int) -> Path:
    """A real workbook whose one sheet inflates to gigabytes of rows (a few MB on disk)."""
    template = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active.append(["Organisatie", "Naam"])
    workbook.save(template)
    row = b'<row><c t="inlineStr"><is><t>Jongerenwerk</t></is></c></row>' * 1000
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for entry in source.infolist():
            if entry.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(entry, source.read(entry))
        with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                b'spreadsheetml/2006/main"><sheetData>'
            )
            for _ in range(gigabytes * (1 << 30) // len(row)):
                sheet.write(row)
            sheet.write(b"</sheetData></worksheet>")
    return path


def far_cell(path: Path) -> Path:
    """A tiny workbook with one cell in the last row and column: a grid of 17 billion cells if allocated."""
    workbook = openpyxl.Workbook()
    workbook.active.append(["Organisatie", "Naam"])
    workbook.active["XFD1048576"] = "x"
    workbook.save(path)
    return path


def encrypted(path: Path) -> Path:
    """The roster saved with a password, as Excel does it (an OLE file holding the encrypted package)."""
    plain = write_xlsx(path.with_suffix(".plain.xlsx"), {"Lijst": MESSY_ROSTER})
    with plain.open("rb") as source, path.open("wb") as target:
        OOXMLFile(source).encrypt("geheim", target)
    return path


def old_xls(path: Path) -> Path:
    workbook = xlwt.Workbook()
    worksheet = workbook.add_sheet("Lijst")
    for r, values in enumerate(MESSY_ROSTER):
        for c, value in enumerate(values):
            worksheet.write(r, c, value)
    workbook.save(str(path))
    return path


def holding(content: bytes) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.write_bytes(content)
        return path

    return make


def sized(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.write(b"Organisatie;Naam\n")
        handle.truncate(size)  # sparse: 200 MB on paper, nothing on disk
    return path


BAD_FILES: dict[str, tuple[Callable[[Path], Path] | None, str]] = {
    "random-bytes.xlsx": (holding(os.urandom(200_000)), "not a spreadsheet"),
    "random-bytes.csv": (holding(os.urandom(200_000)), "not a spreadsheet or a text"),
    "empty.csv": (holding(b""), "the file is empty"),
    "empty.xlsx": (holding(b""), "the file is empty"),
    "old.xls": (old_xls, "old Excel file (.xls)"),
    "protected.xlsx": (encrypted, "protected with a password"),
    "no-header.csv": (
        lambda p: write_csv(p, [["Jongerenwerk", "Fatima"], ["Politie", "Sanne"]]),
        "no recognisable header row",
    ),
    "huge.csv": (lambda p: sized(p, 200 * 1024 * 1024), "the file is 200 MB"),
    "bomb.xlsx": (None, "would inflate to"),
    "far-cell.xlsx": (far_cell, "1048576 rows"),
    "far-lower-case.xlsx": (
        holding(
            with_sheet(
                base_workbook(), sheet(row(1, cell("A1", "Organisatie")) + row(60000, cell("xfd60000")))
            )
        ),
        "983040000 cells",
    ),
    "far-prefixed.xlsx": (
        holding(
            with_sheet(
                base_workbook(),
                sheet(
                    row(1, cell("A1", "Organisatie"), prefix="x:")
                    + row(9, cell("XFD9", prefix="x:", quote="'"), prefix="x:")
                ),
            )
        ),
        "147456 cells",
    ),
    "no-references.xlsx": (
        holding(
            with_sheet(base_workbook(), sheet(row(None, cell(None, "Organisatie")) + row(300000, cell(None))))
        ),
        "300000 rows",
    ),
    "broken-deflate.xlsx": (
        lambda p: p.write_bytes(broken_deflate(base_workbook(), random.Random(3))) and p,
        "damaged",
    ),
}


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return zip_bomb(tmp_path_factory.mktemp("bomb") / "bomb.xlsx", 2)


@pytest.fixture(scope="module")
def database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    path = folder / "teamlead.sqlite3"
    open_database(path).dispose()
    roster = write_xlsx(folder / "roster.xlsx", {"Lijst": MESSY_ROSTER})
    assert run_limited("--database", str(path), "import", str(roster)).returncode == 0
    return path


@pytest.mark.slow
@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_file_is_refused_in_bounded_memory(
    name: str, database_file: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    make, expected = BAD_FILES[name]
    path = make(tmp_path / name) if make is not None else request.getfixturevalue("bomb")
    before = hashlib.sha256(database_file.read_bytes()).hexdigest()
    result = run_limited("--database", str(database_file), "--language", "en", "import", str(path))
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith(f"teamlead: Cannot import {name}:"), result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert hashlib.sha256(database_file.read_bytes()).hexdigest() == before


def test_the_zip_directory_is_checked_before_inflating(bomb: Path) -> None:
    """The bomb is refused from its directory alone, before any part of it is inflated."""
    with zipfile.ZipFile(bomb) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    assert info.file_size > 2_000_000_000
    assert info.compress_size < 10_000_000
    with pytest.raises(UnreadableFileError, match="would inflate to 2047 MB"):
        check_zip(bomb)


def test_a_csv_line_in_another_encoding_is_read_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "gemengd.csv"
    path.write_bytes("Organisatie;Naam\nCafé Zoë;Jan\n".encode() + "Café Noord;Piet\n".encode("cp1252"))
    database = tmp_path / "teamlead.sqlite3"
    result = run_limited("--database", str(database), "--language", "en", "import", "--dry-run", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("row 3: this line is not in UTF-8")
    assert "organisations: 2 added" in result.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'Organisatie;Naam\n"Jongerenwerk;Jan\nPolitie;Piet\nGGD;Kees\n', "line 2 opens a quote"),
        (b"Organisatie;Naam\nGGD;" + b"x" * 200_000 + b"\n", "line 2 has a cell of more than 128 KB"),
    ],
)
def test_a_csv_that_would_be_misread_is_refused_naming_the_line(
    content: bytes, expected: str, tmp_path: Path
) -> None:
    path = tmp_path / "lijst.csv"
    path.write_bytes(content)
    database = tmp_path / "teamlead.sqlite3"
    result = run_limited("--database", str(database), "--language", "en", "import", str(path))
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
