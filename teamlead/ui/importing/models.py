"""Table models of the import wizard, over plain rows (testable without widgets).

:class:`PreviewModel` shows each roster row as it would be imported, with its problems; :class:`ProposalModel`
lists the merges (checked: they happen) and the possible duplicates (unchecked: kept apart) for the user to
change, and turns the ticks into :class:`~teamlead.importing.plan.Choices`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from teamlead.i18n import tr
from teamlead.importing.cleaning import RowRecord
from teamlead.importing.plan import Choices, Plan, Proposal
from teamlead.ui.widgets.rows_model import RowsModel

AnyIndex = QModelIndex | QPersistentModelIndex
PROBLEM_COLOUR = QColor("#b3261e")


@dataclass(frozen=True, slots=True)
class PreviewRow:
    row: int
    organisation: str
    name: str
    role: str
    phone: str
    email: str
    neighbourhoods: str
    problems: str


def preview_rows(records: Sequence[RowRecord], plan: Plan) -> list[PreviewRow]:
    """One line per roster row: the cleaned values and every problem the plan reported for that row."""
    problems: dict[int, list[str]] = {}
    for row, text in plan.row_lines:
        problems.setdefault(row, []).append(text)
    return [
        PreviewRow(
            r.row,
            r.organisation,
            r.name,
            r.role,
            r.phone,
            r.email,
            ", ".join(r.neighbourhoods),
            " ".join(problems.get(r.row, [])),
        )
        for r in records
    ]


class PreviewModel(RowsModel[PreviewRow]):
    """The rows the import read, with their problems beside them (those rows in the warning colour)."""

    @staticmethod
    def headers() -> list[str]:
        return [
            tr("Row"),
            tr("Organisation"),
            tr("Name"),
            tr("Problems"),
            tr("Role"),
            tr("Phone"),
            tr("E-mail"),
            tr("Neighbourhoods"),
        ]

    @staticmethod
    def values(row: PreviewRow) -> tuple[int | str, ...]:
        """What the columns show: the roster's row number (a number, so it sorts and aligns as one) and texts."""
        return (
            row.row,
            row.organisation,
            row.name,
            row.problems,
            row.role,
            row.phone,
            row.email,
            row.neighbourhoods,
        )

    def display(self, row: PreviewRow, column: int) -> str:
        return str(self.values(row)[column])

    def problem_count(self) -> int:
        return sum(1 for row in self._rows if row.problems)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.values(row)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return PROBLEM_COLOUR if row.problems else None
        return super().data(index, role)


class ProposalModel(QAbstractListModel):
    """Merges and possible duplicates, each with a tick: ticked ones are merged."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._proposals: list[Proposal] = []
        self._ticked: list[bool] = []

    def set_proposals(self, proposals: Sequence[Proposal], choices: Choices | None = None) -> None:
        choices = choices or Choices()
        self.beginResetModel()
        self._proposals = list(proposals)
        self._ticked = [
            (p.id not in choices.declined) if p.kind == "merge" else (p.id in choices.accepted)
            for p in self._proposals
        ]
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._proposals)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        proposal = self._proposals[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return proposal.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self._ticked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and proposal.kind == "possible":
            return PROBLEM_COLOUR
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() else base

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        self._ticked[index.row()] = checked
        self.dataChanged.emit(index, index, [role])
        return True

    def toggle(self, row: int) -> None:
        """Space on the selected line: tick or untick it."""
        index = self.index(row)
        self.setData(
            index,
            Qt.CheckState.Unchecked if self._ticked[row] else Qt.CheckState.Checked,
            Qt.ItemDataRole.CheckStateRole,
        )

    def choices(self) -> Choices:
        """Unticked merges are declined; ticked possible duplicates are accepted as merges."""
        declined = {
            p.id for p, t in zip(self._proposals, self._ticked, strict=True) if p.kind == "merge" and not t
        }
        accepted = {
            p.id for p, t in zip(self._proposals, self._ticked, strict=True) if p.kind == "possible" and t
        }
        return Choices(frozenset(declined), frozenset(accepted))
