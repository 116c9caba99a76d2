"""The columns of the dashboard's five lists (headers translated when the view is built).

Widths are in average characters; the one column without a width (the name or the text) takes the rest, so
the cards fit a 1366-pixel screen without a horizontal scroll bar. An overdue date shows in red.
"""

from __future__ import annotations

from datetime import date

from teamlead.data.queries.rows import AgreementRow, MeetingRow, NoteRow, OverdueRow
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.vocabulary import SignalState
from teamlead.ui.widgets.formatting import format_date, format_when, one_line
from teamlead.ui.widgets.record_table import Column

DATE = 11
WHEN = 15


def overdue_columns(today: date) -> list[Column]:
    def last(row: OverdueRow) -> str:
        return format_date(row.last_contact, today=today) if row.last_contact else tr("never")

    return [
        Column(tr("Partner"), lambda row: row.name),
        Column(tr("Domain"), lambda row: row.domain, width=10),
        Column(tr("Last contact"), last, width=14, keep=True),
    ]


def follow_up_columns(today: date) -> list[Column]:
    def partners(row: NoteRow) -> str:
        return ", ".join(row.organisations)

    return [
        Column(tr("Due"), lambda row: format_date(row.follow_up_on, today=today), width=DATE, keep=True),
        Column(tr("Partner"), partners, width=16, tooltip=partners),
        Column(tr("Note"), lambda row: one_line(row.text), tooltip=lambda row: row.text),
    ]


def agreement_columns(today: date) -> list[Column]:
    def tooltip(row: AgreementRow) -> str:
        partners = ", ".join(row.organisations)
        due = tr("{date} (overdue)", date=format_date(row.due_on)) if row.overdue else format_date(row.due_on)
        return f"{row.text}\n{partners}\n{due}" if partners else f"{row.text}\n{due}"

    return [
        Column(
            tr("Due"),
            lambda row: format_date(row.due_on, today=today),
            width=DATE,
            keep=True,
            warn=lambda row: row.overdue,
        ),
        Column(tr("Agreement"), lambda row: one_line(row.text), tooltip=tooltip),
        Column(tr("Status"), lambda row: words.agreement_status(row.status), width=8),
    ]


def meeting_columns(today: date) -> list[Column]:
    def kind(row: MeetingRow) -> str:
        return words.meeting_kind(row.kind)

    return [
        Column(tr("When"), lambda row: format_when(row.starts_at, today=today), width=WHEN, keep=True),
        Column(tr("Meeting"), lambda row: row.title, tooltip=lambda row: row.title),
        Column(tr("Kind"), kind, width=15),
    ]


def signal_columns(today: date) -> list[Column]:
    def partners(row: NoteRow) -> str:
        return ", ".join(row.organisations)

    return [
        Column(tr("Date"), lambda row: format_date(row.occurred_on, today=today), width=7, keep=True),
        Column(
            tr("State"),
            lambda row: words.signal_state(row.signal_state),
            width=20,
            warn=lambda row: row.signal_state == SignalState.NO_FEEDBACK,
        ),
        Column(tr("Neighbourhood"), lambda row: row.neighbourhood, width=16),
        Column(tr("Signal"), lambda row: one_line(row.text), tooltip=lambda row: row.text),
        Column(tr("Partners"), partners, width=24, tooltip=partners),
    ]
