"""A meeting's page as a team lead uses it: attendance with the keyboard, minutes, the agenda, decisions that
become agreements and come back on the next meeting's agenda, a local reflection, unsaved changes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.models import Agreement, Invitee, Meeting
from teamlead.services import meetings as meeting_service
from teamlead.services.meetings import MeetingInput
from teamlead.ui.context import AppContext
from teamlead.ui.meetings.page import LEAVE_DISCARD, LEAVE_SAVE, LEAVE_STAY
from teamlead.ui.meetings.view import SCOPE_THIS, MeetingsView
from tests.ui.conftest import TODAY, Seeded, seed
from tests.ui.meetings.test_meetings_view import schedule

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Answers:
    """What the 'user' answers when the page asks about unsaved changes; records that it was asked."""

    def __init__(self) -> None:
        self.queue: list[str] = []
        self.asked = 0

    def __call__(self, _parent: object) -> str:
        self.asked += 1
        return self.queue.pop(0) if self.queue else LEAVE_STAY


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def seeded(sqlite_database: Database) -> Seeded:
    return seed(sqlite_database)


@pytest.fixture
def view(qtbot: QtBot, sqlite_database: Database, seeded: Seeded, answers: Answers) -> Iterator[MeetingsView]:
    context = AppContext(sqlite_database, today=TODAY)
    errors: list[str] = []
    context.tasks.error_reporter = errors.append
    widget = MeetingsView(context, ask=lambda _parent, _row: SCOPE_THIS, ask_leave=answers)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.show()
    yield widget
    widget.page.dirty = False
    context.tasks.shutdown(wait=True)
    assert errors == []


def open_meeting(qtbot: QtBot, view: MeetingsView, meeting_id: int) -> None:
    with qtbot.waitSignal(view.page.loaded, timeout=10_000):
        view.open_record("meeting", meeting_id)
    assert view.stack.currentWidget() is view.page
    view.activateWindow()  # shortcuts (Ctrl+S, Ctrl+Enter) work in the active window, after any dialog
    qtbot.waitUntil(view.isActiveWindow)


def reloaded(qtbot: QtBot, view: MeetingsView) -> None:
    """Wait until the page has shown the data after a write (its own reload)."""
    qtbot.waitUntil(lambda: not view._context.tasks.busy, timeout=10_000)


def series_meetings(view: MeetingsView) -> list[int]:
    return [r.id for r in view.visible_rows() if r.title == "Netwerkoverleg Jeugd"]


def test_attendance_minutes_decision_and_the_next_meeting_agenda(
    qtbot: QtBot, view: MeetingsView, sqlite_database: Database, seeded: Seeded
) -> None:
    schedule(qtbot, view)
    first, second = series_meetings(view)[:2]
    with sqlite_database.begin() as session:  # a second invitee: the police team
        session.add(Invitee(meeting_id=first, organisation_id=seeded.police))
    open_meeting(qtbot, view, first)
    page = view.page
    assert page.heading.text() == "Netwerkoverleg Jeugd"
    assert "Buurthuis Het Anker" in page.facts.text()
    assert page.attendance.rowCount() == 2

    # Attendance: P on the first row moves down, E on the second.
    page.attendance_table.setFocus()
    qtbot.keyClick(page.attendance_table, Qt.Key.Key_P)
    assert page.attendance_table.selectionModel().selectedRows()[0].row() == 1
    qtbot.keyClick(page.attendance_table, Qt.Key.Key_2)
    assert [page.attendance.attendance_of(i) for i in range(2)] == ["present", "excused"]
    assert "1 present, 1 excused, 0 absent" in page.attendance_hint.text()
    assert page.dirty
    assert page.save_button.isEnabled()

    qtbot.keyClicks(page.minutes, "Samen rondje gelopen; rustig op het plein.")
    with qtbot.waitSignal(page.saved, timeout=10_000):
        qtbot.keyClick(page.minutes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    reloaded(qtbot, view)
    assert not page.dirty
    with sqlite_database.session() as session:
        meeting = session.get_one(Meeting, first)
        assert meeting.minutes == "Samen rondje gelopen; rustig op het plein."
        assert sorted(i.attendance for i in meeting.invitees) == ["excused", "present"]

    # A decision becomes an agreement made in this meeting, with a responsible person and a due date.
    page.tabs.setCurrentWidget(page.decisions)
    form = page.decisions
    qtbot.keyClicks(form.text, "Jongerenwerk en politie lopen vrijdagavond samen door de wijk")
    form.organisations.item(1).setCheckState(Qt.CheckState.Unchecked)  # not the police after all
    form.responsible.line.setText("fatima")  # part of a name (typing would pop up the completer offscreen)
    qtbot.keyClick(form.responsible.line, Qt.Key.Key_Return)  # picks, does not make the agreement yet
    assert form.responsible.line.text() == "Fatima el Amrani"
    assert form.made_model.rowCount() == 0
    form.has_due.setChecked(True)
    assert form.district.currentText() == "Nieuw-West"  # the meeting's district, shown
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(form.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    reloaded(qtbot, view)
    assert form.made_model.rowCount() == 1
    assert form.text.toPlainText() == ""
    with sqlite_database.session() as session:
        agreement = session.scalars(select(Agreement)).one()
        assert agreement.made_in_meeting_id == first
        assert [o.id for o in agreement.organisations] == [seeded.youth_work]
        assert agreement.responsible_person is not None
        assert agreement.responsible_person.name == "Fatima el Amrani"
        assert agreement.due_on == date(2026, 3, 30)
        assert agreement.district_id == seeded.district

    # The next meeting proposes it as an open agreement; one key press puts it on the agenda.
    view.show_list()
    open_meeting(qtbot, view, second)
    proposals = page.agenda.proposals()
    assert [p.text for p in proposals] == ["Jongerenwerk en politie lopen vrijdagavond samen door de wijk"]
    assert "(1)" in page.agenda.proposed_box.title()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.agenda.carry_button.click()
    reloaded(qtbot, view)
    assert page.agenda.proposals() == []
    assert page.agenda.model.rowCount() == 1
    assert page.agenda.model.data(page.agenda.model.index(0, 1)).startswith("Open agreement: Jongerenwerk")
    with sqlite_database.session() as session:
        assert [m.id for m in session.scalars(select(Agreement)).one().discussed_in] == [second]


def test_agenda_editor_adds_reorders_and_removes(
    qtbot: QtBot, view: MeetingsView, sqlite_database: Database
) -> None:
    schedule(qtbot, view)
    meeting_id = series_meetings(view)[0]
    open_meeting(qtbot, view, meeting_id)
    agenda = view.page.agenda
    for title in ("Opening", "Signalen uit de wijk", "Rondvraag"):
        agenda.new_item.setFocus()
        qtbot.keyClicks(agenda.new_item, title)
        with qtbot.waitSignal(view.page.loaded, timeout=10_000):
            qtbot.keyClick(agenda.new_item, Qt.Key.Key_Return)
        reloaded(qtbot, view)

    def titles() -> list[str]:
        return [agenda.model.row_at(i).title for i in range(agenda.model.rowCount())]

    assert titles() == ["Opening", "Signalen uit de wijk", "Rondvraag"]
    agenda.table.setFocus()
    agenda.table.selectRow(2)
    with qtbot.waitSignal(view.page.loaded, timeout=10_000):
        qtbot.keyClick(agenda.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    reloaded(qtbot, view)
    assert titles() == ["Opening", "Rondvraag", "Signalen uit de wijk"]
    assert agenda.selected_id() == agenda.model.row_at(1).id
    agenda.table.selectRow(0)
    with qtbot.waitSignal(view.page.loaded, timeout=10_000):
        qtbot.keyClick(agenda.table, Qt.Key.Key_Delete)
    reloaded(qtbot, view)
    assert titles() == ["Rondvraag", "Signalen uit de wijk"]
    with sqlite_database.session() as session:
        stored = session.get_one(Meeting, meeting_id).agenda_items
        assert [(i.position, i.title) for i in stored] == [(0, "Rondvraag"), (1, "Signalen uit de wijk")]


def reflection_meeting(database: Database, seeded: Seeded) -> int:
    with database.begin() as session:
        return meeting_service.schedule_meeting(
            session,
            MeetingInput(
                kind="reflection",
                title="Lokale reflectie Geuzenveld",
                starts_at=datetime(2026, 3, 5, 15, 0, tzinfo=UTC),
                district_id=seeded.district,
                organisation_ids=[seeded.youth_work, seeded.police],
            ),
            now=NOW,
        )


def test_a_local_reflection_stores_its_four_answers(
    qtbot: QtBot, view: MeetingsView, sqlite_database: Database, seeded: Seeded
) -> None:
    meeting_id = reflection_meeting(sqlite_database, seeded)
    open_meeting(qtbot, view, meeting_id)
    page = view.page
    assert page.tabs.isTabVisible(1)
    page.tabs.setCurrentWidget(page.reflection)
    answers = {
        "goes_well": "Korte lijnen met de school",
        "can_improve": "Terugkoppeling na signalen",
        "do_ourselves": "Samen avondrondes plannen",
        "need_help": "Een vaste plek voor jongeren",
    }
    for key, text in answers.items():
        qtbot.keyClicks(page.reflection.fields[key], text)
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.save_button.click()
    reloaded(qtbot, view)
    with sqlite_database.session() as session:
        meeting = session.get_one(Meeting, meeting_id)
        stored = {
            "goes_well": meeting.reflection_goes_well,
            "can_improve": meeting.reflection_can_improve,
            "do_ourselves": meeting.reflection_do_ourselves,
            "need_help": meeting.reflection_need_help,
        }
    assert stored == answers
    assert page.reflection.fields["need_help"].toPlainText() == "Een vaste plek voor jongeren"


def test_a_network_meeting_has_no_reflection_template(
    qtbot: QtBot, view: MeetingsView, sqlite_database: Database
) -> None:
    schedule(qtbot, view)
    open_meeting(qtbot, view, series_meetings(view)[0])
    assert not view.page.tabs.isTabVisible(1)


def test_a_change_made_elsewhere_meanwhile_is_a_conflict_shown_and_the_typing_kept(
    qtbot: QtBot, view: MeetingsView, sqlite_database: Database, seeded: Seeded
) -> None:
    meeting_id = reflection_meeting(sqlite_database, seeded)
    open_meeting(qtbot, view, meeting_id)
    page = view.page
    qtbot.keyClicks(page.minutes, "Mijn verslag")
    with sqlite_database.begin() as session:  # someone else, on the shared database
        version = session.get_one(Meeting, meeting_id).version
        meeting_service.save_minutes(session, meeting_id, "Hun verslag", expected_version=version, now=NOW)
    page.save_button.click()
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=10_000)
    assert "Someone else changed this record" in page.message.text()
    assert page.minutes.toPlainText() == "Mijn verslag"
    assert page.dirty


def test_leaving_with_unsaved_changes_asks_first(
    qtbot: QtBot, view: MeetingsView, sqlite_database: Database, seeded: Seeded, answers: Answers
) -> None:
    meeting_id = reflection_meeting(sqlite_database, seeded)
    open_meeting(qtbot, view, meeting_id)
    page = view.page
    qtbot.keyClicks(page.minutes, "Nog niet bewaard")

    answers.queue = [LEAVE_STAY]
    page.back_button.click()
    assert answers.asked == 1
    assert view.stack.currentWidget() is page
    assert page.minutes.toPlainText() == "Nog niet bewaard"

    answers.queue = [LEAVE_SAVE]
    page.back_button.click()
    qtbot.waitUntil(lambda: view.stack.currentWidget() is view.list_page, timeout=10_000)
    reloaded(qtbot, view)
    with sqlite_database.session() as session:
        assert session.get_one(Meeting, meeting_id).minutes == "Nog niet bewaard"

    view.open_record("meeting", meeting_id)  # the same meeting again: the page is shown as it is
    assert view.stack.currentWidget() is page
    assert page.minutes.toPlainText() == "Nog niet bewaard"
    qtbot.keyClicks(page.minutes, " en weg")
    answers.queue = [LEAVE_DISCARD]
    page.back_button.click()
    assert view.stack.currentWidget() is view.list_page
    reloaded(qtbot, view)
    with sqlite_database.session() as session:
        assert session.get_one(Meeting, meeting_id).minutes == "Nog niet bewaard"


def test_closing_the_window_with_unsaved_changes_asks_first(
    qtbot: QtBot, view: MeetingsView, sqlite_database: Database, seeded: Seeded, answers: Answers
) -> None:
    meeting_id = reflection_meeting(sqlite_database, seeded)
    open_meeting(qtbot, view, meeting_id)
    qtbot.keyClicks(view.page.minutes, "Bijna vergeten")

    answers.queue = [LEAVE_STAY]
    view.close()
    assert answers.asked == 1
    assert view.isVisible()

    answers.queue = [LEAVE_SAVE]
    view.close()
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=10_000)
    with sqlite_database.session() as session:
        assert session.get_one(Meeting, meeting_id).minutes == "Bijna vergeten"
