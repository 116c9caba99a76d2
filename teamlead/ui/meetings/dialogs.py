"""Dialogs of the Meetings view: schedule a recurring series, and change a meeting (this one or the series).

They collect input and hand a service call to :meth:`AppContext.write`; a refused input (``ValidationError``)
is shown in the dialog, which stays open so nothing typed is lost. :class:`WriteDialog` is the base of every
meeting dialog (also the New meeting dialog and the invitee editor); Enter follows
:mod:`teamlead.ui.widgets.keys`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.invitees import InviteeChoice
from teamlead.data.queries.meeting_list import MeetingListRow
from teamlead.data.queries.name_choices import NameChoice
from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.vocabulary import Change, MeetingKind
from teamlead.services.series import SeriesChanges, SeriesInput
from teamlead.services.series_rules import every_n_weeks, monthly_on_nth_weekday
from teamlead.ui.context import AppContext
from teamlead.ui.meetings.invitee_picker import InviteePicker
from teamlead.ui.meetings.neighbourhood_field import NeighbourhoodField
from teamlead.ui.widgets.date_field import DateField
from teamlead.ui.widgets.discard_guard import guard_discard
from teamlead.ui.widgets.district_field import DistrictField
from teamlead.ui.widgets.keys import ctrl_enter_submits

ORDINALS = ((1, "first"), (2, "second"), (3, "third"), (4, "fourth"), (-1, "last"))


def _ordinal(name: str) -> str:
    return {
        "first": tr("first"), "second": tr("second"), "third": tr("third"), "fourth": tr("fourth"),
        "last": tr("last"),
    }[name]  # fmt: skip


def _weekdays() -> list[str]:
    return [
        tr("Monday"),
        tr("Tuesday"),
        tr("Wednesday"),
        tr("Thursday"),
        tr("Friday"),
        tr("Saturday"),
        tr("Sunday"),
    ]


def clock_of(value: QTime) -> time:
    return time(value.hour(), value.minute())


def kind_combo() -> QComboBox:
    combo = QComboBox()
    for kind in MeetingKind:
        combo.addItem(words.meeting_kind(kind), str(kind))
    return combo


class WriteDialog(QDialog):
    """A dialog whose OK runs a service call in the background and closes only when it succeeded."""

    def __init__(self, context: AppContext, parent: QWidget | None, *, ok_text: str | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text or tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.discard_guard = guard_discard(self, self.buttons)  # Esc or Cancel on typing asks first

    def work(self) -> Callable[[Session], Any]:
        raise NotImplementedError

    def unfinished(self) -> str | None:
        """What keeps the dialog from saving yet (text typed in a completion field and not picked), or None."""
        return None

    def save(self) -> None:
        """Run the change in one transaction; close on success, show the message on a refusal."""
        if not self.buttons.isEnabled():
            return
        problem = self.unfinished()
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            return
        try:
            work = self.work()
        except UserError as refused:  # a date that names no day: said in the dialog, nothing saved
            self._refused(refused)
            return
        self.buttons.setEnabled(False)
        self._context.write(work, self._saved, changed=Change.MEETING, on_error=self._refused)

    def _saved(self, _result: object) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, UserError):
            raise error
        self.error.setText(error.message)
        self.error.show()


class SeriesDialog(WriteDialog):
    """Schedule a recurring meeting: every n-th weekday of the month, or every N weeks, with invitees.

    Enter in the invite field only invites (before, it also pressed OK: one Enter too many made a year of
    meetings); Enter elsewhere, or Ctrl+Enter anywhere, schedules the series."""

    def __init__(
        self, context: AppContext, organisations: list[NameChoice], parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(tr("Schedule a recurring meeting"))
        self.kind = kind_combo()
        self.title_edit = QLineEdit()
        self.pattern = QComboBox()
        self.pattern.addItem(tr("monthly, on a weekday"), "monthly")
        self.pattern.addItem(tr("every few weeks"), "weekly")
        self.ordinal = QComboBox()
        for number, name in ORDINALS:
            self.ordinal.addItem(_ordinal(name), number)
        self.ordinal.setCurrentIndex(1)
        self.weekday = QComboBox()
        self.weekday.addItems(_weekdays())
        self.weekday.setCurrentIndex(1)
        self.weeks = QSpinBox()
        self.weeks.setRange(1, 26)
        self.weeks.setValue(6)
        self.first_date = DateField(context.today(), today=context.today)
        self.start_time = QTimeEdit(QTime(14, 0))
        self.duration = QSpinBox()
        self.duration.setRange(5, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setValue(90)
        self.duration.setSuffix(tr(" min"))
        self.location = QLineEdit()
        self.invitees = InviteePicker(tr("Type a partner's name and press Enter"))
        self.invitees.set_choices(InviteeChoice(choice.id, None, choice.label) for choice in organisations)
        self.invitees.refusal = tr("No partner is called {name}.")  # said under the field on Enter
        self.invitees.changed.connect(self.error.hide)
        self.partner = self.invitees.line
        self.invited = self.invitees.list
        self.invited.setMaximumHeight(100)
        self.district = DistrictField()
        self.district.start(context)  # the user's default district, else the only one
        form = QFormLayout()
        for label, field in (
            (tr("&Kind:"), self.kind), (tr("&Title:"), self.title_edit),
            (tr("Distri&ct:"), self.district), (tr("&Repeats:"), self.pattern),
            (tr("&On the:"), self.ordinal), (tr("&Weekday:"), self.weekday),
            (tr("&Every … weeks:"), self.weeks),
            (tr("&First date:"), self.first_date), (tr("&Start time:"), self.start_time),
            (tr("&Duration:"), self.duration), (tr("&Location:"), self.location),
            (tr("&Invite partner:"), self.invitees),
        ):  # fmt: skip
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.pattern.currentIndexChanged.connect(self._pattern_changed)
        self._pattern_changed()
        ctrl_enter_submits(self, self.save)

    def _pattern_changed(self) -> None:
        monthly = self.pattern.currentData() == "monthly"
        self.ordinal.setEnabled(monthly)
        self.weekday.setEnabled(monthly)
        self.weeks.setEnabled(not monthly)

    def unfinished(self) -> str | None:
        pending = self.invitees.pending_text()
        return tr("No partner is called {name}.", name=pending) if pending else None

    def rule(self) -> str:
        if self.pattern.currentData() == "monthly":
            return monthly_on_nth_weekday(int(self.ordinal.currentData()), self.weekday.currentIndex())
        return every_n_weeks(self.weeks.value())

    def series_input(self) -> SeriesInput:
        invitees = tuple(self.invitees.refs())
        return SeriesInput(
            kind=str(self.kind.currentData()),
            title=self.title_edit.text(),
            rrule=self.rule(),
            first_date=self.first_date.checked_value("first_date"),
            start_time=clock_of(self.start_time.time()),
            duration_minutes=self.duration.value(),
            location=self.location.text(),
            district_id=self.district.district_id(),
            invitees=invitees,
        )

    def work(self) -> Callable[[Session], Any]:
        from teamlead.services.series import create_series

        data = self.series_input()
        now = self._context.now()
        return lambda session: create_series(session, data, now=now)


class EditMeetingDialog(WriteDialog):
    """Change a meeting's title, place and time; in a series, for this meeting or the whole series."""

    def __init__(self, context: AppContext, row: MeetingListRow, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(tr("Change meeting"))
        self._row = row
        self.title_edit = QLineEdit(row.title)
        self.location = QLineEdit(row.location)
        self.day = DateField(row.starts.date(), today=context.today)
        self.start_time = QTimeEdit(QTime(row.starts.hour, row.starts.minute))
        self.district = DistrictField()
        self.district.set_district(row.district_id)
        self.district.start(context)  # a meeting without a district shows the one it will get
        self.neighbourhood = NeighbourhoodField()
        self.neighbourhood.show_district(row.district_id)
        self.district.currentIndexChanged.connect(
            lambda _index: self.neighbourhood.show_district(self.district.district_id())
        )
        self.neighbourhood.start(context, row.id)
        self.this_one = QRadioButton(tr("&This meeting"))
        self.whole_series = QRadioButton(tr("The &whole series (from now on)"))
        self.this_one.setChecked(True)
        self.whole_series.toggled.connect(lambda on: self.day.setEnabled(not on))
        form = QFormLayout()
        form.addRow(tr("&Title:"), self.title_edit)
        form.addRow(tr("&Location:"), self.location)
        form.addRow(tr("&Date:"), self.day)
        form.addRow(tr("&Start time:"), self.start_time)
        form.addRow(tr("Distri&ct:"), self.district)
        form.addRow(tr("Neigh&bourhood:"), self.neighbourhood)
        self.whole_series.toggled.connect(lambda on: self.neighbourhood.setEnabled(not on))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if row.series_id is not None:
            layout.addWidget(QLabel(tr("Change:")))
            layout.addWidget(self.this_one)
            layout.addWidget(self.whole_series)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        ctrl_enter_submits(self, self.save)

    def work(self) -> Callable[[Session], Any]:
        from teamlead.services import meetings, series

        row = self._row
        title, location = self.title_edit.text(), self.location.text()
        district_id = self.district.district_id()
        picked = district_id if self.district.user_picked else None  # the series keeps its own unless changed
        day = self.day.checked_value("starts_at") if self.day.isEnabled() else row.starts.date()
        starts = datetime.combine(day, clock_of(self.start_time.time()))
        now = self._context.now()
        if row.series_id is not None and self.whole_series.isChecked():
            series_id = row.series_id
            new_time = starts.time().replace(second=0, microsecond=0)

            def whole(session: Session) -> None:
                record = series.series_of(session, row.id)
                assert record is not None
                changes = SeriesChanges(
                    title=title,
                    location=location,
                    start_time=new_time if new_time != record.start_time else None,
                    district_id=picked,
                )
                series.edit_series(session, series_id, changes, expected_version=record.version, now=now)

            return whole
        changes = meetings.MeetingChanges(
            title=title,
            location=location,
            starts_local=starts,
            district_id=district_id,
            neighbourhood_id=self.neighbourhood.neighbourhood_id()
            if self.neighbourhood.is_loaded
            else meetings.KEEP,
        )
        return lambda session: meetings.change_meeting(
            session, row.id, changes, expected_version=row.version, now=now
        )
