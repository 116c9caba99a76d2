"""Table models of a meeting's page: the attendance sheet and the agenda. Plain rows in, testable without widgets.

The attendance model keeps the user's marks locally until the page is saved, so marking a room of twenty
invitees is twenty key presses and one write, not twenty.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from teamlead.data.queries.meetings import AgendaRow, InviteeRow
from teamlead.i18n import current_language, tr
from teamlead.rules import words
from teamlead.rules.vocabulary import Attendance
from teamlead.ui.widgets.rows_model import RowsModel

AnyIndex = QModelIndex | QPersistentModelIndex

DIGIT_KEYS: dict[int, str] = {
    Qt.Key.Key_1.value: Attendance.PRESENT,
    Qt.Key.Key_2.value: Attendance.EXCUSED,
    Qt.Key.Key_3.value: Attendance.ABSENT,
    Qt.Key.Key_0.value: Attendance.INVITED,
}
"""The keys that mark the selected invitee in every language: 1 present, 2 excused, 3 absent, 0 invited."""

LETTER_KEYS: dict[str, dict[int, str]] = {
    "en": {
        Qt.Key.Key_P.value: Attendance.PRESENT,
        Qt.Key.Key_E.value: Attendance.EXCUSED,
        Qt.Key.Key_A.value: Attendance.ABSENT,
    },
}
"""Letters only where the language reads them so (in Dutch, A would suggest "aanwezig", present)."""


def attendance_keys() -> dict[int, str]:
    """The keys of the current language: the digits, and its letters if it has any."""
    return {**DIGIT_KEYS, **LETTER_KEYS.get(current_language(), {})}


def attendance_key_label(value: str) -> str:
    """The keys for ``value`` as the page shows them: "1" in Dutch, "1 or P" in English."""
    digits = [chr(key) for key, marked in DIGIT_KEYS.items() if marked == value]
    letters = [chr(key) for key, marked in LETTER_KEYS.get(current_language(), {}).items() if marked == value]
    return " or ".join(digits + letters)  # only English has letters, so "or" is never shown in Dutch


_COLOURS: dict[str, str] = {
    Attendance.PRESENT: "#1b7f3b",
    Attendance.EXCUSED: "#8a6d00",
    Attendance.ABSENT: "#b00020",
}


class AttendanceModel(RowsModel[InviteeRow]):
    """Invitees (partner, person) with their attendance; :meth:`mark` changes one row and says it is edited."""

    edited = Signal()
    """A mark differs from what was loaded (the page then has unsaved changes)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._marks: dict[int, str] = {}

    def headers(self) -> list[str]:
        return [tr("Partner"), tr("Person"), tr("Attendance")]

    def display(self, row: InviteeRow, column: int) -> str:
        return (row.organisation, row.person, words.attendance(self._marks[row.id]))[column]

    def set_rows(self, rows: Sequence[InviteeRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._marks = {row.id: row.attendance for row in rows}
        self.endResetModel()

    def mark(self, row: int, value: str) -> None:
        invitee = self._rows[row]
        if self._marks.get(invitee.id) == value:
            return
        self._marks[invitee.id] = str(value)
        self.dataChanged.emit(self.index(row, 0), self.index(row, 2))
        self.edited.emit()

    def attendance_of(self, row: int) -> str:
        return self._marks[self._rows[row].id]

    def changes(self) -> dict[int, str]:
        """The marks that differ from what was loaded, by invitee id."""
        return {r.id: self._marks[r.id] for r in self._rows if self._marks[r.id] != r.attendance}

    def counts(self) -> dict[str, int]:
        totals = {str(value): 0 for value in Attendance}
        for value in self._marks.values():
            totals[value] = totals.get(value, 0) + 1
        return totals

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        value = self._marks[row.id]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        if index.column() == 2 and role == Qt.ItemDataRole.ForegroundRole and value in _COLOURS:
            return QColor(_COLOURS[value])
        if index.column() == 2 and role == Qt.ItemDataRole.FontRole and value != Attendance.INVITED:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class AgendaModel(RowsModel[AgendaRow]):
    """The agenda in its order; a point carried forward from an open agreement says so."""

    def headers(self) -> list[str]:
        return [tr("#"), tr("Agenda item")]

    def display(self, row: AgendaRow, column: int) -> str:
        if row.agreement_id is not None:
            return tr("Open agreement: {text}", text=row.title)
        return row.title

    def item_ids(self) -> list[int]:
        return [row.id for row in self._rows]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(index.row() + 1) if index.column() == 0 else self.display(row, 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.details or row.title
        return super().data(index, role)
