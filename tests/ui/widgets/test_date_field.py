"""The date field: what a person types (in Dutch and in English, as digits, words or steps from the app's today)
becomes the day they meant and is shown in the field's one format; a wrong text is marked and refused; the
calendar opens on the field's day in the app's language and picking a day fills the field."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from teamlead.errors import ValidationError
from teamlead.i18n import set_language
from teamlead.ui.widgets.date_field import DateField

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen popups cannot grab keys

TODAY = date(2026, 3, 10)  # the app's today, far from the computer's


@pytest.fixture
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("en")


def field(qtbot: QtBot, value: date | None = TODAY) -> DateField:
    made = DateField(value, today=lambda: TODAY)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def retype(qtbot: QtBot, made: DateField, text: str) -> None:
    """Select what the field holds, type ``text`` and press Enter, as a person does."""
    made.line.setFocus()
    made.line.selectAll()
    qtbot.keyClicks(made.line, text)
    qtbot.keyClick(made.line, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("typed", "meant", "shown"),
    [
        ("3-12-2026", date(2026, 12, 3), "03-12-2026"),
        ("3/12/2026", date(2026, 12, 3), "03-12-2026"),
        ("3 december", date(2026, 12, 3), "03-12-2026"),
        ("3 mrt", date(2026, 3, 3), "03-03-2026"),
        ("3-12", date(2026, 12, 3), "03-12-2026"),
        ("2026-12-03", date(2026, 12, 3), "03-12-2026"),
        ("morgen", date(2026, 3, 11), "11-03-2026"),
        ("+2w", date(2026, 3, 24), "24-03-2026"),
        ("-1w", date(2026, 3, 3), "03-03-2026"),
    ],
)
def test_dutch_typing_reads_the_day_and_shows_it_as_dutch_writes_it(
    qtbot: QtBot, dutch: None, typed: str, meant: date, shown: str
) -> None:
    made = field(qtbot)
    retype(qtbot, made, typed)
    assert made.value() == meant
    assert made.line.text() == shown
    assert made.problem() is None


@pytest.mark.parametrize(
    ("typed", "meant", "shown"),
    [
        ("3 dec 2026", date(2026, 12, 3), "3 Dec 2026"),
        ("3/12/2026", date(2026, 12, 3), "3 Dec 2026"),
        ("December 3", date(2026, 12, 3), "3 Dec 2026"),
        ("today", TODAY, "10 Mar 2026"),
        ("tomorrow", date(2026, 3, 11), "11 Mar 2026"),
        ("+1m", date(2026, 4, 10), "10 Apr 2026"),
        ("+3d", date(2026, 3, 13), "13 Mar 2026"),
    ],
)
def test_english_typing_reads_the_day_and_shows_the_months_name(
    qtbot: QtBot, typed: str, meant: date, shown: str
) -> None:
    made = field(qtbot)
    retype(qtbot, made, typed)
    assert (made.value(), made.line.text()) == (meant, shown)


def test_the_weekday_stands_beside_the_day_and_a_step_shows_the_day_it_reads_while_typing(
    qtbot: QtBot, dutch: None
) -> None:
    made = field(qtbot)
    assert made.hint.text() == "dinsdag"
    made.line.selectAll()
    qtbot.keyClicks(made.line, "+2w")
    assert made.hint.text() == "di 24 mrt 2026"
    qtbot.keyClick(made.line, Qt.Key.Key_Return)
    assert (made.line.text(), made.hint.text()) == ("24-03-2026", "dinsdag")


def test_leaving_the_field_shows_what_was_typed_in_the_fields_format(qtbot: QtBot, dutch: None) -> None:
    made = field(qtbot)
    other = field(qtbot)
    made.line.setFocus()
    made.line.selectAll()
    qtbot.keyClicks(made.line, "3 december")
    other.line.setFocus()  # Tab or a click elsewhere
    qtbot.waitUntil(lambda: made.line.text() == "03-12-2026")


def test_a_changed_day_is_signalled_once(qtbot: QtBot) -> None:
    made = field(qtbot)
    days: list[date | None] = []
    made.changed.connect(days.append)
    made.line.selectAll()
    qtbot.keyClicks(made.line, "1-4-2026")
    qtbot.keyClick(made.line, Qt.Key.Key_Return)
    # "1" is the 1st of this month, "1-4" this year's 1 April, "1-4-2" no date, "1-4-20" 2020's; Enter: nothing new
    assert days == [date(2026, 3, 1), date(2026, 4, 1), None, date(2020, 4, 1), None, date(2026, 4, 1)]


def test_a_text_that_names_no_day_is_marked_and_refused(qtbot: QtBot, dutch: None) -> None:
    made = field(qtbot)
    retype(qtbot, made, "31-02-2026")
    assert made.value() is None
    assert made.line.text() == "31-02-2026"  # left as typed, for the person to mend
    assert made.line.property("invalid") is True
    assert "#c62828" in made.line.styleSheet()
    assert made.hint.text() == "Geen datum"
    with pytest.raises(ValidationError) as refused:
        made.checked_value("occurred_on")
    assert refused.value.field == "occurred_on"
    assert refused.value.message == (
        "“31-02-2026” is geen datum. Typ bijvoorbeeld 10-03-2026, 3 dec, +2w of vandaag."
    )
    retype(qtbot, made, "28-02-2026")
    assert made.line.property("invalid") is False
    assert made.line.styleSheet() == ""
    assert made.checked_value("occurred_on") == date(2026, 2, 28)


def test_an_empty_field_asks_for_a_date_and_a_disabled_one_is_never_refused(qtbot: QtBot) -> None:
    made = field(qtbot, None)
    assert made.value() is None
    assert made.problem() == "Type a date, for example 10 Mar 2026."
    made.setEnabled(False)
    assert made.problem() is None


def test_up_and_down_step_a_day(qtbot: QtBot) -> None:
    made = field(qtbot)
    made.line.setFocus()
    qtbot.keyClick(made.line, Qt.Key.Key_Up)
    qtbot.keyClick(made.line, Qt.Key.Key_Up)
    qtbot.keyClick(made.line, Qt.Key.Key_Down)
    assert made.value() == date(2026, 3, 11)


def _day_cell(view: QTableView, day: int) -> tuple[int, int]:
    """The row and column of ``day`` of the month shown (in the weeks between the first and the last)."""
    model = view.model()
    for row in range(2, 5):
        for column in range(model.columnCount()):
            if model.index(row, column).data() == day:
                return row, column
    raise AssertionError(f"no {day} in the month shown")


def test_alt_down_opens_the_calendar_on_the_fields_day_in_dutch_and_enter_picks(
    qtbot: QtBot, dutch: None
) -> None:
    made = field(qtbot, date(2026, 12, 3))
    made.line.setFocus()
    qtbot.keyClick(made.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = made.popup
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    calendar = popup.calendar
    assert calendar.selectedDate() == QDate(2026, 12, 3)
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert calendar.locale().monthName(12) == "december"
    assert calendar.locale().dayName(1, calendar.locale().FormatType.ShortFormat) == "ma"
    assert calendar.dateTextFormat(QDate(TODAY)).fontWeight() == 700  # the app's today stands out
    view = calendar.findChild(QTableView)
    assert view is not None
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert (made.value(), made.line.text()) == (date(2026, 12, 4), "04-12-2026")


def test_the_button_opens_the_calendar_and_a_click_on_a_day_picks_it(qtbot: QtBot) -> None:
    made = field(qtbot)
    qtbot.mouseClick(made.button, Qt.MouseButton.LeftButton)
    popup = made.popup
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert popup.calendar.locale().monthName(3) == "March"
    view = popup.calendar.findChild(QTableView)
    assert view is not None
    row, column = _day_cell(view, 19)
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(view.model().index(row, column)).center(),
    )
    assert not popup.isVisible()
    assert (made.value(), made.line.text()) == (date(2026, 3, 19), "19 Mar 2026")


def test_f4_opens_the_calendar_on_today_when_the_field_names_no_day(qtbot: QtBot) -> None:
    made = field(qtbot, None)
    made.line.setFocus()
    qtbot.keyClick(made.line, Qt.Key.Key_F4)
    assert made.popup is not None
    qtbot.waitUntil(made.popup.isVisible)
    assert made.popup.calendar.selectedDate() == QDate(TODAY)
    qtbot.keyClick(made.popup, Qt.Key.Key_Escape)
    assert not made.popup.isVisible()
    assert made.value() is None


def test_a_switched_off_field_is_not_marked_wrong_until_switched_on_again(qtbot: QtBot) -> None:
    made = field(qtbot)
    retype(qtbot, made, "soon")
    assert made.line.property("invalid") is True
    made.setEnabled(False)  # the follow-up box unticked
    assert made.line.property("invalid") is False
    assert made.problem() is None
    made.setEnabled(True)
    assert made.line.property("invalid") is True
    assert made.hint.text() == "Not a date"
    made.set_value(None)  # emptied by the form: nothing to mark, nothing to say beside it
    assert (made.line.property("invalid"), made.hint.text()) == (False, "")
    made.set_value(TODAY)
    assert made.hint.text() == "Tuesday"
