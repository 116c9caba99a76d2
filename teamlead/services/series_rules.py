"""Recurrence rules of meeting series: validation and expansion in Amsterdam wall-clock time.

Pure functions, no database. A series' rule is expanded in *local* time (naive datetimes) and only then given
its time zone, so a meeting at 14:00 stays at 14:00 across the changes to and from summer time; converting to
UTC first would move it by an hour twice a year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.clock import AMSTERDAM_NAME, is_time_zone

KEY_FORMAT = "%Y-%m-%dT%H:%M"
ALLOWED_FREQUENCIES = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})
# Parts that would give a meeting another time of day than the series' start time, or that we cannot export.
FORBIDDEN_PARTS = frozenset({"BYHOUR", "BYMINUTE", "BYSECOND", "DTSTART", "EXDATE", "RDATE"})
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Timing:
    """When a series' meetings take place: the rule, from which date, at what local time, for how long."""

    rrule: str
    first_date: date
    start_time: time
    duration_minutes: int
    timezone: str = AMSTERDAM_NAME

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def monthly_on_nth_weekday(n: int, weekday: int) -> str:
    """The rule for "every ``n``-th weekday of the month" (``n`` = -1 for the last); weekday 0 is Monday."""
    return f"FREQ=MONTHLY;BYDAY={n}{WEEKDAY_CODES[weekday]}"


def every_n_weeks(n: int) -> str:
    """The rule for "every ``n`` weeks" on the weekday of the first date."""
    return "FREQ=WEEKLY" if n == 1 else f"FREQ=WEEKLY;INTERVAL={n}"


def normalise_rule(text: str) -> str:
    """The rule in upper case without an ``RRULE:`` prefix or blanks, as stored and exported."""
    cleaned = "".join(text.split()).upper()
    if cleaned.startswith("RRULE:"):
        cleaned = cleaned[len("RRULE:") :]
    return cleaned.strip(";")


def parse_rule(text: str, start: datetime) -> rrule:
    """The dateutil rule for ``text`` from the naive local ``start``; refuses what a series cannot be."""
    cleaned = normalise_rule(text)
    names = [part.split("=", 1)[0] for part in cleaned.split(";")]
    if "FREQ" not in names:
        raise ValidationError(
            "rrule", tr("The repetition needs a frequency (FREQ=WEEKLY, FREQ=MONTHLY, ...).")
        )
    for name in names:
        if name in FORBIDDEN_PARTS or ":" in name:
            raise ValidationError(
                "rrule",
                tr("The repetition cannot contain {part}: a series meets at its own start time.", part=name),
            )
    try:
        rule = rrulestr(cleaned, dtstart=start)
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise ValidationError(
            "rrule", tr("The repetition {rule} is not understood: {reason}", rule=cleaned, reason=error)
        ) from error
    if not isinstance(rule, rrule):
        raise ValidationError(
            "rrule", tr("The repetition {rule} is not understood: {reason}", rule=cleaned, reason="set")
        )
    frequency = dict(part.split("=", 1) for part in cleaned.split(";") if "=" in part).get("FREQ")
    if frequency not in ALLOWED_FREQUENCIES:
        raise ValidationError(
            "rrule", tr("A series repeats daily, weekly, monthly or yearly, not more often.")
        )
    return rule


def validate_timing(timing: Timing) -> Timing:
    """The timing with its first date moved to the rule's first occurrence; raises naming the bad field.

    iCalendar counts DTSTART as an occurrence even when the rule does not produce it, dateutil does not;
    moving the first date onto the rule makes the app and every calendar agree.
    """
    if not 1 <= timing.duration_minutes <= 24 * 60:
        raise ValidationError("duration_minutes", tr("The duration must be between 1 minute and 24 hours."))
    if not is_time_zone(timing.timezone):
        raise ValidationError("timezone", tr("Unknown time zone {zone}.", zone=timing.timezone))
    if not isinstance(timing.start_time, time) or not isinstance(timing.first_date, date):
        raise ValidationError("start_time", tr("The start is not a date and a time of day."))
    start = datetime.combine(timing.first_date, timing.start_time.replace(second=0, microsecond=0))
    rule = parse_rule(timing.rrule, start)
    first = rule.after(start, inc=True)
    if first is None:
        raise ValidationError("rrule", tr("The repetition gives no meeting on or after the first date."))
    return Timing(
        rrule=normalise_rule(timing.rrule),
        first_date=first.date(),
        start_time=start.time(),
        duration_minutes=timing.duration_minutes,
        timezone=timing.timezone,
    )


def local_starts(timing: Timing, *, after: datetime | None = None, until: date) -> list[datetime]:
    """The naive local starts of the rule up to and including the day ``until``, later than ``after``."""
    start = datetime.combine(timing.first_date, timing.start_time)
    rule = parse_rule(timing.rrule, start)
    end = datetime.combine(until, time(23, 59, 59))
    if after is None:
        return list(rule.between(start, end, inc=True))
    return list(rule.between(after, end, inc=False))


def occurrence_key(local_start: datetime) -> str:
    """The stable name of an occurrence: its original local start, ``YYYY-MM-DDTHH:MM``."""
    return local_start.strftime(KEY_FORMAT)


def key_to_local(key: str) -> datetime:
    return datetime.strptime(key, KEY_FORMAT)


def to_utc(local_start: datetime, zone: ZoneInfo) -> datetime:
    """A naive local wall-clock time as an aware UTC moment (a time skipped in spring counts as after it)."""
    return local_start.replace(tzinfo=zone).astimezone(UTC)


def span_utc(local_start: datetime, duration_minutes: int, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """Start and end in UTC of a meeting starting at ``local_start`` (wall clock) for ``duration_minutes``."""
    start = to_utc(local_start, zone)
    return start, start + timedelta(minutes=duration_minutes)


def rule_until(rule_text: str) -> str | None:
    """The UNTIL part of a rule, if any."""
    for part in normalise_rule(rule_text).split(";"):
        if part.startswith("UNTIL="):
            return part[len("UNTIL=") :]
    return None


def with_until(rule_text: str, last_local_day: date) -> str:
    """The rule ending with the day ``last_local_day`` (COUNT dropped; UNTIL as a local end of that day)."""
    parts = [p for p in normalise_rule(rule_text).split(";") if not p.startswith(("UNTIL=", "COUNT="))]
    parts.append(f"UNTIL={last_local_day:%Y%m%d}T235959")
    return ";".join(parts)
