"""The app follows the rights: each role sees its own window, on a real server with real non-superuser roles."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from teamlead.data.access.identity import EVERYTHING, who_am_i
from teamlead.data.access.names import Group
from teamlead.data.queries.city_overview import city_overview
from teamlead.data.queries.default_district import district_choice, user_default_district_id
from teamlead.producing.produce import produce
from teamlead.rules.vocabulary import Change
from teamlead.services import notes
from teamlead.ui.dashboard.city import CityDashboardView
from teamlead.ui.main_window import MainWindow
from teamlead.ui.reports.view import ReportsView
from teamlead.ui.settings_actions import open_geography
from tests.access_world import NOW, TODAY, AccessWorld
from tests.ui.safety.conftest import Started

pytestmark = pytest.mark.postgres

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def shot(name: str, tmp_path: Path) -> str:
    """Where a screenshot goes: docs/screenshots with TEAMLEAD_WRITE_SCREENSHOTS=1 (to make the docs' pictures
    again), else the test's own folder, so an ordinary run leaves the checkout as it was."""
    folder = SCREENSHOTS if os.environ.get("TEAMLEAD_WRITE_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder / name)


def started_as(
    start_window: Callable[[str], Started], qtbot: QtBot, world: AccessWorld, name: str
) -> MainWindow:
    started = start_window(world.url_of(name).render_as_string(hide_password=False))
    qtbot.waitUntil(lambda: started.window.has_context, timeout=20_000)
    window = started.window
    qtbot.waitUntil(lambda: window.context.identity is not None, timeout=20_000)
    qtbot.waitUntil(lambda: window.sidebar.count() > 0 and window.sidebar.currentRow() >= 0, timeout=20_000)
    return window


def sidebar_titles(window: MainWindow) -> list[str]:
    return [window.sidebar.item(row).text() for row in range(window.sidebar.count())]


def test_who_am_i_answers_each_role(world: AccessWorld) -> None:
    with world.owner.session() as session:
        owner = who_am_i(session)
    assert owner.administrator
    assert owner.shared
    with world.as_user("lead") as lead, lead.session() as session:
        me = who_am_i(session)
        assert (me.group, me.district_ids, me.administrator, me.may_erase) == (
            Group.TEAMLEAD,
            (world.noord,),
            False,
            True,
        )
        assert user_default_district_id(session) == world.noord
        choice = district_choice(session, organisation_ids=[world.serving])
        assert [d.name for d in choice.districts] == ["Noord"]
        assert choice.suggested == world.noord  # a Nieuw-West partner serving Noord: the note is Noord's
    with world.as_user("colleague") as colleague, colleague.session() as session:
        me = who_am_i(session)
        assert (me.group, me.may_erase, me.may_change_retention) == (Group.COLLEAGUE, False, False)
    with world.as_user("town") as town, town.session() as session:
        assert who_am_i(session).city
    with world.as_user("boss") as boss, boss.session() as session:
        assert who_am_i(session).administrator


def test_on_an_sqlite_file_the_one_user_is_everything(tmp_path: Path) -> None:
    from teamlead.data.database import open_database

    database = open_database(tmp_path / "alone.db")
    try:
        with database.session() as session:
            assert who_am_i(session) == EVERYTHING
    finally:
        database.dispose()


def test_a_city_user_sees_counts_and_reports_only(
    start_window: Callable[[str], Started], qtbot: QtBot, world: AccessWorld, tmp_path: Path
) -> None:
    window = started_as(start_window, qtbot, world, "town")
    assert sidebar_titles(window) == ["Dashboard", "Reports"]
    user = window.statusBar().findChild(QLabel, "userLabel")
    assert user is not None
    assert user.text() == "Logged in as town (City)"
    sections = [name for name in window.actions_by_name if name.startswith("section_")]
    assert sections == ["section_dashboard", "section_reports"]  # the Go menu: Ctrl+1 and Ctrl+2 only
    qtbot.waitUntil(lambda: isinstance(window.current_view(), CityDashboardView), timeout=10_000)
    view = window.current_view()
    assert isinstance(view, CityDashboardView)
    qtbot.waitUntil(lambda: view.overview is not None, timeout=10_000)
    assert view.tiles["districts"].value.text() == "2"
    with world.owner.session() as session:  # the owner reads the tables; the city user its views
        assert view.overview == city_overview(session)
    assert view.overview is not None
    noord = next(line for line in view.overview.districts if line.name == "Noord")
    assert (noord.neighbourhoods, noord.partners, noord.open_agreements) == (1, 1, 1)
    assert view.tiles["partners"].value.text() == str(view.overview.total("partners"))
    for name in ("log_note", "new_meeting", "search", "handover", "privacy_person"):
        assert not window.actions_by_name[name].isEnabled(), name
    assert not window.actions_by_name["changes"].isVisible()
    assert not window.actions_by_name["users"].isVisible()
    failures: list[str] = []
    window.context.tasks.error_reporter = failures.append
    view.reports_button.click()
    reports = window.current_view()
    assert isinstance(reports, ReportsView)
    assert reports.objectName() == "view_reports"
    qtbot.waitUntil(lambda: reports.district.count() == 3, timeout=10_000)
    qtbot.wait(300)  # the narrative of the chosen district and quarter reads after
    assert failures == []
    _the_city_user_makes_the_district_report_for_the_city_only(qtbot, world, reports, tmp_path)
    window.go_to_section("dashboard")
    window.resize(1366, 768)
    qtbot.wait(200)
    assert window.grab().save(shot("city-dashboard.png", tmp_path))
    window.context.tasks.shutdown(wait=True)


def _cells(path: Path) -> dict[str, list[list[object]]]:
    workbook = load_workbook(path)
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True) if row[:1] != ("generated_at",)]
        for sheet in workbook.worksheets
    }


def _the_city_user_makes_the_district_report_for_the_city_only(
    qtbot: QtBot, world: AccessWorld, reports: ReportsView, tmp_path: Path
) -> None:
    """The other kinds read tables a city user sees empty: not offered, and refused by the command too."""
    assert [reports.kind.itemData(i) for i in range(reports.kind.count())] == ["district"]
    assert [reports.audience.itemData(i) for i in range(reports.audience.count())] == ["city"]
    assert not reports.audience.isEnabled()
    reports.district.setCurrentIndex(reports.district.findText("Noord"))
    reports.format.setCurrentIndex(reports.format.findData(".xlsx"))
    target = tmp_path / "noord-city.xlsx"
    with qtbot.waitSignal(reports.report_written, timeout=30_000):
        reports.make_report(target)
    request = reports.request(tmp_path / "noord-owner.xlsx")
    mine = produce(world.owner, request)
    assert _cells(target) == _cells(mine)
    summary = {row[0]: row[1] for row in _cells(target)["Summary"]}
    assert (summary["district"], summary["audience"]) == ("Noord", "city")


def test_a_colleague_is_not_offered_erasure_nor_the_administrators_entries(
    start_window: Callable[[str], Started], qtbot: QtBot, world: AccessWorld
) -> None:
    window = started_as(start_window, qtbot, world, "colleague")
    assert "Partners" in sidebar_titles(window)
    assert not window.actions_by_name["changes"].isVisible()
    assert not window.actions_by_name["users"].isVisible()
    person = window.actions_by_name["privacy_person"]
    assert person.isEnabled()
    assert "may not erase persons" in person.toolTip()
    window.context.tasks.shutdown(wait=True)


def test_a_write_the_server_refuses_reads_as_a_message_box(
    start_window: Callable[[str], Started], qtbot: QtBot, world: AccessWorld
) -> None:
    window = started_as(start_window, qtbot, world, "lead")
    shown: list[str] = []
    window.context.tasks.error_reporter = shown.append
    # A note in Nieuw-West, which the Noord team lead may not write: row-level security refuses it.
    form = notes.NoteInput(kind="call", text="Niet van ons", district_id=world.nieuw_west)
    window.context.write(lambda session: notes.log_note(session, form, today=TODAY), changed=Change.NOTE)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown[0].startswith("The database refused this: your role may not see or change these records")
    assert "Traceback" not in shown[0]
    window.context.tasks.error_reporter = window.context.tasks.show_error_dialog
    window.context.write(lambda session: notes.log_note(session, form, today=TODAY), changed=Change.NOTE)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=10_000)
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    assert box.text().startswith("The database refused this")
    box.accept()
    window.context.tasks.shutdown(wait=True)


def test_a_team_lead_reports_on_their_own_district(
    start_window: Callable[[str], Started], qtbot: QtBot, world: AccessWorld
) -> None:
    window = started_as(start_window, qtbot, world, "lead")
    window.go_to_section("reports")
    reports = window.current_view()
    qtbot.waitUntil(lambda: reports.district.count() > 0, timeout=10_000)  # type: ignore[attr-defined]
    combo = reports.district  # type: ignore[attr-defined]
    assert [combo.itemText(i) for i in range(combo.count())] == ["All districts", "Noord"]
    assert combo.currentText() == "Noord"
    window.context.tasks.shutdown(wait=True)


def test_a_team_lead_of_an_empty_district_is_not_offered_a_demo(
    start_window: Callable[[str], Started], qtbot: QtBot, world: AccessWorld
) -> None:
    from teamlead.services import geography, users

    with world.owner.begin() as session:
        zuid = geography.add_district(session, "Zuid", now=NOW)
    users.add_user(world.owner, "zuid", Group.TEAMLEAD, [zuid], None)
    window = started_as(start_window, qtbot, world, "zuid")
    qtbot.waitUntil(lambda: window.current_view().objectName() == "view_dashboard", timeout=10_000)
    assert not window.showing_welcome
    window.context.tasks.shutdown(wait=True)


def test_a_team_lead_puts_a_neighbourhood_only_in_their_own_district(
    start_window: Callable[[str], Started], qtbot: QtBot, world: AccessWorld
) -> None:
    window = started_as(start_window, qtbot, world, "lead")
    settings = open_geography(window)
    page = settings.geography
    qtbot.waitUntil(lambda: len(page.data.districts) == 2, timeout=10_000)
    dialog = page.add(page.neighbourhoods)
    assert dialog.district is not None
    assert [dialog.district.itemText(i) for i in range(dialog.district.count())] == ["Noord"]
    dialog.reject()
    settings.reject()
    window.context.tasks.shutdown(wait=True)


def test_a_team_lead_changes_only_their_own_neighbourhoods(
    start_window: Callable[[str], Started], qtbot: QtBot, world: AccessWorld
) -> None:
    window = started_as(start_window, qtbot, world, "lead")
    settings = open_geography(window)
    page = settings.geography
    qtbot.waitUntil(lambda: len(page.data.districts) == 2, timeout=10_000)
    page.districts.select(world.noord)
    assert not page.districts.rename_button.isEnabled()
    assert not page.domains.add_button.isEnabled()
    assert page.domains.add_button.toolTip() == (
        "Only an administrator changes the districts and domains every district shares."
    )
    page.neighbourhoods.select(world.oud_noord)
    assert page.neighbourhoods.rename_button.isEnabled()
    assert page.neighbourhoods.add_button.isEnabled()
    other = next(row for row in page.data.neighbourhoods if row.district_id == world.nieuw_west)
    page.districts.select(world.nieuw_west)  # its neighbourhoods are listed (read, not changed)
    page.neighbourhoods.select(other.id)
    qtbot.waitUntil(lambda: getattr(page.neighbourhoods.current(), "id", None) == other.id, timeout=5000)
    assert not page.neighbourhoods.rename_button.isEnabled()
    assert (
        page.neighbourhoods.rename_button.toolTip()
        == "Only the team of a neighbourhood's district changes it."
    )
    lists = settings.signal_lists
    qtbot.waitUntil(lambda: lists.is_loaded, timeout=10_000)
    assert not lists.themes.add_button.isEnabled()
    assert (
        lists.offers.add_button.toolTip() == "Only an administrator changes the lists every district shares."
    )
    settings.reject()
    window.context.tasks.shutdown(wait=True)


def test_a_partner_of_another_district_is_read_not_changed(
    start_window: Callable[[str], Started], qtbot: QtBot, world: AccessWorld
) -> None:
    from teamlead.rules.vocabulary import RecordKind
    from teamlead.ui.partners.view import PartnersView

    window = started_as(start_window, qtbot, world, "lead")
    assert window.open_record(RecordKind.ORGANISATION, world.serving)
    view = window.current_view()
    assert isinstance(view, PartnersView)
    pane = view.pane
    qtbot.waitUntil(lambda: pane.organisation_id() == world.serving, timeout=10_000)
    assert not pane.archive_button.isEnabled()
    assert not pane.add_person_button.isEnabled()
    assert pane.archive_button.toolTip().startswith(
        "This partner belongs to another district: you may read it"
    )
    assert pane.note_button.isEnabled()  # a contact moment with it is Noord's own note
    assert window.open_record(RecordKind.ORGANISATION, world.buurtwerk)
    qtbot.waitUntil(lambda: pane.organisation_id() == world.buurtwerk, timeout=10_000)
    assert pane.archive_button.isEnabled()
    assert pane.add_person_button.isEnabled()
    assert pane.save_button.toolTip() == "Save the changes (Ctrl+S)"
    window.context.tasks.shutdown(wait=True)
