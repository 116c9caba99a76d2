"""The keyboard path through every dialog: Tab visits every visible, enabled input exactly once, in reading
order (top to bottom, then left to right; the closing buttons last), and comes back to the first.

Each dialog is opened with its real constructor on a real database (both backends) holding what it shows.
A dialog class in ``teamlead.ui`` that is neither opened here nor excused (with the reason) fails
:func:`test_every_dialog_is_walked`, so a new dialog cannot be forgotten.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
    QWizard,
    QWizardPage,
)
from pytestqt.qtbot import QtBot

import teamlead.ui
from teamlead.data.database import Database
from teamlead.ui.context import AppContext
from teamlead.ui.widgets.keys import ENTER_PICKS
from tests.ui.conftest import TODAY, Seeded, seed
from tests.ui.keyboard import button_row, describe, expected_chain, owner, walk_tab_chain

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no raise, no grab


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


@pytest.fixture
def world(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[World]:
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
    yield World(database, context, host, seeded, meeting, series, tmp_path)
    context.tasks.shutdown(wait=True)


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
    """Erasing Fatima: her first name is also in a note, so the dialog asks about it (a box and its list)."""
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


def shortcuts(qtbot: QtBot, world: World) -> QWidget:
    from teamlead.ui.help_dialogs import ShortcutsDialog

    return shown(qtbot, world, ShortcutsDialog([("Search", "Ctrl+K"), ("Quit", "Ctrl+Q")], world.host))


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
    "geography-merge": ("geography.dialogs.MergeDialog", geography_merge),
    "assign-district": ("dashboard.districtless.AssignDistrictDialog", assign_district),
    "conflict": ("safety.guarded.ConflictDialog", conflict),
    "erasure": ("safety.erasure_dialog.ErasureDialog", erasure),
    "shortcuts": ("help_dialogs.ShortcutsDialog", shortcuts),
    "about": ("help_dialogs.AboutDialog", about),
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

EXCUSED = {
    "meetings.dialogs.WriteDialog": "the base of the meeting dialogs, walked through each of them",
    "people.dialogs.SaveDialog": "the base of the person dialogs, walked through each of them",
    "importing.wizard.ImportWizard": "walked page by page (the cases import-*)",
    "importing.pages_run.ImportPage": "a progress bar while the import runs; it moves on by itself",
    "safety.damaged.DamagedDialog": "Qt's own message box: its buttons only, in the order Qt lays them out",
}
"""Dialog classes not walked here, and why."""

FORMS = [
    "note",
    "new-meeting",
    "series",
    "edit-meeting",
    "edit-series-meeting",
    "add-person",
    "change-role",
    "end-role",
    "move-person",
    "geography-name",
    "geography-merge",
    "assign-district",
]
"""The dialogs that save what is filled in: Enter in a single-line field presses their Save/OK button (the
invitee editor has only a completion field, where Enter only picks)."""

TYPED = [
    *(name for name in FORMS if name not in ("end-role", "geography-merge", "assign-district")),
    "invitees",
]
"""The forms with a field to type in (the others hold dates and choices only)."""


def class_name(dialog: QWidget) -> str:
    """The class shown, under ``teamlead.ui`` (a wizard: the class of its current page)."""
    shown_class = type(dialog.currentPage()) if isinstance(dialog, QWizard) else type(dialog)
    return f"{shown_class.__module__}.{shown_class.__qualname__}".removeprefix("teamlead.ui.")


def open_case(qtbot: QtBot, world: World, name: str) -> QWidget:
    expected_class, opener = DIALOGS[name]
    dialog = opener(qtbot, world)
    assert class_name(dialog) == expected_class
    return dialog


def dialog_classes() -> set[str]:
    """Every dialog and wizard page class defined in ``teamlead.ui``."""
    found = set()
    for module_info in pkgutil.walk_packages(teamlead.ui.__path__, "teamlead.ui."):
        module = importlib.import_module(module_info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, (QDialog, QWizardPage)) and value.__module__ == module.__name__:
                found.add(f"{value.__module__}.{value.__qualname__}".removeprefix("teamlead.ui."))
    return found


def test_every_dialog_is_walked() -> None:
    """A new dialog is added to DIALOGS (or to EXCUSED, with the reason)."""
    walked = {expected_class for expected_class, _opener in DIALOGS.values()}
    assert dialog_classes() - walked - set(EXCUSED) == set()
    assert set(EXCUSED) <= dialog_classes(), "an excused dialog is gone: take it off the list"


@pytest.mark.parametrize("name", DIALOGS)
def test_tab_visits_every_input_once_in_reading_order(qtbot: QtBot, world: World, name: str) -> None:
    dialog = open_case(qtbot, world, name)
    walk = walk_tab_chain(qtbot, dialog)
    assert walk.visited == walk.expected, walk.report()


@pytest.mark.parametrize("name", TYPED)
def test_a_form_opens_with_the_cursor_in_a_field(qtbot: QtBot, world: World, name: str) -> None:
    """Not on a button: typing goes into the form at once."""
    dialog = open_case(qtbot, world, name)
    chain = expected_chain(dialog)
    focus = owner(QApplication.focusWidget(), chain)
    assert focus in chain, describe(focus)
    assert focus not in button_row(dialog), describe(focus)


@pytest.mark.parametrize("name", FORMS)
def test_enter_in_a_single_line_field_presses_the_save_button(qtbot: QtBot, world: World, name: str) -> None:
    """Enter in a line, a number, date or time field or a choice presses Save/OK; in a completion field it only
    picks (tests/ui/notes/test_completion_enter.py). The button's effect is held back: only its press counts."""
    dialog = open_case(qtbot, world, name)
    fields = single_line_fields(dialog)
    assert fields, f"{name} has no single-line field"
    box = next(box for box in dialog.findChildren(QDialogButtonBox) if box.isVisibleTo(dialog))
    save = [b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole]
    assert len(save) == 1
    pressed: list[str] = []
    for button in box.buttons():
        button.clicked.connect(lambda _checked=False, b=button: pressed.append(b.text()))
    box.blockSignals(True)  # no save, no close: the dialog stays for the next field
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    missed = []
    for field in fields:
        pressed.clear()
        field.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(field.hasFocus)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        if pressed != [save[0].text()]:
            missed.append(f"{describe(field)} pressed {pressed}")
    box.blockSignals(False)
    assert missed == []
    assert dialog.isVisible()


def single_line_fields(dialog: QWidget) -> list[QWidget]:
    """The fields where Enter should submit: lines (not completion fields), number/date/time fields, combos."""
    return [
        widget
        for widget in expected_chain(dialog)
        if (isinstance(widget, QLineEdit) and not widget.property(ENTER_PICKS) and not widget.isReadOnly())
        or isinstance(widget, (QAbstractSpinBox, QComboBox))
    ]


@pytest.mark.parametrize("name", TYPED)
def test_esc_on_a_changed_form_asks_before_closing(qtbot: QtBot, world: World, name: str) -> None:
    """Typing in the first text field (a completion field only when there is no other), then Esc: the
    question comes; Discard closes."""
    dialog = open_case(qtbot, world, name)
    typeable = [
        widget
        for widget in expected_chain(dialog)
        if (isinstance(widget, QLineEdit) and not widget.isReadOnly()) or isinstance(widget, QPlainTextEdit)
    ]
    typed = next((w for w in typeable if not w.property(ENTER_PICKS)), typeable[0])
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    typed.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(typed, "Slotermeer")
    completer = typed.completer() if isinstance(typed, QLineEdit) else None
    if completer is not None and completer.popup().isVisible():
        qtbot.keyClick(completer.popup(), Qt.Key.Key_Escape)  # the first Esc closes the pop-up
    qtbot.keyClick(typed, Qt.Key.Key_Escape)
    assert dialog.isVisible(), f"Esc threw away what was typed in {describe(typed)} without asking"
    question = dialog.findChild(QMessageBox, "discardQuestion")
    assert question is not None
    qtbot.waitUntil(question.isVisible)
    question.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
