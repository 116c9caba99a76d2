"""The one date field of every dialog and form: a line to type a date into, as people write one in the app's
language, and a calendar to pick one from.

Typing is read by :func:`teamlead.rules.date_input.parse_date` (``3-12-2026``, ``3 dec``, ``morgen``, ``+2w``,
…) relative to the app's today, not the computer's clock. Leaving the field, or Enter, shows what was read in
the field's one format (:func:`teamlead.rules.formatting.day_input`: ``03-12-2026`` in Dutch, ``3 Dec 2026`` in
English); the weekday stands beside it. Text that names no day turns the field's border red with "Not a date"
beside it, and the form's save asks :meth:`DateField.checked_value`, which refuses it with a message instead of
saving a wrong date. The calendar (the button, Alt+Down or F4) opens on the field's day, with the app
language's month names and Monday as the first day of the week; Up and Down step a day.

Use::

    self.day = DateField(context.today(), today=context.today)
    ... day = self.day.checked_value("starts_at") ...   # raises ValidationError("starts_at", message)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import override

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QPainter,
    QPalette,
    QPixmap,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.clock import amsterdam_today
from teamlead.rules.date_input import parse_date
from teamlead.rules.formatting import day_input, day_text, weekday_abbreviation
from teamlead.rules.limits import FIRST_DAY, LAST_DAY
from teamlead.ui.qt_language import app_locale

INVALID_STYLE = "QLineEdit { border: 1px solid #c62828; border-radius: 3px; padding: 1px 2px; }"
"""A date the field cannot read: a red border (the message stands beside it)."""
_WIDEST = date(2026, 9, 28)  # the widest day as a field shows it ("28 Sep 2026", "28-09-2026")


class DateField(QWidget):
    """A typed date with a calendar; see the module. The focus goes to its line (buddy labels, Tab)."""

    changed = Signal(object)
    """The day the field now reads (a ``date``), or None once its text names no day."""

    def __init__(
        self,
        value: date | None = None,
        *,
        today: Callable[[], date] = amsterdam_today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dateField")
        self._today = today
        self._read: date | None = None
        self.popup: CalendarPopup | None = None
        """The calendar, once opened (tests pick from it)."""
        self.line = QLineEdit()
        self.line.setObjectName("dateFieldLine")
        self.line.setMaxLength(40)
        example = day_input(today())
        self.line.setPlaceholderText(example)
        self.line.setToolTip(
            tr(
                "Type a date: {example}, 3-12, 3 dec, today, tomorrow, +3d, +2w or +1m. Alt+Down opens the "
                "calendar.",
                example=example,
            )
        )
        metrics = self.line.fontMetrics()
        self.line.setFixedWidth(
            metrics.horizontalAdvance(day_input(_WIDEST)) + 3 * metrics.averageCharWidth()
        )
        self.button = QToolButton()
        self.button.setObjectName("dateFieldCalendar")
        self.button.setIcon(_calendar_icon(self.palette().color(QPalette.ColorRole.ButtonText)))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down from the line; Tab skips it
        self.button.setToolTip(tr("Pick from the calendar (Alt+Down)"))
        self.button.setAccessibleName(tr("Calendar"))
        self.button.clicked.connect(self.open_calendar)
        self.hint = QLabel()
        self.hint.setObjectName("dateFieldHint")
        self.hint.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)  # never cut off
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.line)
        layout.addWidget(self.button)
        layout.addSpacing(4)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self.normalise)
        self.line.installEventFilter(self)
        self.set_value(value)

    # --- the value ------------------------------------------------------------------------------------------

    def value(self) -> date | None:
        """The day the text names, or None when it names none (see :meth:`problem`)."""
        return parse_date(self.line.text(), self._today())

    def set_value(self, value: date | None) -> None:
        """Show ``value`` in the field's format (None: empty)."""
        self.line.setText(day_input(value) if value is not None else "")
        self._mark(invalid=False)
        self._read_now()

    def problem(self) -> str | None:
        """Why the field cannot be saved (its text names no day), or None; a disabled field has none."""
        if not self.isEnabled() or self.value() is not None:
            return None
        text = self.line.text().strip()
        example = day_input(self._today())
        if not text:
            return tr("Type a date, for example {example}.", example=example)
        return tr(
            "“{text}” is not a date. Type for example {example}, 3 dec, +2w or today.",
            text=text,
            example=example,
        )

    def checked_value(self, field: str) -> date:
        """The day, for a save; or the field shows it is wrong, takes the focus and raises
        :class:`~teamlead.errors.ValidationError` for ``field`` with :meth:`problem`'s message."""
        value = self.value()
        if value is not None:
            return value
        self._mark(invalid=True)
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)
        raise ValidationError(field, self.problem() or tr("Not a date"))

    def normalise(self) -> None:
        """Show what was typed in the field's format (when it names a day), else mark it as wrong."""
        value = self.value()
        if value is None:
            self._mark(invalid=True)
            return
        text = day_input(value)
        if self.line.text() != text:
            self.line.setText(text)
        self._mark(invalid=False)
        self._show_hint(value)

    def _typed(self, _text: str) -> None:
        value = self._read_now()
        if value is not None:  # a wrong text is marked when the user is done, not at every key
            self._mark(invalid=False)
            self._show_hint(value)
        elif not self._invalid():
            self.hint.clear()

    def _read_now(self) -> date | None:
        value = self.value()
        if value != self._read:
            self._read = value
            self.changed.emit(value)
        if value is not None:
            self._show_hint(value)
        return value

    # --- how it looks ---------------------------------------------------------------------------------------

    def _invalid(self) -> bool:
        return bool(self.line.property("invalid"))

    def _mark(self, *, invalid: bool) -> None:
        self.line.setProperty("invalid", invalid)
        self.line.setStyleSheet(INVALID_STYLE if invalid else "")
        if invalid:
            self.hint.setText(tr("Not a date"))
            self.hint.setStyleSheet("color: #c62828;")
        else:  # the weekday, if any, is shown again by the caller
            self.hint.clear()

    def _show_hint(self, value: date) -> None:
        """The weekday beside the field; while the text is not yet in the field's format, the whole day."""
        if self.line.text() == day_input(value):
            shown = app_locale().dayName(value.isoweekday(), QLocale.FormatType.LongFormat)
        else:  # "+2w": the day it reads, short enough to stand beside the field in a narrow row
            shown = f"{weekday_abbreviation(value)} {day_text(value)}"
        self.hint.setText(shown)
        self.hint.setStyleSheet("color: palette(placeholder-text);")

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.EnabledChange:  # a switched-off field (no follow-up) is not wrong
            self.hint.setVisible(self.isEnabled())
            value = self.value()
            self._mark(invalid=self.isEnabled() and bool(self.line.text()) and value is None)
            if value is not None:
                self._show_hint(value)
        super().changeEvent(event)

    @override
    def setAccessibleName(self, name: str) -> None:
        """The name goes to the line too: it is what a screen reader lands on."""
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    # --- keys and the calendar ------------------------------------------------------------------------------

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, modifiers = event.key(), event.modifiers()
            if key == Qt.Key.Key_F4 or (
                key == Qt.Key.Key_Down and modifiers & Qt.KeyboardModifier.AltModifier
            ):
                self.open_calendar()
                return True
            if (
                key in (Qt.Key.Key_Up, Qt.Key.Key_Down)
                and not modifiers & ~Qt.KeyboardModifier.KeypadModifier
            ):
                self._step(1 if key == Qt.Key.Key_Up else -1)
                return True
        return super().eventFilter(watched, event)

    def _step(self, days: int) -> None:
        value = self.value() or self._today()
        moved = value + timedelta(days=days)
        if FIRST_DAY <= moved <= LAST_DAY:
            self.set_value(moved)

    def open_calendar(self) -> None:
        """The calendar under the field, on its day (today when the text names none)."""
        if not self.isEnabled():
            return
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.picked.connect(self._picked)
        self.popup.open_at(self, self.value() or self._today(), self._today())

    def _picked(self, value: date) -> None:
        self.set_value(value)
        self.line.setFocus(Qt.FocusReason.PopupFocusReason)
        self.line.selectAll()


class CalendarPopup(QFrame):
    """A month to pick a day from, in the app's language, Monday first; a click or Enter picks, Esc closes."""

    picked = Signal(object)
    """The day picked (a ``date``)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("dateFieldPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("dateFieldCalendarMonth")
        self.calendar.setLocale(app_locale())
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setDateRange(QDate(FIRST_DAY), QDate(LAST_DAY))
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        self._today: date | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def open_at(self, anchor: QWidget, day: date, today: date) -> None:
        """Show under ``anchor`` (above it when there is no room below), on ``day``, with ``today`` in bold."""
        if self._today is not None:
            self.calendar.setDateTextFormat(QDate(self._today), QTextCharFormat())
        bold = QTextCharFormat()
        bold.setFontWeight(700)
        self.calendar.setDateTextFormat(QDate(today), bold)
        self._today = today
        self.calendar.setSelectedDate(QDate(day))
        self.adjustSize()
        below = anchor.mapToGlobal(QPoint(0, anchor.height()))
        place = QRect(below, self.sizeHint())
        screen = QGuiApplication.screenAt(below) or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            if place.bottom() > room.bottom():
                place.moveBottom(anchor.mapToGlobal(QPoint(0, 0)).y() - 1)
            place.moveLeft(max(room.left(), min(place.left(), room.right() - place.width())))
        self.move(place.topLeft())
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _pick(self, day: QDate) -> None:
        self.close()
        self.picked.emit(date(day.year(), day.month(), day.day()))


def _calendar_icon(ink: QColor) -> QIcon:
    """A small calendar sheet drawn in the palette's button text colour (no icon theme needed)."""
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        unit = size / 16
        painter.setPen(ink)
        sheet = QRect(round(1.5 * unit), round(3 * unit), round(13 * unit), round(11.5 * unit))
        painter.drawRect(sheet)
        painter.fillRect(QRect(sheet.left(), sheet.top(), sheet.width() + 1, round(3 * unit)), ink)
        for column in range(3):
            for row in range(2):
                x = sheet.left() + round((2.5 + 3.5 * column) * unit)
                y = sheet.top() + round((5 + 3 * row) * unit)
                painter.fillRect(QRect(x, y, round(2 * unit), round(2 * unit)), ink)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
