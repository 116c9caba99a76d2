"""The columns of the dashboard's five lists (headers translated when the view is built)."""

from __future__ import annotations

from datetime import date

from teamlead.data.queries.agreements import AgreementRow
from teamlead.data.queries.dashboard_extra import OverdueRow
from teamlead.data.queries.meetings import MeetingRow
from teamlead.data.queries.notes import NoteRow
from teamlead.i18n import tr
from teamlead.ui.widgets.formatting import (
    agreement_status_label,
    format_date,
    format_when,
    meeting_kind_label,
    one_line,
)
from teamlead.ui.widgets.record_table import Column


def overdue_columns(today: date) -> list[Column]:
    def last(row: OverdueRow) -> str:
        return format_date(row.last_contact, today=today) if row.last_contact else tr("never")

    return [
        Column(tr("Partner"), lambda row: row.name),
        Column(tr("Domain"), lambda row: row.domain),
        Column(tr("Last contact"), last),
    ]


def follow_up_columns(today: date) -> list[Column]:
    return [
        Column(tr("Due"), lambda row: format_date(row.follow_up_on, today=today)),
        Column(tr("Partner"), lambda row: ", ".join(row.organisations)),
        Column(tr("Note"), lambda row: one_line(row.text), tooltip=lambda row: row.text),
    ]


def agreement_columns(today: date) -> list[Column]:
    def due(row: AgreementRow) -> str:
        text = format_date(row.due_on, today=today)
        return tr("{date} (overdue)", date=text) if row.overdue else text

    return [
        Column(tr("Due"), due),
        Column(tr("Agreement"), lambda row: one_line(row.text), tooltip=lambda row: row.text),
        Column(tr("Status"), lambda row: agreement_status_label(row.status)),
        Column(tr("Partners"), lambda row: ", ".join(row.organisations)),
    ]


def meeting_columns(today: date) -> list[Column]:
    def kind(row: MeetingRow) -> str:
        return meeting_kind_label(row.kind)

    return [
        Column(tr("When"), lambda row: format_when(row.starts_at, today=today)),
        Column(tr("Meeting"), lambda row: row.title),
        Column(tr("Kind"), kind),
    ]


def signal_columns(today: date) -> list[Column]:
    def partners(row: NoteRow) -> str:
        return ", ".join(row.organisations)

    return [
        Column(tr("Date"), lambda row: format_date(row.occurred_on, today=today)),
        Column(tr("Neighbourhood"), lambda row: row.neighbourhood),
        Column(tr("Signal"), lambda row: one_line(row.text), tooltip=lambda row: row.text),
        Column(tr("Partners"), partners),
    ]
