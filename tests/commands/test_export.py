"""`teamlead export`: every table, every column, every row, and text exactly as stored (never a formula)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from teamlead.cli import main
from teamlead.data.database import Database
from teamlead.data.export_format import export_query, export_tables
from teamlead.producing.export import export_database
from teamlead.reporting.periods import AMSTERDAM
from tests.reporting.seed import SENTINELS, UNSAFE, seed

MADE_AT = datetime(2026, 10, 2, 9, 30, tzinfo=AMSTERDAM)


def _same(stored: object, read: object) -> bool:
    """Equal as an import sees it: moments as UTC wall-clock time (to the millisecond), dates as midnight
    datetimes, empty text as an empty cell."""
    if isinstance(stored, datetime):
        return (
            isinstance(read, datetime)
            and abs((read - stored.astimezone(UTC).replace(tzinfo=None)).total_seconds()) < 0.002
        )
    if isinstance(stored, date):
        return read == datetime(stored.year, stored.month, stored.day)
    if stored == "":
        return read is None
    return stored == read


def test_export_holds_every_table_column_and_row(database: Database, tmp_path: Path) -> None:
    seed(database)
    target = tmp_path / "export.xlsx"
    counts = export_database(database, target, MADE_AT)
    workbook = load_workbook(target)
    assert workbook.sheetnames[0] == "About"
    about = dict(list(workbook["About"].iter_rows(values_only=True))[1:])
    assert about["format"] == "teamlead-export"
    assert about["format_version"] == 1
    tables = export_tables()
    assert workbook.sheetnames[1:] == [table.name for table in tables]
    with database.engine.connect() as connection:
        for table in tables:
            rows = list(workbook[table.name].iter_rows(values_only=True))
            assert rows[0] == tuple(column.name for column in table.columns)
            stored = connection.execute(export_query(table)).all()
            assert len(stored) == len(rows) - 1 == counts[table.name]
            for db_row, sheet_row in zip(stored, rows[1:], strict=True):
                for column, value, read in zip(table.columns, db_row, sheet_row, strict=True):
                    assert _same(value, read), (table.name, column.name, value, read)


def test_export_keeps_user_text_as_text(sqlite_database: Database, tmp_path: Path) -> None:
    seed(sqlite_database)
    target = tmp_path / "export.xlsx"
    export_database(sqlite_database, target, MADE_AT)
    workbook = load_workbook(target)
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    values = {cell.value for cell in cells}
    for text in (UNSAFE["formula"], UNSAFE["plus"], UNSAFE["at"], SENTINELS["note text"]):
        assert text in values


def test_export_command_refuses_other_extensions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "t.sqlite3")
    assert main(["--database", db, "export", "-o", str(tmp_path / "x.csv")]) == 2
    assert ".xlsx" in capsys.readouterr().err
    assert main(["--database", db, "export", "-o", str(tmp_path / "x.xlsx")]) == 0
    assert load_workbook(tmp_path / "x.xlsx").sheetnames[0] == "About"
