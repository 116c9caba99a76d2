"""Who may change what on the geography page of a shared database: administrators change the districts and
domains every district shares; a team lead or colleague the neighbourhoods of their own districts. The server
refuses the rest; the page greys those buttons and says why, rather than let the user meet the refusal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from teamlead.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPushButton

    from teamlead.data.access.identity import Identity
    from teamlead.ui.geography.panel import ListPanel


def _buttons(panel: ListPanel) -> tuple[QPushButton, ...]:
    return (panel.add_button, panel.rename_button, panel.merge_button, panel.delete_button)


def limit_shared(identity: Identity | None, panels: tuple[ListPanel, ...]) -> None:
    """Grey the lists every district shares (themes, offers) for anyone but an administrator."""
    if identity is None or identity.administrator:
        return
    for panel in panels:
        for button in _buttons(panel):
            button.setEnabled(False)
            button.setToolTip(tr("Only an administrator changes the lists every district shares."))


def limit_buttons(
    identity: Identity | None,
    shared: tuple[ListPanel, ...],
    neighbourhoods: ListPanel,
    district_id: int | None,
) -> None:
    """Grey what this user may not change (``district_id``: the selected neighbourhood's district)."""
    if identity is None or identity.administrator:
        return
    for panel in shared:
        for button in _buttons(panel):
            button.setEnabled(False)
            button.setToolTip(
                tr("Only an administrator changes the districts and domains every district shares.")
            )
    own = identity.district_ids
    why = tr("Only the team of a neighbourhood's district changes it.")
    if not own:
        neighbourhoods.add_button.setEnabled(False)
        neighbourhoods.add_button.setToolTip(why)
    if district_id is None or district_id not in own:
        for button in _buttons(neighbourhoods)[1:]:
            button.setEnabled(False)
            button.setToolTip(why)
