"""Numbers, shares, dates and periods as people read them, in the current language — one home for reports and
screens alike.

One display format per kind of place: running text and title blocks name a day in words (``3 dec 2026``), table
columns in digits (``03-12-2026``; English ``2026-12-03``, which no reader takes for the 12th of March), a date
field as its language writes a date by hand (``03-12-2026``; English ``3 Dec 2026``), a
period as people say it (``3e kwartaal 2026``, ``Q3 2026``). Dutch writes a decimal comma; a share is a
percentage that never claims 100 % (or 0 %) when it is not. The machine-readable parts of the files (Summary
and Trend sheets, command-line output) keep their contract formats and do not come here.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

from teamlead.i18n import current_language, tr
from teamlead.rules.clock import AMSTERDAM

_MONTHS_SHORT = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
_MONTHS = {
    "nl": (
        *("januari", "februari", "maart", "april", "mei", "juni"),
        *("juli", "augustus", "september", "oktober", "november", "december"),
    ),
    "en": (
        *("January", "February", "March", "April", "May", "June"),
        *("July", "August", "September", "October", "November", "December"),
    ),
}
_WEEKDAYS_SHORT = {
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
GROUPING_FROM = 10_000
"""Whole numbers from five digits on are grouped by thousands (``12.345``); four digits read fine as they are."""


def _dutch() -> bool:
    return current_language() == "nl"


# Numbers and shares


def number(value: float, decimals: int | None = None) -> str:
    """A whole number as is (grouped from :data:`GROUPING_FROM` on), any other with ``decimals`` places (one
    by default), in the language's signs: ``1,5`` and ``12.345`` in Dutch, ``1.5`` and ``12,345`` in English."""
    if isinstance(value, bool):
        value = int(value)
    whole = isinstance(value, int) or (decimals is None and float(value).is_integer())
    if whole and decimals is None:
        count = int(value)
        text = f"{count:,}" if abs(count) >= GROUPING_FROM else str(count)
    else:
        text = f"{value:,.{1 if decimals is None else decimals}f}"
        if abs(value) < GROUPING_FROM:
            text = text.replace(",", "")
    return _signs(text)


def _signs(text: str) -> str:
    """Python's ``,`` (thousands) and ``.`` (decimals) swapped for Dutch."""
    if not _dutch():
        return text
    return text.translate(str.maketrans(",.", ".,"))


def share(value: float) -> str:
    """A share (0..1) as a percentage: whole percents, but never rounded up to 100 % or down to 0 % — such a
    share gets a decimal (``99,7%``), and one too close to show (``99,96…``) reads ``99,9%``."""
    percent = value * 100
    if value >= 1 or value <= 0:
        return f"{_signs(f'{percent:.0f}')}%"
    if 0.5 <= percent < 99.5:
        return f"{math.floor(percent + 0.5)}%"
    tenths = math.floor(percent * 10) / 10 if percent > 50 else math.ceil(percent * 10) / 10
    tenths = min(max(tenths, 0.1), 99.9)
    return f"{_signs(f'{tenths:.1f}')}%"


# Days and moments


def month_words(language: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The month names and their abbreviations of ``language`` (``nl`` or ``en``), January first: what a date
    field reads back (:mod:`teamlead.rules.date_input`)."""
    key = "nl" if language == "nl" else "en"
    return _MONTHS[key], _MONTHS_SHORT[key]


def month_abbreviation(month: int) -> str:
    return _MONTHS_SHORT["nl" if _dutch() else "en"][month - 1]


def month_name(month: int) -> str:
    return _MONTHS["nl" if _dutch() else "en"][month - 1]


def weekday_abbreviation(day: date) -> str:
    return _WEEKDAYS_SHORT["nl" if _dutch() else "en"][day.weekday()]


def day_text(value: date, *, year: bool = True) -> str:
    """A day in running text, title blocks and headings: ``3 dec 2026`` (``3 Dec 2026``)."""
    text = f"{value.day} {month_abbreviation(value.month)}"
    return f"{text} {value.year}" if year else text


def day_cell(value: date) -> str:
    """A day in a table column: ``03-12-2026`` in Dutch, ``2026-12-03`` in English."""
    return f"{value:%d-%m-%Y}" if _dutch() else value.isoformat()


def day_input(value: date) -> str:
    """A day in a date field: ``03-12-2026`` in Dutch, as it is written by hand there; ``3 Dec 2026`` in
    English, where digits alone read differently in Britain and America and a month's name cannot be misread."""
    return f"{value:%d-%m-%Y}" if _dutch() else day_text(value)


def excel_day_format() -> str:
    """:func:`day_cell` as a spreadsheet's display format, for a workbook's real date cells."""
    return "dd-mm-yyyy" if _dutch() else "yyyy-mm-dd"


def moment_text(moment: datetime) -> str:
    """A moment in Amsterdam time, in running text: ``3 dec 2026 14:05``."""
    local = moment.astimezone(AMSTERDAM) if moment.tzinfo is not None else moment
    return f"{day_text(local.date())} {local:%H:%M}"


def moment_cell(moment: datetime) -> str:
    """A moment in a table column: ``03-12-2026 14:05`` (``2026-12-03 14:05``)."""
    local = moment.astimezone(AMSTERDAM) if moment.tzinfo is not None else moment
    return f"{day_cell(local.date())} {local:%H:%M}"


# Periods


def quarter_name(year: int, quarter: int) -> str:
    """``3e kwartaal 2026`` / ``Q3 2026``."""
    return tr("Q{quarter} {year}", quarter=quarter, year=year)


def quarter_short(label: str, *, lines: int = 1) -> str:
    """A Trend column's ``2026-Q3`` for a narrow place (a table header, a chart axis): ``3e kw. 2026`` /
    ``Q3 2026``, on two lines when ``lines`` is 2."""
    year, quarter = label.split("-Q")
    text = tr("Q{quarter}", quarter=quarter)
    return f"{text}\n{year}" if lines == 2 else f"{text} {year}"


def period_name(start: date, end: date) -> str:
    """A period as people say it: a quarter (``3e kwartaal 2026``), a month (``maart 2026``), a year
    (``2026``), else its first and last day (``1 jul – 15 aug 2026``)."""
    after = end + timedelta(days=1)
    if start.day == 1 and after.day == 1:
        months = (after.year - start.year) * 12 + after.month - start.month
        if months == 1:
            return f"{month_name(start.month)} {start.year}"
        if months == 3 and start.month % 3 == 1:
            return quarter_name(start.year, (start.month - 1) // 3 + 1)
        if months == 12 and start.month == 1:
            return str(start.year)
    if start == end:
        return day_text(start)
    return f"{day_text(start, year=start.year != end.year)} – {day_text(end)}"
