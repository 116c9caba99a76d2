"""The period rules of shared/interface.md: defaults, --from alone, --to alone, quarters."""

from __future__ import annotations

from datetime import date

import pytest

from teamlead.errors import UsageError
from teamlead.reporting.periods import Period, parse_date, quarter_label, resolve_period, trend_quarters

TODAY = date(2026, 11, 23)


def test_no_dates_gives_the_last_full_quarter_before_today() -> None:
    assert resolve_period(None, None, TODAY) == Period(date(2026, 7, 1), date(2026, 9, 30))
    assert resolve_period(None, None, date(2026, 1, 1)) == Period(date(2025, 10, 1), date(2025, 12, 31))
    assert resolve_period(None, None, date(2026, 3, 31)) == Period(date(2025, 10, 1), date(2025, 12, 31))


def test_from_alone_runs_to_today_and_to_alone_starts_its_quarter() -> None:
    assert resolve_period(date(2026, 2, 3), None, TODAY) == Period(date(2026, 2, 3), TODAY)
    assert resolve_period(None, date(2026, 5, 20), TODAY) == Period(date(2026, 4, 1), date(2026, 5, 20))


def test_from_after_to_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as raised:
        resolve_period(date(2026, 9, 2), date(2026, 9, 1), TODAY)
    assert raised.value.exit_code == 2
    assert "2026-09-02" in raised.value.message


def test_a_bad_date_names_the_option() -> None:
    with pytest.raises(UsageError, match="--to"):
        parse_date("31-03-2026", "--to")


def test_trend_has_eight_quarters_ending_with_the_period() -> None:
    quarters = trend_quarters(Period(date(2026, 7, 1), date(2026, 9, 30)))
    assert [quarter_label(q.start) for q in quarters] == [
        "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3",
    ]  # fmt: skip
    assert quarters[-1].end == date(2026, 9, 30)


def test_a_whole_quarter_is_labelled_as_one() -> None:
    assert Period(date(2026, 7, 1), date(2026, 9, 30)).label() == "2026-Q3"
    assert Period(date(2026, 7, 2), date(2026, 9, 30)).label() == "2026-07-02 – 2026-09-30"
