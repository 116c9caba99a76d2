"""The dialogs of the app, each opened as the app opens it (its real constructor, on a real database that holds
what it shows), for the keyboard tests in tests/ui/test_tab_chain.py. A new dialog gets its opener here and its
entry in :data:`DIALOGS`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QWidget,
)
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database
from teamlead.ui.context import AppContext
from tests.ui.conftest import TODAY, Seeded, seed

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class World:
    """A seeded database (two partners, a person, a meeting and a series) and a window to open dialogs on."""

    database: Database
    context: AppContext
    host: QWidget
    seeded: Seeded
    meeting: int
    series: int
    tmp_path: Path


def make_world(qtbot: QtBot, database: Database, tmp_path: Path) -> World:
    """The database seeded (two partners, a person, a meeting, a series), a context and a host window."""
    from teamlead.services.meetings import MeetingInput, schedule_meeting
    from teamlead.services.series import SeriesInput, create_series
    from teamlead.services.series_rules import monthly_on_nth_weekday

    seeded = seed(database)
    with database.begin() as session:
        meeting = schedule_meeting(
            session,
            MeetingInput(
                kind="network",
                title="Kennismaking wijkagent",
                starts_at=datetime(2026, 3, 10, 13, 0, tzinfo=UTC),
                district_id=seeded.district,
                organisation_ids=[seeded.youth_work],
            ),
            now=NOW,
        )
        series = create_series(
            session,
            SeriesInput(
                kind="network",
                title="Netwerkoverleg",
                rrule=monthly_on_nth_weekday(2, 1),
                first_date=date(2026, 3, 10),
                start_time=time(14, 0),
                district_id=seeded.district,
            ),
            now=NOW,
        )
    context = AppContext(database, today=TODAY)
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(1200, 800)
    host.show()
    return World(database, context, host, seeded, meeting, series, tmp_path)


Opener = Callable[[QtBot, World], QWidget]


def settle(qtbot: QtBot, world: World) -> None:
    qtbot.waitUntil(lambda: not world.context.tasks.busy, timeout=10_000)


def shown(qtbot: QtBot, world: World, dialog: QWidget) -> QWidget:
    """Open as the app does (window-modal, not blocking), and wait until its lists are loaded."""
    qtbot.addWidget(dialog)
    if isinstance(dialog, QDialog):
        dialog.open()
    else:
        dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    settle(qtbot, world)
    qtbot.wait(10)
    settle(qtbot, world)
    return dialog


def note(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.ui.notes.dialog import NoteDialog

    return shown(qtbot, world, NoteDialog(world.context, world.host))


def signal_round(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.ui.signals.round_dialog import SignalRoundDialog

    return shown(qtbot, world, SignalRoundDialog(world.context, world.seeded.signal, world.host))


def ask(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.ui.signals.ask_dialog import AskDialog, AskTarget

    target = AskTarget(world.seeded.signal, world.seeded.police, "Politie basisteam Slotervaart", ())
    return shown(qtbot, world, AskDialog(world.context, target, world.host))


def new_meeting(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.data.queries.invitees import meeting_form_choices
    from teamlead.ui.meetings.new_meeting import NewMeetingDialog

    with world.database.session() as session:
        choices = meeting_form_choices(session, TODAY)
    return shown(qtbot, world, NewMeetingDialog(world.context, choices, world.host))


def series(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.data.queries.name_choices import organisation_choices
    from teamlead.ui.meetings.dialogs import SeriesDialog

    with world.database.session() as session:
        choices = organisation_choices(session)
    return shown(qtbot, world, SeriesDialog(world.context, choices, world.host))


def _meeting_row(world: World, in_series: bool):  # type: ignore[no-untyped-def]
    from teamlead.data.queries.meeting_list import meeting_list

    with world.database.session() as session:
        rows = meeting_list(session)
    return next(row for row in rows if (row.series_id is not None) == in_series)


def edit_meeting(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.ui.meetings.dialogs import EditMeetingDialog

    return shown(qtbot, world, EditMeetingDialog(world.context, _meeting_row(world, False), world.host))


def edit_series_meeting(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.ui.meetings.dialogs import EditMeetingDialog

    return shown(qtbot, world, EditMeetingDialog(world.context, _meeting_row(world, True), world.host))


def invitees(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.data.queries.invitees import invitee_choices
    from teamlead.data.queries.meeting_page import meeting_page
    from teamlead.ui.meetings.invitees_dialog import InviteesDialog

    row = _meeting_row(world, True)
    with world.database.session() as session:
        data = meeting_page(session, row.id, TODAY)
        choices = invitee_choices(session, TODAY)
    return shown(qtbot, world, InviteesDialog(world.context, data, choices, world.host))


def _role(world: World):  # type: ignore[no-untyped-def]
    from teamlead.data.queries.partner_page import partner_page

    with world.database.session() as session:
        page = partner_page(session, world.seeded.youth_work)
    assert page is not None
    return page.roles[0]


def add_person(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.ui.people.dialogs import AddPersonDialog

    dialog = AddPersonDialog(world.context, world.seeded.youth_work, "Jongerenwerk Nieuw-West", world.host)
    return shown(qtbot, world, dialog)


def change_role(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.ui.people.dialogs import ChangeRoleDialog

    return shown(qtbot, world, ChangeRoleDialog(world.context, _role(world), world.host))


def end_role(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.ui.people.dialogs import EndRoleDialog

    return shown(qtbot, world, EndRoleDialog(world.context, _role(world), world.host))


def move_person(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.data.queries.name_choices import organisation_choices
    from teamlead.ui.people.dialogs import MovePersonDialog

    with world.database.session() as session:
        choices = organisation_choices(session)
    return shown(qtbot, world, MovePersonDialog(world.context, _role(world), choices, world.host))


def settings(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.ui.settings_dialog import SettingsDialog

    return shown(qtbot, world, SettingsDialog(world.context, world.host))


def geography(qtbot: QtBot, world: World) -> QWidget:
    """Settings on its second tab (File ▸ Districts, neighbourhoods and domains…)."""
    from teamlead.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(world.context, world.host)
    dialog.show_tab(dialog.GEOGRAPHY)
    return shown(qtbot, world, dialog)


def signal_lists(qtbot: QtBot, world: World) -> QWidget:
    """Settings on its third tab: the signal themes and the offers of partners."""
    from teamlead.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(world.context, world.host)
    dialog.show_tab(dialog.SIGNAL_LISTS)
    return shown(qtbot, world, dialog)


def geography_name(qtbot: QtBot, world: World) -> QWidget:
    """A neighbourhood's name and district (the geography page's Add and Rename)."""
    from teamlead.ui.geography.dialogs import NameDialog

    def work(_name: str, _district: int | None) -> Callable[[object], None]:
        return lambda _session: None

    districts = [(world.seeded.district, "Nieuw-West")]
    dialog = NameDialog(
        world.context,
        "Add a neighbourhood",
        "&Add",
        work,
        districts=districts,
        district_id=world.seeded.district,
        parent=world.host,
    )
    return shown(qtbot, world, dialog)


def _a_neighbourhood(world: World) -> int:
    from sqlalchemy import select

    from teamlead.data.geography import Neighbourhood

    with world.database.session() as session:
        found = session.scalar(select(Neighbourhood.id).order_by(Neighbourhood.id))
    assert found is not None
    return found


def place(qtbot: QtBot, world: World) -> QWidget:
    """A place of a neighbourhood (the neighbourhood page's Add place…)."""
    from teamlead.ui.neighbourhoods.dialogs import PlaceDialog

    return shown(qtbot, world, PlaceDialog(world.context, _a_neighbourhood(world), parent=world.host))


def history_line(qtbot: QtBot, world: World) -> QWidget:
    """A dated line of a neighbourhood's history (the neighbourhood page's Add to history…)."""
    from teamlead.ui.neighbourhoods.dialogs import EventDialog

    return shown(qtbot, world, EventDialog(world.context, _a_neighbourhood(world), parent=world.host))


def geography_merge(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.ui.geography.dialogs import MergeDialog

    dialog = MergeDialog(
        "Merge", [(1, "Slotermeer"), (2, "Geuzenveld")], lambda _id: "Nothing moves.", world.host
    )
    return shown(qtbot, world, dialog)


def assign_district(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.rules.vocabulary import DistrictedKind
    from teamlead.ui.dashboard.districtless import AssignDistrictDialog

    kind = next(iter(DistrictedKind))
    return shown(qtbot, world, AssignDistrictDialog(world.context, kind, 3, world.host))


def conflict(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.ui.safety.guarded import ConflictDialog

    mine = {"name": "Jongerenwerk Nieuw-West", "phone": "020 555 0101"}
    theirs = {"name": "Jongerenwerk Nieuw-West", "phone": "020 555 0199"}
    labels = {"name": "Name", "phone": "Phone"}
    return shown(qtbot, world, ConflictDialog(mine, theirs, labels, world.host))


def erasure(qtbot: QtBot, world: World) -> QWidget:
    """Erasing Fatima: her first name is also in a note, so the dialog lists it for review, text by text."""
    from teamlead.data.queries.partner_page import partner_page
    from teamlead.services.erasure import plan_erasure
    from teamlead.services.notes import NoteInput, log_note
    from teamlead.ui.safety.erasure_dialog import ErasureDialog

    with world.database.begin() as session:
        log_note(
            session,
            NoteInput(kind="call", text="Fatima belt terug", organisation_ids=[world.seeded.youth_work]),
            today=TODAY,
            now=NOW,
        )
        page = partner_page(session, world.seeded.youth_work)
        assert page is not None
        plan = plan_erasure(session, page.roles[0].person_id)
    assert plan.candidates
    return shown(qtbot, world, ErasureDialog(plan, world.host))


def handover(qtbot: QtBot, world: World) -> QWidget:
    """File → Handover…: the district picked (the districts load in the background), the folder named."""
    from teamlead.ui.handover_dialog import HandoverDialog

    dialog = shown(qtbot, world, HandoverDialog(world.context, world.host))
    dialog.parent_edit.setText(str(world.tmp_path))  # type: ignore[attr-defined]  # never the home folder
    qtbot.waitUntil(lambda: dialog.district.district_id() is not None, timeout=10_000)  # type: ignore[attr-defined]
    return dialog


def changes(qtbot: QtBot, world: World) -> QWidget:
    """File → Changes…: who changed what (the list reads in the background)."""
    from teamlead.ui.history.dialog import ChangesDialog

    return shown(qtbot, world, ChangesDialog(world.context, world.host))


def users(qtbot: QtBot, world: World) -> QWidget:
    """File → Users… (on an SQLite file it says users exist only on a shared database)."""
    from teamlead.ui.users.dialog import UsersDialog

    return shown(qtbot, world, UsersDialog(world.context, world.host))


def user_form(qtbot: QtBot, world: World) -> QWidget:
    """Users → Add…: name, role, districts, the password twice."""
    from teamlead.data.queries.districts import all_districts
    from teamlead.ui.users.form import UserFormDialog

    with world.database.session() as session:
        districts = all_districts(session)
    return shown(qtbot, world, UserFormDialog(districts, world.host))


def shortcuts(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.ui.help_dialogs import ShortcutsDialog

    return shown(qtbot, world, ShortcutsDialog([("Search", "Ctrl+K"), ("Quit", "Ctrl+Q")], world.host))


def login(qtbot: QtBot, world: World) -> QWidget:
    """The server asked for a password the URL did not carry; the user name came with the URL."""
    from teamlead.ui.safety.login import LoginDialog

    reason = "The server asks for a password."
    return shown(qtbot, world, LoginDialog("teamlead", "anna", reason, world.host))


def about(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.ui.help_dialogs import AboutDialog

    return shown(qtbot, world, AboutDialog(world.host, database="teamlead.sqlite3"))


def _window(qtbot: QtBot, world: World):  # type: ignore[no-untyped-def]
    """The privacy and backup dialogs belong to the main window (they use its database)."""
    from teamlead.ui.main_window import MainWindow

    window = MainWindow(
        world.context, qsettings=QSettings(str(world.tmp_path / "w.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.screen_ready, timeout=10_000):
        window.show()
    return window


def person_privacy(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.ui.safety.privacy_dialogs import PersonPrivacyDialog

    return shown(qtbot, world, PersonPrivacyDialog(_window(qtbot, world)))


def retention(qtbot: QtBot, world: World) -> QWidget:
    """With a note from long ago in its list."""
    from teamlead.services.notes import NoteInput, log_note
    from teamlead.ui.safety.privacy_dialogs import RetentionDialog

    with world.database.begin() as session:
        old = NoteInput(kind="call", text="Oud gesprek", occurred_on=date(2012, 5, 1))
        log_note(session, old, today=TODAY, now=NOW)

    dialog = RetentionDialog(_window(qtbot, world))
    shown(qtbot, world, dialog)
    assert dialog.table.rowCount() == 1
    return dialog


def backups(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.data.backup import backup_sqlite, default_backup_path
    from teamlead.startup.autobackup import backup_folder
    from teamlead.ui.safety.backups_dialog import BackupsDialog

    path = world.database.path
    if path is None:
        pytest.skip("a server database has no backups dialog (the menu says so in a message)")
    backup_sqlite(path, default_backup_path(path, folder=backup_folder(path)))  # one in the list
    dialog = BackupsDialog(_window(qtbot, world))
    shown(qtbot, world, dialog)
    assert dialog.model.rowCount() == 1
    return dialog


def _wizard_at(qtbot: QtBot, world: World, page: int) -> QWidget:
    """The import wizard, walked with a messy two-sheet roster up to ``page``."""
    from teamlead.ui.importing.wizard import ImportWizard
    from tests.importing.rosters import MESSY_ROSTER, write_xlsx

    wizard = ImportWizard(world.context, world.host)
    shown(qtbot, world, wizard)
    if page == wizard.FILE:
        return wizard
    cover = [["Overdracht"], ["Zie blad 2"]]
    path = write_xlsx(world.tmp_path / "partners.xlsx", {"Voorblad": cover, "Partners": MESSY_ROSTER})
    file_page = wizard.file_page
    file_page.path_edit.setText(str(path))
    file_page.read(str(path))
    qtbot.waitUntil(file_page.isComplete, timeout=10_000)
    while wizard.currentId() != page:
        wizard.next()
        settle(qtbot, world)
        qtbot.waitUntil(
            lambda: wizard.currentPage().isComplete() or wizard.currentId() == page, timeout=10_000
        )
    settle(qtbot, world)
    qtbot.waitUntil(wizard.currentPage().isComplete, timeout=10_000)
    return wizard


def import_file(qtbot: QtBot, world: World) -> QWidget:
    return _wizard_at(qtbot, world, 0)


def import_sheet(qtbot: QtBot, world: World) -> QWidget:
    return _wizard_at(qtbot, world, 1)


def import_columns(qtbot: QtBot, world: World) -> QWidget:
    return _wizard_at(qtbot, world, 2)


def import_preview(qtbot: QtBot, world: World) -> QWidget:
    return _wizard_at(qtbot, world, 3)


def import_merges(qtbot: QtBot, world: World) -> QWidget:
    return _wizard_at(qtbot, world, 4)


def import_summary(qtbot: QtBot, world: World) -> QWidget:
    return _wizard_at(qtbot, world, 6)


DIALOGS: dict[str, tuple[str, Opener]] = {
    "note": ("notes.dialog.NoteDialog", note),
    "signal-round": ("signals.round_dialog.SignalRoundDialog", signal_round),
    "ask": ("signals.ask_dialog.AskDialog", ask),
    "new-meeting": ("meetings.new_meeting.NewMeetingDialog", new_meeting),
    "series": ("meetings.dialogs.SeriesDialog", series),
    "edit-meeting": ("meetings.dialogs.EditMeetingDialog", edit_meeting),
    "edit-series-meeting": ("meetings.dialogs.EditMeetingDialog", edit_series_meeting),
    "invitees": ("meetings.invitees_dialog.InviteesDialog", invitees),
    "add-person": ("people.dialogs.AddPersonDialog", add_person),
    "change-role": ("people.dialogs.ChangeRoleDialog", change_role),
    "end-role": ("people.dialogs.EndRoleDialog", end_role),
    "move-person": ("people.dialogs.MovePersonDialog", move_person),
    "settings": ("settings_dialog.SettingsDialog", settings),
    "geography": ("settings_dialog.SettingsDialog", geography),
    "geography-name": ("geography.dialogs.NameDialog", geography_name),
    "signal-lists": ("settings_dialog.SettingsDialog", signal_lists),
    "geography-merge": ("geography.dialogs.MergeDialog", geography_merge),
    "place": ("neighbourhoods.dialogs.PlaceDialog", place),
    "history-line": ("neighbourhoods.dialogs.EventDialog", history_line),
    "assign-district": ("dashboard.districtless.AssignDistrictDialog", assign_district),
    "conflict": ("safety.guarded.ConflictDialog", conflict),
    "erasure": ("safety.erasure_dialog.ErasureDialog", erasure),
    "handover": ("handover_dialog.HandoverDialog", handover),
    "changes": ("history.dialog.ChangesDialog", changes),
    "users": ("users.dialog.UsersDialog", users),
    "user-form": ("users.form.UserFormDialog", user_form),
    "shortcuts": ("help_dialogs.ShortcutsDialog", shortcuts),
    "about": ("help_dialogs.AboutDialog", about),
    "login": ("safety.login.LoginDialog", login),
    "person-privacy": ("safety.privacy_dialogs.PersonPrivacyDialog", person_privacy),
    "retention": ("safety.privacy_dialogs.RetentionDialog", retention),
    "backups": ("safety.backups_dialog.BackupsDialog", backups),
    "import-file": ("importing.pages_choose.FilePage", import_file),
    "import-sheet": ("importing.pages_choose.SheetPage", import_sheet),
    "import-columns": ("importing.pages_choose.MappingPage", import_columns),
    "import-preview": ("importing.pages_run.PreviewPage", import_preview),
    "import-merges": ("importing.pages_run.MergesPage", import_merges),
    "import-summary": ("importing.pages_run.SummaryPage", import_summary),
}
"""Each case: the dialog class (or wizard page) it opens, under ``teamlead.ui``, and how it is opened."""
