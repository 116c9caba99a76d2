"""Plan a one-off meeting: kind, title, date, start and end, place, district and invitees (partners, and
people at a partner), through the meetings service.

The district is proposed by the one precedence for a new record (the default district, else the only one)
and can be changed. Enter in the invite field only invites; Enter in another single-line field, or Ctrl+Enter
anywhere, plans the meeting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QFormLayout, QLineEdit, QTimeEdit, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from teamlead.data.queries.invitees import MeetingFormChoices, meeting_form_choices
from teamlead.i18n import tr
from teamlead.rules.clock import AMSTERDAM
from teamlead.services.meetings import MeetingInput, schedule_meeting
from teamlead.ui.context import AppContext
from teamlead.ui.meetings.dialogs import WriteDialog, clock_of, kind_combo
from teamlead.ui.meetings.invitee_picker import InviteePicker
from teamlead.ui.meetings.neighbourhood_field import NeighbourhoodField
from teamlead.ui.widgets.date_field import DateField
from teamlead.ui.widgets.district_field import DistrictField
from teamlead.ui.widgets.keys import ctrl_enter_submits

START = time(14, 0)
MINUTES = 90


def load_meeting_form(today: date) -> Callable[[Session], MeetingFormChoices]:
    """The read that fills the dialog (off the GUI thread), the district proposed as the service would."""
    return lambda session: meeting_form_choices(session, today)


class NewMeetingDialog(WriteDialog):
    """One meeting that does not repeat; OK plans it (the dialog stays open with the reason on a refusal)."""

    def __init__(
        self, context: AppContext, choices: MeetingFormChoices, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent, ok_text=tr("&Plan"))
        self.setObjectName("newMeetingDialog")
        self.setWindowTitle(tr("New meeting"))
        self.setMinimumWidth(560)
        self.meeting_id: int | None = None
        self.kind = kind_combo()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(tr("e.g. Kennismaking wijkagent"))
        self.day = DateField(context.today(), today=context.today)
        self.start_time = QTimeEdit(QTime(START.hour, START.minute))
        end = datetime.combine(context.today(), START) + timedelta(minutes=MINUTES)
        self.end_time = QTimeEdit(QTime(end.hour, end.minute))
        self._length = timedelta(minutes=MINUTES)
        self.start_time.timeChanged.connect(self._start_moved)
        self.end_time.timeChanged.connect(self._end_moved)
        self.location = QLineEdit()
        self.district = DistrictField()
        self.district.set_districts(choices.districts)
        self.district.suggest(choices.district_id)
        self.neighbourhood = NeighbourhoodField()
        self.neighbourhood.show_district(self.district.district_id())
        self.district.currentIndexChanged.connect(
            lambda _index: self.neighbourhood.show_district(self.district.district_id())
        )
        self.neighbourhood.start(context)
        self.invitees = InviteePicker(tr("Type part of a partner's or a person's name"))
        self.invitees.set_choices(choices.invitees)
        self.invitees.list.setMaximumHeight(120)
        self.invitees.refusal = tr("No partner or person is called {name}.")  # said under the field on Enter
        self.invitees.changed.connect(self.error.hide)
        form = QFormLayout()
        for label, field in (
            (tr("&Kind:"), self.kind), (tr("&Title:"), self.title_edit), (tr("&Date:"), self.day),
            (tr("&Start time:"), self.start_time), (tr("&End time:"), self.end_time),
            (tr("&Location:"), self.location), (tr("Dist&rict:"), self.district),
            (tr("Neigh&bourhood:"), self.neighbourhood), (tr("&Invite:"), self.invitees),
        ):  # fmt: skip
            form.addRow(label, field)
            field.setAccessibleName(label.replace("&", "").rstrip(":"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        ctrl_enter_submits(self, self.save)
        self.title_edit.setFocus()

    def _start_moved(self, _value: QTime) -> None:
        """A later start moves the end along: the meeting keeps its length."""
        start = datetime.combine(self._day(), clock_of(self.start_time.time()))
        end = start + self._length
        self.end_time.blockSignals(True)
        self.end_time.setTime(QTime(end.hour, end.minute))
        self.end_time.blockSignals(False)

    def _end_moved(self, _value: QTime) -> None:
        start = datetime.combine(self._day(), clock_of(self.start_time.time()))
        end = datetime.combine(self._day(), clock_of(self.end_time.time()))
        if end > start:
            self._length = end - start

    def _day(self) -> date:
        """The day typed, for keeping the meeting's length (any day does while it names none)."""
        return self.day.value() or self._context.today()

    def unfinished(self) -> str | None:
        pending = self.invitees.pending_text()
        return tr("No partner or person is called {name}.", name=pending) if pending else None

    def meeting_input(self) -> MeetingInput:
        day = self.day.checked_value("starts_at")
        starts = datetime.combine(day, clock_of(self.start_time.time()), AMSTERDAM)
        ends = datetime.combine(day, clock_of(self.end_time.time()), AMSTERDAM)
        return MeetingInput(
            kind=str(self.kind.currentData()),
            title=self.title_edit.text(),
            starts_at=starts,
            ends_at=ends,
            location=self.location.text(),
            district_id=self.district.district_id(),
            invitees=tuple(self.invitees.refs()),
            neighbourhood_id=self.neighbourhood.neighbourhood_id(),
        )

    def work(self) -> Callable[[Session], Any]:
        data = self.meeting_input()
        now = self._context.now()
        return lambda session: schedule_meeting(session, data, now=now)

    def _saved(self, result: object) -> None:
        self.meeting_id = result if isinstance(result, int) else None
        super()._saved(result)
