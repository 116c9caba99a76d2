"""A moment typed as a day and a time of day, in Amsterdam time: when a signal came in, when a partner was asked.

The day is the shared :class:`~teamlead.ui.widgets.date_field.DateField` (typed Dutch or ISO dates, a
calendar); the time a 24-hour ``HH:mm`` field. The value is an aware moment, so the services store UTC.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QHBoxLayout, QTimeEdit, QWidget

from teamlead.i18n import tr
from teamlead.rules.clock import AMSTERDAM, amsterdam_today
from teamlead.ui.widgets.date_field import DateField


class MomentField(QWidget):
    """A day and a time of day; the focus goes to the day."""

    def __init__(
        self,
        value: datetime,
        *,
        today: Callable[[], date] = amsterdam_today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        local = value.astimezone(AMSTERDAM)
        self.day = DateField(local.date(), today=today)
        self.time = QTimeEdit(QTime(local.hour, local.minute))
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(tr("Time"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.day)
        row.addWidget(self.time)
        row.addStretch()
        self.setFocusProxy(self.day)
        self.setTabOrder(self.day, self.time)

    def checked_value(self, field: str) -> datetime:
        """The moment, or a ValidationError for ``field`` when the day names no day."""
        day = self.day.checked_value(field)
        clock = self.time.time()
        return datetime(day.year, day.month, day.day, clock.hour(), clock.minute(), tzinfo=AMSTERDAM)

    def set_value(self, value: datetime) -> None:
        local = value.astimezone(AMSTERDAM)
        self.day.set_value(local.date())
        self.time.setTime(QTime(local.hour, local.minute))
