"""A record's timeline says what each line is in the words of the register and the reports."""

from __future__ import annotations

from datetime import date

from teamlead.data.queries.organisation import TimelineEntry
from teamlead.data.queries.partner_page import RoleLine
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


def test_dutch_days_read_day_first_and_still_sort_by_the_day() -> None:
    from PySide6.QtCore import Qt

    from teamlead.ui.widgets.roles_model import RoleTableModel
    from teamlead.ui.widgets.timeline_model import TimelineModel

    days = (date(2025, 12, 3), date(2026, 1, 2), date(2025, 11, 30))
    set_language("nl")
    try:
        timeline = TimelineModel()
        timeline.set_rows([TimelineEntry("note", n, day, None, "x", "call") for n, day in enumerate(days)])
        timeline.sort(TimelineModel.DATE, Qt.SortOrder.AscendingOrder)
        shown = [timeline.index(row, TimelineModel.DATE).data() for row in range(3)]
        assert shown == ["30-11-2025", "03-12-2025", "02-01-2026"]
        roles = RoleTableModel(lambda: date(2026, 3, 2))
        roles.set_rows(
            [
                RoleLine(n, 1, 1, "Sanne", 1, "Politie", "Wijkagent", day, end, "", "")
                for n, (day, end) in enumerate(((days[0], None), (days[1], days[1]), (days[2], days[0])))
            ]
        )
        roles.sort(RoleTableModel.FROM, Qt.SortOrder.AscendingOrder)
        assert [roles.index(row, RoleTableModel.FROM).data() for row in range(3)] == shown
        roles.sort(RoleTableModel.TO, Qt.SortOrder.AscendingOrder)
        assert [roles.index(row, RoleTableModel.TO).data() for row in range(3)] == [
            *("03-12-2025", "02-01-2026", "nu")
        ]
    finally:
        set_language("en")
