"""Time as the work counts it: Amsterdam's wall clock, whatever the computer's own time zone.

Meetings are planned, days are counted and periods end in Amsterdam time; moments are stored in UTC.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

AMSTERDAM_NAME = "Europe/Amsterdam"
AMSTERDAM = ZoneInfo(AMSTERDAM_NAME)


def amsterdam_now() -> datetime:
    return datetime.now(AMSTERDAM)


def amsterdam_today() -> date:
    return amsterdam_now().date()


def local_day(moment: datetime) -> date:
    """The Amsterdam calendar day of an aware moment."""
    return moment.astimezone(AMSTERDAM).date()


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def is_time_zone(name: object) -> bool:
    """Whether ``name`` is a time zone of the IANA list (as the system or the tzdata package has it).

    Stricter than :class:`~zoneinfo.ZoneInfo`, which also opens any file below its folders that looks like
    one (``posixrules``); only names of the list are stored, so a tampered value never reaches a lookup.
    """
    if not isinstance(name, str):
        return False
    zones = _zones()
    if zones:
        return name in zones
    try:  # no list to read (a system without zoneinfo files): ask for the zone itself
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
