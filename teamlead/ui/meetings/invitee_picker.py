"""Pick a meeting's invitees by typing: partners, and people at a partner, in one completion field, with the
list of those invited beside it — the shared :class:`~teamlead.ui.widgets.completion_list.CompletionList`,
whose entries are :class:`InviteeRef`.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QWidget

from teamlead.data.queries.invitees import InviteeChoice
from teamlead.services.series_store import InviteeRef
from teamlead.ui.widgets.completion_list import CompletionList


def _ref(choice: InviteeChoice) -> InviteeRef:
    return InviteeRef(choice.organisation_id, choice.person_id)


class InviteePicker(CompletionList[InviteeRef]):
    """Partners and people at a partner; :meth:`refs` gives the invitees in order."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(placeholder, parent)
        self.list.setObjectName("invitees")

    def set_choices(self, choices: Iterable[InviteeChoice]) -> None:
        """Whom the field offers, by label (a label that occurs twice gets its ids, so each names one)."""
        self.set_choice_values(
            (choice.label, _ref(choice), choice.person_id or choice.organisation_id or 0)
            for choice in choices
        )

    def set_invitees(self, invitees: Iterable[InviteeChoice]) -> None:
        """The invitees shown at first (a meeting's own, which need not be among the choices any more)."""
        self.list.clear()
        for invitee in invitees:
            self.add(invitee.label, _ref(invitee))

    def refs(self) -> list[InviteeRef]:
        return self.values()
