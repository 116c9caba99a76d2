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
        self._people: list[InviteeRef] = []
        self.changed.connect(self._prefer_their_people)

    def set_choices(self, choices: Iterable[InviteeChoice]) -> None:
        """Whom the field offers, by label (a label that occurs twice gets its ids, so each names one)."""
        listed = list(choices)
        self._people = [_ref(choice) for choice in listed if choice.person_id is not None]
        self.set_choice_values(
            (choice.label, _ref(choice), choice.person_id or choice.organisation_id or 0) for choice in listed
        )
        self._prefer_their_people()

    def _prefer_their_people(self) -> None:
        """The people at a partner already invited are offered first (inviting the police, then its officer)."""
        partners = {ref.organisation_id for ref in self.values() if ref.organisation_id is not None}
        self.prefer([ref for ref in self._people if ref.organisation_id in partners])

    def set_invitees(self, invitees: Iterable[InviteeChoice]) -> None:
        """The invitees shown at first (a meeting's own, which need not be among the choices any more)."""
        self.list.clear()
        for invitee in invitees:
            self.add(invitee.label, _ref(invitee))

    def refs(self) -> list[InviteeRef]:
        return self.values()
