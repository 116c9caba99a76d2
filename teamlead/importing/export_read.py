"""Reading a workbook made by ``teamlead export`` into records, one list per table, nothing written yet.

A workbook from an earlier Teamlead reads too: a table added since has no sheet there (the About sheet's list of
sheets does not name it) and stays empty; a column added since is missing from its sheet and takes the model's
default, or NULL where it may be empty. A column that needs a value and has no default cannot be made up: the
workbook is then refused naming the sheet and the column. Refusals name the sheet, row, column and reason, never
the cell's value (it may be a person's name).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Table

from teamlead.data import migrate
from teamlead.data.export_format import (
    ABOUT,
    FORMAT,
    FORMAT_VERSION,
    AboutKey,
    CellError,
    cell_reader,
    column_default,
    export_tables,
)
from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.importing.readers import Cell, Source


@dataclass(slots=True)
class SheetRecords:
    """One table's records as read, each with the row number the spreadsheet shows for it."""

    table: Table
    rows: list[int] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)


def is_export(source: Source) -> bool:
    """The first sheet is ``About`` and says ``format`` = ``teamlead-export``."""
    if not source.tables or source.tables[0].name != ABOUT:
        return False
    return about(source).get(AboutKey.FORMAT) == FORMAT


def about(source: Source) -> dict[str, Cell]:
    return {
        str(cells[0]): cells[1] if len(cells) > 1 else None for _, cells in source.tables[0].rows if cells
    }


def refusal(source: Source, reason: str) -> UserError:
    return UserError(tr("Cannot import {name}: {reason}", name=source.path.name, reason=reason))


def cell_refusal(source: Source, sheet: str, row: int, column: str, reason: str) -> UserError:
    return refusal(
        source,
        tr(
            "sheet {sheet}, row {row}, column {column}: {reason}",
            sheet=sheet,
            row=row,
            column=column,
            reason=reason,
        ),
    )


def check_about(source: Source) -> None:
    """Refuse another format version, or a workbook of a schema newer than this Teamlead knows."""
    facts = about(source)
    version = facts.get(AboutKey.FORMAT_VERSION)
    if not isinstance(version, int | float) or version != FORMAT_VERSION:
        raise refusal(
            source,
            tr(
                "it is an export of format version {version}; this Teamlead reads version {expected}.",
                version=version,
                expected=FORMAT_VERSION,
            ),
        )
    revision = facts.get(AboutKey.SCHEMA_REVISION)
    if revision not in (None, "") and str(revision) not in migrate.known_revisions():
        raise refusal(
            source,
            tr(
                "it was made by a newer Teamlead (schema {revision}). Update Teamlead to read it.",
                revision=revision,
            ),
        )


def read_export(source: Source) -> dict[str, SheetRecords]:
    """Every table's records, in the order of :func:`~teamlead.data.export_format.export_tables`."""
    check_about(source)
    listed = about(source).get(AboutKey.SHEETS)
    written = {name.strip() for name in str(listed).split(",")} if listed is not None else None
    return {table.name: _read_sheet(source, table, written) for table in export_tables()}


def _read_sheet(source: Source, table: Table, written: set[str] | None) -> SheetRecords:
    sheet = source.table(table.name)
    if sheet is None:
        if written is None or table.name in written:
            raise refusal(source, tr("the sheet {sheet} is missing.", sheet=table.name))
        return SheetRecords(table)  # a table added since the workbook was made: nothing in it yet
    if not sheet.rows:
        raise refusal(source, tr("the sheet {sheet} has no header row.", sheet=table.name))
    headers = [str(value) if value is not None else "" for value in sheet.rows[0][1]]
    data = sheet.rows[1:]
    readers = [_column_reader(source, table, column, headers, bool(data)) for column in table.columns]
    result = SheetRecords(table)
    for row, cells in data:
        result.rows.append(row)
        result.records.append({name: read(row, cells) for name, read in readers})
    return result


def _column_reader(
    source: Source, table: Table, column: Column[Any], headers: list[str], needed: bool
) -> tuple[str, Callable[[int, list[Cell]], Any]]:
    """How one column's value comes out of a row: its cell, or its default when the sheet lacks the column."""
    if column.name not in headers:
        known, default = column_default(column)
        if not known and needed:
            raise refusal(
                source,
                tr(
                    "the sheet {sheet} lacks the column {column}, which needs a value and has no default.",
                    sheet=table.name,
                    column=column.name,
                ),
            )
        return column.name, lambda row, cells: default
    index = headers.index(column.name)
    convert = cell_reader(column)

    def read(row: int, cells: list[Cell]) -> Any:
        try:
            return convert(cells[index] if index < len(cells) else None)
        except CellError as error:
            raise cell_refusal(source, table.name, row, column.name, error.reason) from None

    return column.name, read
