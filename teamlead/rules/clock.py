"""Time as the work counts it: Amsterdam's wall clock, whatever the computer's own time zone.

Meetings are planned, days are counted and periods end in Amsterdam time; moments are stored in UTC.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

AMSTERDAM_NAME = "Europe/Amsterdam"
AMSTERDAM = ZoneInfo(AMSTERDAM_NAME)


def amsterdam_now() -> datetime:
    return datetime.now(AMSTERDAM)


def amsterdam_today() -> date:
    return amsterdam_now().date()


def local_day(moment: datetime) -> date:
    """The Amsterdam calendar day of an aware moment."""
    return moment.astimezone(AMSTERDAM).date()
