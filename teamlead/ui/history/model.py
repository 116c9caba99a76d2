"""The table of audit entries: a record's history on its page, and (with the record column) the list of
changes. Rows are :class:`~teamlead.data.queries.history.ChangeRow`; testable without widgets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, override

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from teamlead.data.queries.history import ChangeRow
from teamlead.i18n import tr
from teamlead.ui.history.texts import action_text, changes_text, table_text, user_text
from teamlead.ui.widgets.formatting import format_when
from teamlead.ui.widgets.rows_model import AnyIndex, RowsModel
from teamlead.ui.widgets.tables import table


class ChangesModel(RowsModel[ChangeRow]):
    """When, who, (which record,) what was done and which fields changed, newest first. On a record's page
    (``with_record`` False) what was done and the fields share one column, as the pane beside a list is
    narrow; each cell's whole text is its tooltip."""

    WHEN, USER = 0, 1

    def __init__(self, *, with_record: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._with_record = with_record

    def headers(self) -> Sequence[str]:
        if not self._with_record:
            return [tr("When"), tr("Who"), tr("Changes")]
        return [tr("When"), tr("Who"), tr("Record"), tr("What"), tr("Changes")]

    def display(self, row: ChangeRow, column: int) -> str:
        texts = [format_when(row.at), user_text(row.user)]
        if self._with_record:
            texts += [
                f"{table_text(row.table_name)} {row.record_id or ''}".strip(),
                action_text(row.action),
                changes_text(row),
            ]
        else:
            texts.append(page_text(row))
        return texts[column]

    def sort_key(self, row: ChangeRow, column: int) -> Any:
        if column == self.WHEN:
            return (row.at, row.id)
        return super().sort_key(row, column)

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.display(self.row_at(index.row()), index.column())
        return super().data(index, role)


def page_text(row: ChangeRow) -> str:
    """What was done and to which fields, in one line: ``status: Open → Done``; ``made: …`` for the rest."""
    fields = changes_text(row)
    if row.action == "update" and fields:
        return fields
    return f"{action_text(row.action)}: {fields}" if fields else action_text(row.action)


def history_table(model: ChangesModel, name: str) -> QTableView:
    """The table a page shows its history in: newest first, the changes column taking the room left."""
    view = table(model, name)
    view.setObjectName("changeHistory")
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    view.setSortingEnabled(False)  # newest first, as read
    return view


def fit_columns(view: QTableView) -> None:
    """Every column but the last as wide as what it shows now."""
    model = view.model()
    for column in range(max(0, model.columnCount() - 1)):
        view.resizeColumnToContents(column)
