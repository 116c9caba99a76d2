"""A date typed the way people type one is read as the day they meant, in Dutch and in English, relative to the
app's today; anything else is no date (and a field then refuses to save it)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from teamlead.i18n import set_language
from teamlead.rules.date_input import month_of, parse_date
from teamlead.rules.formatting import day_input

TODAY = date(2026, 3, 10)  # a Tuesday


@pytest.fixture(params=["nl", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("en")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("3-12-2026", date(2026, 12, 3)),
        ("03-12-2026", date(2026, 12, 3)),
        ("3/12/2026", date(2026, 12, 3)),
        ("3.12.2026", date(2026, 12, 3)),
        ("3 12 2026", date(2026, 12, 3)),
        ("3-12-26", date(2026, 12, 3)),
        ("3-12", date(2026, 12, 3)),
        ("2026-12-03", date(2026, 12, 3)),
        ("03122026", date(2026, 12, 3)),
        ("20261203", date(2026, 12, 3)),
        ("031226", date(2026, 12, 3)),
        ("0312", date(2026, 12, 3)),
        ("15", date(2026, 3, 15)),
        ("  3-12-2026  ", date(2026, 12, 3)),
    ],
)
def test_digits_are_read_day_first_in_both_languages(language: str, typed: str, meant: date) -> None:
    assert parse_date(typed, TODAY) == meant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("3 dec 2026", date(2026, 12, 3)),
        ("3 december", date(2026, 12, 3)),
        ("3 December 2026", date(2026, 12, 3)),
        ("3 dec.", date(2026, 12, 3)),
        ("Dec 3, 2026", date(2026, 12, 3)),
        ("3 mrt", date(2026, 3, 3)),
        ("3 maart 2027", date(2027, 3, 3)),
        ("3 March", date(2026, 3, 3)),
        ("1 mei", date(2026, 5, 1)),
        ("1 May", date(2026, 5, 1)),
        ("12 okt", date(2026, 10, 12)),
        ("12 Oct 2026", date(2026, 10, 12)),
        ("9 sept", date(2026, 9, 9)),
        ("29 feb 2028", date(2028, 2, 29)),
    ],
)
def test_month_names_are_read_in_dutch_and_english(language: str, typed: str, meant: date) -> None:
    assert parse_date(typed, TODAY) == meant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("vandaag", TODAY),
        ("today", TODAY),
        ("Morgen", date(2026, 3, 11)),
        ("tomorrow", date(2026, 3, 11)),
        ("gisteren", date(2026, 3, 9)),
        ("+3d", date(2026, 3, 13)),
        ("+3", date(2026, 3, 13)),
        ("+ 3 d", date(2026, 3, 13)),
        ("+2w", date(2026, 3, 24)),
        ("-1w", date(2026, 3, 3)),
        ("+1m", date(2026, 4, 10)),
        ("-3m", date(2025, 12, 10)),
        ("+1j", date(2027, 3, 10)),
        ("+1y", date(2027, 3, 10)),
    ],
)
def test_words_and_steps_count_from_the_given_today(language: str, typed: str, meant: date) -> None:
    assert parse_date(typed, TODAY) == meant


def test_a_month_later_is_the_same_day_or_the_months_last() -> None:
    assert parse_date("+1m", date(2026, 1, 31)) == date(2026, 2, 28)
    assert parse_date("+1y", date(2028, 2, 29)) == date(2029, 2, 28)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "x",
        "31-02-2026",
        "3-13-2026",
        "0-12-2026",
        "3 ma",  # maart, March or May
        "3 dec 2026 extra",
        "3 dec 2026 4",
        "dec",
        "3-12-202",
        "2026-12",
        "+3x",
        "3;12;2026",
        "1-1-1800",  # before the first day Teamlead takes
        "1-1-2200",
        "+99999d",
    ],
)
def test_what_names_no_day_is_no_date(language: str, typed: str) -> None:
    assert parse_date(typed, TODAY) is None


def test_no_month_shares_three_letters_with_another_in_the_two_languages() -> None:
    assert [month_of(word) for word in ("jan", "feb", "mrt", "mar", "apr", "mei", "may", "jun", "jul")] == [
        *(1, 2, 3, 3, 4, 5, 5, 6, 7)
    ]
    assert [month_of(word) for word in ("aug", "sep", "okt", "oct", "nov", "dec")] == [8, 9, 10, 10, 11, 12]
    assert month_of("ju") is None


def test_what_a_field_shows_reads_back_as_the_same_day(language: str) -> None:
    for day in (date(2026, 12, 3), date(2026, 1, 1), date(1900, 1, 1), date(2199, 12, 31)):
        assert parse_date(day_input(day), TODAY) == day


def test_a_field_shows_the_day_as_its_language_writes_one_by_hand(language: str) -> None:
    shown = day_input(date(2026, 12, 3))
    assert shown == ("03-12-2026" if language == "nl" else "3 Dec 2026")
