"""The dashboard's building blocks: a card holding one list (or a calm "nothing here"), and a count tile."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from teamlead.i18n import tr
from teamlead.ui.style import card, heading, mute
from teamlead.ui.widgets.record_table import RecordTable, RecordTableModel


class Card(QFrame):
    """A titled list with its count; when the list is empty it says so in words instead of an empty grid."""

    def __init__(
        self, title: str, model: RecordTableModel, empty_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        card(self)
        self.title = heading(QLabel(title), 11)
        self.title.setWordWrap(True)  # a narrow window wraps a long title rather than widening the card
        self.count = mute(QLabel("–"))
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.count)

        self.table = RecordTable(model)
        self.table.setAccessibleName(title)
        self.table.setFrameShape(QFrame.Shape.NoFrame)
        self.empty = mute(QLabel(empty_text))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)

    def set_count(self, shown: int, total: int) -> None:
        """``shown`` rows are in the list, of ``total`` in all."""
        self.count.setText(
            str(total) if shown == total else tr("first {shown} of {total}", shown=shown, total=total)
        )
        self.body.setCurrentWidget(self.table if total else self.empty)


class CountTile(QFrame):
    """A number and what it counts; clicking it moves the focus to its list."""

    clicked = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        card(self)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value = heading(QLabel("–"), 18)
        # Room for two digits from the start, so the window's narrowest width does not jump as counts load.
        self.value.setMinimumWidth(self.value.fontMetrics().horizontalAdvance("00"))
        self.label = mute(QLabel(label))
        self.label.setWordWrap(True)
        # Room for two lines: a narrow window wraps "partners te lang niet gesproken".
        self.label.setMinimumHeight(2 * self.label.fontMetrics().lineSpacing())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.setSpacing(10)
        layout.addWidget(self.value)
        layout.addWidget(self.label, 1)
        self.setAccessibleName(label)

    def set_count(self, count: int) -> None:
        self.value.setText(str(count))
        self.setAccessibleName(f"{count} {self.label.text()}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)
