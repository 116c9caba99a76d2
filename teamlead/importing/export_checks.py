"""Checking an export's records before any of them is written: ids, links, times, time zones and vocabularies.

A workbook is a file a person can edit, so what the database would refuse half-way (a repeated id, a link to
a row that is not there) and what it would take but the app could not use later (a note kind it does not
know, a time zone that does not exist, a repetition rule it cannot expand) is refused here, naming the sheet,
row, column and reason, never the value. Nothing has been written when a check fails.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, Integer, Table, UniqueConstraint

from teamlead.data.export_format import TIME_ZONES, VOCABULARIES
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.importing.export_read import SheetRecords, cell_refusal
from teamlead.importing.readers import Source
from teamlead.rules.clock import is_time_zone
from teamlead.services.series_rules import KEY_FORMAT, parse_rule


def check_records(source: Source, sheets: dict[str, SheetRecords]) -> None:
    """Refuse the first record that breaks a rule (raises :class:`~teamlead.errors.UserError`)."""
    for sheet in sheets.values():
        _check_keys(source, sheet)
        _check_values(source, sheet)
    for sheet in sheets.values():
        _check_links(source, sheet, sheets)


def unique_keys(table: Table) -> list[tuple[str, ...]]:
    """The primary key and every unique constraint or index of ``table``, as column names."""
    keys = [tuple(column.name for column in table.primary_key.columns)]
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            keys.append(tuple(column.name for column in constraint.columns))
    for index in table.indexes:
        if isinstance(index, Index) and index.unique:
            keys.append(tuple(column.name for column in index.columns))
    return [key for key in dict.fromkeys(keys) if key]


def _check_keys(source: Source, sheet: SheetRecords) -> None:
    table = sheet.table
    if "id" in table.c and isinstance(table.c.id.type, Integer):
        for row, record in zip(sheet.rows, sheet.records, strict=True):
            if record["id"] is None or record["id"] < 1:
                raise cell_refusal(source, table.name, row, "id", tr("an id is a whole number from 1 up."))
    for key in unique_keys(table):
        seen: dict[tuple[Any, ...], int] = {}
        for row, record in zip(sheet.rows, sheet.records, strict=True):
            values = tuple(record[name] for name in key)
            if None in values:  # NULLs never collide
                continue
            first = seen.setdefault(values, row)
            if first != row:
                raise cell_refusal(
                    source,
                    table.name,
                    row,
                    ", ".join(key),
                    tr("the same as in row {other}, and it must be unique.", other=first),
                )


def _check_links(source: Source, sheet: SheetRecords, sheets: dict[str, SheetRecords]) -> None:
    for key in sheet.table.foreign_keys:
        child, parent = key.parent.name, key.column
        targets = {record[parent.name] for record in sheets[parent.table.name].records}
        for row, record in zip(sheet.rows, sheet.records, strict=True):
            if record[child] is not None and record[child] not in targets:
                raise cell_refusal(
                    source,
                    sheet.table.name,
                    row,
                    child,
                    tr("it points to no row of the sheet {sheet}.", sheet=parent.table.name),
                )


def _check_values(source: Source, sheet: SheetRecords) -> None:
    table = sheet.table.name
    vocabularies = {
        column: {word.value for word in words}
        for (name, column), words in VOCABULARIES.items()
        if name == table
    }
    zones = [column for name, column in TIME_ZONES if name == table]
    for row, record in zip(sheet.rows, sheet.records, strict=True):
        for column, words in vocabularies.items():
            if record[column] is not None and record[column] not in words:
                allowed = ", ".join(sorted(words))
                raise cell_refusal(
                    source, table, row, column, tr("it is none of {allowed}.", allowed=allowed)
                )
        for column in zones:
            if record[column] is not None and not is_time_zone(record[column]):
                raise cell_refusal(source, table, row, column, tr("it is not a time zone of the IANA list."))
        problem = _series_problem(table, record)
        if problem is not None:
            raise cell_refusal(source, table, row, *problem)


def _series_problem(table: str, record: dict[str, Any]) -> tuple[str, str] | None:
    """A meeting series' repetition rule, or an occurrence's key, that the app could not use."""
    if table == "meeting_series":
        start = datetime.combine(record["first_date"], record["start_time"])
        try:
            parse_rule(record["rrule"], start)
        except ValidationError:
            return "rrule", tr("it is not a repetition rule a meeting series can have.")
    if table == "meeting" and record["occurrence_key"] is not None:
        try:
            datetime.strptime(record["occurrence_key"], KEY_FORMAT)
        except ValueError:
            return "occurrence_key", tr("it is not a local start written as YYYY-MM-DDTHH:MM.")
    return None
