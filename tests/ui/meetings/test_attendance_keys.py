"""Attendance keys read right in each language: the digits everywhere, letters only in English (in Dutch, A
would suggest "aanwezig", present, where English A means absent)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from teamlead.i18n import set_language
from teamlead.rules.vocabulary import Attendance
from teamlead.ui.meetings.page_models import attendance_key_label, attendance_keys


@pytest.fixture
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("en")


def test_the_digits_mark_attendance_in_both_languages(dutch: None) -> None:
    dutch_keys = attendance_keys()
    set_language("en")
    english_keys = attendance_keys()
    for keys in (dutch_keys, english_keys):
        assert keys[Qt.Key.Key_1.value] == Attendance.PRESENT
        assert keys[Qt.Key.Key_2.value] == Attendance.EXCUSED
        assert keys[Qt.Key.Key_3.value] == Attendance.ABSENT
        assert keys[Qt.Key.Key_0.value] == Attendance.INVITED
    assert english_keys[Qt.Key.Key_A.value] == Attendance.ABSENT
    assert attendance_key_label(Attendance.PRESENT) == "1 or P"


def test_dutch_has_no_letter_that_reads_the_other_way(dutch: None) -> None:
    keys = attendance_keys()
    assert Qt.Key.Key_A.value not in keys
    assert Qt.Key.Key_P.value not in keys
    assert [attendance_key_label(value) for value in (Attendance.PRESENT, Attendance.EXCUSED)] == ["1", "2"]
