"""The partner page's people: their roles over time, the key contact marked, and when each can be reached."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, override

from PySide6.QtCore import QObject, Qt

from teamlead.data.queries.partner_page import RoleLine
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.vocabulary import ReachWindow
from teamlead.ui.widgets.roles_model import RoleTableModel
from teamlead.ui.widgets.rows_model import AnyIndex

KEY_MARK = "★"
"""Marks the key contact in the people list and on the partner's page."""


def reach_text(windows: Sequence[ReachWindow]) -> str:
    """The windows in words ("" when nobody said)."""
    return ", ".join(words.reach_window(window) for window in windows)


class PartnerPeopleModel(RoleTableModel):
    """:class:`RoleTableModel` with the key contact's name marked and a column saying when each is reachable."""

    REACHABLE = 7

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(today, parent)
        self._key_contact: int | None = None
        self._reachability: Mapping[int, Sequence[ReachWindow]] = {}

    def set_key_contacts(
        self, key_contact: int | None, reachability: Mapping[int, Sequence[ReachWindow]]
    ) -> None:
        """Who is the key contact and when everyone can be reached (before :meth:`set_rows`)."""
        self._key_contact = key_contact
        self._reachability = reachability

    @override
    def headers(self) -> Sequence[str]:
        return (*super().headers(), tr("Reachable"))

    @override
    def display(self, row: RoleLine, column: int) -> str:
        if column == self.REACHABLE:
            return reach_text(self._reachability.get(row.person_id, ()))
        text = super().display(row, column)
        if column == self.PERSON and row.person_id == self._key_contact:
            return f"{KEY_MARK} {text}"
        return text

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == self.PERSON:
            row = self._rows[index.row()]
            if row.person_id == self._key_contact:
                return tr("Key contact (vaste contactpersoon)")
        return super().data(index, role)
