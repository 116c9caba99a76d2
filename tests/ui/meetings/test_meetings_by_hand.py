"""Meetings as a team lead makes them, through the real widgets on SQLite and PostgreSQL: a one-off meeting,
invitees changed for one meeting or for this and later ones, deleting what was made by mistake (or cancelling
what has started), and Enter in a completion field that only picks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from teamlead.data.database import Database
from teamlead.data.models import AuditEntry, Meeting, MeetingSeries, Person
from teamlead.rules.clock import AMSTERDAM
from teamlead.ui.context import AppContext
from teamlead.ui.meetings.view import SCOPE_THIS, MeetingsView
from tests.ui.conftest import TODAY, Seeded, seed
from tests.ui.meetings.test_meetings_view import schedule

FATIMA = "Fatima el Amrani (Jongerenwerk Nieuw-West)"


@pytest.fixture
def seeded(database: Database) -> Seeded:
    return seed(database)


@pytest.fixture
def view(qtbot: QtBot, database: Database, seeded: Seeded) -> Iterator[MeetingsView]:
    context = AppContext(database, today=TODAY)
    errors: list[str] = []
    context.tasks.error_reporter = errors.append
    widget = MeetingsView(context, ask=lambda _parent, _row: SCOPE_THIS)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.show()
    yield widget
    widget.page.dirty = False
    context.tasks.shutdown(wait=True)
    assert errors == []


def settled(qtbot: QtBot, view: MeetingsView) -> None:
    qtbot.waitUntil(lambda: not view._context.tasks.busy, timeout=10_000)


def invite(qtbot: QtBot, line: object, text: str) -> None:
    """Type a name into a completion field and press Enter (setText: a typed pop-up warns offscreen)."""
    line.setText(text)  # type: ignore[attr-defined]
    qtbot.keyClick(line, Qt.Key.Key_Return)  # type: ignore[arg-type]


def invitees(database: Database, meeting_id: int) -> list[tuple[int | None, int | None, str]]:
    with database.session() as session:
        meeting = session.get_one(Meeting, meeting_id)
        return [(i.organisation_id, i.person_id, i.attendance) for i in meeting.invitees]


def fatima(database: Database) -> int:
    with database.session() as session:
        return session.scalars(select(Person.id).where(Person.name == "Fatima el Amrani")).one()


def meeting_count(database: Database) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(Meeting)) or 0


def button(box: QMessageBox, text: str) -> QPushButton:
    found = next(b for b in box.buttons() if b.text() == text)
    assert isinstance(found, QPushButton)
    return found


def open_page(qtbot: QtBot, view: MeetingsView, meeting_id: int) -> None:
    with qtbot.waitSignal(view.page.loaded, timeout=10_000):
        view.open_record("meeting", meeting_id)


def plan_one_off(qtbot: QtBot, view: MeetingsView, title: str, day: QDate) -> None:
    view.new_meeting_button.click()
    qtbot.waitUntil(
        lambda: getattr(view, "meeting_dialog", None) is not None and view.meeting_dialog.isVisible()
    )
    dialog = view.meeting_dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("partner"))
    qtbot.keyClicks(dialog.title_edit, title)
    dialog.day.set_value(day.toPython())
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)


def test_plan_a_one_off_meeting(qtbot: QtBot, view: MeetingsView, database: Database, seeded: Seeded) -> None:
    view.new_meeting_button.click()
    qtbot.waitUntil(
        lambda: getattr(view, "meeting_dialog", None) is not None and view.meeting_dialog.isVisible()
    )
    dialog = view.meeting_dialog
    assert dialog.district.currentText() == "Nieuw-West"  # the only district, proposed
    assert "Politie basisteam Slotervaart" in dialog.invitees.offered()
    assert FATIMA in dialog.invitees.offered()

    dialog.kind.setCurrentIndex(dialog.kind.findData("partner"))
    qtbot.keyClicks(dialog.title_edit, "Kennismaking nieuwe wijkagent")
    dialog.day.line.selectAll()
    qtbot.keyClicks(dialog.day.line, "12-3-2026")
    dialog.start_time.setTime(QTime(10, 0))
    assert dialog.end_time.time() == QTime(11, 30)  # the end moves along: the length stays
    dialog.end_time.setTime(QTime(11, 0))
    qtbot.keyClicks(dialog.location, "Politiebureau Meer en Vaart")
    invite(qtbot, dialog.invitees.line, "politie basisteam slotervaart")
    invite(qtbot, dialog.invitees.line, "fatima")  # a part of a name: its first completion
    qtbot.keyClick(dialog.invitees.line, Qt.Key.Key_Return)  # one Enter too many, in the empty field
    settled(qtbot, view)
    assert dialog.isVisible()
    assert dialog.invitees.labels() == ["Politie basisteam Slotervaart", FATIMA]
    assert meeting_count(database) == 0

    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(dialog.location, Qt.Key.Key_Return)  # Enter in a single-line field plans it

    assert not dialog.isVisible()
    with database.session() as session:
        meeting = session.scalars(select(Meeting)).one()
        assert (meeting.kind, meeting.title, meeting.location, meeting.series_id) == (
            "partner",
            "Kennismaking nieuwe wijkagent",
            "Politiebureau Meer en Vaart",
            None,
        )
        assert meeting.starts_at.astimezone(AMSTERDAM) == datetime(2026, 3, 12, 10, 0, tzinfo=AMSTERDAM)
        assert meeting.ends_at is not None
        assert meeting.ends_at.astimezone(AMSTERDAM) == datetime(2026, 3, 12, 11, 0, tzinfo=AMSTERDAM)
        assert meeting.district_id == seeded.district
        audited = session.scalars(select(AuditEntry.action).where(AuditEntry.table_name == "meeting")).all()
        assert audited == ["create"]
        meeting_id = meeting.id
    assert invitees(database, meeting_id) == [
        (seeded.police, None, "invited"),
        (seeded.youth_work, fatima(database), "invited"),
    ]
    selected = view.selected_row()
    assert selected is not None
    assert selected.id == meeting_id


def test_a_refused_meeting_keeps_the_dialog_open_with_the_reason(qtbot: QtBot, view: MeetingsView) -> None:
    view.new_meeting_button.click()
    qtbot.waitUntil(
        lambda: getattr(view, "meeting_dialog", None) is not None and view.meeting_dialog.isVisible()
    )
    dialog = view.meeting_dialog
    qtbot.keyClicks(dialog.title_edit, "Overleg")
    dialog.end_time.setTime(QTime(13, 0))  # before the start at 14:00

    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(dialog.error.isVisible)
    assert "ends before it starts" in dialog.error.text()
    assert dialog.isVisible()


def test_enter_in_the_series_invite_field_does_not_schedule_it(
    qtbot: QtBot, view: MeetingsView, database: Database
) -> None:
    view.new_series_button.click()
    qtbot.waitUntil(
        lambda: getattr(view, "series_dialog", None) is not None and view.series_dialog.isVisible()
    )
    dialog = view.series_dialog
    qtbot.keyClicks(dialog.title_edit, "Netwerkoverleg Jeugd")

    invite(qtbot, dialog.partner, "jongerenwerk nieuw-west")
    qtbot.keyClick(dialog.partner, Qt.Key.Key_Return)  # the extra Enter
    settled(qtbot, view)

    assert dialog.isVisible()
    assert dialog.invited.count() == 1
    assert meeting_count(database) == 0
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)  # Enter in the title schedules it
    assert meeting_count(database) == 12


def test_invitees_of_one_meeting_and_of_this_and_later(
    qtbot: QtBot, view: MeetingsView, database: Database, seeded: Seeded
) -> None:
    schedule(qtbot, view)
    ids = [r.id for r in view.visible_rows() if r.title == "Netwerkoverleg Jeugd"]
    first, third = ids[0], ids[2]
    open_page(qtbot, view, first)
    page = view.page
    page.attendance_table.setFocus()
    qtbot.keyClick(page.attendance_table, Qt.Key.Key_E)  # youth work sent its apologies in advance
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.save()
    settled(qtbot, view)

    # This meeting only: the police are invited as well.
    page.invitees_button.click()
    qtbot.waitUntil(
        lambda: getattr(view, "invitees_dialog", None) is not None and view.invitees_dialog.isVisible()
    )
    dialog = view.invitees_dialog
    assert dialog.invitees.labels() == ["Jongerenwerk Nieuw-West"]
    assert dialog.this_one.isChecked()
    invite(qtbot, dialog.invitees.line, "Politie basisteam Slotervaart")
    assert dialog.isVisible()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert page.attendance.rowCount() == 2
    assert invitees(database, first) == [
        (seeded.youth_work, None, "excused"),
        (seeded.police, None, "invited"),
    ]
    assert invitees(database, ids[1]) == [(seeded.youth_work, None, "invited")]

    # The third and later meetings: Fatima instead of youth work as a whole.
    open_page(qtbot, view, third)
    page.invitees_button.click()
    qtbot.waitUntil(lambda: view.invitees_dialog.isVisible() and view.invitees_dialog is not dialog)
    dialog = view.invitees_dialog
    dialog.invitees.list.setCurrentRow(0)
    qtbot.keyClick(dialog.invitees.list, Qt.Key.Key_Delete)
    invite(qtbot, dialog.invitees.line, FATIMA)
    dialog.and_later.setChecked(True)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(dialog.invitees.line, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert [(i[0], i[1]) for i in invitees(database, first)] == [
        (seeded.youth_work, None),
        (seeded.police, None),
    ]
    assert invitees(database, ids[1]) == [(seeded.youth_work, None, "invited")]
    for later in ids[2:]:
        assert invitees(database, later) == [(seeded.youth_work, fatima(database), "invited")]
    with database.session() as session:
        detached = session.scalars(select(Meeting.id).where(Meeting.detached)).all()
    assert detached == [first]


def test_delete_a_series_not_started(qtbot: QtBot, view: MeetingsView, database: Database) -> None:
    schedule(qtbot, view)
    row = next(r for r in view.visible_rows() if r.title == "Netwerkoverleg Jeugd")
    view.select_meeting(row.id)

    view.delete_button.click()
    qtbot.waitUntil(lambda: getattr(view, "delete_box", None) is not None and view.delete_box.isVisible())
    box = view.delete_box
    assert box.objectName() == "deleteMeetingBox"
    assert "Netwerkoverleg Jeugd" in box.text()
    assert "meetings: 12" in box.text()
    assert "invitations: 12" in box.text()
    assert box.defaultButton() is not button(box, "&Delete")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        button(box, "&Delete").click()

    assert meeting_count(database) == 0
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(MeetingSeries)) == 0
    assert [r for r in view.visible_rows() if r.title == "Netwerkoverleg Jeugd"] == []


def test_a_started_meeting_is_not_deleted_but_cancelled(
    qtbot: QtBot, view: MeetingsView, database: Database
) -> None:
    plan_one_off(qtbot, view, "Kennismaking gebiedsteam", QDate(2026, 2, 24))  # last week
    view.period.setCurrentIndex(2)
    row = next(r for r in view.visible_rows() if r.title == "Kennismaking gebiedsteam")
    view.select_meeting(row.id)

    view.delete_button.click()
    qtbot.waitUntil(lambda: getattr(view, "delete_box", None) is not None and view.delete_box.isVisible())
    box = view.delete_box
    assert box.objectName() == "cancelInsteadBox"
    assert "only be cancelled" in box.text()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        button(box, "Cancel &it…").click()  # the view asks "this meeting?": the test answers yes

    with database.session() as session:
        meeting = session.get_one(Meeting, row.id)
        assert meeting.status == "cancelled"
    assert meeting_count(database) == 1


def test_the_menu_plans_a_meeting_from_anywhere(
    qtbot: QtBot, make_window: object, database: Database
) -> None:
    window = make_window(database)  # type: ignore[operator]
    action = window.actions_by_name["new_meeting"]
    assert action.shortcut().toString() == "Ctrl+Shift+M"

    action.trigger()

    view = window.view("meetings")
    qtbot.waitUntil(
        lambda: getattr(view, "meeting_dialog", None) is not None and view.meeting_dialog.isVisible()
    )
    assert window.current_view() is view
    view.meeting_dialog.reject()
    qtbot.waitUntil(lambda: view.is_loaded and not window.context.tasks.busy, timeout=10_000)
    qtbot.wait(50)  # what the screens queued for the event loop runs before the window goes


def test_a_new_meeting_is_proposed_in_the_users_default_district(
    qtbot: QtBot, view: MeetingsView, database: Database, seeded: Seeded
) -> None:
    """With two districts, the dialog shows the default district of the settings (kept by id for this
    database), as the service would store it; the user can pick the other."""
    from teamlead.data.queries.default_district import DefaultDistrict, database_id, save_default_district
    from teamlead.services import geography

    with database.session() as session, session.begin():
        noord = geography.add_district(session, "Noord")
        own = database_id(session)
    assert own is not None
    save_default_district(DefaultDistrict(own, noord))

    view.new_meeting_button.click()
    qtbot.waitUntil(
        lambda: getattr(view, "meeting_dialog", None) is not None and view.meeting_dialog.isVisible()
    )
    dialog = view.meeting_dialog
    assert dialog.district.currentText() == "Noord"
    qtbot.keyClicks(dialog.title_edit, "Wijkoverleg")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    with database.session() as session:
        assert session.scalars(select(Meeting.district_id)).one() == noord
