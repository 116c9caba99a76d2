"""Export workbooks for the import tests: the stored fixture, read into plain rows and written back changed.

``FIXTURE`` is ``teamlead export`` of the small demo made by an earlier version (see fixtures/README.md); a
later Teamlead must read it. :func:`rewrite` changes a workbook the way an earlier version or a person with a
spreadsheet program would (a sheet or column fewer, a cell changed) and writes it with the app's own writer;
:func:`changed_source` gives the same change as the import's reader would have read it, without a file.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from teamlead.importing.limits import FileKind
from teamlead.importing.readers import Source, Table
from teamlead.reports.workbook_stream import StreamingWorkbook

FIXTURE = Path(__file__).parent / "fixtures" / "export-v1-small-demo.xlsx"

Sheets = dict[str, list[list[object]]]


def read_sheets(path: Path) -> Sheets:
    """Every sheet as rows of cells (header row first), as calamine reads them: the import's own reader."""
    import python_calamine

    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    try:
        return {
            name: [list(row) for row in workbook.get_sheet_by_name(name).iter_rows()]
            for name in workbook.sheet_names
        }
    finally:
        workbook.close()


def write_sheets(sheets: Sheets, target: Path) -> Path:
    with StreamingWorkbook(target) as workbook:
        for name, rows in sheets.items():
            workbook.add_sheet(name, [str(cell) for cell in rows[0]], rows[1:])
    return target


@cache
def _fixture_sheets() -> Sheets:
    return read_sheets(FIXTURE)


def changed_fixture(change: Callable[[Sheets], None]) -> Sheets:
    """The fixture's sheets (read once; cells are never changed in place, only rows) after ``change``."""
    sheets = {name: [list(row) for row in rows] for name, rows in _fixture_sheets().items()}
    change(sheets)
    return sheets


def rewrite(source: Path, target: Path, change: Callable[[Sheets], None]) -> Path:
    if source == FIXTURE:
        return write_sheets(changed_fixture(change), target)
    sheets = read_sheets(source)
    change(sheets)
    return write_sheets(sheets, target)


def changed_source(change: Callable[[Sheets], None], name: str = "changed.xlsx") -> Source:
    """The changed fixture as :func:`~teamlead.importing.readers.read_file` would give it (empty cells as
    None, rows numbered as the spreadsheet shows them)."""
    tables = [
        Table(
            sheet,
            [(number, [None if cell == "" else cell for cell in row]) for number, row in enumerate(rows, 1)],
        )
        for sheet, rows in changed_fixture(change).items()
    ]
    return Source(Path(name), FileKind.XLSX, tables)


def drop_column(sheets: Sheets, sheet: str, column: str) -> None:
    index = sheets[sheet][0].index(column)
    for row in sheets[sheet]:
        del row[index]


def drop_sheet(sheets: Sheets, sheet: str, *, unlisted: bool) -> None:
    """Remove a sheet; ``unlisted`` also takes it off About's list of sheets, as a workbook made before the
    table existed would be."""
    del sheets[sheet]
    if unlisted:
        for row in sheets["About"]:
            if row[0] == "sheets":
                row[1] = ", ".join(name for name in str(row[1]).split(", ") if name != sheet)


def set_cell(sheets: Sheets, sheet: str, record: int, column: str, value: object) -> None:
    """Set ``column`` of the ``record``-th data row (0 is the first below the header)."""
    rows = sheets[sheet]
    rows[record + 1][rows[0].index(column)] = value


def sheet_row_counts(path: Path) -> dict[str, int]:
    return {name: len(rows) - 1 for name, rows in read_sheets(path).items() if name != "About"}
