"""Pick several records by id (partners, people) by typing part of their name — the shared
:class:`~teamlead.ui.widgets.completion_list.CompletionList`, whose entries are record ids."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QWidget

from teamlead.data.queries.name_choices import NameChoice
from teamlead.ui.widgets.completion_list import CompletionList


class PickList(CompletionList[int]):
    """Records picked by name; :meth:`ids` in the order picked."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(placeholder, parent)
        self.list.setMaximumHeight(64)

    def set_choices(self, choices: Iterable[NameChoice]) -> None:
        self.set_choice_values((choice.label, choice.id, choice.id) for choice in choices)

    def ids(self) -> list[int]:
        return self.values()

    def pick_id(self, record_id: int) -> bool:
        """Add the record with this id (False when it is not among the choices)."""
        return self.pick_value(record_id)
