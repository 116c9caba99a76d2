"""The streaming workbook writer, read back as readers read it: openpyxl (normal and read-only), calamine (the
import's reader) and a strict XML parser on every part."""

from __future__ import annotations

import errno
import zipfile
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from teamlead.errors import UserError
from teamlead.reports.safety import CUT_MARK, EXCEL_CELL_LIMIT, excel_text
from teamlead.reports.workbook_stream import StreamingWorkbook
from teamlead.rules import scratch

AMSTERDAM_SUMMER = timezone(timedelta(hours=2))
HEADERS = ["number", "fraction", "yes", "text", "day", "moment", "aware", "clock", "empty", "blank"]
ROW: list[object] = [
    42,
    2.5,
    True,
    "Zoë Øster",
    date(2026, 3, 2),
    datetime(2026, 3, 2, 14, 30, 15, 250_000),
    datetime(2026, 6, 1, 9, 0, tzinfo=AMSTERDAM_SUMMER),
    time(19, 30),
    None,
    "",
]
READ_BACK: tuple[object, ...] = (
    42,
    2.5,
    True,
    "Zoë Øster",
    datetime(2026, 3, 2),  # openpyxl gives a day as a moment at midnight
    datetime(2026, 3, 2, 14, 30, 15, 250_000),
    datetime(2026, 6, 1, 7, 0),  # UTC wall-clock time
    time(19, 30),
    None,
    None,
)
TEXTS = [
    "a < b & c > d",
    "\"quoted\" and 'single'",
    "]]> and <![CDATA[ x ]]>",
    "  leading and trailing  ",
    " ",
    "tab\tline\nbreak",
    "Zoë Øster Yılmaz Ğ ß — “curly” 😀 👩🏽‍💻 \u2028 \x85 \u200b",
    "control\x01\x08\x0b\x0c\x0e\x1fcodes",
    "\ufffe\uffff non-characters",
    "x" * (EXCEL_CELL_LIMIT + 10),
    "_x0041_ stays as written",
]
FORMULAS = ['=HYPERLINK("http://example.com")', "+31 6 1234 5678", "-5", "@mention", "=1+1"]


def write(target: Path, sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[object]]]]) -> Path:
    with StreamingWorkbook(target) as workbook:
        for title, headers, rows in sheets:
            assert workbook.add_sheet(title, headers, rows) == len(rows)
    return target


def cells(path: Path, sheet: str, *, read_only: bool) -> list[tuple[Any, ...]]:
    """The sheet's rows, each as wide as the widest (read-only openpyxl ends a row at its last cell)."""
    workbook = load_workbook(path, read_only=read_only)
    try:
        rows = list(workbook[sheet].iter_rows(values_only=True))
    finally:
        workbook.close()
    width = max((len(row) for row in rows), default=0)
    return [row + (None,) * (width - len(row)) for row in rows]


def calamine_rows(path: Path, sheet: str) -> list[list[Any]]:
    import python_calamine

    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    try:
        return [list(row) for row in workbook.get_sheet_by_name(sheet).iter_rows()]
    finally:
        workbook.close()


def parse_every_part(path: Path) -> None:
    """Every part is well-formed XML (ElementTree refuses illegal characters and bad escapes)."""
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            ElementTree.fromstring(archive.read(name))


@pytest.mark.parametrize("read_only", [False, True], ids=["openpyxl", "openpyxl-read-only"])
def test_values_come_back_with_their_types(tmp_path: Path, read_only: bool) -> None:
    path = write(tmp_path / "values.xlsx", [("values", HEADERS, [ROW, [None] * len(HEADERS), ROW])])
    parse_every_part(path)
    rows = cells(path, "values", read_only=read_only)
    assert rows[0] == tuple(HEADERS)
    assert rows[1] == READ_BACK
    assert all(value is None for value in rows[2])  # a row of empty cells (None and "")
    assert rows[3] == READ_BACK


def test_the_imports_reader_reads_the_same_cells(tmp_path: Path) -> None:
    path = write(tmp_path / "values.xlsx", [("values", HEADERS, [ROW])])
    header, row = calamine_rows(path, "values")
    assert header == HEADERS
    assert row[:8] == [42, 2.5, True, "Zoë Øster", date(2026, 3, 2), *READ_BACK[5:7], time(19, 30)]
    assert row[8:] == ["", ""]


def test_numbers_beyond_the_common_ones(tmp_path: Path) -> None:
    class Level(int):
        pass

    row: list[object] = [Decimal("12.75"), Level(3), 2**40, -0.1, date(1900, 1, 1), datetime(1900, 2, 28, 12)]
    path = write(tmp_path / "numbers.xlsx", [("numbers", [f"c{n}" for n in range(len(row))], [row])])
    assert cells(path, "numbers", read_only=True)[1] == (
        12.75,
        3,
        2**40,
        -0.1,
        datetime(1900, 1, 1),
        datetime(1900, 2, 28, 12),
    )


def test_a_value_no_cell_can_hold_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    target = tmp_path / "refused.xlsx"
    with pytest.raises(TypeError), StreamingWorkbook(target) as workbook:
        workbook.add_sheet("bad", ["what"], [[object()]])
    assert list(tmp_path.iterdir()) == []


def test_the_header_row_is_styled_frozen_and_the_columns_have_their_widths(tmp_path: Path) -> None:
    path = tmp_path / "styled.xlsx"
    with StreamingWorkbook(path) as workbook:
        workbook.add_sheet("About", ["key", "value"], [["format", "teamlead-export"]], widths=(20, 60))
        workbook.add_sheet("defaults", ["id", "a rather long column name", "=odd"], [])
    book = load_workbook(path)
    about, defaults = book["About"], book["defaults"]
    for sheet in (about, defaults):
        assert sheet.freeze_panes == "A2"
        for cell in sheet[1]:
            assert cell.font.b
            assert cell.font.color.rgb == "FFFFFFFF"
            assert cell.fill.fill_type == "solid"
            assert cell.fill.fgColor.rgb == "FF004699"
    assert not about["A2"].font.b
    assert about.column_dimensions["A"].width == 20
    assert about.column_dimensions["B"].width == 60
    assert [defaults.column_dimensions[c].width for c in "ABC"] == [10, 29, 10]
    assert defaults["C1"].value == "=odd"
    assert defaults["C1"].data_type == "s"
    assert defaults["C1"].quotePrefix


def test_formula_like_text_stays_text_marked_with_a_quote_prefix(tmp_path: Path) -> None:
    path = write(tmp_path / "formulas.xlsx", [("formulas", ["text"], [[text] for text in FORMULAS])])
    sheet = load_workbook(path)["formulas"]
    for row, text in enumerate(FORMULAS, start=2):
        cell = sheet.cell(row, 1)
        assert cell.value == text
        assert cell.data_type == "s"
        assert cell.quotePrefix
    assert not sheet["A1"].quotePrefix
    assert "<f>" not in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()


def expected(text: str) -> str | None:
    """What a reader gets back: the text as a cell holds it (:func:`excel_text`), None when nothing is left."""
    return excel_text(text) or None


@pytest.mark.parametrize("read_only", [False, True], ids=["openpyxl", "openpyxl-read-only"])
def test_hostile_text_is_legal_xml_and_comes_back_as_a_cell_holds_it(tmp_path: Path, read_only: bool) -> None:
    path = write(tmp_path / "texts.xlsx", [("texts", ["text"], [[text] for text in TEXTS])])
    parse_every_part(path)
    read = [row[0] for row in cells(path, "texts", read_only=read_only)[1:]]
    assert read == [expected(text) for text in TEXTS]
    long = read[TEXTS.index("x" * (EXCEL_CELL_LIMIT + 10))]
    assert isinstance(long, str)
    assert len(long) == EXCEL_CELL_LIMIT
    assert long.endswith(CUT_MARK)
    sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert '<t xml:space="preserve">  leading and trailing  </t>' in sheet
    assert "a &lt; b &amp; c &gt; d" in sheet


def test_a_carriage_return_and_half_a_surrogate_pair_are_written_as_legal_xml(tmp_path: Path) -> None:
    path = write(tmp_path / "odd.xlsx", [("odd", ["text"], [["a\rb"], ["half \ud83d pair"]])])
    parse_every_part(path)
    assert [row[0] for row in cells(path, "odd", read_only=True)[1:]] == ["a\rb", "half \ufffd pair"]


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(st.text(max_size=40), min_size=1, max_size=8))
def test_any_text_reads_back_as_a_cell_holds_it(
    tmp_path_factory: pytest.TempPathFactory, texts: list[str]
) -> None:
    path = tmp_path_factory.mktemp("any") / "any.xlsx"
    write(path, [("any", ["text"], [[text] for text in texts])])
    parse_every_part(path)
    read = [row[0] for row in cells(path, "any", read_only=True)[1:]]
    read += [None] * (len(texts) - len(read))  # trailing empty rows are no rows to a reader
    assert read == [expected(text) for text in texts]


def test_sheet_names_are_escaped_cut_and_checked(tmp_path: Path) -> None:
    odd = 'R&D <"north"> \'s'
    long = "agreement_organisation_and_more_than_31"
    path = write(tmp_path / "names.xlsx", [(odd, ["a"], [[1]]), (long, ["a"], [[2]])])
    parse_every_part(path)
    assert load_workbook(path, read_only=True).sheetnames == [odd, long[:31]]
    with pytest.raises(ValueError, match="cannot name a sheet"):
        write(tmp_path / "bad.xlsx", [("a/b", ["a"], [])])
    with pytest.raises(ValueError, match="has a sheet named 'Note' already"):
        write(tmp_path / "twice.xlsx", [("note", ["a"], []), ("Note", ["a"], [])])
    assert sorted(path.name for path in tmp_path.iterdir()) == ["names.xlsx"]


def test_a_workbook_without_sheets_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    with StreamingWorkbook(path):
        pass
    parse_every_part(path)
    assert load_workbook(path).sheetnames == ["Sheet1"]


def test_many_rows_stream_through_in_chunks(tmp_path: Path) -> None:
    rows = ([number, f"row {number}", number % 2 == 0] for number in range(1, 2_502))
    path = tmp_path / "many.xlsx"
    with StreamingWorkbook(path) as workbook:
        assert workbook.add_sheet("many", ["id", "text", "even"], rows) == 2_501
    read = cells(path, "many", read_only=True)
    assert len(read) == 2_502
    assert read[-1] == (2_501, "row 2501", False)


def failing_rows() -> Iterator[list[object]]:
    yield [1, "first"]
    raise RuntimeError("the database went away")


def write_with_failing_rows(target: Path) -> None:
    with StreamingWorkbook(target) as workbook:
        workbook.add_sheet("About", ["key", "value"], [["format", "teamlead-export"]])
        workbook.add_sheet("note", ["id", "text"], failing_rows())


def test_a_failing_rows_iterator_leaves_no_file_and_no_scratch_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "export.xlsx"
    target.write_bytes(b"the old export")
    with scratch.run() as session:
        assert session is not None
        with pytest.raises(RuntimeError, match="went away"):
            write_with_failing_rows(target)
        assert [path.name for path in session.folder.iterdir()] == [scratch.PARTIALS]
    assert [path.name for path in out.iterdir()] == ["export.xlsx"]
    assert target.read_bytes() == b"the old export"


def full_disk_rows() -> Iterator[list[object]]:
    yield [1, "first"]
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_failed_write_is_told_in_the_users_words(tmp_path: Path) -> None:
    target = tmp_path / "export.xlsx"
    with pytest.raises(UserError, match="is full"), StreamingWorkbook(target) as workbook:
        workbook.add_sheet("note", ["id", "text"], full_disk_rows())
    assert list(tmp_path.iterdir()) == []


def test_the_file_is_private_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "private.xlsx"
    with StreamingWorkbook(target, mode=0o600) as workbook:
        workbook.add_sheet("a", ["a"], [["personal"]])
    assert target.stat().st_mode & 0o777 == 0o600
