"""The import wizard's steps for ``scripts/screenshots.py``: a messy Dutch roster taken through each page.

Each shot opens a fresh wizard over the main window and walks it to its step; the last one imports, so these
shots come after the others (the import adds the roster's partners to the demo database).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.ui.dialog_catalogue import walk_import_wizard

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from teamlead.ui.importing.wizard import ImportWizard
    from teamlead.ui.main_window import MainWindow

STEPS = (
    ("import-file", "FILE"),
    ("import-sheet", "SHEET"),
    ("import-columns", "MAPPING"),
    ("import-preview", "PREVIEW"),
    ("import-merges", "MERGES"),
    ("import-summary", "SUMMARY"),
)


def _roster() -> Path:
    from tests.importing.rosters import MESSY_ROSTER, write_xlsx

    path = Path(tempfile.gettempdir()) / "Partnerlijst Nieuw-West.xlsx"
    cover = [
        ["Overdracht partnerlijst Nieuw-West"],
        ["Van: Karin, maart 2026"],
        ["De lijst staat op het tweede blad."],
    ]
    return write_xlsx(path, {"Voorblad": cover, "Partners": MESSY_ROSTER})


def _wizard(window: MainWindow) -> ImportWizard | None:
    from teamlead.ui.importing.wizard import ImportWizard

    found = [w for w in window.findChildren(ImportWizard) if w.isVisible()]
    return found[-1] if found else None


def _go(
    step: str, wait_until: Callable[[Callable[[], bool]], None]
) -> Callable[[MainWindow], QWidget | None]:
    def go(window: MainWindow) -> QWidget | None:
        from teamlead.ui.importing.wizard import ImportWizard

        wizard = ImportWizard(window.context, window)
        wizard.show()
        wizard.move(window.geometry().center() - wizard.rect().center())
        target = getattr(wizard, step)
        walk_import_wizard(wizard, target, _roster(), wait_until)
        return wizard

    return go


def _ready(window: MainWindow) -> bool:
    wizard = _wizard(window)
    return wizard is not None and wizard.currentPage().isComplete()


def import_shots(
    shot: Callable[..., Any], wait_until: Callable[[Callable[[], bool]], None]
) -> tuple[Any, ...]:
    """The wizard's steps as the screenshot script's ``Shot`` entries."""
    return tuple(shot(name, _go(step, wait_until), _ready) for name, step in STEPS)
