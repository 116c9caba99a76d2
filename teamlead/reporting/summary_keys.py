"""The fixed keys of the district report's ``Summary`` sheet and its format version (``shared/interface.md``).

Data only, no database: the gatherer that fills the sheet, the consolidation that reads it back and the writers
that print it share these, and the writers may import them without reaching the gatherers' queries.
"""

from __future__ import annotations

FORMAT_VERSION = 1
META_KEYS = (
    "format_version",
    "district",
    "period_from",
    "period_to",
    "audience",
    "generated_at",
    "teamlead_version",
)
"""What the sheet says about itself, before the figures."""

WEIGHTS = {
    "partners_contacted_share": "partners_active",
    "meeting_attendance_avg": "meetings_held",
    "agreements_done_on_time_share": "agreements_done",
}
"""Shares and averages, and the count each one divides by: a consolidation weights them by it."""
