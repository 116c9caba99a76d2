"""An imported remark is appended with its day unless the same text is there already (so re-imports add
nothing), and a short text inside another remark's words is not taken for it."""

from __future__ import annotations

from datetime import date

from teamlead.services.remarks import holds_remark, with_remark

DAY = date(2026, 11, 23)


def test_a_remark_is_appended_as_a_dated_line() -> None:
    assert with_remark("", "Belt altijd terug", DAY) == "2026-11-23: Belt altijd terug"
    assert with_remark("Eigen notitie\n", "  Belt altijd terug ", DAY) == (
        "Eigen notitie\n2026-11-23: Belt altijd terug"
    )


def test_the_same_text_is_not_appended_twice_whatever_its_day() -> None:
    remarks = "2025-01-02: Belt altijd terug\nZaal op woensdag"
    assert holds_remark(remarks, "Belt altijd terug")
    assert holds_remark(remarks, "Zaal op woensdag")
    assert with_remark(remarks, "Belt altijd terug", DAY) == remarks
    several = "2025-01-02: Eerste regel\ntweede regel"
    assert holds_remark(several, "Eerste regel\ntweede regel")


def test_a_text_inside_other_words_is_a_new_remark() -> None:
    remarks = "2025-01-02: Belt altijd terug binnen een dag"
    assert not holds_remark(remarks, "terug")
    assert not holds_remark(remarks, "Belt altijd terug")
    assert with_remark(remarks, "terug", DAY) == f"{remarks}\n2026-11-23: terug"
    assert not holds_remark("a.b", ".")  # the text is matched literally, not as a pattern
