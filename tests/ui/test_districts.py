"""Every record has a district, visibly, as a person sees it in the app: the forms show the district the
precedence gives, the dashboard lists records without one and assigns a whole kind at once, the default
district survives a rename and a merge, a signal logged in Noord's Who to call counts in Noord."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from teamlead.cli import main
from teamlead.data.database import Database
from teamlead.data.models import AuditEntry, District, Meta, Neighbourhood, Note, Organisation
from teamlead.data.queries.districts import MERGED_PREFIX
from teamlead.rules import settings
from teamlead.rules.vocabulary import Change, DistrictedKind
from teamlead.services import geography, organisations
from teamlead.services.organisations import OrganisationInput
from teamlead.ui.context import AppContext
from teamlead.ui.dashboard.districtless import AssignDistrictDialog
from teamlead.ui.dashboard.view import DashboardView
from teamlead.ui.main_window import MainWindow
from teamlead.ui.notes.dialog import NoteDialog
from teamlead.ui.partners.view import PartnersView
from teamlead.ui.settings_actions import open_settings
from teamlead.ui.settings_dialog import SettingsDialog
from teamlead.ui.whotocall.view import WhoToCallView
from tests.reports.readback import sheet_rows
from tests.ui.conftest import TODAY

# The completion popups ask the offscreen test platform for things it cannot do (raise, grab the keyboard).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@dataclass(frozen=True)
class TwoDistricts:
    noord: int
    centrum: int
    volewijck: int
    burgwallen: int
    police: int  # home Centrum, serves Volewijck in Noord too


def two_districts(database: Database) -> TwoDistricts:
    with database.begin() as session:
        noord = geography.add_district(session, "Noord")
        centrum = geography.add_district(session, "Centrum")
        volewijck = geography.add_neighbourhood(session, noord, "Volewijck")
        burgwallen = geography.add_neighbourhood(session, centrum, "Burgwallen-Oude Zijde")
        police = organisations.add_organisation(
            session,
            OrganisationInput(
                name="Politie Centrum-Jordaan", district_id=centrum, neighbourhood_ids=[burgwallen, volewijck]
            ),
            today=TODAY,
        )
    return TwoDistricts(noord, centrum, volewijck, burgwallen, police)


@pytest.fixture
def context(qtbot: QtBot, database: Database) -> Iterator[AppContext]:
    errors: list[str] = []
    context = AppContext(database, today=TODAY)
    context.tasks.error_reporter = errors.append
    yield context
    context.tasks.shutdown()
    assert errors == []


@pytest.fixture
def host(qtbot: QtBot, context: AppContext) -> Iterator[QWidget]:
    """The parent of the views and dialogs, deleted on the GUI thread after the background work stopped."""
    widget = QWidget()
    widget.resize(1366, 768)
    widget.show()
    yield widget
    context.tasks.shutdown()
    widget.close()


def settle(qtbot: QtBot, context: AppContext) -> None:
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=10_000)


def url_of(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


def _roster(path: Path, count: int) -> Path:
    lines = ["Organisatie;Naam;Telefoon"] + [
        f"Buurtinitiatief {n:02};Contact {n:02};020 555 {n:04}" for n in range(1, count + 1)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_roster_without_district_is_assigned_from_the_dashboard_all_at_once(
    qtbot: QtBot,
    make_window: Callable[[Database], MainWindow],
    database: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Two districts: ``teamlead import`` without ``--district`` gives 12 partners no district and says so;
    the dashboard lists them, and its "Assign district…" moves all 12 in one go."""
    world = two_districts(database)
    roster = _roster(tmp_path / "buurtinitiatieven.csv", 12)
    assert main(["--database", url_of(database), "import", str(roster)]) == 0
    summary = capsys.readouterr().out.splitlines()[-1]
    assert summary == (
        "organisations: 12 added, 0 merged; persons: 12 added, 0 merged; rows skipped: 0"
        "; no home district (the database has several; give --district)"
    )
    window = make_window(database)
    view = window.current_view()
    assert isinstance(view, DashboardView)
    qtbot.waitUntil(lambda: view.is_loaded and view.districtless.isVisible(), timeout=10_000)
    line = view.districtless.lines[DistrictedKind.ORGANISATION]
    assert line.text() == "12 partners have no district"
    assert not view.districtless.lines[DistrictedKind.NOTE].isVisible()
    qtbot.mouseClick(view.districtless.buttons[DistrictedKind.ORGANISATION], Qt.MouseButton.LeftButton)
    dialog = view.findChild(AssignDistrictDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.district.is_loaded, timeout=10_000)
    assert dialog.district.currentText() == "(no district)"  # several districts, no default: nothing guessed
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert "Choose a district" in dialog.error.text()
    dialog.district.setCurrentIndex(dialog.district.findText("Noord"))
    dialog.district.activated.emit(dialog.district.currentIndex())
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.moved == 12, timeout=10_000)
    qtbot.waitUntil(lambda: not view.districtless.isVisible(), timeout=10_000)
    with database.session() as session:
        districts = session.scalars(
            select(Organisation.district_id).where(Organisation.name.like("Buurtinitiatief%"))
        ).all()
        audited = session.scalars(
            select(AuditEntry.record_id).where(
                AuditEntry.table_name == "organisation", AuditEntry.fields == "district_id"
            )
        ).all()
    assert districts == [world.noord] * 12
    assert len(audited) == 12


def test_the_default_district_survives_a_rename_and_a_merge(
    qtbot: QtBot, make_window: Callable[[Database], MainWindow], database: Database
) -> None:
    """Chosen in the settings as Noord; renamed, the dashboard follows; merged into Centrum (as the merge
    service records it), the dashboard and a new partner's form show Centrum."""
    world = two_districts(database)
    window = make_window(database)
    open_settings(window)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.district_box.isEnabled, timeout=10_000)
    dialog.district_box.setCurrentIndex(dialog.district_box.findText("Noord"))
    dialog.accept()
    assert list(settings.load().default_districts.values()) == [world.noord]
    view = window.current_view()
    assert isinstance(view, DashboardView)
    qtbot.waitUntil(lambda: view.subtitle.text().startswith("Noord "), timeout=10_000)

    with database.begin() as session:
        geography.rename_district(session, world.noord, "Amsterdam-Noord", expected_version=1)
    window.context.data_changed.emit(Change.GEOGRAPHY)
    qtbot.waitUntil(lambda: view.subtitle.text().startswith("Amsterdam-Noord "), timeout=10_000)

    with database.begin() as session:
        # The merge as the geography service records it: links moved, the old row gone, the key kept.
        session.execute(
            update(Neighbourhood)
            .where(Neighbourhood.district_id == world.noord)
            .values(district_id=world.centrum)
        )
        session.add(Meta(key=f"{MERGED_PREFIX}{world.noord}", value=str(world.centrum)))
        session.delete(session.get(District, world.noord))
    window.context.data_changed.emit(Change.GEOGRAPHY)
    qtbot.waitUntil(lambda: view.subtitle.text().startswith("Centrum "), timeout=10_000)
    assert list(settings.load().default_districts.values()) == [world.noord]  # kept by id, followed

    window.go_to_section("partners")
    partners = window.current_view()
    assert isinstance(partners, PartnersView)
    qtbot.waitUntil(lambda: not window.context.tasks.busy, timeout=10_000)
    partners.new_partner()
    field = partners.pane.editor.district
    qtbot.waitUntil(lambda: field.currentText() == "Centrum", timeout=10_000)


def test_a_new_partner_shows_the_district_it_will_get(
    qtbot: QtBot, context: AppContext, host: QWidget, database: Database
) -> None:
    """No "(no district)" while the precedence gives one: the screen's filter, a neighbourhood ticked."""
    world = two_districts(database)
    view = PartnersView(context, host)
    view.show()
    settle(qtbot, context)
    view.new_partner()
    settle(qtbot, context)
    field = view.pane.editor.district
    assert field.currentText() == "(no district)"  # two districts, no default, no filter
    items = view.pane.editor.neighbourhoods
    volewijck = next(items.item(i) for i in range(items.count()) if items.item(i).text() == "Volewijck")
    volewijck.setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: field.currentText() == "Noord", timeout=10_000)
    assert field.findData(None) == -1
    qtbot.keyClicks(view.pane.editor.name, "Huiswerkklas Noord")
    qtbot.mouseClick(view.pane.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    with database.session() as session:
        saved = session.scalar(
            select(Organisation.district_id).where(Organisation.name == "Huiswerkklas Noord")
        )
    assert saved == world.noord

    view.district.setCurrentIndex(view.district.findData(world.centrum))  # the roster filtered on Centrum
    view.new_partner()
    qtbot.waitUntil(lambda: field.currentText() == "Centrum", timeout=10_000)


def test_a_one_district_database_never_shows_no_district(
    qtbot: QtBot, context: AppContext, host: QWidget, database: Database
) -> None:
    with database.begin() as session:
        geography.add_district(session, "Nieuw-West")
    view = PartnersView(context, host)
    view.show()
    settle(qtbot, context)
    view.new_partner()
    settle(qtbot, context)
    field = view.pane.editor.district
    assert (field.currentText(), field.findData(None)) == ("Nieuw-West", -1)


def test_a_signal_in_noords_who_to_call_counts_in_noord_not_in_the_partners_home(
    qtbot: QtBot, context: AppContext, host: QWidget, database: Database, tmp_path: Path
) -> None:
    """The police's home is Centrum; it serves Volewijck in Noord. A signal logged from Noord's Who to call
    with the police is Noord's: in Noord's district report, not in Centrum's."""
    world = two_districts(database)
    view = WhoToCallView(context, host)
    view.show()
    settle(qtbot, context)
    qtbot.keyClicks(view.picker.line, "Volewijck")
    qtbot.keyClick(view.picker.line, Qt.Key.Key_Return)
    settle(qtbot, context)
    assert [p.name for g in view.groups for p in g.partners] == ["Politie Centrum-Jordaan"]
    qtbot.mouseClick(view.log_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(NoteDialog)
    assert dialog is not None
    settle(qtbot, context)
    assert dialog.district.currentText() == "Noord"
    assert dialog.organisations.pick_id(world.police)
    settle(qtbot, context)
    assert dialog.district.currentText() == "Noord"  # the partner's home does not move it
    qtbot.keyClicks(dialog.text, "Groep jongeren bij het pontje, onrustig")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved_note_id is not None, timeout=10_000)
    with database.session() as session:
        note = session.get(Note, dialog.saved_note_id)
        assert note is not None
        assert (note.district_id, note.neighbourhood_id) == (world.noord, world.volewijck)

    figures = {}
    for name in ("Noord", "Centrum"):
        target = tmp_path / f"{name}.xlsx"
        period = ["--from", "2026-01-01", "--to", "2026-03-31"]
        assert main(["--database", url_of(database), "report", "district", "--district", name, *period,
                     "-o", str(target)]) == 0  # fmt: skip
        figures[name] = dict(sheet_rows(target, "Summary")[1:])
    assert (figures["Noord"]["signals"], figures["Noord"]["contact_moments_signal"]) == (1, 1)
    assert (figures["Centrum"]["signals"], figures["Centrum"]["contact_moments_signal"]) == (0, 0)


def test_the_meeting_dialogs_show_the_district(
    qtbot: QtBot, context: AppContext, host: QWidget, database: Database
) -> None:
    """A new series shows the user's default district; a meeting's edit shows its own."""
    from teamlead.data.queries.default_district import DefaultDistrict, database_id, save_default_district
    from teamlead.data.queries.meeting_list import meeting_list
    from teamlead.ui.meetings.dialogs import EditMeetingDialog, SeriesDialog

    world = two_districts(database)
    with database.session() as session:
        own = database_id(session)
    assert own is not None
    save_default_district(DefaultDistrict(own, world.centrum))
    series = SeriesDialog(context, [], host)
    settle(qtbot, context)
    assert series.district.currentText() == "Centrum"
    qtbot.keyClicks(series.title_edit, "Netwerkoverleg Noord")
    series.district.setCurrentIndex(series.district.findText("Noord"))
    series.district.activated.emit(series.district.currentIndex())
    series.first_date.set_value(date(2026, 3, 10))
    series.save()
    settle(qtbot, context)
    with database.session() as session:
        rows = meeting_list(session)
    assert rows
    assert {row.district_id for row in rows} == {world.noord}
    edit = EditMeetingDialog(context, rows[0], host)
    settle(qtbot, context)
    assert edit.district.currentText() == "Noord"  # its own, not the default
