"""The Reports section driven as a user would: choose, make in the background, see the result; the narrative."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database
from teamlead.reporting.periods import Period
from teamlead.services.narratives import get_narrative
from teamlead.ui.context import AppContext
from teamlead.ui.reports.view import ReportsView
from tests.reporting.seed import Seeded, seed
from tests.reports.readback import pdf_text, sheet_rows

TODAY = date(2026, 10, 15)  # the last full quarter is 2026-Q3, the seed's
Q3 = Period(date(2026, 7, 1), date(2026, 9, 30))


@pytest.fixture
def seeded(sqlite_database: Database) -> Seeded:
    return seed(sqlite_database)


@pytest.fixture
def view(qtbot: QtBot, sqlite_database: Database, seeded: Seeded) -> ReportsView:
    context = AppContext(sqlite_database, today=TODAY)
    errors: list[str] = []
    context.tasks.error_reporter = errors.append
    view = ReportsView(context)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded):
        view.show()
    return view


def _choose(view: ReportsView, combo_name: str, data: object) -> None:
    combo = getattr(view, combo_name)
    combo.setCurrentIndex(combo.findData(data))


def test_makes_the_district_report_in_the_background(
    qtbot: QtBot, view: ReportsView, seeded: Seeded, tmp_path: Path
) -> None:
    assert view.quarter.currentText() == "2026-Q3"
    _choose(view, "district", seeded.district_id)
    assert view.audience.currentData() == "city"
    target = tmp_path / "nieuw-west.xlsx"
    with qtbot.waitSignal(view.report_written, timeout=10_000) as written:
        view.make_report(target)
    assert written.args == [str(target)]
    values = dict(sheet_rows(target, "Summary")[1:])
    assert (values["district"], values["period_from"], values["meetings_held"]) == (
        "Nieuw-West",
        "2026-07-01",
        2,
    )
    assert view.open_button.isEnabled()
    assert view.folder_button.isEnabled()
    assert str(target) in view.status.text()


def test_contacts_are_for_the_district_audience_only(
    qtbot: QtBot, view: ReportsView, seeded: Seeded, tmp_path: Path
) -> None:
    _choose(view, "kind", "contacts")
    assert view.audience.currentData() == "district"
    assert not view.audience.isEnabled()
    _choose(view, "district", seeded.district_id)
    target = tmp_path / "contacts.pdf"
    with qtbot.waitSignal(view.report_written, timeout=10_000):
        view.make_report(target)
    assert "Geuzenveld" in pdf_text(target)


def test_a_report_that_cannot_be_made_says_why(qtbot: QtBot, view: ReportsView, tmp_path: Path) -> None:
    _choose(view, "district", None)  # all districts: the district report needs one
    with qtbot.waitSignal(view.report_failed, timeout=10_000) as failed:
        view.make_report(tmp_path / "x.pdf")
    assert "Nieuw-West, West" in failed.args[0]
    assert view.make_button.isEnabled()
    assert not (tmp_path / "x.pdf").exists()


def test_the_narrative_of_the_quarter_is_shown_and_saved(
    qtbot: QtBot, view: ReportsView, seeded: Seeded, sqlite_database: Database
) -> None:
    _choose(view, "district", seeded.district_id)
    qtbot.waitUntil(lambda: view.narrative.toPlainText().startswith("Een goed kwartaal."))
    view.narrative.setPlainText("Het netwerk groeit; de jongerenwerkers zijn onmisbaar.")
    with qtbot.waitSignal(view.narrative_saved, timeout=10_000):
        view.save_narrative()
    with sqlite_database.session() as session:
        row = get_narrative(session, seeded.district_id, Q3.start, Q3.end)
    assert row is not None
    assert row.text == "Het netwerk groeit; de jongerenwerkers zijn onmisbaar."


def test_the_suggested_file_name_is_valid_on_windows(view: ReportsView) -> None:
    view.district.setItemText(view.district.currentIndex(), 'Noord/Oost: "centrum"?')
    name = view.suggested_file_name()
    assert name.endswith(view.format.currentData())
    assert not set(name) & set('<>:"/\\|?*')
    assert "Noord-Oost- -centrum" in name


def test_the_quarter_just_ended_is_offered_without_a_restart(
    qtbot: QtBot, sqlite_database: Database, seeded: Seeded
) -> None:
    """The app left open over the end of a quarter: shown again, the screen offers (and chooses) the quarter
    that just ended; an older quarter the user chose stays chosen."""
    context = AppContext(sqlite_database, today=TODAY)
    view = ReportsView(context)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded):
        view.show()
    assert view.quarter.currentText() == "2026-Q3"

    context.set_today(date(2027, 1, 4))
    view.hide()
    view.show()
    assert [view.quarter.itemText(i) for i in range(2)] == ["2026-Q4", "2026-Q3"]
    assert view.quarter.currentText() == "2026-Q4"
    assert view.request(Path("x.xlsx")).period == Period(date(2026, 10, 1), date(2026, 12, 31))

    view.quarter.setCurrentIndex(view.quarter.findText("2026-Q2"))
    context.set_today(date(2027, 4, 2))
    view.hide()
    view.show()
    assert view.quarter.itemText(0) == "2027-Q1"
    assert view.quarter.currentText() == "2026-Q2"
    qtbot.waitUntil(lambda: not context.tasks.busy)
    context.tasks.shutdown(wait=True)
