"""Combining districts' report workbooks into one city overview (``teamlead consolidate``).

Reads only the ``Summary`` and ``Trend`` sheets of city-audience district-report workbooks, and of those only the
keys the format defines (:mod:`teamlead.reporting.summary_keys`): a row with any other key, or a value that is not
what its key holds, refuses the file. So nothing but the district report's own figures reaches the city overview,
whatever someone typed into a workbook on the way (a contact person's name and phone in a Summary row).
Totals: counts summed; shares and averages weighted by what they divide by; a median is not combined.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from teamlead import __version__
from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.reporting.model import Consolidation, DistrictSummary, ReportHeader, Value
from teamlead.reporting.periods import Period
from teamlead.reporting.summary_keys import (
    FALSE,
    FORMAT_VERSION,
    META_KEYS,
    NOT_COMBINED,
    REQUIRED_KEYS,
    TRUE,
    WEIGHTS,
    is_figure_key,
)
from teamlead.rules.limits import date_in_range
from teamlead.rules.text import identity_key

MAX_INFLATED_BYTES = 50 * 1024 * 1024
"""What a workbook may inflate to: a district report is well under a megabyte, a zip bomb far over this."""
_QUARTER = re.compile(r"\d{4}-Q[1-4]")
_VERSION = re.compile(r"[0-9A-Za-z.+!_-]{1,64}")


def _refuse(path: Path, why: str) -> UserError:
    return UserError(
        tr(
            "{path} is not a city-audience district report workbook of format version {version} ({why}). "
            "Make it with 'teamlead report district --audience city -o FILE.xlsx'.",
            path=path,
            version=FORMAT_VERSION,
            why=why,
        )
    )


def check_output(paths: Iterable[Path], target: Path) -> None:
    """``-o`` must not be one of the inputs (also through another spelling, a link or a second name)."""
    wanted = target.resolve()
    for path in paths:
        same = path.resolve() == wanted
        if not same and path.exists() and target.exists():
            same = os.path.samefile(path, target)
        if same:
            raise UserError(
                tr(
                    "{path} is one of the files to combine; write the city overview to another file.",
                    path=target,
                )
            )


def read_summary(path: Path) -> DistrictSummary:
    """The Summary and Trend of a city-audience district report; any other file is refused with a message."""
    if not path.is_file():
        raise UserError(tr("{path} does not exist.", path=path))
    if path.suffix.lower() != ".xlsx" or not zipfile.is_zipfile(path):
        raise _refuse(path, tr("not an .xlsx file"))
    try:
        return _read_summary(path)
    except UserError:
        raise
    except Exception as error:  # openpyxl and the XML parser raise many kinds on a damaged file
        raise _refuse(path, tr("cannot be read: {reason}", reason=error.__class__.__name__)) from error


def _read_summary(path: Path) -> DistrictSummary:
    from openpyxl import load_workbook

    with zipfile.ZipFile(path) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_INFLATED_BYTES:
            raise _refuse(path, tr("far larger than a district report"))
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        if "Summary" not in workbook.sheetnames:
            raise _refuse(path, tr("no Summary sheet"))
        values = _summary_values(path, list(workbook["Summary"].iter_rows(values_only=True)))
        quarters: tuple[str, ...] = ()
        trend: dict[str, tuple[Value | str, ...]] = {}
        if "Trend" in workbook.sheetnames:
            quarters, trend = _trend(path, list(workbook["Trend"].iter_rows(values_only=True)))
    finally:
        workbook.close()
    return DistrictSummary(
        path,
        str(values["district"]),
        str(values["period_from"]),
        str(values["period_to"]),
        values,
        quarters,
        trend,
    )


def _pairs(rows: list[tuple[Any, ...]]) -> list[tuple[int, Any, Any]]:
    """(row number as the spreadsheet shows it, key, value) of the rows below the header, blank rows left out."""
    return [
        (number, row[0], row[1] if len(row) > 1 else None)
        for number, row in enumerate(rows[1:], start=2)
        if row and not all(cell is None for cell in row)
    ]


def _summary_values(path: Path, rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    if not rows or tuple(rows[0][:2]) != ("key", "value"):
        raise _refuse(path, tr("the Summary sheet has no key/value header"))
    pairs = _pairs(rows)
    version = next((value for _number, key, value in pairs if key == "format_version"), None)
    if version != FORMAT_VERSION:
        if isinstance(version, int | float) and not isinstance(version, bool) and version < FORMAT_VERSION:
            raise UserError(
                tr(
                    "{path} was made by an earlier Teamlead (format_version {version}); make the report "
                    "again with this version: 'teamlead report district --audience city -o FILE.xlsx'.",
                    path=path,
                    version=version,
                )
            )
        raise _refuse(path, tr("format_version is {value}", value=_shown(version)))
    values: dict[str, Any] = {}
    for number, key, value in pairs:
        if not isinstance(key, str) or not (key in META_KEYS or is_figure_key(key)):
            raise _refuse(
                path, tr("row {row} of the Summary sheet is not a key of the district report", row=number)
            )
        if key in values:
            raise _refuse(
                path, tr("row {row} of the Summary sheet repeats the key {key}", row=number, key=key)
            )
        if not _fits(key, value):
            raise _refuse(
                path, tr("row {row} of the Summary sheet: {key} has no valid value", row=number, key=key)
            )
        values[key] = value
    missing = [key for key in (*META_KEYS, *sorted(REQUIRED_KEYS - set(META_KEYS))) if key not in values]
    if missing:
        raise _refuse(path, tr("{keys} missing", keys=", ".join(missing)))
    if values["audience"] != "city":
        raise _refuse(path, tr("its audience is {value}", value=_shown(values["audience"])))
    _period(path, values)
    return values


def _shown(value: object) -> str:
    """A value of a refused file in a message: a number or one of our own words, never someone's text."""
    if value is None or isinstance(value, int | float):
        return str(value)
    return repr(value) if value in ("city", "district") else tr("text")


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _fits(key: str, value: Any) -> bool:
    """Whether ``value`` is what the format writes for ``key`` (a figure: a number or an empty cell)."""
    if key in ("district", "audience"):
        return isinstance(value, str) and bool(value.strip())
    if key == "format_version":
        return _number(value) is not None
    if key == "period_complete":
        return value in (TRUE, FALSE)
    if key in ("period_from", "period_to"):
        return isinstance(value, str)  # whether they are a period is checked with both (_period)
    if key == "generated_at":
        return isinstance(value, str) and _is_moment(value)
    if key == "teamlead_version":
        return isinstance(value, str) and _VERSION.fullmatch(value) is not None
    return value is None or _number(value) is not None


def _is_moment(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _trend(
    path: Path, rows: list[tuple[Any, ...]]
) -> tuple[tuple[str, ...], dict[str, tuple[Value | str, ...]]]:
    """The Trend sheet's quarters and rows: figure keys, and ``period_complete`` (``true``/``false`` each)."""
    if not rows or not rows[0] or rows[0][0] != "key":
        raise _refuse(path, tr("the Trend sheet has no key header"))
    quarters = tuple(str(q) for q in rows[0][1:] if q is not None)
    if not all(_QUARTER.fullmatch(quarter) for quarter in quarters):
        raise _refuse(path, tr("the Trend sheet's columns are not quarters"))
    trend: dict[str, tuple[Value | str, ...]] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not row or all(cell is None for cell in row):
            continue
        key, values = row[0], tuple(row[1 : len(quarters) + 1])
        known = isinstance(key, str) and (key == "period_complete" or is_figure_key(key))
        if not known or key in trend:
            raise _refuse(
                path, tr("row {row} of the Trend sheet is not a key of the district report", row=number)
            )
        assert isinstance(key, str)
        fits = (
            all(value in (TRUE, FALSE) for value in values)
            if key == "period_complete"
            else all(value is None or _number(value) is not None for value in values)
        )
        if not fits or any(cell is not None for cell in row[len(quarters) + 1 :]):
            raise _refuse(
                path, tr("row {row} of the Trend sheet: {key} has no valid value", row=number, key=key)
            )
        trend[key] = values
    return quarters, trend


def _period(path: Path, values: dict[str, Any]) -> Period:
    """The period the Summary names; a file whose dates are not ISO dates in order, within the dates Teamlead
    takes (:func:`~teamlead.rules.limits.date_in_range`), is refused, not a traceback."""
    try:
        period = Period(
            date.fromisoformat(str(values["period_from"])), date.fromisoformat(str(values["period_to"]))
        )
    except ValueError as error:
        raise _refuse(path, tr("period_from and period_to are not a period")) from error
    if not (date_in_range(period.start) and date_in_range(period.end)):
        raise _refuse(path, tr("period_from and period_to are not a period"))
    return period


def _divisor(weight: tuple[str, ...], values: dict[str, Any]) -> float | None:
    """The count a share or average divides by: the first key less the others."""
    first = _number(values.get(weight[0]))
    if first is None:
        return None
    return first - sum(_number(values.get(key)) or 0.0 for key in weight[1:])


def total(key: str, districts: tuple[DistrictSummary, ...]) -> Value:
    """The ``total`` column: counts summed; a share or average weighted by the count it divides by; a median
    is not combined (empty)."""
    if key in NOT_COMBINED:
        return None
    if key in WEIGHTS:
        weighted = weights = 0.0
        for district in districts:
            value, weight = _number(district.values.get(key)), _divisor(WEIGHTS[key], district.values)
            if value is not None and weight:
                weighted += value * weight
                weights += weight
        return weighted / weights if weights else None
    numbers = [_number(district.values.get(key)) for district in districts]
    present = [number for number in numbers if number is not None]
    if not present:
        return None
    summed = sum(present)
    return int(summed) if summed.is_integer() else summed


def _check_districts(districts: tuple[DistrictSummary, ...]) -> None:
    """Each district once (names matched as ``--district`` matches them), all of the same period."""
    by_name: dict[str, list[Path]] = {}
    for district in districts:
        by_name.setdefault(identity_key(district.district), []).append(district.path)
    twice = [files for files in by_name.values() if len(files) > 1]
    if twice:
        raise UserError(
            tr(
                "Each district may be given once; these files are about the same district: {files}.",
                files=", ".join(str(path) for path in twice[0]),
            )
        )
    first = districts[0]
    other = [
        d.path for d in districts if (d.period_from, d.period_to) != (first.period_from, first.period_to)
    ]
    if other:
        raise UserError(
            tr(
                "All files must cover the same period as {first} ({start} – {end}); these do not: {files}.",
                files=", ".join(str(path) for path in other),
                first=first.path,
                start=first.period_from,
                end=first.period_to,
            )
        )


def consolidate(paths: list[Path], generated_at: datetime) -> Consolidation:
    districts = tuple(read_summary(path) for path in paths)
    _check_districts(districts)
    keys: list[str] = []
    for district in districts:
        keys += [key for key in district.values if key not in META_KEYS and key not in keys]
    quarters = next((d.quarters for d in districts if d.quarters), ())
    first = districts[0]
    header = ReportHeader(
        "consolidation",
        ", ".join(d.district for d in districts),
        _period(first.path, first.values),
        "city",
        generated_at,
        __version__,
    )
    return Consolidation(
        header=header,
        districts=districts,
        keys=tuple(keys),
        totals={key: total(key, districts) for key in keys},
        quarters=quarters,
        generated_at=generated_at,
    )
