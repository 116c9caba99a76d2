"""From a meeting to the register and back, in the main window: a decision becomes an agreement, opens in the
register, is closed with a comment (history shown), and its meeting opens again from there. The page's and the
register's reads and the page's save also run on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database
from teamlead.data.models import Meeting
from teamlead.data.queries.agreements_register import agreement_detail, register_rows
from teamlead.data.queries.meeting_page import meeting_page
from teamlead.rules.text import filter_terms, matches
from teamlead.services import agreements as agreement_service
from teamlead.services import meetings as meeting_service
from teamlead.services.agenda import carry_forward_and_link
from teamlead.services.meetings import MeetingInput, Reflection, save_meeting_page
from teamlead.ui.main_window import MainWindow
from tests.ui.conftest import TODAY, seed

NOW = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)


def two_meetings(database: Database) -> tuple[int, int, int]:
    seeded = seed(database)
    with database.begin() as session:
        ids = [
            meeting_service.schedule_meeting(
                session,
                MeetingInput(
                    kind="network",
                    title=title,
                    starts_at=starts,
                    district_id=seeded.district,
                    organisation_ids=[seeded.youth_work, seeded.police],
                ),
                now=NOW,
            )
            for title, starts in (
                ("Netwerkoverleg februari", datetime(2026, 2, 10, 13, 0, tzinfo=UTC)),
                ("Netwerkoverleg maart", datetime(2026, 3, 10, 13, 0, tzinfo=UTC)),
            )
        ]
    return ids[0], ids[1], seeded.youth_work


def test_a_decision_is_closed_in_the_register_with_its_history(
    qtbot: QtBot, make_window: Callable[[Database], MainWindow], sqlite_database: Database
) -> None:
    first, _second, _youth_work = two_meetings(sqlite_database)
    window = make_window(sqlite_database)
    window.context.open_record.emit("meeting", first)
    meetings = window.view("meetings")
    page = meetings.page
    qtbot.waitUntil(lambda: page.meeting_id == first and page.data is not None, timeout=10_000)
    assert window.section_keys()[window.sidebar.currentRow()] == "meetings"

    page.tabs.setCurrentWidget(page.decisions)
    qtbot.keyClicks(page.decisions.text, "Politie deelt het rooster van de wijkagent")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.decisions.make_button.click()
    qtbot.waitUntil(lambda: page.decisions.made_model.rowCount() == 1, timeout=10_000)

    # Enter on the agreement made here opens it in the register.
    made = page.decisions.made
    made.setCurrentIndex(page.decisions.made_model.index(0, 0))
    qtbot.keyClick(made, Qt.Key.Key_Return)
    assert window.section_keys()[window.sidebar.currentRow()] == "agreements"
    register = window.view("agreements")
    qtbot.waitUntil(lambda: register.pane.detail is not None, timeout=10_000)
    pane = register.pane
    assert pane.text.text() == "Politie deelt het rooster van de wijkagent"
    assert pane.made_in.text().endswith("Netwerkoverleg februari")

    pane.new_status.setCurrentIndex(pane.new_status.findData("done"))
    pane.comment.setText("Rooster ontvangen en gedeeld")
    pane.change_button.click()
    qtbot.waitUntil(lambda: pane.history_model.rowCount() == 2, timeout=10_000)
    assert pane.history_model.index(1, 1).data() == "Open → Done"
    assert pane.history_model.index(1, 2).data() == "Rooster ontvangen en gedeeld"

    pane.made_in.click()
    assert window.section_keys()[window.sidebar.currentRow()] == "meetings"
    assert meetings.stack.currentWidget() is page


def test_page_and_register_reads_and_the_save_on_both_databases(database: Database) -> None:
    first, second, youth_work = two_meetings(database)
    with database.begin() as session:
        agreement = agreement_service.agreement_from_decision(
            session,
            first,
            "Jongerenwerk opent op vrijdag",
            organisation_ids=[youth_work],
            due_on=date(2026, 2, 20),
            now=NOW,
        )
    with database.session() as session:
        page = meeting_page(session, second, TODAY)
    assert [p.id for p in page.proposed] == [agreement]
    assert page.proposed[0].overdue
    assert [name for _id, name in page.organisations] == [
        "Jongerenwerk Nieuw-West",
        "Politie basisteam Slotervaart",
    ]
    assert [name for _id, name in page.persons] == ["Fatima el Amrani"]

    with database.begin() as session:
        assert carry_forward_and_link(session, second, now=NOW) == 1
    invitee = page.detail.invitees[0].id
    with database.begin() as session:
        save_meeting_page(
            session,
            second,
            expected_version=page.detail.meeting.version,
            attendance={invitee: "present"},
            minutes="Verslag",
            reflection=Reflection(goes_well="Korte lijnen"),
            now=NOW,
        )
    with database.session() as session:
        meeting = session.get_one(Meeting, second)
        assert (meeting.minutes, meeting.reflection_goes_well) == ("Verslag", "Korte lijnen")
        reread = meeting_page(session, second, TODAY)
        assert reread.proposed == ()
        assert [a.agreement_id for a in reread.detail.agenda] == [agreement]
        register = register_rows(session)
        detail = agreement_detail(session, agreement)
    row = next(r for r in register.rows if r.id == agreement)
    assert row.meeting_ids == frozenset({first, second})
    assert row.organisations == ("Jongerenwerk Nieuw-West",)
    assert [m.title for m in detail.discussed] == ["Netwerkoverleg maart"]
    assert matches(filter_terms("netwerk MAART"), register.meeting_titles[second])


def test_a_due_date_is_typed_and_one_that_names_no_day_makes_no_agreement(
    qtbot: QtBot, make_window: Callable[[Database], MainWindow], sqlite_database: Database
) -> None:
    first, _second, _youth_work = two_meetings(sqlite_database)
    window = make_window(sqlite_database)
    window.context.open_record.emit("meeting", first)
    page = window.view("meetings").page
    qtbot.waitUntil(lambda: page.meeting_id == first and page.data is not None, timeout=10_000)
    form = page.decisions
    page.tabs.setCurrentWidget(form)
    qtbot.keyClicks(form.text, "Jongerenwerk organiseert een buurtavond")
    form.has_due.setChecked(True)
    assert form.due.value() == date(2026, 3, 30)  # four weeks from the app's today
    form.due.line.selectAll()
    qtbot.keyClicks(form.due.line, "30-2")
    form.make_button.click()
    qtbot.waitUntil(page.message.isVisible, timeout=10_000)
    assert page.message.text() == "“30-2” is not a date. Type for example 2 Mar 2026, 3 dec, +2w or today."
    assert form.made_model.rowCount() == 0
    form.due.line.selectAll()
    qtbot.keyClicks(form.due.line, "+2w")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        form.make_button.click()
    qtbot.waitUntil(lambda: form.made_model.rowCount() == 1, timeout=10_000)
    with sqlite_database.session() as session:
        (made,) = register_rows(session).rows
    assert made.due_on == TODAY + timedelta(days=14)
