"""Dates and times as the UI shows them, in the current language (the vocabulary's words are
:mod:`teamlead.rules.words`')."""

from __future__ import annotations

from datetime import date, datetime

from teamlead.rules.clock import AMSTERDAM

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_abbreviation(month: int) -> str:
    from teamlead.i18n import current_language

    if current_language() == "nl":
        return ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")[month - 1]
    return _MONTHS_EN[month - 1]


def weekday_abbreviation(day: date) -> str:
    from teamlead.i18n import current_language

    names = (
        ("ma", "di", "wo", "do", "vr", "za", "zo")
        if current_language() == "nl"
        else ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    )
    return names[day.weekday()]


def format_date(value: date | None, *, today: date | None = None) -> str:
    """``12 Mar 2026`` (``12 mrt 2026``); the year is left out when it is this year's."""
    if value is None:
        return ""
    text = f"{value.day} {month_abbreviation(value.month)}"
    if today is None or value.year != today.year:
        text += f" {value.year}"
    return text


def format_when(moment: datetime, *, today: date | None = None) -> str:
    """A meeting's start in Amsterdam time: ``Tue 3 Mar 14:00``."""
    local = moment.astimezone(AMSTERDAM)
    day = local.date()
    return f"{weekday_abbreviation(day)} {format_date(day, today=today)} {local:%H:%M}"


def one_line(text: str, limit: int = 140) -> str:
    """The first line of a free text, shortened for a list."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
