"""What the wizard's pages share: the file read, the sheet and its column layout, the plan, the user's choices."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from teamlead.importing.cleaning import RowRecord
from teamlead.importing.headers import Layout
from teamlead.importing.plan import Choices, Plan
from teamlead.importing.readers import Source, Table


@dataclass
class WizardState:
    path: Path | None = None
    source: Source | None = None
    is_export: bool = False
    table: Table | None = None
    indicators: bool = False
    """The chosen sheet holds outcome figures per neighbourhood and year, not a roster: it is imported as it
    is (no columns to check, no merges), replacing the figures it names."""
    layout: Layout | None = None
    district: str | None = None
    records: list[RowRecord] = field(default_factory=list)
    plan: Plan | None = None
    choices: Choices = field(default_factory=Choices)
    lines: list[str] = field(default_factory=list)
    """What the import did, as the CLI would print it (the summary last)."""
