"""Every dialog of the app, opened as a user opens it, for ``scripts/dialog_shots.py`` (screenshots in each
language) and ``tests/ui/test_dialog_language.py`` (no interface text in the other language).

A :class:`DialogCase` does what a user does on the main window (a menu action, a button on a page) and says
how to recognise the window that appears; :func:`open_case` waits for it, hands it to the caller and closes
it again. Dialogs the app shows with ``exec()`` (message boxes, Qt's file dialogs) are found and closed from
inside their own event loop, so the app's code runs unchanged. A few windows that only start-up or a failure
shows (a damaged database, an edit conflict, records without a district) are made as that code makes them.

The cases read the demo database (``generate_demo``, district or small scale) and find their records by
name, never by widget type beyond the dialogs' own classes, so dialogs may change their fields freely.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QPushButton, QWidget

from teamlead.ui.settings_actions import open_geography, open_settings

if TYPE_CHECKING:
    from teamlead.ui.importing.wizard import ImportWizard
    from teamlead.ui.main_window import MainWindow

Ready = Callable[[], bool]


def wait_until(ready: Ready, timeout_ms: int = 30_000) -> None:
    """Run the event loop until ``ready()`` (checked every 20 ms); fail after ``timeout_ms``."""
    if ready():
        return
    loop = QEventLoop()
    waited = {"ms": 0}

    def check() -> None:
        waited["ms"] += 20
        if ready() or waited["ms"] > timeout_ms:
            loop.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(20)
    loop.exec()
    timer.stop()
    if not ready():
        raise TimeoutError(f"not ready after {timeout_ms} ms")


def settle(ms: int = 100) -> None:
    """Let layouts, late paints and background reads finish."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def idle(window: MainWindow) -> None:
    """Wait until no background read or write of the window runs."""
    wait_until(lambda: not window.context.tasks.busy)


@dataclass(frozen=True)
class DialogCase:
    name: str
    """The screenshot's file name (without ``.png``) and the test's id."""
    open: Callable[[MainWindow], QWidget | None]
    """Do what the user does. Returns the widget to look at when it is part of the window (an editor on a
    page); None when a new window appears (it may block in the dialog's ``exec()``)."""
    shows: Callable[[QWidget], bool] = lambda widget: isinstance(widget, QDialog)
    """Tells the case's new window from others that appear on the way (the dialog it is opened from)."""
    ready: Callable[[QWidget], bool] = lambda widget: True
    """The window shows its data (lists read in the background)."""


def _kind(*names: str) -> Callable[[QWidget], bool]:
    """A window of one of these classes or object names."""
    return lambda widget: type(widget).__name__ in names or widget.objectName() in names


def _message_box(widget: QWidget) -> bool:
    return isinstance(widget, QMessageBox)


def _file_dialog(widget: QWidget) -> bool:
    return isinstance(widget, QFileDialog)


def _visible_windows() -> list[QWidget]:
    return [widget for widget in QApplication.topLevelWidgets() if widget.isVisible()]


def open_case(case: DialogCase, window: MainWindow, use: Callable[[QWidget], None]) -> None:
    """Open ``case``'s dialog over ``window``, call ``use`` with it once it is ready, then close every window
    the case opened (hidden, not answered: nothing is saved, deleted or asked on the way out)."""
    before = set(_visible_windows())
    state: dict[str, Any] = {"done": False, "error": None}

    def found() -> QWidget | None:
        new = [widget for widget in _visible_windows() if widget not in before and case.shows(widget)]
        return new[-1] if new else None

    def close_new() -> None:
        for widget in reversed(_visible_windows()):
            if widget not in before:
                widget.hide()

    def poll() -> None:
        dialog = found()
        if dialog is None or not case.ready(dialog) or window.context.tasks.busy:
            return
        timer.stop()
        try:
            settle()
            use(dialog)
        except Exception as error:  # handed to the caller after the dialog's own event loop returned
            state["error"] = error
        finally:
            state["done"] = True
            close_new()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(20)
    try:
        inline = case.open(window)
        if inline is not None:
            timer.stop()
            idle(window)
            settle()
            try:
                use(inline)
            finally:
                state["done"] = True
                close_new()
        wait_until(lambda: state["done"])
    finally:
        timer.stop()
        close_new()
    if state["error"] is not None:
        raise state["error"]


# --- getting there ------------------------------------------------------------------------------------------


def _trigger(name: str) -> Callable[[MainWindow], None]:
    """A menu action, as a click on it would."""

    def go(window: MainWindow) -> None:
        window.actions_by_name[name].trigger()

    return go


def _section(window: MainWindow, key: str) -> QWidget:
    window.go_to_section(key)
    view = window.current_view()
    wait_until(lambda: bool(getattr(view, "is_loaded", True)))
    idle(window)
    return view


def _partner_pane(window: MainWindow) -> Any:
    """The page of a youth-work partner with people, as the roster opens it."""
    from sqlalchemy import select

    from teamlead.data.models import Organisation

    with window.context.database.session() as session:
        partner = session.scalar(
            select(Organisation.id)
            .where(Organisation.name.like("Jongerenwerk%"), Organisation.status == "active")
            .order_by(Organisation.id)
        )
    assert partner is not None, "the demo has a youth-work partner"
    view: Any = _section(window, "partners")
    window.context.open_record.emit("organisation", partner)
    pane = view.pane
    wait_until(lambda: pane.organisation_id() == partner and pane.detail() is not None)
    idle(window)
    return pane


def _partner_editor(window: MainWindow) -> QWidget:
    pane = _partner_pane(window)
    pane.tabs.setCurrentIndex(0)
    return pane


def _people_tab(window: MainWindow) -> Any:
    pane = _partner_pane(window)
    pane.tabs.setCurrentIndex(1)
    today = window.context.today()
    model = pane.roles_view.model()
    for row in range(model.rowCount()):
        pane.roles_view.selectRow(row)
        role = pane.selected_role()
        if role is not None and role.current(today):
            return pane
    raise AssertionError("the partner has a current role")


def _click(button: str, page: Callable[[MainWindow], Any]) -> Callable[[MainWindow], None]:
    def go(window: MainWindow) -> None:
        getattr(page(window), button).click()

    return go


def _note_discard(window: MainWindow) -> None:
    """Typing in a new note, then Esc: the question before the typing is thrown away."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QPlainTextEdit

    window.log_contact_moment()
    wait_until(lambda: any(w.objectName() == "noteDialog" for w in _visible_windows()))
    dialog = next(w for w in _visible_windows() if w.objectName() == "noteDialog")
    dialog.findChildren(QPlainTextEdit)[0].setPlainText("Gebeld met de wijkagent")
    escape = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(dialog, escape)


def _neighbourhood_page(button: str) -> Callable[[MainWindow], None]:
    """The Neighbourhoods section on the first neighbourhood, then one of its page's buttons."""

    def go(window: MainWindow) -> None:
        from sqlalchemy import select

        from teamlead.data.geography import Neighbourhood

        view: Any = _section(window, "neighbourhoods")
        with window.context.database.session() as session:
            first = session.scalar(select(Neighbourhood.id).order_by(Neighbourhood.name))
        assert first is not None
        view.show_neighbourhood(first)
        wait_until(lambda: view.page is not None and not window.context.tasks.busy)
        getattr(view, button).click()

    return go


def _signal_round(window: MainWindow) -> None:
    """Notes & signals, the open signals, the newest selected: Follow up signal…"""
    view: Any = _section(window, "notes")
    view.set_filters(kind="signal", signal_state="open")
    wait_until(lambda: view.model.rowCount() > 0 and not window.context.tasks.busy)
    view.table.selectRow(0)
    view.round_button.click()


def _ask(window: MainWindow) -> None:
    """From an open signal's round, Ask partners in Who to call, then the first partner's Ask…"""
    _signal_round(window)
    dialog: Any = None

    def round_ready() -> bool:
        nonlocal dialog
        dialog = next((w for w in _visible_windows() if w.objectName() == "signalRoundDialog"), None)
        return dialog is not None and dialog.save_button.isEnabled()

    wait_until(round_ready)
    dialog.ask_button.click()
    dialog.close()

    def buttons() -> list[QPushButton]:
        return window.current_view().findChildren(QPushButton, "askButton")

    wait_until(lambda: bool(buttons()) and not window.context.tasks.busy)
    buttons()[0].click()


def _meetings(window: MainWindow) -> Any:
    view: Any = _section(window, "meetings")
    view.show_list()
    idle(window)
    return view


def _upcoming(window: MainWindow) -> Any:
    """The next network meeting of a series, selected in the list."""
    view = _meetings(window)
    now = window.context.now()
    rows = [
        row
        for row in view.visible_rows()
        if row.kind == "network" and row.starts > now and row.series_id is not None and row.partners
    ]
    chosen = min(rows, key=lambda row: row.starts)
    assert view.select_meeting(chosen.id)
    return view, chosen


def _edit_meeting(window: MainWindow) -> None:
    view, _row = _upcoming(window)
    view.edit_button.click()


def _delete_meeting(window: MainWindow) -> None:
    view, _row = _upcoming(window)
    view.delete_button.click()


def _invitees(window: MainWindow) -> None:
    view, row = _upcoming(window)
    window.context.open_record.emit("meeting", row.id)
    page = view.page
    wait_until(lambda: page.meeting_id == row.id)
    idle(window)
    page.invitees_button.click()


def _settings(tab: int) -> Callable[[MainWindow], None]:
    def go(window: MainWindow) -> None:
        dialog = open_settings(window)
        dialog.show_tab(tab)

    return go


def _geography(window: MainWindow) -> Any:
    """Settings on the districts tab, Nieuw-West and a neighbourhood in it selected."""
    dialog = open_geography(window)
    page = dialog.geography
    wait_until(lambda: page.is_loaded)
    idle(window)
    page.districts.select(next(row.id for row in page.data.districts if row.name == "Nieuw-West"))
    idle(window)
    page.neighbourhoods.select(page.data.neighbourhoods[0].id)
    return page


def _geography_step(step: str) -> Callable[[MainWindow], None]:
    def go(window: MainWindow) -> None:
        page = _geography(window)
        getattr(page, step)(page.neighbourhoods if step != "add" else page.districts)

    return go


def _signal_lists_step(step: str) -> Callable[[MainWindow], None]:
    """Settings on the themes and offers tab: add a theme, rename the first, or try to delete it (a default
    theme: refused in words)."""

    def go(window: MainWindow) -> None:
        dialog = open_settings(window)
        dialog.show_tab(dialog.SIGNAL_LISTS)
        page = dialog.signal_lists
        wait_until(lambda: page.is_loaded)
        idle(window)
        if step == "add":
            page.add(page.themes)
            return
        page.themes.select(page.data.themes[0].id)
        getattr(page, step)(page.themes)

    return go


def _roster() -> Path:
    from tests.importing.rosters import MESSY_ROSTER, write_xlsx

    path = Path(tempfile.gettempdir()) / "Partnerlijst Nieuw-West.xlsx"
    cover = [["Overdracht partnerlijst Nieuw-West"], ["Van: Karin, maart 2026"], ["Het tweede blad."]]
    return write_xlsx(path, {"Voorblad": cover, "Partners": MESSY_ROSTER})


def walk_import_wizard(
    wizard: ImportWizard, target: int, roster: Path, wait: Callable[[Ready], None] = wait_until
) -> None:
    """Choose ``roster`` for Nieuw-West in the import wizard and press Next up to the page ``target`` (or the
    import itself), as a user does; shared with ``scripts/import_shots.py``."""
    page = wizard.file_page
    page.path_edit.setText(str(roster))
    page.read(str(roster))
    wait(page.isComplete)
    page.district.setCurrentText("Nieuw-West")
    while wizard.currentId() not in (target, wizard.IMPORT):
        wait(wizard.currentPage().isComplete)
        wizard.next()
    if target == wizard.SUMMARY:
        wait(lambda: wizard.currentId() == wizard.SUMMARY)


def _wizard_step(step: str) -> Callable[[MainWindow], None]:
    """The import wizard walked to ``step`` with a messy roster (the summary imports it)."""

    def go(window: MainWindow) -> None:
        from teamlead.ui.importing.wizard import ImportWizard, open_import_wizard

        open_import_wizard(window.context, window)
        wizards = [w for w in window.findChildren(ImportWizard) if w.isVisible()]
        wizard = wizards[-1]
        target = getattr(wizard, step)
        if step == "FILE":
            return
        walk_import_wizard(wizard, target, _roster())

    return go


def _wizard_on(step: str) -> Callable[[QWidget], bool]:
    def ready(wizard: Any) -> bool:
        on = wizard.currentId() == getattr(wizard, step)
        return bool(on and (step == "FILE" or wizard.currentPage().isComplete()))

    return ready


def _database_problem(window: MainWindow) -> None:
    from teamlead.i18n import tr
    from teamlead.ui.database_dialogs import ask_with_dialog

    ask_with_dialog(window)(tr("There is no database at {name}.", name="teamlead.sqlite3"))


def _backups(window: MainWindow) -> Any:
    from teamlead.data.backup import backup_database
    from teamlead.ui.safety.backups_dialog import BackupsDialog

    if not any(isinstance(w, BackupsDialog) for w in _visible_windows()):
        backup_database(window.context.database)
    window.actions_by_name["backups"].trigger()
    found = [w for w in _visible_windows() if isinstance(w, BackupsDialog)]
    wait_until(lambda: found[-1].selected() is not None)
    return found[-1]


def _backups_listed(window: MainWindow) -> None:
    _backups(window)


def _restore(window: MainWindow) -> None:
    dialog = _backups(window)
    dialog.restore_selected()


def _damaged(window: MainWindow) -> None:
    """The question at start-up when the database file is damaged (made as start-up makes it)."""
    from teamlead.data.integrity import inspect_sqlite, refusal
    from teamlead.ui.safety.damaged import DamagedDialog

    path = window.context.database.path
    assert path is not None
    damaged = path.with_name("damaged.sqlite3")
    data = path.read_bytes()
    damaged.write_bytes(data[: len(data) // 3 + 1000])
    dialog = DamagedDialog(refusal(str(damaged), inspect_sqlite(damaged)), None, True, window)
    dialog.open()


def _conflict(window: MainWindow) -> None:
    """Two people's versions of one partner (the save's conflict question)."""
    from teamlead.services.conflicts import partner_labels, stored_partner
    from teamlead.ui.safety.guarded import ConflictDialog

    with window.context.database.session() as session:
        theirs = stored_partner(session, 1)
    mine = dict(theirs.values)
    mine["phone"] = "020 555 0199"
    ConflictDialog(mine, theirs.values, partner_labels(), window).open()


def _districtless(window: MainWindow) -> None:
    """Give records without a district one (the dashboard's bar opens it when there are such records)."""
    from teamlead.ui.dashboard.districtless import AssignDistrictDialog

    AssignDistrictDialog(window.context, "organisation", 3, window).open()


def _privacy(window: MainWindow) -> Any:
    from teamlead.ui.safety.privacy_dialogs import PersonPrivacyDialog

    window.actions_by_name["privacy_person"].trigger()
    dialog = next(w for w in _visible_windows() if isinstance(w, PersonPrivacyDialog))
    wait_until(lambda: bool(dialog.person.offered()))
    return dialog


def _erase(window: MainWindow) -> None:
    dialog = _privacy(window)
    dialog.person.pick_label(dialog.person.offered()[0])
    dialog.erase_button.click()


def _retention(window: MainWindow) -> None:
    from teamlead.ui.safety.privacy_dialogs import RetentionDialog

    window.actions_by_name["privacy_retention"].trigger()
    dialog = next(w for w in _visible_windows() if isinstance(w, RetentionDialog))
    wait_until(dialog.years.isEnabled)  # the database's period is read
    dialog.years.setValue(dialog.years.minimum())  # the demo's oldest notes are past it: the list fills


def _task_message(window: MainWindow) -> None:
    from teamlead.i18n import tr

    window.context.tasks.report_message(
        tr(
            "Cannot reach the database server for {name}: {reason}. Check that the server runs and the URL is right.",
            name="teamlead",
            reason="connection refused",
        )
    )


def _report_file(window: MainWindow) -> None:
    view: Any = _section(window, "reports")
    view.make_button.click()


CASES: tuple[DialogCase, ...] = (
    DialogCase("note", _trigger("log_note"), _kind("noteDialog")),
    DialogCase("note-discard", _note_discard, _kind("discardQuestion")),
    DialogCase("signal-round", _signal_round, _kind("signalRoundDialog")),
    DialogCase("ask-partner", _ask, _kind("askDialog")),
    DialogCase("new-meeting", _trigger("new_meeting"), _kind("NewMeetingDialog")),
    DialogCase("series", _trigger("new_series"), _kind("SeriesDialog")),
    DialogCase("edit-meeting", _edit_meeting, _kind("EditMeetingDialog")),
    DialogCase("invitees", _invitees, _kind("InviteesDialog")),
    DialogCase("delete-meeting", _delete_meeting, _message_box),
    DialogCase("partner-editor", _partner_editor),
    DialogCase("archive-partner", _click("archive_button", _partner_pane), _message_box),
    DialogCase("add-person", _click("add_person_button", _partner_pane), _kind("AddPersonDialog")),
    DialogCase("change-role", _click("change_role_button", _people_tab), _kind("ChangeRoleDialog")),
    DialogCase("end-role", _click("end_role_button", _people_tab), _kind("EndRoleDialog")),
    DialogCase("move-person", _click("move_button", _people_tab), _kind("MovePersonDialog")),
    DialogCase("settings-general", _settings(0), _kind("settingsDialog")),
    DialogCase("settings-geography", _settings(1), _kind("settingsDialog")),
    DialogCase("geography-add", _geography_step("add"), _kind("NameDialog")),
    DialogCase("geography-rename", _geography_step("rename"), _kind("NameDialog")),
    DialogCase("geography-merge", _geography_step("merge"), _kind("MergeDialog")),
    DialogCase("geography-delete", _geography_step("delete"), _message_box),
    DialogCase("place", _neighbourhood_page("add_place_button"), _kind("placeDialog")),
    DialogCase("history-line", _neighbourhood_page("add_event_button"), _kind("eventDialog")),
    DialogCase("settings-signal-lists", _settings(2), _kind("settingsDialog")),
    DialogCase("theme-add", _signal_lists_step("add"), _kind("signalListNameDialog")),
    DialogCase("theme-rename", _signal_lists_step("rename"), _kind("signalListNameDialog")),
    DialogCase("theme-delete-refused", _signal_lists_step("delete"), _message_box),
    DialogCase("assign-district", _districtless, _kind("assignDistrictDialog")),
    *(
        DialogCase(f"import-{step.lower()}", _wizard_step(step), _kind("importWizard"), _wizard_on(step))
        for step in ("FILE", "SHEET", "MAPPING", "PREVIEW", "MERGES")
    ),
    DialogCase("open-database", _trigger("open_database"), _file_dialog),
    DialogCase("new-database", _trigger("new_database"), _file_dialog),
    DialogCase("database-problem", _database_problem, _message_box),
    DialogCase("damaged-database", _damaged, _kind("damagedDatabaseDialog")),
    DialogCase("backups", _backups_listed, _kind("backupsDialog")),
    DialogCase("restore", _restore, _message_box),
    DialogCase("conflict", _conflict, _kind("ConflictDialog")),
    DialogCase("person-privacy", _trigger("privacy_person"), _kind("personPrivacyDialog")),
    DialogCase("erasure", _erase, _kind("erasureDialog")),
    DialogCase("retention", _retention, _kind("retentionDialog")),
    DialogCase("report-file", _report_file, _file_dialog),
    DialogCase("handover", _trigger("handover"), _kind("handoverDialog")),
    DialogCase("changes", _trigger("changes"), _kind("changesDialog")),
    DialogCase("users", _trigger("users"), _kind("usersDialog")),
    DialogCase("task-message", _task_message, _kind("taskErrorBox")),
    DialogCase("shortcuts", _trigger("shortcuts"), _kind("shortcutsDialog")),
    DialogCase("about", _trigger("about"), _kind("aboutBox")),
    # last: the summary comes after the import, which adds the roster's partners to the database
    DialogCase("import-summary", _wizard_step("SUMMARY"), _kind("importWizard"), _wizard_on("SUMMARY")),
)
