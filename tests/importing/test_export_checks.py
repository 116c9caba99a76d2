"""A changed export workbook is refused naming the sheet, row, column and reason, never the value.

Ids, links, times, time zones and vocabularies are checked before anything is written (shared/interface.md,
"A workbook made by export"): the database stays as it was, on both backends, and the message holds neither a
traceback, nor SQL, nor the offending value (it may be a person's name).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from teamlead.cli import main
from teamlead.data.database import Database
from teamlead.errors import UserError
from teamlead.importing.session import import_source
from tests.importing.exports import FIXTURE, Sheets, changed_source, rewrite, set_cell
from tests.importing.test_export_versions import table_counts, url

SECRET = "Geheim Jansen 1234"
"""Stands for personal data in a cell: it must not appear in any message."""


CASES = {
    "repeated id": (
        ("organisation", 1, "id", ("copy", 0)),
        "sheet organisation, row 3, column id: the same as in row 2",
    ),
    "repeated link row": (
        ("note_organisation", 1, "note_id", ("copy", 0)),
        "sheet note_organisation, row 3, column note_id, organisation_id: the same as in row 2",
    ),
    "id beyond 64 bits": (
        ("person", 0, "id", 2**64),
        "sheet person, row 2, column id: it is beyond the largest",
    ),
    "id beyond the 32 bits of an integer column": (
        ("person", 0, "id", 2**40),
        "sheet person, row 2, column id: it is beyond the largest number this column holds (2147483647)",
    ),
    "id zero": (
        ("district", 0, "id", 0),
        "sheet district, row 2, column id: an id is a whole number from 1 up",
    ),
    "id not a number": (
        ("person", 0, "id", SECRET),
        "sheet person, row 2, column id: it is not a whole number",
    ),
    "dangling link in a link table": (
        ("note_organisation", 0, "organisation_id", 99_999),
        "sheet note_organisation, row 2, column organisation_id: it points to no row of the sheet organisation",
    ),
    "dangling kind_id": (
        ("role", 0, "person_id", 99_999),
        "sheet role, row 2, column person_id: it points to no row of the sheet person",
    ),
    "unknown note kind": (
        ("note", 0, "kind", SECRET),
        "sheet note, row 2, column kind: it is none of call, email, meeting, other, signal, visit",
    ),
    "unknown agreement status": (
        ("agreement", 0, "status", SECRET),
        "sheet agreement, row 2, column status: it is none of done, dropped, in_progress, open",
    ),
    "unknown attendance": (("invitee", 0, "attendance", "maybe"), "sheet invitee, row 2, column attendance"),
    "time zone not in the IANA list": (
        ("meeting_series", 0, "timezone", "Europe/" + SECRET),
        "sheet meeting_series, row 2, column timezone: it is not a time zone of the IANA list",
    ),
    "time zone as a path": (
        ("meeting_series", 0, "timezone", "../../etc/passwd"),
        "sheet meeting_series, row 2, column timezone: it is not a time zone of the IANA list",
    ),
    "time of day 25:99": (
        ("meeting_series", 0, "start_time", "25:99"),
        "sheet meeting_series, row 2, column start_time: it is not a time of day",
    ),
    "repetition rule": (
        ("meeting_series", 0, "rrule", "FREQ=HOURLY"),
        "sheet meeting_series, row 2, column rrule: it is not a repetition rule",
    ),
    "occurrence key": (
        ("meeting", 0, "occurrence_key", SECRET),
        "sheet meeting, row 2, column occurrence_key: it is not a local start",
    ),
    "date": (
        ("agreement", 0, "made_on", "2026-13-45"),
        "sheet agreement, row 2, column made_on: it is not a date",
    ),
    "moment": (
        ("meeting", 0, "starts_at", SECRET),
        "sheet meeting, row 2, column starts_at: it is not a date and time",
    ),
    "boolean": (
        ("meeting", 0, "detached", SECRET),
        "sheet meeting, row 2, column detached: it is not true or false",
    ),
    "empty where a value is needed": (
        ("note", 0, "occurred_on", None),
        "sheet note, row 2, column occurred_on: it is empty, and this column needs a value",
    ),
    "text too long": (
        ("person", 0, "name", SECRET * 20),
        "sheet person, row 2, column name: it is longer than the 200 characters this column holds",
    ),
}


def change_for(sheet: str, record: int, column: str, value: object) -> Callable[[Sheets], None]:
    def change(sheets: Sheets) -> None:
        if isinstance(value, tuple):  # ("copy", n): the whole of row n again
            sheets[sheet][record + 1] = list(sheets[sheet][value[1] + 1])
        else:
            set_cell(sheets, sheet, record, column, value)

    return change


STORED = (
    "repeated id",
    "repeated link row",
    "id beyond 64 bits",
    "id beyond the 32 bits of an integer column",
    "id zero",
    "dangling link in a link table",
    "dangling kind_id",
    "time of day 25:99",
    "empty where a value is needed",
    "text too long",
)
"""What one database or the other would refuse or store differently when written: checked on both."""


def refuse(case: str, database: Database) -> None:
    (sheet, record, column, value), expected = CASES[case]
    source = changed_source(change_for(sheet, record, column, value))
    before = table_counts(database)
    with pytest.raises(UserError) as refused:
        import_source(database, source)
    assert table_counts(database) == before
    assert f"Cannot import changed.xlsx: {expected}" in refused.value.message
    for leak in ("SQL", "parameters", SECRET, "Geheim", "passwd", "99999", "25:99", "HOURLY"):
        assert leak not in refused.value.message


@pytest.mark.parametrize("case", STORED)
def test_a_changed_workbook_is_refused_before_either_database_sees_it(case: str, database: Database) -> None:
    refuse(case, database)


@pytest.mark.parametrize("case", [case for case in CASES if case not in STORED])
def test_a_changed_workbook_is_refused_with_sheet_row_column_and_reason(
    case: str, sqlite_database: Database
) -> None:
    refuse(case, sqlite_database)


def test_the_command_says_why_in_one_line_without_the_value(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = rewrite(FIXTURE, tmp_path / "changed.xlsx", change_for("note", 3, "kind", SECRET))
    before = table_counts(database)
    assert main(["--database", url(database), "import", str(path)]) == 1
    assert table_counts(database) == before
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "teamlead: Cannot import changed.xlsx: sheet note, row 5, column kind: it is none of call, email, "
        "meeting, other, signal, visit.\n"
    )
