"""Dates and times as the UI shows them, in the current language: the day and month words are
:mod:`teamlead.rules.formatting`'s, shared with the reports (the vocabulary's words are :mod:`teamlead.rules.words`')."""

from __future__ import annotations

from datetime import date, datetime

from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.formatting import (
    day_cell,
    day_text,
    moment_cell,
    moment_text,
    month_abbreviation,
    weekday_abbreviation,
)

__all__ = [
    "day_cell",
    "day_text",
    "format_date",
    "format_when",
    "moment_cell",
    "moment_text",
    "month_abbreviation",
    "one_line",
    "weekday_abbreviation",
]


def format_date(value: date | None, *, today: date | None = None) -> str:
    """``12 Mar 2026`` (``12 mrt 2026``); the year is left out when it is this year's."""
    if value is None:
        return ""
    return day_text(value, year=today is None or value.year != today.year)


def format_when(moment: datetime, *, today: date | None = None) -> str:
    """A meeting's start in Amsterdam time: ``Tue 3 Mar 14:00``."""
    local = moment.astimezone(AMSTERDAM)
    day = local.date()
    return f"{weekday_abbreviation(day)} {format_date(day, today=today)} {local:%H:%M}"


def one_line(text: str, limit: int = 140) -> str:
    """The first line of a free text, shortened for a list."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
