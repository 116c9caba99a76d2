"""A partner of another district that serves one of ours: the team lead reads it, and logs contact moments
about it, but only its own district's team changes it (the server refuses anyone else). Its page greys the
buttons that would change it and says why, instead of letting the user meet the refusal on Save."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton

from teamlead.i18n import tr

if TYPE_CHECKING:
    from teamlead.data.access.identity import Identity


def another_districts(identity: Identity | None, district_id: int | None) -> bool:
    """Whether this user works in districts and the partner's district is none of them."""
    return identity is not None and bool(identity.district_ids) and district_id not in identity.district_ids


def limit_to_reading(buttons: Sequence[QPushButton], tips: dict[QPushButton, str], foreign: bool) -> None:
    """Grey ``buttons`` with the reason when ``foreign``; else give each its own tooltip back."""
    why = tr(
        "This partner belongs to another district: you may read it, but only that district's team can change it."
    )
    for button in buttons:
        tips.setdefault(button, button.toolTip())
        if foreign:
            button.setEnabled(False)
        button.setToolTip(why if foreign else tips[button])
