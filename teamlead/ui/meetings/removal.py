"""Delete a meeting or series made by mistake, after saying what goes; once one of its meetings has started,
offer to cancel it instead (:func:`teamlead.services.meeting_removal.removal_blocker` decides)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from teamlead.i18n import tr
from teamlead.services.meeting_removal import Removal
from teamlead.ui.widgets.forms import confirm


def what_goes(removal: Removal) -> str:
    """The confirmation's text: what is deleted with the meeting or series, and what stays."""
    if removal.series_id is not None:
        lines = [tr("Delete the series “{title}”? With it go:", title=removal.title)]
        lines.append(tr("• meetings: {count}", count=removal.meetings))
    else:
        lines = [tr("Delete the meeting “{title}”? With it go:", title=removal.title)]
    lines.append(tr("• invitations: {count}", count=removal.invitees))
    lines.append(tr("• agenda items: {count}", count=removal.agenda_items))
    if removal.agreements_made:
        lines.append(
            tr(
                "Agreements made in it stay ({count}), no longer linked to a meeting.",
                count=removal.agreements_made,
            )
        )
    lines.append(tr("This cannot be undone."))
    return "\n".join(lines)


def ask_delete(
    parent: QWidget, removal: Removal, delete: Callable[[], None], cancel: Callable[[], None]
) -> QMessageBox:
    """Confirm the deletion (Cancel is the default button); or, when it may not be deleted, say why and offer
    to cancel it. Does not block: the answer comes through ``delete`` or ``cancel``."""
    if removal.allowed:
        box = confirm(parent, tr("Delete meeting"), what_goes(removal), tr("&Delete"), delete)
        box.setObjectName("deleteMeetingBox")
        return box
    box = confirm(
        parent,
        tr("Delete meeting"),
        f"{removal.title}: {removal.blocker}",
        tr("Cancel &it…"),
        cancel,
        no=tr("&Keep it"),
        detail=tr("Cancel it instead? It stays in the calendar, marked as cancelled."),
        icon=QMessageBox.Icon.Information,
    )
    box.setObjectName("cancelInsteadBox")
    return box
