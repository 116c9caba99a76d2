"""A partner's or person's history as a table: notes, meetings and agreements, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, override

from PySide6.QtCore import Qt

from teamlead.data.queries.organisation import TimelineEntry
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.vocabulary import RecordKind
from teamlead.ui.widgets.formatting import day_cell
from teamlead.ui.widgets.rows_model import AnyIndex, RowsModel


def timeline_kind(entry: TimelineEntry) -> str:
    """What a timeline line is, in words: the note's or meeting's kind, or the agreement and its status."""
    if entry.kind == RecordKind.NOTE:
        return words.note_kind(entry.detail)
    if entry.kind == RecordKind.MEETING:
        return words.meeting_kind_alone(entry.detail)
    return tr("Agreement ({status})", status=words.agreement_status_in_sentence(entry.detail))


class TimelineModel(RowsModel[TimelineEntry]):
    """A partner's or person's history, newest first; the full text shows as a tooltip."""

    DATE, WHAT, TEXT = range(3)

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == self.TEXT:
            return self.row_at(index.row()).title
        return super().data(index, role)

    def headers(self) -> Sequence[str]:
        return (tr("Date"), tr("What"), tr("Summary"))

    def sort_key(self, row: TimelineEntry, column: int) -> Any:
        """The date column by the day (Dutch shows it day first)."""
        return row.on if column == self.DATE else super().sort_key(row, column)

    def display(self, row: TimelineEntry, column: int) -> str:
        if column == self.TEXT:
            return " ".join(row.title.split())[:200]
        return day_cell(row.on) if column == self.DATE else timeline_kind(row)
