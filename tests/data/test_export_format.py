"""The export format's cells: what the writer puts in a workbook, the import's reader takes back unchanged."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from teamlead.data.export_format import CellError, cell_reader, export_tables, row_writer
from teamlead.reports.workbook_stream import StreamingWorkbook

TEXTS = [
    "a lone\rcarriage return",
    "Windows\r\nline ends",
    "\rstarts with CR",
    "literal _x000D_ and x_x0041_y and _x005F_",
    "_x12_ and __x0041__ stay as they are",
    " ",
    "   ",
    "\t",
    "\n",
    " \n ",
    "  leading and trailing  ",
    "control\x01\x08\x0b\x0c\x0e\x1fcodes",
    '=HYPERLINK("x")',
    "+31 6 1234",
    "@mention",
    "Zoë Øster Yılmaz Ğ ß 😀 \u2028 \x85",
]


def through_a_workbook(tmp_path: Path, table_name: str, rows: list[list[object]]) -> list[list[object]]:
    """``rows`` written as the export writes them and read back as the import reads them."""
    import python_calamine

    table = next(table for table in export_tables() if table.name == table_name)
    write = row_writer(table)
    with StreamingWorkbook(tmp_path / "cells.xlsx") as workbook:
        workbook.add_sheet(
            table.name, [column.name for column in table.columns], [write(row) for row in rows]
        )
    read = python_calamine.CalamineWorkbook.from_path(str(tmp_path / "cells.xlsx"))
    cells = list(read.get_sheet_by_name(table.name).iter_rows())[1:]
    readers = [cell_reader(column) for column in table.columns]
    return [
        [reader(None if cell == "" else cell) for reader, cell in zip(readers, row, strict=True)]
        for row in cells
    ]


def test_text_comes_back_exactly(tmp_path: Path) -> None:
    moment = datetime(2026, 3, 29, 0, 59, 59, 123_000, tzinfo=UTC)
    # person: id, name, phone, email, remarks, reachability, created_at, updated_at, version
    rows: list[list[object]] = [
        [number, text, "", "", text, "", moment, moment, 1] for number, text in enumerate(TEXTS, start=1)
    ]
    assert through_a_workbook(tmp_path, "person", rows) == rows


def test_a_moment_of_exactly_midnight_utc_comes_back(tmp_path: Path) -> None:
    """01:00 in Amsterdam on a winter night is 00:00:00 UTC: its cell reads back as a day, and is that moment."""
    midnight = datetime(2026, 1, 15, 0, 0, tzinfo=UTC)
    row: list[object] = [1, "Fatima el Amrani", "", "", "", "", midnight, midnight, 1]
    assert through_a_workbook(tmp_path, "person", [row]) == [row]


def test_dates_times_of_day_and_booleans_come_back(tmp_path: Path) -> None:
    stamp = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # the night summer time ends in Amsterdam
    series = [
        1,
        None,
        "network",
        "Overleg",
        "",
        "FREQ=WEEKLY",
        date(2026, 1, 6),
        time(19, 30),
        90,
        "Europe/Amsterdam",
        stamp,
        stamp,
        3,
    ]
    assert through_a_workbook(tmp_path, "meeting_series", [series]) == [series]


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("start_time", "25:99", "it is not a time of day."),
        ("start_time", "19:30+02:00", "it is not a time of day."),
        ("first_date", "2026-02-30", "it is not a date."),
        ("duration_minutes", 1.5, "it is not a whole number."),
        ("duration_minutes", True, "it is not a whole number."),
        ("id", 2**31, "it is beyond the largest number this column holds (2147483647)."),
        ("created_at", "yesterday", "it is not a date and time."),
        ("start_time", None, "it is empty, and this column needs a value."),
        ("title", "x" * 201, "it is longer than the 200 characters this column holds."),
        ("title", "a\x00b", "it holds a character a database cannot store (NUL)."),
    ],
)
def test_a_cell_that_cannot_be_the_value_says_why(column: str, value: object, reason: str) -> None:
    table = next(table for table in export_tables() if table.name == "meeting_series")
    with pytest.raises(CellError) as refused:
        cell_reader(table.c[column])(value)
    assert refused.value.reason == reason


def test_an_empty_cell_is_empty_text_or_null_as_the_column_allows() -> None:
    table = next(table for table in export_tables() if table.name == "meeting")
    assert cell_reader(table.c.minutes)(None) == ""
    assert cell_reader(table.c.occurrence_key)(None) is None
