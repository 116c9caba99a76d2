"""The Meetings view as a team lead uses it: schedule a series, change one meeting, cancel, filter, export."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt, QTime
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.models import Meeting
from teamlead.data.queries.meeting_list import MeetingListRow
from teamlead.rules.vocabulary import MeetingStatus
from teamlead.ui.context import AppContext
from teamlead.ui.meetings.model import MeetingFilter, MeetingTableModel
from teamlead.ui.meetings.view import SCOPE_THIS, MeetingsView
from tests.ui.conftest import TODAY, seed


@pytest.fixture
def view(qtbot: QtBot, sqlite_database: Database) -> MeetingsView:
    seed(sqlite_database)
    context = AppContext(sqlite_database, today=TODAY)
    errors: list[str] = []
    context.tasks.error_reporter = errors.append
    answers: list[str | None] = [SCOPE_THIS]
    widget = MeetingsView(context, ask=lambda _parent, _row: answers.pop(0))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.show()
    yield widget
    context.tasks.shutdown(wait=True)
    assert errors == []


def schedule(qtbot: QtBot, view: MeetingsView) -> None:
    """Every 2nd Tuesday at 14:00 with youth work invited, typed as a user would."""
    view.new_series_button.click()
    qtbot.waitUntil(
        lambda: getattr(view, "series_dialog", None) is not None and view.series_dialog.isVisible()
    )
    dialog = view.series_dialog
    qtbot.keyClicks(dialog.title_edit, "Netwerkoverleg Jeugd")
    dialog.first_date.line.selectAll()
    qtbot.keyClicks(dialog.first_date.line, "1-3-2026")
    dialog.start_time.setTime(QTime(14, 0))
    qtbot.keyClicks(dialog.location, "Buurthuis Het Anker")
    dialog.partner.setText("jongerenwerk nieuw-west")  # typing would pop up the completer, offscreen warns
    qtbot.keyClick(dialog.partner, Qt.Key.Key_Return)
    assert dialog.invited.count() == 1
    qtbot.waitUntil(lambda: not view._context.tasks.busy, timeout=10_000)  # a save would have finished
    assert dialog.isVisible()  # Enter in the invite field invites; it does not schedule the series
    assert view.visible_rows() == []
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()


def test_schedule_a_series_then_change_one_meeting_and_cancel_another(
    qtbot: QtBot, view: MeetingsView, sqlite_database: Database
) -> None:
    schedule(qtbot, view)

    rows = [r for r in view.visible_rows() if r.title == "Netwerkoverleg Jeugd"]
    assert [r.starts.date() for r in rows[:2]] == [date(2026, 3, 10), date(2026, 4, 14)]
    assert len(rows) == 12
    assert rows[0].partners == ("Jongerenwerk Nieuw-West",)
    assert "12 of 12 meetings" in view.summary.text()

    view.select_meeting(rows[1].id)
    view.edit_button.click()
    dialog = view.edit_dialog
    dialog.title_edit.setText("Netwerkoverleg Jeugd (verplaatst)")
    dialog.day.line.selectAll()
    qtbot.keyClicks(dialog.day.line, "16 apx")  # a typo: refused in the dialog, nothing moved
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.error.text().startswith("“16 apx” is not a date.")
    assert dialog.focusWidget() is dialog.day.line
    dialog.day.line.selectAll()
    qtbot.keyClicks(dialog.day.line, "16 apr")  # the app's year
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    moved = next(r for r in view.visible_rows() if r.id == rows[1].id)
    assert moved.title == "Netwerkoverleg Jeugd (verplaatst)"
    assert moved.starts == datetime(2026, 4, 16, 14, 0, tzinfo=moved.starts.tzinfo)
    with sqlite_database.session() as session:
        assert session.get_one(Meeting, rows[1].id).detached

    view.select_meeting(rows[2].id)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.cancel_button.click()
    with sqlite_database.session() as session:
        statuses = session.scalars(select(Meeting.status).order_by(Meeting.starts_at)).all()
    assert statuses.count(MeetingStatus.CANCELLED) == 1
    assert "cancelled" in view.model.data(view.proxy.mapToSource(view.proxy.index(2, 2)))


def test_filters_by_kind_and_partner_text(qtbot: QtBot, view: MeetingsView) -> None:
    schedule(qtbot, view)

    view.kind.setCurrentIndex(view.kind.findData("partner"))
    assert view.visible_rows() == []
    view.kind.setCurrentIndex(0)
    qtbot.keyClicks(view.search, "jongerenwerk")
    assert len(view.visible_rows()) == 12
    view.search.setText("politie")
    assert view.visible_rows() == []


def test_a_refused_series_keeps_the_dialog_open_with_the_reason(qtbot: QtBot, view: MeetingsView) -> None:
    view.new_series_button.click()
    qtbot.waitUntil(
        lambda: getattr(view, "series_dialog", None) is not None and view.series_dialog.isVisible()
    )
    dialog = view.series_dialog

    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    qtbot.waitUntil(dialog.error.isVisible)
    assert "Title" in dialog.error.text()
    assert dialog.isVisible()


def test_export_writes_an_ics_file(qtbot: QtBot, view: MeetingsView, tmp_path: Path) -> None:
    schedule(qtbot, view)
    target = tmp_path / "overleggen"

    view.export_calendar(str(target))

    qtbot.waitUntil(lambda: (tmp_path / "overleggen.ics").exists(), timeout=10_000)
    calendar = Calendar.from_ical((tmp_path / "overleggen.ics").read_bytes())
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Netwerkoverleg Jeugd"]


def test_model_filters_past_and_upcoming_without_widgets() -> None:
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Europe/Amsterdam")
    rows = [
        MeetingListRow(
            1, "network", "Eerder", datetime(2026, 1, 5, 10, tzinfo=zone), "", "scheduled", (), None, 1
        ),
        MeetingListRow(
            2, "other", "Later", datetime(2026, 5, 5, 10, tzinfo=zone), "", "scheduled", (), None, 1
        ),
    ]
    model = MeetingTableModel()
    model.set_rows(rows)
    proxy = MeetingFilter()
    proxy.setSourceModel(model)
    proxy.set_now(datetime(2026, 3, 1, tzinfo=zone))

    assert proxy.rowCount() == 1
    proxy.set_period("past")
    assert proxy.data(proxy.index(0, 2)) == "Eerder"
    proxy.set_period("all")
    assert proxy.rowCount() == 2


def test_a_meeting_held_while_the_app_stays_open_moves_to_the_past(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    """Upcoming and past are split when the list is shown, not when the view was built (the app left open
    overnight): the quarter walk found the meeting of yesterday still among the upcoming ones."""
    seed(sqlite_database)
    context = AppContext(sqlite_database, today=TODAY)
    view = MeetingsView(context, ask=lambda _parent, _row: SCOPE_THIS)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    schedule(qtbot, view)  # the first meeting on Tuesday 10 March
    first, second = view.visible_rows()[:2]
    view.select_meeting(second.id)

    context.set_today(date(2026, 3, 11))
    view.hide()
    view.show()  # the section shown again the next day

    assert first.id not in [row.id for row in view.visible_rows()]  # no longer upcoming
    assert view.selected_row() == second  # the selection stays
    view.period.setCurrentIndex(view.period.findData("past"))
    assert [row.id for row in view.visible_rows()] == [first.id]
    context.tasks.shutdown(wait=True)
