"""The main window driven through a quarter as a team lead works: each step through the widgets a person uses
(buttons, fields, keys, menus), waiting for the background work the way a person waits for the screen.

No service, query or SQL here: what the app writes is what these widgets made it write. The app's clock is
moved with :meth:`AppContext.set_today` between steps, so a quarter passes in a few seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QPushButton, QWidget, QWizard
from pytestqt.qtbot import QtBot

from teamlead.rules.formatting import day_input
from teamlead.ui.agreements.view import AgreementsView
from teamlead.ui.context import AppContext
from teamlead.ui.geography.page import GeographyPage
from teamlead.ui.importing.wizard import ImportWizard
from teamlead.ui.main_window import MainWindow
from teamlead.ui.meetings.view import MeetingsView
from teamlead.ui.notes.dialog import NoteDialog
from teamlead.ui.notes.view import NotesView
from teamlead.ui.partners.view import PartnersView
from teamlead.ui.people.dialogs import AddPersonDialog
from teamlead.ui.reports.view import ReportsView
from teamlead.ui.settings_dialog import SettingsDialog
from teamlead.ui.signals.ask_dialog import AskDialog
from teamlead.ui.signals.round_dialog import SignalRoundDialog
from teamlead.ui.whotocall.view import WhoToCallView
from teamlead.ui.widgets.date_field import DateField
from tests.ui.geography.driving import add_by_keyboard, answer, showing

TIMEOUT = 15_000


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    phone: str


@dataclass(frozen=True)
class Asked:
    """A partner asked about a signal from Who to call: the answer as the dialog names it, how, and when."""

    partner: str
    answer: str
    at: time
    kind: str = "call"


@dataclass(frozen=True)
class Attendance:
    """Who came, by the invitee's label on the page, as 1/2/3 keys pressed down the list."""

    present: tuple[str, ...] = ()
    excused: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()


class Walk:
    """One window on one database, and the steps a team lead takes in it."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window

    def forget_unsaved(self) -> None:
        """A failed step may leave typing on a meeting page: closing the window would then ask (and wait)."""
        view = self.window._views.get("meetings")
        if isinstance(view, MeetingsView):
            view.page.dirty = False

    @property
    def context(self) -> AppContext:
        return self.window.context

    def settle(self) -> None:
        """Wait until every background read and write has delivered its result."""
        self.qtbot.waitUntil(lambda: not self.context.tasks.busy, timeout=TIMEOUT)

    def activate(self) -> None:
        """The main window active, as a person's window is when they type in it (offscreen, closing a dialog
        leaves no window active, and shortcuts such as Ctrl+S only work in the active window)."""
        self.window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window, timeout=TIMEOUT)

    def on(self, day: date) -> None:
        """The next steps happen on ``day`` (the app's clock, at 08:00 in Amsterdam)."""
        self.context.set_today(day)

    def section[T: QWidget](self, key: str, kind: type[T]) -> T:
        """Go to a section of the sidebar, as Ctrl+<number> does, and wait for its data."""
        self.window.actions_by_name[f"section_{key}"].trigger()
        view = self.window.current_view()
        assert isinstance(view, kind), f"{key} shows {type(view).__name__}"
        self.settle()
        return view

    # --- starting ---------------------------------------------------------------------------------------------

    def start_empty(self) -> None:
        welcome = self.window.welcome
        assert welcome is not None
        assert self.window.showing_welcome, "an empty database opens on the welcome page"
        self.qtbot.mouseClick(welcome.empty_button, Qt.MouseButton.LeftButton)
        self.settle()

    def geography(self, district: str, neighbourhoods: Sequence[str], domains: Sequence[str]) -> None:
        """File › Districts, neighbourhoods and domains…: add them by keyboard, then close the settings."""
        self.window.actions_by_name["geography"].trigger()
        settings = showing(self.window, SettingsDialog)
        page = settings.geography
        assert isinstance(page, GeographyPage)
        assert settings.tabs.currentWidget() is page
        self.settle()
        add_by_keyboard(self.qtbot, self.context, page, page.districts, district)
        for name in neighbourhoods:
            add_by_keyboard(self.qtbot, self.context, page, page.neighbourhoods, name)
        for name in domains:
            add_by_keyboard(self.qtbot, self.context, page, page.domains, name)
        settings.accept()
        self.settle()

    # --- partners and people ----------------------------------------------------------------------------------

    def add_partner(
        self,
        name: str,
        domain: str,
        neighbourhoods: Sequence[str],
        people: Sequence[Person] = (),
        *,
        cadence: int | None = None,
    ) -> None:
        """New partner…: name, domain, the neighbourhoods it serves (and how often to stay in touch), Save;
        then its people (Add a person…)."""
        partners = self.section("partners", PartnersView)
        self.qtbot.mouseClick(partners.new_button, Qt.MouseButton.LeftButton)
        form = partners.pane.editor
        self.qtbot.keyClicks(form.name, name)
        if cadence is not None:
            form.cadence.setValue(cadence)
        index = form.domain.findText(domain)
        assert index >= 0, f"the domain {domain} is not offered"
        form.domain.setCurrentIndex(index)
        form.domain.activated.emit(index)
        for neighbourhood in neighbourhoods:
            items = form.neighbourhoods.findItems(neighbourhood, Qt.MatchFlag.MatchExactly)
            assert len(items) == 1, f"the neighbourhood {neighbourhood} is not offered"
            items[0].setCheckState(Qt.CheckState.Checked)
        self.settle()  # the district the ticked neighbourhood gives is on the form
        assert form.district.currentText() != "", "the partner form shows no district"
        self.qtbot.mouseClick(partners.pane.save_button, Qt.MouseButton.LeftButton)
        self.settle()
        assert form.form.error_text("name") == "", form.form.error_text("name")
        assert partners.pane.heading.text() == name
        for person in people:
            self.add_person(partners, person)

    def open_partner(self, name: str) -> PartnersView:
        """Type the partner's name in the roster's filter and Enter: its page opens beside the roster."""
        partners = self.section("partners", PartnersView)
        partners.filter_edit.clear()
        self.qtbot.keyClicks(partners.filter_edit, name)
        self.qtbot.keyClick(partners.filter_edit, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: partners.pane.heading.text().startswith(name), timeout=TIMEOUT)
        self.settle()
        return partners

    def add_person(self, partners: PartnersView, person: Person) -> None:
        pane = partners.pane
        pane.tabs.setCurrentIndex(1)
        self.qtbot.mouseClick(pane.add_person_button, Qt.MouseButton.LeftButton)
        dialog = showing(pane, AddPersonDialog)
        self.qtbot.keyClicks(dialog.name, person.name)
        self.qtbot.keyClicks(dialog.title, person.role)
        self.qtbot.keyClicks(dialog.phone, person.phone)
        self.qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)  # Enter in a single-line field: Add person
        self.settle()
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.form.error_text("name")
        self.settle()
        pane.tabs.setCurrentIndex(0)

    def archive_partner(self, name: str) -> None:
        partners = self.open_partner(name)
        self.qtbot.mouseClick(partners.pane.archive_button, Qt.MouseButton.LeftButton)
        answer(self.qtbot, partners.pane, "confirmBox", "Archive")
        self.settle()
        assert "former partner since" in partners.pane.heading.text()

    # --- notes and signals ------------------------------------------------------------------------------------

    def log_note(
        self,
        kind: str,
        partners: Sequence[str],
        text: str,
        *,
        occurred: date | None = None,
        from_who_to_call: str | None = None,
    ) -> None:
        """Log a contact moment from the notes section (or, for a signal, from Who to call on the
        neighbourhood): the dialog's kind, date, partners by completion, text, Ctrl+Enter."""
        if from_who_to_call is None:
            notes = self.section("notes", NotesView)
            self.qtbot.mouseClick(notes.new_button, Qt.MouseButton.LeftButton)
            host: QWidget = self.window
        else:
            who = self.section("whotocall", WhoToCallView)
            self.pick(who.picker.line, from_who_to_call)
            self.settle()
            assert who.summary.text().endswith(f"serve {from_who_to_call}."), who.summary.text()
            self.qtbot.mouseClick(who.log_button, Qt.MouseButton.LeftButton)
            host = who
        dialog = showing(host, NoteDialog)
        self.qtbot.waitUntil(dialog.save_button.isEnabled, timeout=TIMEOUT)
        self.settle()
        if from_who_to_call is not None:
            assert dialog.kind.currentData() == kind == "signal"
            assert dialog.neighbourhood.line.text() == from_who_to_call
        else:
            dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        if occurred is not None:
            self.type_date(dialog.occurred, occurred)
        for partner in partners:
            self.pick(dialog.organisations.line, partner)
        assert dialog.organisations.labels() == list(partners)
        self.qtbot.keyClicks(dialog.text, text)
        self.settle()
        assert dialog.district.currentText() != "", "the note dialog shows no district"
        saved: list[bool] = []
        dialog.accepted.connect(lambda: saved.append(True))
        self.qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        self.settle()
        assert saved, f"the note was not saved: {dialog.form.error_text('text')}"

    def open_signal(self, text: str) -> None:
        """Notes & signals, kind signal: select the signal by its text, then Follow up signal… (its round)."""
        notes = self.section("notes", NotesView)
        notes.kind.setCurrentIndex(notes.kind.findData("signal"))
        notes.kind.activated.emit(notes.kind.currentIndex())
        self.settle()
        rows = [number for number, row in enumerate(notes.model.rows()) if row.text == text]
        assert len(rows) == 1, f"{len(rows)} signals read {text!r}"
        notes.table.selectRow(rows[0])
        self.qtbot.mouseClick(notes.round_button, Qt.MouseButton.LeftButton)
        self.settle()

    def follow_up_signal(
        self,
        themes: Sequence[str] = (),
        asked: Sequence[Asked] = (),
        *,
        closed: date | None = None,
        outcome: str = "",
        feedback_on: date | None = None,
        feedback: str = "",
    ) -> None:
        """In the signal round that opened when the signal was saved: tick its themes (by the names shown);
        Ask partners in Who to call, and there each partner's Ask…, the answer and the time asked; Done
        asking; then the close and the feedback, and Save."""
        dialog = showing(self.window, SignalRoundDialog)
        self.qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=TIMEOUT)
        self.settle()
        shown = {check.text(): check for check in dialog.theme_checks.values()}
        for theme in themes:
            assert theme in shown, f"the theme {theme} is not offered: {sorted(shown)}"
            self.qtbot.mouseClick(shown[theme], Qt.MouseButton.LeftButton)
        if asked:
            self.qtbot.mouseClick(dialog.ask_button, Qt.MouseButton.LeftButton)
            self.settle()
            who = self.window.current_view()
            assert isinstance(who, WhoToCallView), f"Ask partners shows {type(who).__name__}"
            assert who.asking is not None
            assert who.asking_bar.isVisible()
            for ask in asked:

                def buttons(partner: str = ask.partner) -> list[QPushButton]:
                    return [
                        button
                        for button in who.findChildren(QPushButton, "askButton")
                        if button.accessibleName() == f"Ask {partner}" and button.isVisible()
                    ]

                # The partner's card has one, and its key contact's line among the key contacts another.
                self.qtbot.waitUntil(lambda: 1 <= len(buttons()) <= 2, timeout=TIMEOUT)
                self.qtbot.mouseClick(buttons()[0], Qt.MouseButton.LeftButton)
                asking = showing(who, AskDialog)
                asking.kind.setCurrentIndex(asking.kind.findData(ask.kind))
                asking.answer.setCurrentIndex(asking.answer.findText(ask.answer))
                assert asking.answer.currentText() == ask.answer
                asking.asked_at.time.setFocus()
                asking.asked_at.time.setTime(QTime(ask.at.hour, ask.at.minute))
                recorded: list[bool] = []
                asking.accepted.connect(lambda done=recorded: done.append(True))
                self.qtbot.mouseClick(asking.save_button, Qt.MouseButton.LeftButton)
                self.settle()
                assert recorded, f"the answer of {ask.partner} was not recorded"

                def on_a_partner_to_ask() -> bool:
                    still = [b for b in who.findChildren(QPushButton, "askButton") if b.isVisible()]
                    return not still or who.window().focusWidget() in still

                # Keyboard focus stays in the list, on a partner still to ask (once the list is drawn again).
                self.qtbot.waitUntil(on_a_partner_to_ask, timeout=TIMEOUT)
            self.qtbot.mouseClick(who.done_asking_button, Qt.MouseButton.LeftButton)
            self.settle()
            assert len(dialog.asks_model.rows()) == len(asked), "the round shows every answer"
        dialog.activateWindow()  # typed into as a person does: its window active (Who to call was in front)
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=TIMEOUT)
        if closed is not None:
            self.qtbot.mouseClick(dialog.closed_check, Qt.MouseButton.LeftButton)
            self.type_date(dialog.closed_on, closed)
            self.qtbot.keyClicks(dialog.outcome, outcome)
        if feedback_on is not None:
            self.qtbot.mouseClick(dialog.feedback_check, Qt.MouseButton.LeftButton)
            self.type_date(dialog.feedback_on, feedback_on)
            self.qtbot.keyClicks(dialog.feedback, feedback)
        saved: list[bool] = []
        dialog.accepted.connect(lambda: saved.append(True))
        self.qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        self.settle()
        assert saved, "the signal round was not saved"

    def type_date(self, field: DateField, day: date) -> None:
        """Into a date field as a person types a day: over what it holds, digits day first, then Tab (the field
        shows the day in its own format)."""
        field.line.setFocus()
        field.line.selectAll()
        self.qtbot.keyClicks(field.line, f"{day.day}-{day.month}-{day.year}")
        self.qtbot.keyClick(field.line, Qt.Key.Key_Tab)
        assert field.value() == day, f"{field.line.text()!r} read as {field.value()}, not {day}"
        assert field.line.text() == day_input(day), field.line.text()

    def pick(self, line: QLineEdit, text: str) -> None:
        """Type a name into a completion field and press Enter in its pop-up (on the line when none shows)."""
        line.setFocus()
        line.clear()
        self.qtbot.keyClicks(line, text)
        completer = line.completer()
        popup = completer.popup() if completer is not None else None
        self.qtbot.keyClick(popup if popup is not None and popup.isVisible() else line, Qt.Key.Key_Return)

    # --- meetings ---------------------------------------------------------------------------------------------

    def meetings(self, period: str = "all") -> MeetingsView:
        """The Meetings section's list, showing ``period``: upcoming, past or all meetings."""
        view = self.section("meetings", MeetingsView)
        if view.stack.currentWidget() is view.page:
            self.qtbot.mouseClick(view.page.back_button, Qt.MouseButton.LeftButton)
        view.period.setCurrentIndex(view.period.findData(period))
        self.settle()
        return view

    def plan_meeting(
        self, kind: str, title: str, day: date, start: time, location: str, invitees: Sequence[str]
    ) -> None:
        """File › New meeting… (Ctrl+Shift+M): kind, title, date, time, place, invitees; Enter in the place."""
        view = self.meetings()
        self.window.actions_by_name["new_meeting"].trigger()
        self.qtbot.waitUntil(
            lambda: getattr(view, "meeting_dialog", None) is not None and view.meeting_dialog.isVisible(),
            timeout=TIMEOUT,
        )
        dialog = view.meeting_dialog
        self.settle()
        assert dialog.district.currentText() != "", "the new meeting dialog shows no district"
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        self.qtbot.keyClicks(dialog.title_edit, title)
        self.type_date(dialog.day, day)
        dialog.start_time.setTime(QTime(start.hour, start.minute))
        for invitee in invitees:
            self.pick(dialog.invitees.line, invitee)
        assert dialog.invitees.labels() == list(invitees)
        self.qtbot.keyClicks(dialog.location, location)
        self.qtbot.keyClick(dialog.location, Qt.Key.Key_Return)
        self.settle()
        assert not dialog.isVisible(), dialog.error.text()

    def plan_series(
        self,
        kind: str,
        title: str,
        first: date,
        start: time,
        location: str,
        partners: Sequence[str],
        *,
        ordinal: int,
        weekday: int,
    ) -> None:
        """File › New meeting series…: monthly on the n-th weekday, partners invited by Enter, OK."""
        view = self.meetings()
        self.window.actions_by_name["new_series"].trigger()
        self.qtbot.waitUntil(
            lambda: getattr(view, "series_dialog", None) is not None and view.series_dialog.isVisible(),
            timeout=TIMEOUT,
        )
        dialog = view.series_dialog
        self.settle()
        assert dialog.district.currentText() != "", "the series dialog shows no district"
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        self.qtbot.keyClicks(dialog.title_edit, title)
        dialog.pattern.setCurrentIndex(dialog.pattern.findData("monthly"))
        dialog.ordinal.setCurrentIndex(dialog.ordinal.findData(ordinal))
        dialog.weekday.setCurrentIndex(weekday)
        self.type_date(dialog.first_date, first)
        dialog.start_time.setTime(QTime(start.hour, start.minute))
        self.qtbot.keyClicks(dialog.location, location)
        for partner in partners:
            self.pick(dialog.partner, partner)
        assert dialog.invitees.labels() == list(partners)
        self.qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        self.settle()
        assert not dialog.isVisible(), dialog.error.text()

    def open_meeting(self, title: str, day: date) -> MeetingsView:
        """Select the meeting among the past ones (it has been held) and press Enter: its page opens."""
        view = self.meetings("past")
        rows = [row for row in view.visible_rows() if row.title == title and row.starts.date() == day]
        assert len(rows) == 1, f"{len(rows)} meetings {title} on {day}"
        assert view.select_meeting(rows[0].id)
        view.table.setFocus()
        self.qtbot.keyClick(view.table, Qt.Key.Key_Return)
        self.qtbot.waitUntil(
            lambda: view.stack.currentWidget() is view.page and view.page.meeting_id == rows[0].id,
            timeout=TIMEOUT,
        )
        self.settle()
        return view

    def take_attendance(self, view: MeetingsView, marks: Attendance, minutes: str) -> None:
        """1, 2 or 3 (the keys of both languages) on each invitee's row, the minutes typed, Ctrl+S."""
        page = view.page
        table = page.attendance_table
        keys = {
            **dict.fromkeys(marks.present, Qt.Key.Key_1),
            **dict.fromkeys(marks.excused, Qt.Key.Key_2),
            **dict.fromkeys(marks.absent, Qt.Key.Key_3),
        }
        table.setFocus()
        for row in range(page.attendance.rowCount()):
            label = str(page.attendance.index(row, 0).data())
            table.selectRow(row)
            if label in keys:
                self.qtbot.keyClick(table, keys.pop(label))
        assert keys == {}, f"not invited: {sorted(keys)}"
        page.tabs.setCurrentWidget(page.sheet)
        self.qtbot.keyClicks(page.minutes, minutes)
        self.activate()
        with self.qtbot.waitSignal(page.saved, timeout=TIMEOUT):
            self.qtbot.keyClick(page.minutes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        self.settle()

    def make_agreement(self, view: MeetingsView, decision: str, due: date | None = None) -> None:
        """Decisions → agreements: the decision typed, the table's partners ticked, a due date, Ctrl+Enter."""
        page = view.page
        form = page.decisions
        page.tabs.setCurrentWidget(form)
        before = form.made_model.rowCount()
        self.qtbot.keyClicks(form.text, decision)
        if due is not None:
            form.has_due.setChecked(True)
            self.type_date(form.due, due)
        self.settle()
        assert form.district.currentText() != "", "the decision form shows no district"
        with self.qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
            self.qtbot.keyClick(form.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        self.qtbot.waitUntil(lambda: form.made_model.rowCount() == before + 1, timeout=TIMEOUT)
        self.settle()

    def close_agreement(self, meeting_title: str, day: date, comment: str) -> None:
        """From the meeting where it was made: Enter on the agreement opens it in the register; Done."""
        view = self.open_meeting(meeting_title, day)
        form = view.page.decisions
        view.page.tabs.setCurrentWidget(form)
        assert form.made_model.rowCount() == 1
        form.made.setFocus()
        form.made.setCurrentIndex(form.made_model.index(0, 0))
        self.qtbot.keyClick(form.made, Qt.Key.Key_Return)
        register = self.window.current_view()
        assert isinstance(register, AgreementsView)
        self.qtbot.waitUntil(lambda: register.pane.detail is not None, timeout=TIMEOUT)
        self.settle()
        pane = register.pane
        pane.new_status.setCurrentIndex(pane.new_status.findData("done"))
        self.qtbot.keyClicks(pane.comment, comment)
        self.qtbot.mouseClick(pane.change_button, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(lambda: pane.history_model.rowCount() == 2, timeout=TIMEOUT)
        self.settle()

    # --- import and report ------------------------------------------------------------------------------------

    def import_roster(self, path: Path, district: str) -> str:
        """File › Import… (Ctrl+I): the path typed, Next through the pages; returns the summary line."""
        self.window.actions_by_name["import_roster"].trigger()
        wizard = showing(self.window, ImportWizard)
        page = wizard.file_page
        self.settle()
        self.qtbot.keyClicks(page.path_edit, str(path))
        self.qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)
        self.qtbot.waitUntil(page.isComplete, timeout=TIMEOUT)
        self.settle()
        assert page.district.currentText() == district, "the only district is proposed as the home district"
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        while wizard.currentId() not in (wizard.IMPORT, wizard.SUMMARY):
            self.qtbot.waitUntil(wizard.currentPage().isComplete, timeout=TIMEOUT)
            self.qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(lambda: wizard.currentId() == wizard.SUMMARY, timeout=TIMEOUT)
        self.settle()
        headline = str(wizard.currentPage().headline.text())  # type: ignore[attr-defined]
        self.qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        self.settle()
        return headline

    def write_narrative(self, district: str, quarter: str, text: str) -> None:
        """Reports: the narrative for the city about a district's quarter, typed and saved."""
        reports = self.section("reports", ReportsView)
        reports.district.setCurrentIndex(reports.district.findText(district))
        reports.quarter.setCurrentIndex(reports.quarter.findText(quarter))
        assert reports.quarter.currentText() == quarter, f"{quarter} is not offered"
        self.settle()
        self.qtbot.keyClicks(reports.narrative, text)
        with self.qtbot.waitSignal(reports.narrative_saved, timeout=TIMEOUT):
            self.qtbot.mouseClick(reports.save_narrative_button, Qt.MouseButton.LeftButton)
        self.settle()

    def district_report(self, monkeypatch: object, district: str, quarter: str, target: Path) -> Path:
        """Reports: the district report, the district, the quarter; Make report… and the file chosen."""
        reports = self.section("reports", ReportsView)
        reports.kind.setCurrentIndex(reports.kind.findData("district"))
        reports.district.setCurrentIndex(reports.district.findText(district))
        reports.quarter.setCurrentIndex(reports.quarter.findText(quarter))
        assert reports.quarter.currentText() == quarter, f"{quarter} is not offered"
        assert reports.audience.currentData() == "city"
        reports.format.setCurrentIndex(reports.format.findData(".xlsx"))
        monkeypatch.setattr(  # type: ignore[attr-defined]
            QFileDialog, "getSaveFileName", staticmethod(lambda *_args, **_kw: (str(target), "*.xlsx"))
        )
        with self.qtbot.waitSignal(reports.report_written, timeout=30_000) as written:
            self.qtbot.mouseClick(reports.make_button, Qt.MouseButton.LeftButton)
        self.settle()
        return Path(written.args[0])
