"""A date as a person types it into a date field, read back into a day: the one rule of every date field in
the app (the field is ``teamlead.ui.widgets.date_field``), pure Python so it is tested without a screen.

Read, the day always before the month (as the Netherlands and Britain write it), in either language:

- digits with ``-``, ``/``, ``.`` or a space between: ``3-12-2026``, ``3/12/2026``, ``3.12.26`` (a two-digit
  year is this century's), ``3-12`` (this year); ISO ``2026-12-03``;
- digits alone: ``03122026``, ``031226``, ``0312`` (this year), ``15`` (the 15th of this month);
- a month by its name or abbreviation, Dutch or English, three letters at least (no month shares them with
  another in the two languages): ``3 dec 2026``, ``3 december`` (this year), ``3 mrt``, ``Dec 3, 2026``;
- words: ``vandaag``/``today``, ``morgen``/``tomorrow``, ``gisteren``/``yesterday``;
- a step from today: ``+3d``, ``-1w``, ``+2w``, ``+1m`` (the same day of the month, or its last), ``+1j``/``+1y``;
  a bare ``+3`` counts days.

"Today" is the caller's: the app's date (which the quarter walked by hand moves), never the computer's clock.
A day outside :data:`~teamlead.rules.limits.FIRST_DAY`..:data:`~teamlead.rules.limits.LAST_DAY` is no date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from teamlead.rules.formatting import month_words
from teamlead.rules.limits import date_in_range

WORDS = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "gisteren": -1, "yesterday": -1}
"""Days named by a word, as steps from today."""

_STEP = re.compile(r"([+-])\s*(\d{1,4})\s*([dwmjy]?)")
_ALLOWED = re.compile(r"[\w\s\-/.,]+")
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_MONTH_PREFIX = 3


def parse_date(text: str, today: date) -> date | None:
    """The day ``text`` names (see the module), or None when it names none."""
    typed = text.strip().casefold()
    if not typed:
        return None
    if typed in WORDS:
        return _checked(lambda: today + timedelta(days=WORDS[typed]))
    step = _STEP.fullmatch(typed)
    if step is not None:
        sign, count, unit = step.groups()
        return _checked(lambda: _stepped(today, int(count) * (-1 if sign == "-" else 1), unit or "d"))
    if _ALLOWED.fullmatch(typed) is None:
        return None
    tokens = _TOKEN.findall(typed)
    words = [token for token in tokens if not token.isdigit()]
    numbers = [token for token in tokens if token.isdigit()]
    if len(words) > 1:
        return None
    if words:
        month = month_of(words[0])
        if month is None or not 1 <= len(numbers) <= 2:
            return None
        year = _year(numbers[1]) if len(numbers) == 2 else today.year
        return _day(year, month, int(numbers[0]))
    return _digits(numbers, today)


def month_of(word: str) -> int | None:
    """The month (1..12) a word names in Dutch or English: its abbreviation (``mrt``), or three or more
    first letters of its name (``dec``, ``sept``, ``maart``); a trailing dot is allowed."""
    word = word.strip().rstrip(".").casefold()
    found: set[int] = set()
    for language in ("nl", "en"):
        names, abbreviations = month_words(language)
        for month, (name, short) in enumerate(zip(names, abbreviations, strict=True), start=1):
            if word == short.casefold() or (len(word) >= _MONTH_PREFIX and name.casefold().startswith(word)):
                found.add(month)
    return found.pop() if len(found) == 1 else None


def _digits(numbers: list[str], today: date) -> date | None:
    if len(numbers) == 1:
        only = numbers[0]
        if len(only) <= 2:
            return _day(today.year, today.month, int(only))
        if len(only) == 4:
            return _day(today.year, int(only[2:]), int(only[:2]))
        if len(only) == 6:
            return _day(_year(only[4:]), int(only[2:4]), int(only[:2]))
        if len(only) == 8:
            as_written = _day(int(only[4:]), int(only[2:4]), int(only[:2]))
            return as_written or _day(int(only[:4]), int(only[4:6]), int(only[6:]))
        return None
    if len(numbers) == 2:
        return _day(today.year, int(numbers[1]), int(numbers[0]))
    if len(numbers) == 3:
        first, month, last = numbers
        if len(first) == 4:  # ISO: year first
            return _day(int(first), int(month), int(last))
        if len(first) <= 2 and len(month) <= 2:
            return _day(_year(last), int(month), int(first))
    return None


def _year(digits: str) -> int:
    """A year as typed: two digits are this century's (a note or meeting is never in the 1900s)."""
    return 2000 + int(digits) if len(digits) == 2 else int(digits) if len(digits) == 4 else -1


def _day(year: int, month: int, day: int) -> date | None:
    return _checked(lambda: date(year, month, day))


def _checked(make: Callable[[], date]) -> date | None:
    """What ``make`` gives, if it is a day at all and one Teamlead takes."""
    try:
        value = make()
    except (ValueError, OverflowError):
        return None
    return value if date_in_range(value) else None


def _stepped(today: date, count: int, unit: str) -> date:
    if unit == "d":
        return today + timedelta(days=count)
    if unit == "w":
        return today + timedelta(weeks=count)
    months = count * (12 if unit in "jy" else 1)
    index = today.year * 12 + today.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))
