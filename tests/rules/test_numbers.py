"""A number as typed on the neighbourhood page or written in an indicators sheet reads the same."""

from __future__ import annotations

import pytest

from teamlead.rules.numbers import typed_number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("79,5", 79.5),
        ("79.5", 79.5),
        (" 102 ", 102.0),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),  # read as 1.2345 by the import's own reading before it used this one
        ("1 234,5", 1234.5),
        ("-3,2", -3.2),
        ("veel", None),
        ("", None),
        ("inf", None),
        ("nan", None),
    ],
)
def test_a_typed_number(text: str, number: float | None) -> None:
    assert typed_number(text) == number
