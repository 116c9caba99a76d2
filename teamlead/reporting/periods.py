"""Report periods: inclusive date ranges, calendar quarters, and the command line's defaults.

The rules are those of ``shared/interface.md`` ("Periods"): no dates means the last full calendar quarter
before today; ``--from`` alone runs to today; ``--to`` alone starts on the first day of its quarter.
Meetings start at a moment in time, so a period also knows its bounds in UTC for Amsterdam's calendar days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from teamlead.errors import UsageError
from teamlead.i18n import tr
from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.limits import FIRST_DAY, LAST_DAY, date_in_range

TREND_QUARTERS = 8


@dataclass(frozen=True, order=True)
class Period:
    """``start``..``end``, both days included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"period starts {self.start} after it ends {self.end}")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def utc_bounds(self) -> tuple[datetime, datetime]:
        """[first moment, moment after the last) of the period in Amsterdam, as aware UTC datetimes."""
        return local_midnight(self.start), local_midnight(self.end + timedelta(days=1))

    def label(self) -> str:
        """``2026-Q3`` for a whole calendar quarter, else ``2026-07-01 – 2026-08-15``."""
        quarter = quarter_of(self.start)
        if quarter == self:
            return quarter_label(self.start)
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


@dataclass(frozen=True)
class Counted:
    """What a report made at ``made_at`` counts of ``period`` (``shared/interface.md``, "The district report").

    A period is complete when it ended before the day the report is made (Amsterdam time); otherwise it is
    interim, and only what is dated up to today counts: notes, joins, agreements made and done on days up to
    today, meetings that started before the moment the report is made, states (active, overdue) on today.
    """

    period: Period
    made_at: datetime
    """Aware."""

    @property
    def today(self) -> date:
        return local_date(self.made_at)

    @property
    def complete(self) -> bool:
        return self.period.end < self.today

    @property
    def last(self) -> date:
        """The day states are counted on: the period's last day, or today when that is earlier."""
        return min(self.period.end, self.today)

    @property
    def days(self) -> Period | None:
        """The days whose events count: the period up to :attr:`last`; None when it starts after today."""
        return Period(self.period.start, self.last) if self.period.start <= self.last else None

    def counts_day(self, day: date | None) -> bool:
        return day is not None and self.period.start <= day <= self.last

    def counts_meeting(self, starts_at: datetime) -> bool:
        """A meeting counts (as held, if not cancelled) when it started in the period before the report."""
        return local_date(starts_at) in self.period and starts_at < self.made_at


def amsterdam_today() -> date:
    """Today in Amsterdam, the day the command line's defaults ("from today", "last quarter") count from."""
    return datetime.now(AMSTERDAM).date()


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), AMSTERDAM).astimezone(UTC)


def local_date(moment: datetime) -> date:
    """The Amsterdam calendar day of an aware moment."""
    return moment.astimezone(AMSTERDAM).date()


def quarter_of(day: date) -> Period:
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    next_start = date(day.year + 1, 1, 1) if first_month == 10 else date(day.year, first_month + 3, 1)
    return Period(start, next_start - timedelta(days=1))


def quarter_label(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def previous_quarter(quarter: Period) -> Period:
    return quarter_of(quarter.start - timedelta(days=1))


def last_full_quarter(today: date) -> Period:
    """The last calendar quarter that ended before ``today``."""
    return previous_quarter(quarter_of(today))


def trend_quarters(period: Period, count: int = TREND_QUARTERS) -> list[Period]:
    """The ``count`` calendar quarters ending with the one that holds the period's last day, oldest first."""
    quarters = [quarter_of(period.end)]
    while len(quarters) < count:
        quarters.append(previous_quarter(quarters[-1]))
    return quarters[::-1]


def parse_date(text: str, option: str) -> date:
    """An ISO date from the command line within 1900–2199 (:data:`~teamlead.rules.limits.FIRST_DAY`), or a
    usage error naming the option."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            tr(
                "{option}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31.",
                option=option,
                value=text,
            )
        ) from None
    if not date_in_range(day):
        raise UsageError(
            tr(
                "{option}: {value} is outside the dates Teamlead takes ({first} to {last}).",
                option=option,
                value=day.isoformat(),
                first=FIRST_DAY.isoformat(),
                last=LAST_DAY.isoformat(),
            )
        )
    return day


def resolve_period(start: date | None, end: date | None, today: date) -> Period:
    """The period the command line's ``--from``/``--to`` describe, by the interface's rules."""
    if start is None and end is None:
        return last_full_quarter(today)
    if end is None:
        assert start is not None
        end = today
    if start is None:
        start = quarter_of(end).start
    check_order(start, end)
    return Period(start, end)


def check_order(start: date, end: date | None) -> None:
    """``--from`` after ``--to`` is wrong usage (exit 2) for every command that takes both."""
    if end is not None and start > end:
        raise UsageError(
            tr(
                "--from ({start}) is after --to ({end}); swap them.",
                start=start.isoformat(),
                end=end.isoformat(),
            )
        )
