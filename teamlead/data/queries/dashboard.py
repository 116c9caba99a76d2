"""The dashboard: who is overdue, which follow-ups and agreements are due, what is coming, what was signalled.

Every list takes ``today``/``now`` from the caller, so the screen, the tests and the demo agree on the date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, false, func, select
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement
from teamlead.data.meetings import Meeting
from teamlead.data.notes import Note
from teamlead.data.queries.agreements import AgreementRow, agreement_rows
from teamlead.data.queries.meetings import MeetingRow, meeting_rows
from teamlead.data.queries.notes import NoteRow, note_rows
from teamlead.data.queries.roster import RosterRow, roster
from teamlead.rules.limits import DUE_SOON_DAYS, RECENT_SIGNAL_DAYS, UPCOMING_MEETING_DAYS
from teamlead.rules.vocabulary import OPEN_AGREEMENT_STATUSES, MeetingStatus, NoteKind


def overdue_partners(session: Session, today: date, district_id: int | None = None) -> list[RosterRow]:
    """Active partners whose contact cadence ran out, longest overdue (or never contacted) first."""
    rows = [r for r in roster(session, today=today, district_id=district_id) if r.contact_state == "overdue"]
    return sorted(rows, key=lambda r: (r.contact_due_on or date.min, r.name.lower()))


def follow_ups_due(
    session: Session, today: date, *, within_days: int = 0, district_id: int | None = None
) -> list[NoteRow]:
    """Notes whose follow-up is not done and falls on or before ``today + within_days``, earliest first."""
    where = [
        Note.follow_up_on.is_not(None),
        Note.follow_up_on <= today + timedelta(days=within_days),
        Note.follow_up_done == false(),
    ]
    if district_id is not None:
        where.append(Note.district_id == district_id)
    return note_rows(session, where, order=(Note.follow_up_on, Note.id))


def upcoming_meetings(
    session: Session, now: datetime, days: int = UPCOMING_MEETING_DAYS, *, district_id: int | None = None
) -> list[MeetingRow]:
    """Meetings not cancelled that start from ``now`` to ``days`` days later, soonest first."""
    where = [
        Meeting.starts_at >= now,
        Meeting.starts_at < now + timedelta(days=days),
        Meeting.status != MeetingStatus.CANCELLED,
    ]
    if district_id is not None:
        where.append(Meeting.district_id == district_id)
    return meeting_rows(session, where)


def agreements_due(
    session: Session, today: date, within_days: int = DUE_SOON_DAYS, *, district_id: int | None = None
) -> list[AgreementRow]:
    """Open or in-progress agreements due within ``within_days`` or already overdue, earliest first."""
    where = [
        Agreement.status.in_([str(s) for s in OPEN_AGREEMENT_STATUSES]),
        Agreement.due_on.is_not(None),
        Agreement.due_on <= today + timedelta(days=within_days),
    ]
    if district_id is not None:
        where.append(Agreement.district_id == district_id)
    return agreement_rows(session, where, today)


def recent_signals(
    session: Session, today: date, days: int = 30, *, district_id: int | None = None
) -> list[NoteRow]:
    """Signals of the last ``days`` days up to today, newest first."""
    where = [
        Note.kind == NoteKind.SIGNAL,
        Note.occurred_on > today - timedelta(days=days),
        Note.occurred_on <= today,
    ]
    if district_id is not None:
        where.append(Note.district_id == district_id)
    return note_rows(session, where, order=(Note.occurred_on.desc(), Note.id.desc()))


@dataclass(frozen=True, slots=True)
class DashboardCounts:
    overdue_partners: int
    follow_ups_due: int
    upcoming_meetings: int
    agreements_due: int
    recent_signals: int


def dashboard_counts(
    session: Session, today: date, now: datetime, *, district_id: int | None = None
) -> DashboardCounts:
    """The numbers on the dashboard's tiles, with the same rules as the lists behind them (counted in SQL)."""

    def count(query: Select[int]) -> int:
        return session.scalar(select(func.count()).select_from(query.subquery())) or 0

    follow_ups = select(Note.id).where(
        Note.follow_up_on.is_not(None), Note.follow_up_on <= today, Note.follow_up_done == false()
    )
    signals = select(Note.id).where(
        Note.kind == NoteKind.SIGNAL,
        Note.occurred_on > today - timedelta(days=RECENT_SIGNAL_DAYS),
        Note.occurred_on <= today,
    )
    meetings = select(Meeting.id).where(
        Meeting.starts_at >= now,
        Meeting.starts_at < now + timedelta(days=UPCOMING_MEETING_DAYS),
        Meeting.status != MeetingStatus.CANCELLED,
    )
    due = select(Agreement.id).where(
        Agreement.status.in_([str(s) for s in OPEN_AGREEMENT_STATUSES]),
        Agreement.due_on <= today + timedelta(days=DUE_SOON_DAYS),
    )
    if district_id is not None:
        follow_ups = follow_ups.where(Note.district_id == district_id)
        signals = signals.where(Note.district_id == district_id)
        meetings = meetings.where(Meeting.district_id == district_id)
        due = due.where(Agreement.district_id == district_id)
    return DashboardCounts(
        overdue_partners=len(overdue_partners(session, today, district_id)),
        follow_ups_due=count(follow_ups),
        upcoming_meetings=count(meetings),
        agreements_due=count(due),
        recent_signals=count(signals),
    )
