"""The Meetings section: upcoming and past meetings as a list and a month view, series, the calendar export.

Reads go through :meth:`AppContext.read` (rows, off the GUI thread), changes through :meth:`AppContext.write`;
once the list is on screen, the series are extended 12 months ahead so every coming meeting has its own row.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.invitees import InviteeChoice, MeetingFormChoices, invitee_choices
from teamlead.data.queries.meeting_list import MeetingListRow, meeting_list
from teamlead.data.queries.meeting_page import MeetingPageData
from teamlead.data.queries.name_choices import NameChoice, organisation_choices
from teamlead.i18n import tr, trn
from teamlead.rules import words
from teamlead.rules.vocabulary import Change, MeetingKind, MeetingStatus, RecordKind
from teamlead.services.meeting_removal import Removal, delete_meeting, delete_series, removal_of
from teamlead.services.series import extend_series_ahead
from teamlead.ui.context import AppContext
from teamlead.ui.meetings.dialogs import EditMeetingDialog, SeriesDialog
from teamlead.ui.meetings.invitees_dialog import InviteesDialog
from teamlead.ui.meetings.model import COLUMNS, MeetingFilter, MeetingTableModel
from teamlead.ui.meetings.new_meeting import NewMeetingDialog, load_meeting_form
from teamlead.ui.meetings.page import MeetingPage, ask_leave
from teamlead.ui.meetings.removal import ask_delete
from teamlead.ui.qt_language import app_locale
from teamlead.ui.widgets.filter_bar import SEARCH_MIN_WIDTH, FlowLayout, labelled
from teamlead.ui.widgets.key_column import KeyColumn
from teamlead.ui.widgets.loading import LoadingNote, count_or_loading

SCOPE_THIS = "this"
SCOPE_SERIES = "series"


def ask_scope(parent: QWidget, row: MeetingListRow) -> str | None:
    """Ask whether to cancel this meeting or the whole series from it on; None: do nothing."""
    box = QMessageBox(
        QMessageBox.Icon.Question, tr("Cancel meeting"), tr("Cancel {title}?", title=row.title), parent=parent
    )
    this = box.addButton(tr("&This meeting"), QMessageBox.ButtonRole.AcceptRole)
    whole = box.addButton(tr("The &whole series from here"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("&Keep it"), QMessageBox.ButtonRole.RejectRole)
    if row.series_id is None:
        whole.hide()
    box.exec()
    if box.clickedButton() is this:
        return SCOPE_THIS
    if box.clickedButton() is whole:
        return SCOPE_SERIES
    return None


class MeetingsView(QWidget):
    """Filters above a meetings table with a month calendar beside it; toolbar buttons for the actions."""

    loaded = Signal()
    """The meetings are on screen (after each reload)."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        ask: Callable[[QWidget, MeetingListRow], str | None] = ask_scope,
        ask_leave: Callable[[QWidget], str] = ask_leave,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._ask = ask
        self.is_loaded = False
        self.model = MeetingTableModel(self)
        self.proxy = MeetingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_now(context.now())
        self.table = QTableView()
        self.table.setObjectName("meetingsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        for column, width in ((0, 150), (1, 140), (3, 160), (4, 170)):
            self.table.horizontalHeader().resizeSection(column, width)
        self.key_column = KeyColumn(self.table, COLUMNS.index("title"), keep=(COLUMNS.index("when"),))
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.setAccessibleName(tr("Meetings"))
        self.month = QCalendarWidget()
        self.month.setObjectName("meetingsMonth")
        self.month.setGridVisible(True)
        self.month.setLocale(app_locale())  # month and day names as the date fields' calendar has them
        self.month.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.month.setSelectedDate(QDate(context.today()))
        self.month.clicked.connect(self.show_day)
        self.period = QComboBox()
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for text, value in ((tr("Upcoming"), "upcoming"), (tr("Past"), "past"), (tr("All"), "all")):
            self.period.addItem(text, value)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.kind = QComboBox()
        self.kind.addItem(tr("All kinds"), None)
        for kind in MeetingKind:
            self.kind.addItem(words.meeting_kind(kind), str(kind))
        self.kind.currentIndexChanged.connect(lambda _i: self.proxy.set_kind(self.kind.currentData()))
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Title, partner or place"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.summary = QLabel()
        self.loading = LoadingNote(self.table, self.summary)
        self.summary.setObjectName("meetingsSummary")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.open_button = QPushButton(tr("&Open"))
        self.open_button.setToolTip(tr("Enter"))
        self.open_button.clicked.connect(self.open_selected)
        self.new_meeting_button = QPushButton(tr("New &meeting…"))
        self.new_meeting_button.setToolTip(tr("A meeting that does not repeat (Ctrl+Shift+M)"))
        self.new_meeting_button.clicked.connect(self.new_meeting)
        self.new_series_button = QPushButton(tr("&New series…"))
        self.new_series_button.clicked.connect(self.new_series)
        self.edit_button = QPushButton(tr("C&hange…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.cancel_button = QPushButton(tr("&Cancel meeting…"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.delete_button = QPushButton(tr("&Delete…"))
        self.delete_button.setToolTip(tr("Delete a meeting or series made by mistake, before it has started"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button = QPushButton(tr("E&xport calendar…"))
        self.export_button.clicked.connect(self.export_calendar)
        self.page = MeetingPage(context, ask=ask_leave)
        self.page.setObjectName("meetingPage")
        self.page.back_requested.connect(self.show_list)
        self.page.edit_requested.connect(self._edit_from_page)
        self.page.invitees_requested.connect(self.edit_invitees)
        self.stack = QStackedWidget()
        self._build()
        find = QShortcut(QKeySequence("Ctrl+F"), self)
        find.activated.connect(self.search.setFocus)
        context.data_changed.connect(self._on_data_changed)
        self._extended = False
        self._select_after_reload: int | None = None
        self.reload()

    def title(self) -> str:
        return tr("Meetings")

    def _build(self) -> None:
        filters = FlowLayout()
        for label, field in (
            (tr("&Show:"), self.period),
            (tr("&Kind:"), self.kind),
            (tr("&Find:"), self.search),
        ):
            caption = QLabel(label)
            caption.setBuddy(field)
            searching = field is self.search
            filters.add_widget(
                labelled(caption, field, min_width=SEARCH_MIN_WIDTH if searching else 0), searching
            )
        actions = FlowLayout()
        for button in (
            self.open_button,
            self.new_meeting_button,
            self.new_series_button,
            self.edit_button,
            self.cancel_button,
            self.delete_button,
            self.export_button,
        ):
            actions.add_widget(button)
        actions.add_widget(self.summary, 1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.month)
        splitter.setStretchFactor(0, 3)
        self.list_page = QWidget()
        list_layout = QVBoxLayout(self.list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(filters)
        list_layout.addLayout(actions)
        list_layout.addWidget(splitter, 1)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def reload(self) -> None:
        def load(session: Session) -> tuple[list[MeetingListRow], list[str]]:
            rows = meeting_list(session)
            return rows, MeetingTableModel.haystacks(rows)  # folded here, off the GUI thread

        self._context.read(load, self._show, key="meetings.rows")

    def _show(self, loaded: tuple[list[MeetingListRow], list[str]]) -> None:
        rows, haystacks = loaded
        self.model.set_rows(rows, now=self._context.now(), haystacks=haystacks)
        self.loading.done()
        self._mark_month(rows)
        self._update_summary()
        if self._select_after_reload is not None and self.stack.currentWidget() is self.list_page:
            if not self.select_meeting(self._select_after_reload):
                self.period.setCurrentIndex(2)
                self.select_meeting(self._select_after_reload)
            self._select_after_reload = None
        self.is_loaded = True
        self.loaded.emit()
        if not self._extended:
            # Once the list is on screen: materialise the series a year ahead (a write; the list reloads).
            self._extended = True
            today = self._context.today()
            self._context.write(
                lambda session: extend_series_ahead(session, today),
                self._series_extended,
                changed=Change.SERIES,
            )

    def _series_extended(self, added: int) -> None:
        if added:
            self.reload()

    def _on_data_changed(self, what: Change) -> None:
        if what in (Change.MEETING, Change.ORGANISATION, Change.GEOGRAPHY, Change.ALL):
            self.reload()

    def _mark_month(self, rows: list[MeetingListRow]) -> None:
        self.month.setDateTextFormat(QDate(), QTextCharFormat())
        bold = QTextCharFormat()
        bold.setFontWeight(700)
        bold.setBackground(Qt.GlobalColor.yellow)
        for day in {row.starts.date() for row in rows if row.status != MeetingStatus.CANCELLED}:
            self.month.setDateTextFormat(
                QDate(day), bold
            )  # once a day, not once a meeting (26,000 in a city)

    def _update_summary(self) -> None:
        self.summary.setText(
            count_or_loading(
                self.loading,
                trn(
                    "{shown} of {count} meeting",
                    "{shown} of {count} meetings",
                    self.model.total(),  # all of them: the model itself holds the period's only
                    shown=self.proxy.rowCount(),
                ),
            )
        )

    def _period_changed(self) -> None:
        self.refresh_now()
        period = self.period.currentData()
        self.proxy.set_period(period)
        order = Qt.SortOrder.DescendingOrder if period == "past" else Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(0, order)
        self._update_summary()

    def show_day(self, day: QDate) -> None:
        """Select the first meeting on the clicked day (switching to all meetings if it is not shown)."""
        wanted = day.toPython()
        for proxy_row in range(self.proxy.rowCount()):
            if self.visible_row(proxy_row).starts.date() == wanted:
                self.table.selectRow(proxy_row)
                return
        if self.period.currentData() != "all":
            self.period.setCurrentIndex(2)
            self.show_day(day)

    def visible_row(self, proxy_row: int) -> MeetingListRow:
        source = self.proxy.mapToSource(self.proxy.index(proxy_row, 0))
        return self.model.row_at(source.row())

    def visible_rows(self) -> list[MeetingListRow]:
        return [self.visible_row(i) for i in range(self.proxy.rowCount())]

    def selected_row(self) -> MeetingListRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.visible_row(indexes[0].row()) if indexes else None

    def select_meeting(self, meeting_id: int) -> bool:
        for proxy_row in range(self.proxy.rowCount()):
            if self.visible_row(proxy_row).id == meeting_id:
                self.table.selectRow(proxy_row)
                return True
        return False

    def open_record(self, kind: RecordKind, record_id: int) -> bool:
        """A meeting opens on its own page (after the user dealt with unsaved changes on the page shown)."""
        if kind != RecordKind.MEETING:
            return False
        if not self.select_meeting(record_id):
            self.period.setCurrentIndex(2)
            self.select_meeting(record_id)
        self.open_meeting(record_id)
        return True

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_meeting(row.id)

    def open_meeting(self, meeting_id: int) -> None:
        """Show the meeting's page; unsaved changes of another meeting are asked about first."""
        if self.page.meeting_id == meeting_id and self.stack.currentWidget() is self.page:
            return

        def show() -> None:
            self.page.show_meeting(meeting_id)
            self.stack.setCurrentWidget(self.page)
            self.page.agenda.table.setFocus()

        if self.page.meeting_id == meeting_id:
            self.stack.setCurrentWidget(self.page)
            return
        self.page.leave(show)

    def refresh_now(self) -> None:
        """Split upcoming from past at this moment, keeping the selection: the list is shown again after
        hours or days (an app left open, a laptop woken up), and a meeting held meanwhile is past now."""
        selected = self.selected_row()
        self.proxy.set_now(self._context.now())
        if selected is not None:
            self.select_meeting(selected.id)
        self._update_summary()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.is_loaded:
            self.refresh_now()

    def show_list(self) -> None:
        self.refresh_now()
        self.stack.setCurrentWidget(self.list_page)
        if self.page.meeting_id is not None:
            self.select_meeting(self.page.meeting_id)
        self.table.setFocus()

    def _edit_from_page(self, data: MeetingPageData) -> None:
        meeting = data.detail.meeting
        row = MeetingListRow(
            id=meeting.id,
            kind=meeting.kind,
            title=meeting.title,
            starts=data.starts,
            location=meeting.location,
            status=meeting.status,
            partners=tuple(name for _id, name in data.organisations),
            series_id=meeting.series_id,
            version=meeting.version,
            district_id=meeting.district_id,
        )
        self.edit_dialog = EditMeetingDialog(self._context, row, self)
        self.edit_dialog.open()

    def new_meeting(self) -> None:
        """Plan a one-off meeting (the dialog opens once its choices are read)."""
        self._context.read(
            load_meeting_form(self._context.today()), self._open_meeting_dialog, key="meetings.form"
        )

    def _open_meeting_dialog(self, choices: MeetingFormChoices) -> None:
        self.meeting_dialog = NewMeetingDialog(self._context, choices, self)
        self.meeting_dialog.accepted.connect(lambda: self._planned(self.meeting_dialog.meeting_id))
        self.meeting_dialog.open()

    def _planned(self, meeting_id: int | None) -> None:
        """Show the new meeting in the list, selected (the list reloads after the write); a meeting page with
        unsaved typing stays where it is."""
        self._select_after_reload = meeting_id
        if not self.page.dirty:
            self.show_list()

    def edit_invitees(self, data: MeetingPageData) -> None:
        """The invitee editor of the meeting shown on the page."""
        today = self._context.today()
        self._context.read(
            lambda session: invitee_choices(session, today),
            lambda choices: self._open_invitees_dialog(data, choices),
            key="meetings.invitee-choices",
        )

    def _open_invitees_dialog(self, data: MeetingPageData, choices: list[InviteeChoice]) -> None:
        self.invitees_dialog = InviteesDialog(self._context, data, choices, self)
        self.invitees_dialog.open()

    def delete_selected(self) -> None:
        """Delete the selected meeting (a one-off) or its series, after saying what goes; once it has
        started, offer to cancel it instead."""
        row = self.selected_row()
        if row is None:
            return
        now = self._context.now()
        self._context.read(
            lambda session: removal_of(session, row.id, now=now),
            self._ask_delete,
            key="meetings.removal",
        )

    def _ask_delete(self, removal: Removal) -> None:
        self.delete_box = ask_delete(self, removal, lambda: self._delete(removal), self.cancel_selected)

    def _delete(self, removal: Removal) -> None:
        now = self._context.now()
        series_id = removal.series_id
        if series_id is not None:
            self._context.write(
                lambda s: delete_series(s, series_id, expected_version=removal.version, now=now),
                changed=Change.MEETING,
            )
            return
        self._context.write(
            lambda s: delete_meeting(s, removal.meeting_id, expected_version=removal.version, now=now),
            changed=Change.MEETING,
        )

    def new_series(self) -> None:
        self._context.read(organisation_choices, self._open_series_dialog, key="meetings.organisations")

    def _open_series_dialog(self, organisations: list[NameChoice]) -> None:
        self.series_dialog = SeriesDialog(self._context, organisations, self)
        self.series_dialog.open()

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        self.edit_dialog = EditMeetingDialog(self._context, row, self)
        self.edit_dialog.open()

    def cancel_selected(self) -> None:
        """Cancel the selected meeting, or its series from it on, after asking which."""
        from teamlead.services.series import cancel_occurrence, cancel_series_from, series_of

        row = self.selected_row()
        if row is None or row.status == MeetingStatus.CANCELLED:
            return
        scope = self._ask(self, row)
        if scope == SCOPE_THIS:
            self._context.write(
                lambda s: cancel_occurrence(s, row.id, expected_version=row.version), changed=Change.MEETING
            )
        elif scope == SCOPE_SERIES and row.series_id is not None:
            series_id, day = row.series_id, row.starts.date()

            def whole(session):  # type: ignore[no-untyped-def]
                series = series_of(session, row.id)
                assert series is not None
                return cancel_series_from(session, series_id, day, expected_version=series.version)

            self._context.write(whole, changed=Change.MEETING)

    def export_calendar(self, target: str | None = None) -> None:
        """Write the meetings from today on as an .ics file the user picks."""
        if target is None:
            target, _ = QFileDialog.getSaveFileName(
                self, tr("Export calendar"), "teamlead.ics", tr("iCalendar files (*.ics)")
            )
            if not target:
                return
        path = Path(target) if Path(target).suffix.lower() == ".ics" else Path(f"{target}.ics")
        today = self._context.today()

        def work(session):  # type: ignore[no-untyped-def]
            from teamlead.calendar.export import build_calendar, write_calendar

            return write_calendar(build_calendar(session, today), path)

        self._context.write(
            work,
            lambda counts: self.summary.setText(
                trn(
                    "Exported {count} event to {path}",
                    "Exported {count} events to {path}",
                    counts.events,
                    path=path,
                )
            ),
            changed=Change.CALENDAR,
        )
