"""Everything the dashboard shows, fetched in one go in a worker thread and handed over as frozen rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from teamlead.data.queries.agreements import AgreementRow
from teamlead.data.queries.dashboard import (
    agreements_due,
    follow_ups_due,
    overdue_partners,
    recent_signals,
    upcoming_meetings,
)
from teamlead.data.queries.dashboard_extra import find_district
from teamlead.data.queries.meetings import MeetingRow
from teamlead.data.queries.notes import NoteRow
from teamlead.data.queries.roster import RosterRow

UPCOMING_DAYS = 14
SIGNAL_DAYS = 30


@dataclass(frozen=True, slots=True)
class DashboardData:
    """The dashboard's lists; their lengths are the counts at a glance."""

    district: str | None
    overdue: tuple[RosterRow, ...]
    follow_ups: tuple[NoteRow, ...]
    meetings: tuple[MeetingRow, ...]
    agreements: tuple[AgreementRow, ...]
    signals: tuple[NoteRow, ...]


def load_dashboard(session: Session, today: date, now: datetime, district_name: str | None) -> DashboardData:
    """The dashboard for the default district (by name), or for all districts when none is set or found."""
    district = find_district(session, district_name)
    district_id = district.id if district else None
    return DashboardData(
        district=district.name if district else None,
        overdue=tuple(overdue_partners(session, today, district_id)),
        follow_ups=tuple(follow_ups_due(session, today, district_id=district_id)),
        meetings=tuple(upcoming_meetings(session, now, UPCOMING_DAYS, district_id=district_id)),
        agreements=tuple(agreements_due(session, today, district_id=district_id)),
        signals=tuple(recent_signals(session, today, SIGNAL_DAYS, district_id=district_id)),
    )
