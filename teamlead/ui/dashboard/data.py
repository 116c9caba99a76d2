"""Everything the dashboard shows, fetched in one go in a worker thread and handed over as frozen rows.

Each list holds its first rows (:data:`~teamlead.data.queries.dashboard_extra.DASHBOARD_ROWS`) and the full
count, so the GUI thread never lays out thousands of rows, even when the city demo has thousands of
follow-ups due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from teamlead.data.queries.agreements import AgreementRow
from teamlead.data.queries.dashboard import upcoming_meetings
from teamlead.data.queries.dashboard_extra import (
    Capped,
    OverdueRow,
    agreements_due_capped,
    follow_ups_due_capped,
    overdue_partners_capped,
    recent_signals_capped,
)
from teamlead.data.queries.meetings import MeetingRow
from teamlead.data.queries.notes import NoteRow
from teamlead.rules.limits import DUE_SOON_DAYS, RECENT_SIGNAL_DAYS, UPCOMING_MEETING_DAYS
from teamlead.services.geography import find_district


@dataclass(frozen=True, slots=True)
class DashboardData:
    """The dashboard's lists; their totals are the counts at a glance."""

    district: str | None
    overdue: Capped[OverdueRow]
    follow_ups: Capped[NoteRow]
    meetings: Capped[MeetingRow]
    agreements: Capped[AgreementRow]
    signals: Capped[NoteRow]


def load_dashboard(session: Session, today: date, now: datetime, district_name: str | None) -> DashboardData:
    """The dashboard for the default district (by name), or for all districts when none is set or found."""
    district = find_district(session, district_name) if district_name else None
    district_id = district.id if district else None
    meetings = upcoming_meetings(session, now, UPCOMING_MEETING_DAYS, district_id=district_id)
    return DashboardData(
        district=district.name if district else None,
        overdue=overdue_partners_capped(session, today, district_id),
        follow_ups=follow_ups_due_capped(session, today, district_id),
        meetings=Capped(tuple(meetings), len(meetings)),
        agreements=agreements_due_capped(session, today, DUE_SOON_DAYS, district_id),
        signals=recent_signals_capped(session, today, RECENT_SIGNAL_DAYS, district_id),
    )
