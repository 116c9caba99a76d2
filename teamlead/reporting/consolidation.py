"""Combining districts' report workbooks into one city overview (``teamlead consolidate``).

Reads only the ``Summary`` and ``Trend`` sheets of city-audience district-report workbooks, so the result is
city-safe by construction. Totals: counts summed; shares and averages weighted by what they divide by.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from teamlead import __version__
from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.reporting.model import Consolidation, DistrictSummary, ReportHeader, Value
from teamlead.reporting.periods import Period
from teamlead.reporting.summary_keys import FORMAT_VERSION, META_KEYS, WEIGHTS
from teamlead.rules.limits import date_in_range
from teamlead.rules.text import identity_key


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


MAX_INFLATED_BYTES = 50 * 1024 * 1024
"""What a workbook may inflate to: a district report is well under a megabyte, a zip bomb far over this."""


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
        rows = [tuple(row[:2]) for row in workbook["Summary"].iter_rows(values_only=True) if row]
        if not rows or rows[0] != ("key", "value"):
            raise _refuse(path, tr("the Summary sheet has no key/value header"))
        values = {str(key): value for key, value in rows[1:] if key is not None}
        if values.get("format_version") != FORMAT_VERSION:
            raise _refuse(path, tr("format_version is {value}", value=values.get("format_version")))
        if values.get("audience") != "city":
            raise _refuse(path, tr("its audience is {value}", value=values.get("audience")))
        missing = [key for key in ("district", "period_from", "period_to") if not values.get(key)]
        if missing:
            raise _refuse(path, tr("{keys} missing", keys=", ".join(missing)))
        _period(path, values)
        quarters: tuple[str, ...] = ()
        trend: dict[str, tuple[Value, ...]] = {}
        if "Trend" in workbook.sheetnames:
            trend_rows = list(workbook["Trend"].iter_rows(values_only=True))
            if trend_rows and trend_rows[0] and trend_rows[0][0] == "key":
                quarters = tuple(str(q) for q in trend_rows[0][1:] if q is not None)
                for row in trend_rows[1:]:
                    if row and row[0] is not None:
                        trend[str(row[0])] = tuple(row[1 : len(quarters) + 1])
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


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def total(key: str, districts: tuple[DistrictSummary, ...]) -> Value:
    """The ``total`` column: counts summed; a share or average weighted by the count it divides by."""
    if key in WEIGHTS:
        weight_key = WEIGHTS[key]
        weighted = weights = 0.0
        for district in districts:
            value, weight = _number(district.values.get(key)), _number(district.values.get(weight_key))
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


def consolidate(paths: list[Path], generated_at: datetime) -> Consolidation:
    districts = tuple(read_summary(path) for path in paths)
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
    periods = {(d.period_from, d.period_to) for d in districts}
    if len(periods) > 1:
        first = districts[0]
        other = [
            d.path for d in districts if (d.period_from, d.period_to) != (first.period_from, first.period_to)
        ]
        raise UserError(
            tr(
                "All files must cover the same period as {first} ({start} – {end}); these do not: {files}.",
                files=", ".join(str(path) for path in other),
                first=first.path,
                start=first.period_from,
                end=first.period_to,
            )
        )
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
