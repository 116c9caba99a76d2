"""People's roles at organisations over time, as a table: on a partner's page and on a person's page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, override

from PySide6.QtCore import QObject, Qt

from teamlead.data.queries.partner_page import RoleLine
from teamlead.i18n import tr
from teamlead.ui.widgets.formatting import day_cell
from teamlead.ui.widgets.rows_model import AnyIndex, RowsModel


def _day(value: date | None) -> str:
    return day_cell(value) if value else ""


class RoleTableModel(RowsModel[RoleLine]):
    """Roles over time: who, what, where, from when to when; ended roles say so."""

    PERSON, TITLE, ORGANISATION, FROM, TO, PHONE, EMAIL = range(7)

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today

    def headers(self) -> Sequence[str]:
        return (
            tr("Name"),
            tr("Role"),
            tr("Organisation"),
            tr("From"),
            tr("Until"),
            tr("Phone"),
            tr("E-mail"),
        )

    def display(self, row: RoleLine, column: int) -> str:
        if column == self.TO:
            return _day(row.ended_on) if row.ended_on else tr("now")
        return (
            row.person_name,
            row.title,
            row.organisation_name,
            _day(row.started_on),
            "",
            row.phone,
            row.email,
        )[column]

    def sort_key(self, row: RoleLine, column: int) -> Any:
        """Days by the day (Dutch shows them day first); a role that has not ended sorts after every end."""
        if column == self.FROM:
            return row.started_on or date.min
        if column == self.TO:
            return row.ended_on or date.max
        return super().sort_key(row, column)

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            if not self._rows[index.row()].current(self._today()):
                return Qt.GlobalColor.gray
            return None
        return super().data(index, role)
