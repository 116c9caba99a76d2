"""UI feature folders (partners, people, notes, meetings, …) share generic widgets through ``teamlead.ui.widgets``
only; from each other they may open a dialog (log a note, add a person), never borrow a widget or a model."""

from __future__ import annotations

import ast
from pathlib import Path

import teamlead.ui

FEATURES = {"agreements", "dashboard", "importing", "meetings", "notes", "partners", "people", "reports"}
FEATURES |= {"geography", "neighbourhoods", "safety", "search", "signals", "whotocall"}
ENTRY_POINTS = {
    ("teamlead.ui.notes.dialog", "open_note_dialog"),
    ("teamlead.ui.people.dialogs", "AddPersonDialog"),
    ("teamlead.ui.people.dialogs", "open_role_dialog"),
    ("teamlead.ui.safety.note_warning", "attach_personal_data_warning"),
    ("teamlead.ui.safety.guarded", "guarded_save"),
    ("teamlead.ui.signals.round_dialog", "open_signal_round"),
    ("teamlead.ui.signals.ask_dialog", "open_ask_dialog"),
    ("teamlead.ui.signals.ask_dialog", "AskTarget"),
}
"""What one feature offers the others: its dialogs and the checks around a save."""


def feature_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 3 and parts[:2] == ["teamlead", "ui"] and parts[2] in FEATURES else None


def test_features_borrow_no_widgets_from_each_other() -> None:
    root = Path(teamlead.ui.__file__).parent
    borrowed = []
    for feature in sorted(FEATURES):
        for path in sorted((root / feature).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.ImportFrom) or node.module is None:
                    continue
                other = feature_of(node.module)
                if other is None or other == feature:
                    continue
                borrowed += [
                    f"{feature}/{path.name}: {node.module}.{alias.name}"
                    for alias in node.names
                    if (node.module, alias.name) not in ENTRY_POINTS
                ]
    assert borrowed == []
