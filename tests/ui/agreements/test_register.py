"""The Agreements register as a team lead uses it: filter, sort, see overdue ones stand out, close one with a
comment and see its history, follow it to the meetings; and its table model without widgets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database
from teamlead.data.queries.agreements_register import register_rows
from teamlead.services import agreements as agreement_service
from teamlead.services import meetings as meeting_service
from teamlead.services.agreements import AgreementInput
from teamlead.services.meetings import MeetingInput
from teamlead.ui.agreements.model import (
    COLUMNS,
    DUE_NONE,
    DUE_OVERDUE,
    OVERDUE_COLOUR,
    AgreementFilter,
    AgreementTableModel,
    RegisterFilter,
)
from teamlead.ui.agreements.view import AgreementsView
from teamlead.ui.context import AppContext
from tests.ui.conftest import TODAY, Seeded, seed

NOW = datetime(2026, 2, 3, 15, 0, tzinfo=UTC)  # before the app's own clock (2 March, 08:00)


@dataclass(frozen=True)
class Register:
    seeded: Seeded
    meeting: int
    later_meeting: int
    overdue: int
    soon: int
    undated: int


def fill(database: Database) -> Register:
    """Three agreements: one made in a network meeting and overdue, one due soon with the police, one without a
    due date; the overdue one was discussed again in a later meeting."""
    seeded = seed(database)
    with database.begin() as session:
        meeting = meeting_service.schedule_meeting(
            session,
            MeetingInput(
                kind="network",
                title="Netwerkoverleg Wildeman",
                starts_at=datetime(2026, 2, 3, 13, 0, tzinfo=UTC),
                district_id=seeded.district,
                organisation_ids=[seeded.youth_work, seeded.police],
            ),
            now=NOW,
        )
        later = meeting_service.schedule_meeting(
            session,
            MeetingInput(
                kind="network",
                title="Netwerkoverleg maart",
                starts_at=datetime(2026, 3, 3, 13, 0, tzinfo=UTC),
                district_id=seeded.district,
                organisation_ids=[seeded.youth_work],
            ),
            now=NOW,
        )
        overdue = agreement_service.agreement_from_decision(
            session,
            meeting,
            "Jongerenwerk houdt het buurthuis op vrijdag open tot 23 uur",
            organisation_ids=[seeded.youth_work],
            due_on=date(2026, 2, 20),
            now=NOW,
        )
        agreement_service.link_meeting(session, overdue, later, now=NOW)
        soon = agreement_service.make_agreement(
            session,
            AgreementInput(
                text="Politie deelt het rooster van de wijkagent",
                organisation_ids=[seeded.police],
                due_on=date(2026, 3, 9),
            ),
            today=TODAY,
            now=NOW,
        )
        undated = agreement_service.make_agreement(
            session,
            AgreementInput(text="Samen een buurtfeest organiseren", organisation_ids=[seeded.youth_work]),
            today=TODAY,
            now=NOW,
        )
    return Register(seeded, meeting, later, overdue, soon, undated)


@pytest.fixture
def register(sqlite_database: Database) -> Register:
    return fill(sqlite_database)


@pytest.fixture
def view(qtbot: QtBot, sqlite_database: Database, register: Register) -> Iterator[AgreementsView]:
    context = AppContext(sqlite_database, today=TODAY)
    errors: list[str] = []
    context.tasks.error_reporter = errors.append
    widget = AgreementsView(context)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.show()
    yield widget
    context.tasks.shutdown(wait=True)
    assert errors == []


def texts(view: AgreementsView) -> list[str]:
    return [row.text for row in view.proxy.rows()]


def test_the_register_shows_open_agreements_soonest_due_first_with_overdue_in_red(
    view: AgreementsView,
) -> None:
    assert texts(view) == [
        "Jongerenwerk houdt het buurthuis op vrijdag open tot 23 uur",
        "Politie deelt het rooster van de wijkagent",
        "Samen een buurtfeest organiseren",
    ]
    first = view.proxy.index(0, 0)
    assert first.data().endswith("⚠")
    assert first.data(Qt.ItemDataRole.ForegroundRole) == QColor(OVERDUE_COLOUR)
    assert view.proxy.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert view.proxy.index(0, COLUMNS.index("meeting")).data().endswith("Netwerkoverleg Wildeman")
    assert "3 of 3 agreements · 1 overdue" in view.summary.text()


def test_filters_by_due_partner_meeting_and_text(qtbot: QtBot, view: AgreementsView) -> None:
    view.due.setCurrentIndex(view.due.findData(DUE_OVERDUE))
    assert texts(view) == ["Jongerenwerk houdt het buurthuis op vrijdag open tot 23 uur"]
    view.due.setCurrentIndex(view.due.findData(DUE_NONE))
    assert texts(view) == ["Samen een buurtfeest organiseren"]
    view.due.setCurrentIndex(0)
    qtbot.keyClicks(view.partner, "politie")
    assert texts(view) == ["Politie deelt het rooster van de wijkagent"]
    view.partner.clear()
    qtbot.keyClicks(view.meeting, "maart")  # discussed there, made in February
    assert texts(view) == ["Jongerenwerk houdt het buurthuis op vrijdag open tot 23 uur"]
    view.meeting.clear()
    qtbot.keyClicks(view.search, "buurtf sam")  # the start of each word
    assert texts(view) == ["Samen een buurtfeest organiseren"]
    assert "1 of 3 agreements" in view.summary.text()


def test_sorting_by_a_column_header(view: AgreementsView) -> None:
    view.table.sortByColumn(COLUMNS.index("text"), Qt.SortOrder.AscendingOrder)
    assert texts(view)[0] == "Jongerenwerk houdt het buurthuis op vrijdag open tot 23 uur"
    assert texts(view)[-1] == "Samen een buurtfeest organiseren"
    view.table.sortByColumn(COLUMNS.index("text"), Qt.SortOrder.DescendingOrder)
    assert texts(view)[0] == "Samen een buurtfeest organiseren"


def test_close_with_a_comment_and_see_the_history(
    qtbot: QtBot, view: AgreementsView, register: Register
) -> None:
    assert view.open_record("agreement", register.overdue)
    qtbot.waitUntil(lambda: view.pane.detail is not None and view.pane.detail.row.id == register.overdue)
    pane = view.pane
    assert pane.made_in.text().endswith("Netwerkoverleg Wildeman")
    assert pane.discussed_model.rowCount() == 1
    assert pane.history_model.rowCount() == 1  # made

    pane.new_status.setCurrentIndex(pane.new_status.findData("done"))
    qtbot.keyClicks(pane.comment, "Sinds 1 maart elke vrijdag open")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(pane.comment, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.history_model.rowCount() == 2, timeout=10_000)
    last = pane.history_model.index(1, 1)
    assert last.data() == "Open → Done"
    assert pane.history_model.index(1, 2).data() == "Sinds 1 maart elke vrijdag open"
    assert pane.status.text() == "Done"
    # It left the open ones; the pane still shows it, and "Show all" finds it again.
    assert "Jongerenwerk houdt het buurthuis op vrijdag open tot 23 uur" not in texts(view)
    view.clear_button.click()
    assert "Jongerenwerk houdt het buurthuis op vrijdag open tot 23 uur" in texts(view)


def test_the_meetings_an_agreement_was_made_and_discussed_in_open(
    qtbot: QtBot, view: AgreementsView, register: Register
) -> None:
    view.select_agreement(register.overdue)
    qtbot.waitUntil(lambda: view.pane.detail is not None)
    with qtbot.waitSignal(view._context.open_record) as opened:
        view.pane.made_in.click()
    assert opened.args == ["meeting", register.meeting]
    view.pane.discussed.setCurrentIndex(view.pane.discussed_model.index(0, 0))
    with qtbot.waitSignal(view._context.open_record) as opened:
        qtbot.keyClick(view.pane.discussed, Qt.Key.Key_Return)
    assert opened.args == ["meeting", register.later_meeting]


def test_a_status_change_against_an_older_version_is_a_conflict_shown(
    qtbot: QtBot, view: AgreementsView, register: Register, sqlite_database: Database
) -> None:
    view.select_agreement(register.soon)
    qtbot.waitUntil(lambda: view.pane.detail is not None)
    with sqlite_database.begin() as session:
        version = view.pane.detail.row.version
        agreement_service.change_status(
            session, register.soon, "in_progress", expected_version=version, now=NOW
        )
    view.pane.new_status.setCurrentIndex(view.pane.new_status.findData("dropped"))
    view.pane.change_button.click()
    qtbot.waitUntil(view.pane.message.isVisible, timeout=10_000)
    assert "Someone else changed this record" in view.pane.message.text()


def test_model_filters_and_sorts_without_widgets(register: Register, sqlite_database: Database) -> None:
    with sqlite_database.session() as session:
        register_data = register_rows(session)
    model = AgreementTableModel(TODAY)
    proxy = AgreementFilter()
    proxy.setSourceModel(model)
    model.set_register(register_data)
    assert proxy.rowCount() == 3
    proxy.set_filter(RegisterFilter(TODAY, meeting_id=register.later_meeting))
    assert [r.id for r in proxy.rows()] == [register.overdue]
    proxy.set_filter(RegisterFilter(TODAY, statuses=frozenset({"done"})))
    assert proxy.rows() == []
    proxy.set_filter(RegisterFilter(TODAY, partner="jongerenwerk"))
    assert {r.id for r in proxy.rows()} == {register.overdue, register.undated}
    proxy.sort(COLUMNS.index("due"), Qt.SortOrder.DescendingOrder)
    assert [r.id for r in proxy.rows()] == [register.undated, register.overdue]
    assert model.data(model.index(0, 1)) == "Open"
