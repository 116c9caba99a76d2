"""A record's timeline says what each line is in the words of the register and the reports."""

from __future__ import annotations

from datetime import date

from teamlead.data.queries.organisation import TimelineEntry
from teamlead.i18n import set_language
from teamlead.rules import words
from teamlead.ui.widgets.timeline_model import timeline_kind


def test_a_timeline_names_statuses_and_kinds_as_the_register_and_reports_do() -> None:
    def entry(kind: str, detail: str) -> TimelineEntry:
        return TimelineEntry(kind, 1, date(2026, 3, 2), None, "x", detail)

    set_language("nl")
    try:
        assert timeline_kind(entry("agreement", "in_progress")) == "Afspraak (bezig)"
        assert words.agreement_status("in_progress") == "Bezig"
        assert timeline_kind(entry("meeting", "other")) == "Ander overleg"
        assert timeline_kind(entry("meeting", "reflection")) == "Lokale reflectie"
        assert timeline_kind(entry("note", "signal")) == "Signaal"
    finally:
        set_language("en")
    assert timeline_kind(entry("agreement", "done")) == "Agreement (done)"
