"""The warning for a resident's personal data in a note: BSNs that pass the eleven-test, dates of birth."""

from __future__ import annotations

from datetime import date

import pytest

from teamlead.i18n import set_language
from teamlead.services.personal_data import find_personal_data, is_bsn, personal_data_warning

TODAY = date(2026, 3, 2)


@pytest.mark.parametrize("number", ["111222333", "123456782", "999999990"])
def test_valid_bsns_pass_the_eleven_test(number: str) -> None:
    assert is_bsn(number)


@pytest.mark.parametrize(
    "number", ["123456789", "111222334", "000000000", "12345678", "1234567820", "abcdefghi"]
)
def test_invalid_bsns_do_not(number: str) -> None:
    assert not is_bsn(number)


@pytest.mark.parametrize(
    "text",
    [
        "Mevrouw met BSN 111222333 kwam langs.",
        "bsn: 1112.22.333",
        "burgerservicenummer 123 45 67 82 doorgegeven",
        "Meneer (geb. 12-03-1954) woont alleen.",
        "geboren op 3/7/1988, zoekt werk",
        "Born 01.02.2001",
    ],
)
def test_warns_for_personal_data(text: str) -> None:
    assert personal_data_warning(text, today=TODAY) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Gebeld met 020 555 1234 over de buurtbarbecue.",
        "Zaaknummer 123456789 is afgerond.",  # nine digits, but fails the eleven-test
        "Overleg op 12-03-2026 met het jongerenwerk.",  # a date, but no birth word
        "Telefoon 0612345678",
        "geb. 31-02-1990",  # not a real date
        "geboren 01-01-2090",  # in the future
    ],
)
def test_no_warning_for_ordinary_notes(text: str) -> None:
    assert personal_data_warning(text, today=TODAY) is None


def test_findings_point_at_the_text_and_the_warning_is_dutch() -> None:
    text = "BSN 111222333, geb. 12-03-1954"
    findings = find_personal_data(text, today=TODAY)
    assert [(f.kind, text[f.start : f.end]) for f in findings] == [
        ("bsn", "111222333"),
        ("birth_date", "12-03-1954"),
    ]
    set_language("nl")
    warning = personal_data_warning(text, today=TODAY)
    assert warning is not None
    assert "BSN" in warning
    assert "geboortedatum" in warning
