"""A meeting's own page: its fields, the agenda editor, attendance by keyboard, minutes, the local-reflection
answers, and decisions turned into agreements.

Typing (attendance, minutes, answers, an agenda point's details) is kept on the page until Save (Ctrl+S), then
written in one transaction against the versions the page loaded: someone else's change meanwhile is a conflict the
user sees. Agenda structure and agreement changes are saved at once. Leaving the page with unsaved typing asks
first. Minutes… writes the minutes of a held meeting as a PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.meeting_page import MeetingPageData, meeting_page
from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.vocabulary import Attendance, Change, MeetingKind, MeetingStatus
from teamlead.services.agenda import set_agenda_item_details
from teamlead.services.meetings import save_meeting_page
from teamlead.ui.context import AppContext
from teamlead.ui.meetings.agenda_editor import AgendaEditor
from teamlead.ui.meetings.decisions import DecisionForm
from teamlead.ui.meetings.minutes_button import MinutesButton
from teamlead.ui.meetings.outgoing import OutgoingButtons
from teamlead.ui.meetings.page_models import AttendanceModel, attendance_key_label, attendance_keys
from teamlead.ui.meetings.reflection import ReflectionForm
from teamlead.ui.widgets.formatting import format_when
from teamlead.ui.widgets.key_column import KeyColumn

LEAVE_SAVE, LEAVE_DISCARD, LEAVE_STAY = "save", "discard", "stay"
RELOAD_ON = frozenset({Change.MEETING, Change.AGREEMENT, Change.ORGANISATION, Change.PERSON, Change.ALL})


def ask_leave(parent: QWidget) -> str:
    """Ask what to do with unsaved changes: save, discard, or stay on the page."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("Unsaved changes"),
        tr("This meeting has changes that are not saved yet."),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return LEAVE_SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return LEAVE_DISCARD
    return LEAVE_STAY


class MeetingPage(QWidget):
    """One meeting. :meth:`show_meeting` loads it; :attr:`back_requested` asks the view for the list."""

    loaded = Signal()
    """The meeting's data is on the page (after each load)."""

    saved = Signal()
    """Attendance, minutes and answers were saved."""

    back_requested = Signal()
    """The user wants the meetings list again (unsaved changes were dealt with)."""

    edit_requested = Signal(object)
    """The user wants to change the meeting's title, place or time (the :class:`MeetingPageData`)."""

    invitees_requested = Signal(object)
    """The user wants to change whom the meeting invites (the :class:`MeetingPageData`)."""

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, ask: Callable[[QWidget], str] = ask_leave
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._ask = ask
        self.data: MeetingPageData | None = None
        self.dirty = False
        self._filling = False
        self._watched_window: QWidget | None = None
        self.back_button = QPushButton(tr("← Meetings"))
        self.back_button.setToolTip(tr("Back to the list (Alt+Left)"))
        self.back_button.clicked.connect(lambda: self.leave(self.back_requested.emit))
        self.heading = QLabel()
        self.heading.setObjectName("viewHeading")
        self.heading.setWordWrap(True)  # a long title wraps rather than widening the window
        self.facts = QLabel()
        self.facts.setObjectName("meetingFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change_button = QPushButton(tr("C&hange…"))
        self.change_button.clicked.connect(lambda: self.data and self.edit_requested.emit(self.data))
        self.invitees_button = QPushButton(tr("In&vitees…"))
        self.invitees_button.setObjectName("editInvitees")
        self.invitees_button.setToolTip(tr("Invite partners or people, or take an invitation back"))
        self.invitees_button.clicked.connect(lambda: self.data and self.invitees_requested.emit(self.data))
        self.minutes_button = MinutesButton(context)
        self.minutes_button.said.connect(self._tell)
        self.outgoing = OutgoingButtons(context, self.minutes_button.not_held_reason)
        self.outgoing.said.connect(self._tell)
        self.save_button = QPushButton(tr("&Save"))
        self.save_button.setObjectName("saveMeeting")
        self.save_button.setToolTip(tr("Ctrl+S"))
        self.save_button.clicked.connect(lambda: self.save())
        self.message = QLabel()
        self.message.setObjectName("pageMessage")
        self.message.setWordWrap(True)
        self.agenda = AgendaEditor()
        self.attendance = AttendanceModel(self)
        self.attendance_table = QTableView()
        self.attendance_table.setObjectName("attendanceTable")
        self.attendance_table.setModel(self.attendance)
        self.attendance_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attendance_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attendance_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attendance_table.setTabKeyNavigation(False)
        self.attendance_table.verticalHeader().hide()
        self.attendance_table.setAccessibleName(tr("Attendance"))
        # The partner's name stays readable and the attendance whole; the person gives way in a narrow window.
        self.attendance_columns = KeyColumn(self.attendance_table, 0, keep=(2,))
        self.attendance_table.installEventFilter(self)
        self.attendance_hint = QLabel()
        self.attendance_hint.setProperty("muted", True)
        self.attendance_hint.setWordWrap(True)
        self.minutes = QPlainTextEdit()
        self.minutes.setObjectName("minutes")
        self.minutes.setTabChangesFocus(True)
        self.minutes.setAccessibleName(tr("Minutes"))
        self.reflection = ReflectionForm()
        self.decisions = DecisionForm(context)
        self.tabs = QTabWidget()
        self._build()
        for source in (self.agenda, self.decisions):
            source.write_requested.connect(self._write)
            source.record_opened.connect(context.open_record.emit)
        self.attendance.edited.connect(self._edited)
        self.minutes.textChanged.connect(self._edited)
        self.reflection.edited.connect(self._edited)
        self.agenda.details_edited.connect(self._edited)
        for keys, slot in (
            (QKeySequence.StandardKey.Save, self.save),
            ("Alt+Left", lambda: self.leave(self.back_requested.emit)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        context.data_changed.connect(self._on_data_changed)
        self._update_state()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading, 1)
        top.addWidget(self.change_button)
        top.addWidget(self.minutes_button)
        top.addWidget(self.outgoing)
        top.addWidget(self.save_button)
        sheet = QWidget()
        sheet_layout = QVBoxLayout(sheet)
        caption = QLabel(tr("A&ttendance:"))
        caption.setBuddy(self.attendance_table)
        minutes_caption = QLabel(tr("M&inutes:"))
        minutes_caption.setBuddy(self.minutes)
        caption_row = QHBoxLayout()
        caption_row.addWidget(caption, 1)
        caption_row.addWidget(self.invitees_button)
        sheet_layout.addLayout(caption_row)
        sheet_layout.addWidget(self.attendance_table, 3)
        sheet_layout.addWidget(self.attendance_hint)
        sheet_layout.addWidget(minutes_caption)
        sheet_layout.addWidget(self.minutes, 2)
        self.sheet = sheet
        self.tabs.addTab(sheet, tr("Attendance and minutes"))
        self.tabs.addTab(self.reflection, tr("Local reflection"))
        self.tabs.addTab(self.decisions, tr("Decisions → agreements"))
        splitter = QSplitter()
        splitter.addWidget(self.agenda)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    # --- loading ------------------------------------------------------------------------------------------

    @property
    def meeting_id(self) -> int | None:
        return None if self.data is None else self.data.detail.meeting.id

    def show_meeting(self, meeting_id: int) -> None:
        """Load a meeting (the caller has dealt with unsaved changes of the one shown before)."""
        self.dirty = False
        self.data = None
        self.message.hide()
        self.reload(meeting_id, take_all=True)

    def reload(self, meeting_id: int | None = None, *, take_all: bool = False) -> None:
        """Load again; with unsaved typing only the agenda and agreements refresh (``take_all``: everything,
        and the version: used after this page's own saves)."""
        wanted = meeting_id if meeting_id is not None else self.meeting_id
        if wanted is None:
            return
        today = self._context.today()
        self._context.read(
            lambda session: meeting_page(session, wanted, today),
            lambda data: self._show(data, take_all),
            key="meetings.page",
            on_error=self._failed,
        )

    def _show(self, data: MeetingPageData, take_all: bool) -> None:
        keep_typing = self.dirty and not take_all and self.data is not None
        version = self.data.detail.meeting.version if keep_typing and self.data is not None else None
        if keep_typing and version is not None:
            data = _with_version(data, version)
        self.data = data
        meeting = data.detail.meeting
        self.heading.setText(meeting.title)
        facts = [words.meeting_kind(meeting.kind), format_when(meeting.starts_at)]
        if meeting.location:
            facts.append(meeting.location)
        if meeting.status == MeetingStatus.CANCELLED:
            facts.append(tr("cancelled"))
        self.facts.setText("  ·  ".join(facts))
        self.agenda.show_data(data, self._context.now, keep_typing=keep_typing)
        self.minutes_button.set_meeting(meeting)
        self.outgoing.set_meeting(meeting)
        self.decisions.show_data(data, self._context.now, self._context.today())
        reflection = meeting.kind == MeetingKind.REFLECTION
        self.tabs.setTabVisible(1, reflection)
        if not keep_typing:
            self._filling = True
            self.attendance.set_rows(data.detail.invitees)
            self.minutes.setPlainText(data.detail.minutes)
            self.reflection.set_answers(data.detail)
            self._filling = False
            self.dirty = False
            if self.attendance.rowCount() and not self.attendance_table.selectionModel().hasSelection():
                self.attendance_table.selectRow(0)
        self.attendance_table.resizeColumnsToContents()
        self.attendance_columns.remember_widths()
        self._update_state()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.agenda.busy = False
        self._say(error)

    def _on_data_changed(self, what: Change) -> None:
        if self.data is not None and what in RELOAD_ON:
            self.reload()

    # --- typing and saving --------------------------------------------------------------------------------

    def _edited(self) -> None:
        if not self._filling:
            self.dirty = True
            self._update_state()

    def _update_state(self) -> None:
        self.save_button.setEnabled(self.dirty)
        self.change_button.setEnabled(self.data is not None and not self.dirty)
        self.change_button.setToolTip(tr("Save or undo your changes first") if self.dirty else "")
        self.invitees_button.setEnabled(self.data is not None and not self.dirty)
        self.minutes_button.set_unsaved(self.dirty)
        self.outgoing.set_unsaved(self.dirty)
        counts = self.attendance.counts()
        if self.data is not None and not self.attendance.rowCount():
            self.attendance_hint.setText(tr("No one is invited yet: Invitees… adds partners and people."))
            return
        self.attendance_hint.setText(
            tr(
                "Keys on a row: {present_keys} present, {excused_keys} excused, {absent_keys} absent, 0 invited. "
                "{present} present, {excused} excused, {absent} absent.",
                present_keys=attendance_key_label(Attendance.PRESENT),
                excused_keys=attendance_key_label(Attendance.EXCUSED),
                absent_keys=attendance_key_label(Attendance.ABSENT),
                present=counts["present"],
                excused=counts["excused"],
                absent=counts["absent"],
            )
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.attendance_table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            value = attendance_keys().get(event.key())
            if value is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.mark_current(value)
                return True
        if watched is self._watched_window and event.type() == QEvent.Type.Close and self.dirty:
            return self._closing(event, watched)
        return super().eventFilter(watched, event)

    def _closing(self, event: QEvent, window: QWidget) -> bool:
        """The window is closing with unsaved typing: ask; saving closes it once saved."""
        answer = self._ask(self)
        if answer == LEAVE_DISCARD:
            self.dirty = False
            return False
        event.ignore()
        if answer == LEAVE_SAVE:

            def close_window() -> None:
                window.close()

            self.save(close_window)
        return True

    def mark_current(self, value: str) -> None:
        """Mark the selected invitee and move to the next, so a room is marked by typing down the list."""
        indexes = self.attendance_table.selectionModel().selectedRows()
        if not indexes:
            return
        row = indexes[0].row()
        self.attendance.mark(row, value)
        if row + 1 < self.attendance.rowCount():
            self.attendance_table.selectRow(row + 1)

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Write attendance, minutes and answers in one go; a refusal or conflict is shown and the typing kept."""
        if self.data is None or not self.dirty:
            if then is not None:
                then()
            return
        meeting = self.data.detail.meeting
        marks = self.attendance.changes()
        minutes = self.minutes.toPlainText()
        answers = self.reflection.answers() if meeting.kind == MeetingKind.REFLECTION else None
        details = self.agenda.details_changes()
        now = self._context.now()
        self.save_button.setEnabled(False)

        def work(session: Session) -> None:
            save_meeting_page(
                session,
                meeting.id,
                expected_version=meeting.version,
                attendance=marks,
                minutes=minutes,
                reflection=answers,
                now=now,
            )
            for item_id, (version, text) in details.items():
                set_agenda_item_details(session, item_id, text, expected_version=version, now=now)

        def done(_result: object) -> None:
            self.dirty = False
            self.message.hide()
            self.reload(take_all=True)
            self.saved.emit()
            if then is not None:
                then()

        self._context.write(work, done, changed=Change.MEETING, on_error=self._save_failed)

    def _save_failed(self, error: BaseException) -> None:
        self._update_state()
        self._say(error)

    def _tell(self, text: str, trouble: bool) -> None:
        """A word from the Minutes… button: the file saved, or (``trouble``) why it was not."""
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020; font-weight: 600" if trouble else "")
        self.message.show()

    def _say(self, error: BaseException) -> None:
        if not isinstance(error, UserError):
            self._context.tasks.report_error(error)
            return
        self.message.setText(error.message)
        self.message.setStyleSheet("color: #b00020; font-weight: 600")
        self.message.show()

    def _write(self, work: Callable[[Session], Any], what: Literal["agenda", "reorder", "agreement"]) -> None:
        """Run an agenda or agreement change (``what``: agenda, reorder or agreement); then reload, taking the
        new version when a reorder raised it."""

        def done(_result: object) -> None:
            self.agenda.busy = False
            self.message.hide()
            if what == "agreement":
                self.decisions.made_one()
            self._reload_after_own_write(what == "reorder")

        changed = Change.AGREEMENT if what == "agreement" else Change.MEETING
        self._context.write(work, done, changed=changed, on_error=self._failed)

    def _reload_after_own_write(self, version_raised: bool) -> None:
        if not version_raised or not self.dirty:
            self.reload(take_all=not self.dirty)
            return
        # Our own reorder raised the meeting's version: keep the typing, take the new version.
        today = self._context.today()
        meeting_id = self.meeting_id
        assert meeting_id is not None

        def show(data: MeetingPageData) -> None:
            if self.data is not None:
                self.data = _with_version(self.data, data.detail.meeting.version)
            self._show(data, take_all=False)

        self._context.read(lambda s: meeting_page(s, meeting_id, today), show, key="meetings.page")

    # --- leaving ------------------------------------------------------------------------------------------

    def leave(self, then: Callable[[], None]) -> bool:
        """Go on with ``then`` once unsaved changes are saved or discarded; False when the user stays."""
        if not self.dirty:
            then()
            return True
        answer = self._ask(self)
        if answer == LEAVE_SAVE:
            self.save(then)
            return False
        if answer == LEAVE_DISCARD:
            self.dirty = False
            self.reload(take_all=True)
            then()
            return True
        return False

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        """Watch the window closing, so unsaved typing on this page is not lost with it."""
        window = self.window()
        if window is not self._watched_window and window is not self:
            if self._watched_window is not None:
                self._watched_window.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched_window = window
        super().showEvent(event)


def _with_version(data: MeetingPageData, version: int) -> MeetingPageData:
    from dataclasses import replace

    return replace(data, detail=replace(data.detail, meeting=data.detail.meeting._replace(version=version)))
