"""An indicators sheet: public outcome figures per neighbourhood and year (``shared/interface.md``, "Import").

Its headers are ``neighbourhood, year, indicator, value`` (Dutch ``buurt, jaar, indicator, waarde``), with an
optional ``district`` (``stadsdeel``) that tells namesake neighbourhoods apart. Headers are matched as the
roster's are. A row whose neighbourhood is unknown or ambiguous, or whose year or value is no number, is
reported as ``row N:`` and skipped; the rest replaces the figures it names through
:mod:`teamlead.services.indicators`, in the caller's one transaction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy.orm import Session

from teamlead.data.queries.districts import find_district, find_neighbourhoods
from teamlead.errors import UsageError, ValidationError
from teamlead.i18n import tr
from teamlead.importing.cleaning import cell_text
from teamlead.importing.headers import HEADER_SEARCH_ROWS, header_key
from teamlead.importing.readers import Cell, Table
from teamlead.rules.numbers import typed_number
from teamlead.services.indicators import IndicatorValue, Replaced, check_value, check_year, indicator_name


class Column(StrEnum):
    NEIGHBOURHOOD = "neighbourhood"
    YEAR = "year"
    INDICATOR = "indicator"
    VALUE = "value"
    DISTRICT = "district"


SYNONYMS: dict[Column, tuple[str, ...]] = {
    Column.NEIGHBOURHOOD: ("buurt", "neighbourhood", "neighborhood", "wijk"),
    Column.YEAR: ("jaar", "year"),
    Column.INDICATOR: ("indicator", "indicatornaam", "kengetal"),
    Column.VALUE: ("waarde", "value"),
    Column.DISTRICT: ("stadsdeel", "district"),
}
REQUIRED = (Column.NEIGHBOURHOOD, Column.YEAR, Column.INDICATOR, Column.VALUE)
_BY_NAME = {name: column for column, names in SYNONYMS.items() for name in names}


@dataclass(frozen=True, slots=True)
class IndicatorLayout:
    """Where the header row is and which column holds what."""

    header_index: int
    columns: dict[Column, int]


def detect_indicator_layout(table: Table) -> IndicatorLayout | None:
    """The header row of an indicators sheet among the top rows, or None when the sheet is something else."""
    for index, (_number, cells) in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        columns: dict[Column, int] = {}
        for position, value in enumerate(cells):
            found = _BY_NAME.get(header_key(value))
            if found is not None and found not in columns:
                columns[found] = position
        if all(column in columns for column in REQUIRED):
            return IndicatorLayout(index, columns)
    return None


@dataclass(slots=True)
class IndicatorPlan:
    """The figures the sheet holds, and what was said about its rows."""

    sheet: str
    figures: list[IndicatorValue] = field(default_factory=list)
    row_lines: list[tuple[int, str]] = field(default_factory=list)
    skipped: int = 0

    def skip(self, row: int, reason: str) -> None:
        self.row_lines.append((row, reason))
        self.skipped += 1

    def lines(self, replaced: Replaced) -> list[str]:
        """What the CLI prints: which sheet was read as indicators, each skipped row, then the summary."""
        lines = [
            tr("{sheet}: an indicators sheet (public figures per neighbourhood and year)", sheet=self.sheet)
        ]
        lines += [f"row {row}: {text}" for row, text in sorted(self.row_lines, key=lambda item: item[0])]
        lines.append(
            tr(
                "indicators: {added} added, {changed} changed, {unchanged} unchanged; rows skipped: {skipped}",
                added=replaced.added,
                changed=replaced.changed,
                unchanged=replaced.unchanged,
                skipped=self.skipped,
            )
        )
        return lines


def plan_indicators(
    session: Session, table: Table, layout: IndicatorLayout, *, district: str | None = None
) -> IndicatorPlan:
    """Read every row below the header into a figure, or a ``row N:`` reason it was skipped. ``district`` (the
    import's ``--district``) limits the neighbourhoods looked in, as the sheet's own district column does."""
    limit: list[int] | None = None
    if district is not None:
        found = find_district(session, district)
        if found is None:
            raise UsageError(tr("--district: there is no district {name}.", name=district))
        limit = [found.id]
    plan = IndicatorPlan(table.name)
    for row, cells in table.rows[layout.header_index + 1 :]:
        values = {column: _cell(cells, position) for column, position in layout.columns.items()}
        if not any(cell_text(value).strip() for value in values.values()):
            continue
        try:
            figure = _figure(session, values, limit)
        except ValidationError as error:
            plan.skip(row, str(error))
            continue
        plan.figures.append(figure)
    return plan


def _cell(cells: list[Cell], position: int) -> Cell:
    return cells[position] if position < len(cells) else None


def _figure(session: Session, values: dict[Column, Cell], limit: list[int] | None) -> IndicatorValue:
    name = cell_text(values[Column.NEIGHBOURHOOD]).strip()
    if not name:
        raise ValidationError("neighbourhood", tr("no neighbourhood; skipped."))
    districts = limit
    written_district = cell_text(values.get(Column.DISTRICT)).strip()
    if written_district:
        found_district = find_district(session, written_district)
        if found_district is None or (limit is not None and found_district.id not in limit):
            raise ValidationError("district", tr("unknown district {name}; skipped.", name=written_district))
        districts = [found_district.id]
    found = find_neighbourhoods(session, name, districts)
    if not found:
        raise ValidationError("neighbourhood", tr("unknown neighbourhood {name}; skipped.", name=name))
    if len(found) > 1:
        raise ValidationError(
            "neighbourhood",
            tr(
                "neighbourhood {name} is ambiguous ({places}); add a district column; skipped.",
                name=name,
                places=", ".join(ref.district for ref in found),
            ),
        )
    year = _number(values[Column.YEAR])
    if year is None or not year.is_integer():
        raise ValidationError(
            "year", tr("the year {year} is not a whole number; skipped.", year=cell_text(values[Column.YEAR]))
        )
    value = _number(values[Column.VALUE])
    if value is None:
        raise ValidationError(
            "value", tr("the value {value} is not a number; skipped.", value=cell_text(values[Column.VALUE]))
        )
    return IndicatorValue(
        found[0].id,
        indicator_name(cell_text(values[Column.INDICATOR])),
        check_year(int(year)),
        check_value(value),
    )


def _number(cell: Cell) -> float | None:
    """A number as a spreadsheet or a Dutch CSV writes it (``79,5``, ``1.234,5``), else None."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        number = float(cell)
        return number if math.isfinite(number) else None
    return typed_number(cell_text(cell))
