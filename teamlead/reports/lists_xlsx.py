"""The list reports as workbooks: one row per record, real dates, a header row that stays put."""

from __future__ import annotations

from pathlib import Path

from openpyxl.workbook import Workbook

from teamlead.i18n import tr
from teamlead.reporting.model import AgreementRegister, ContactSheet, MeetingPack, ReportHeader, Roster
from teamlead.reports import xlsx
from teamlead.rules import words


def about_sheet(
    workbook: Workbook, header: ReportHeader, extra: list[tuple[str, object]] | None = None
) -> None:
    """A first sheet that says what the workbook is, for whom, and when it was made."""
    rows: list[list[object]] = [[tr("Report"), header.title], [tr("District"), header.district]]
    if header.period is not None:
        rows += [[tr("Period from"), header.period.start], [tr("Period to"), header.period.end]]
    if header.as_of is not None:
        rows.append([tr("Situation on"), header.as_of])
    rows += [
        [tr("Audience"), words.audience(header.audience)],
        [tr("Made at"), header.generated_at.replace(tzinfo=None)],
    ]
    rows += [[label, value] for label, value in extra or []]
    xlsx.table_sheet(workbook, tr("About"), [tr("Field"), tr("Value")], rows)


def write_roster(roster: Roster, target: Path) -> None:
    workbook = xlsx.new_workbook()
    about_sheet(workbook, roster.header)
    headers = [
        tr("Organisation"),
        tr("Domain"),
        tr("Neighbourhoods"),
        tr("District"),
        tr("Joined"),
        tr("Website"),
    ]
    if roster.header.audience == "city":
        rows = [
            [e.organisation, e.domain, e.neighbourhoods, e.district, e.joined_on, e.website]
            for e in roster.entries
        ]
        xlsx.table_sheet(workbook, tr("Partners"), headers, rows)
    else:
        headers += [tr("Phone"), tr("E-mail")]
        rows = [
            [e.organisation, e.domain, e.neighbourhoods, e.district, e.joined_on, e.website, e.phone, e.email]
            for e in roster.entries
        ]
        xlsx.table_sheet(workbook, tr("Partners"), headers, rows)
        people = [
            [e.organisation, p.name, p.role, p.phone, p.email] for e in roster.entries for p in e.persons
        ]
        xlsx.table_sheet(
            workbook,
            tr("People"),
            [tr("Organisation"), tr("Name"), tr("Role"), tr("Phone"), tr("E-mail")],
            people,
        )
    xlsx.save(workbook, target)


def write_contacts(sheet: ContactSheet, target: Path) -> None:
    workbook = xlsx.new_workbook()
    about_sheet(workbook, sheet.header)
    headers = [
        tr("Neighbourhood"),
        tr("Name"),
        tr("Role"),
        tr("Organisation"),
        tr("Domain"),
        tr("Phone"),
        tr("E-mail"),
    ]
    rows = [
        [c.neighbourhood, c.name, c.role, c.organisation, c.domain, c.phone, c.email] for c in sheet.lines
    ]
    xlsx.table_sheet(workbook, tr("Contacts"), headers, rows)
    xlsx.save(workbook, target)


def write_register(register: AgreementRegister, target: Path) -> None:
    workbook = xlsx.new_workbook()
    about_sheet(workbook, register.header)
    city = register.header.audience == "city"
    headers = [
        tr("Id"),
        tr("District"),
        tr("Agreement"),
        tr("Organisations"),
        *([] if city else [tr("Responsible")]),
        tr("Made"),
        tr("Due"),
        tr("Status"),
    ]
    rows = [
        [
            e.agreement.id,
            e.district,
            e.agreement.text,
            e.agreement.organisations,
            *([] if city else [e.responsible]),
            e.agreement.made_on,
            e.agreement.due_on,
            words.agreement_status(e.agreement.status),
        ]
        for e in register.entries
    ]
    xlsx.table_sheet(workbook, tr("Agreements"), headers, rows, wrap=(2,))
    history_headers = [tr("Id"), tr("Date"), tr("From"), tr("To"), *([] if city else [tr("Comment")])]
    history = [
        [
            e.agreement.id,
            c.day,
            words.agreement_status(c.from_status) if c.from_status else "",
            words.agreement_status(c.to_status),
            *([] if city else [c.comment]),
        ]
        for e in register.entries
        for c in e.history
    ]
    xlsx.table_sheet(workbook, tr("History"), history_headers, history)
    xlsx.save(workbook, target)


def write_meeting_pack(pack: MeetingPack, target: Path) -> None:
    workbook = xlsx.new_workbook()
    about_sheet(
        workbook,
        pack.header,
        [
            (tr("Meeting"), pack.title),
            (tr("Kind"), words.meeting_kind(pack.kind)),
            (tr("Starts"), pack.starts_at.replace(tzinfo=None)),
            (tr("Where"), pack.location),
        ],
    )
    xlsx.table_sheet(
        workbook,
        tr("Agenda"),
        ["#", tr("Item"), tr("Details")],
        [[index, a.title, a.details] for index, a in enumerate(pack.agenda, start=1)],
        wrap=(2,),
    )
    xlsx.table_sheet(
        workbook,
        tr("Invitees"),
        [tr("Organisation"), tr("Name"), tr("Role"), tr("Phone"), tr("Attendance")],
        [[i.organisation, i.name, i.role, i.phone, words.attendance(i.attendance)] for i in pack.invitees],
    )
    xlsx.table_sheet(
        workbook,
        tr("Open agreements"),
        [tr("Agreement"), tr("Organisations"), tr("Responsible"), tr("Due"), tr("Status")],
        [
            [
                e.agreement.text,
                e.agreement.organisations,
                e.responsible,
                e.agreement.due_on,
                words.agreement_status(e.agreement.status),
            ]
            for e in pack.open_agreements
        ],
        wrap=(0,),
    )
    xlsx.save(workbook, target)
