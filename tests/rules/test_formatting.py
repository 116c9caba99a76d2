"""Figures, days and periods read the same in every report and screen, in the language chosen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from teamlead.i18n import set_language
from teamlead.rules import formatting as f


@pytest.fixture
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("en")


def test_dutch_writes_a_decimal_comma_and_groups_only_long_numbers(dutch: None) -> None:
    assert f.number(2.5, 1) == "2,5"
    assert f.number(2.0, 1) == "2,0"
    assert f.number(3986) == "3986"
    assert f.number(12345) == "12.345"
    assert f.number(12345.5, 1) == "12.345,5"


def test_english_writes_a_decimal_point() -> None:
    assert f.number(1.5) == "1.5"
    assert f.number(12345) == "12,345"


@pytest.mark.parametrize(
    ("value", "english", "dutch_text"),
    [
        (1, "100%", "100%"),
        (0, "0%", "0%"),
        (0.52, "52%", "52%"),
        (0.525, "53%", "53%"),
        (0.997, "99.7%", "99,7%"),
        (0.9996, "99.9%", "99,9%"),
        (0.995, "99.5%", "99,5%"),
        (0.003, "0.3%", "0,3%"),
        (0.00001, "0.1%", "0,1%"),
    ],
)
def test_a_share_is_a_percentage_never_rounded_to_all_or_nothing(
    value: float, english: str, dutch_text: str
) -> None:
    assert f.share(value) == english
    set_language("nl")
    try:
        assert f.share(value) == dutch_text
    finally:
        set_language("en")


def test_days_in_text_and_in_table_columns(dutch: None) -> None:
    day = date(2026, 12, 3)
    assert f.day_text(day) == "3 dec 2026"
    assert f.day_cell(day) == "03-12-2026"
    assert f.moment_text(datetime(2026, 12, 3, 13, 5, tzinfo=UTC)) == "3 dec 2026 14:05"  # Amsterdam time
    set_language("en")
    assert (f.day_text(day), f.day_cell(day)) == ("3 Dec 2026", "2026-12-03")


def test_a_period_is_named_as_people_say_it(dutch: None) -> None:
    assert f.period_name(date(2026, 7, 1), date(2026, 9, 30)) == "3e kwartaal 2026"
    assert f.period_name(date(2026, 3, 1), date(2026, 3, 31)) == "maart 2026"
    assert f.period_name(date(2026, 1, 1), date(2026, 12, 31)) == "2026"
    assert f.period_name(date(2026, 7, 1), date(2026, 8, 15)) == "1 jul – 15 aug 2026"
    assert f.period_name(date(2025, 12, 1), date(2026, 1, 15)) == "1 dec 2025 – 15 jan 2026"
    assert f.quarter_short("2026-Q3") == "3e kw. 2026"
    set_language("en")
    assert f.period_name(date(2026, 7, 1), date(2026, 9, 30)) == "Q3 2026"
    assert f.quarter_short("2026-Q3", lines=2) == "Q3\n2026"
