"""The list reports as PDF: roster, contact sheet, agreements register, meeting pack."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak

from teamlead.i18n import tr
from teamlead.reporting.model import AgreementRegister, ContactSheet, MeetingPack, RegisterEntry, Roster
from teamlead.reports import pdf
from teamlead.rules import formatting, words


def write_roster(roster: Roster, target: Path) -> None:
    story: list[Flowable] = pdf.title_block(roster.header)
    if not roster.entries:
        story.append(pdf.para(tr("There are no active partners on this day."), "h2"))
    city = roster.header.audience == "city"
    for domain, group in groupby(roster.entries, key=lambda entry: entry.domain):
        entries = list(group)
        story.append(pdf.heading(f"{domain or tr('No domain')} ({len(entries)})"))
        if city:
            rows = [[e.organisation, e.neighbourhoods, e.district, e.joined_on or ""] for e in entries]
            headers = [tr("Organisation"), tr("Neighbourhoods"), tr("District"), tr("Joined")]
            story.append(pdf.data_table(headers, rows, [60, 60, 25, 18], wrap=(0, 1)))
            continue
        rows = []
        for entry in entries:
            people = "\n".join(
                " · ".join(part for part in (p.name, p.role, p.phone, p.email) if part) for p in entry.persons
            )
            contact = " · ".join(part for part in (entry.phone, entry.email) if part)
            rows.append([entry.organisation, entry.neighbourhoods, contact, people or "–"])
        headers = [tr("Organisation"), tr("Neighbourhoods"), tr("Organisation's contact"), tr("People")]
        story.append(pdf.data_table(headers, rows, [40, 34, 30, 62], wrap=(0, 1, 2, 3)))
    pdf.write_pdf(target, roster.header, story)


def write_contacts(sheet: ContactSheet, target: Path) -> None:
    story: list[Flowable] = pdf.title_block(sheet.header)
    if not sheet.lines:
        story.append(pdf.para(tr("There are no contact persons on this day."), "h2"))
    for neighbourhood, group in groupby(sheet.lines, key=lambda line: line.neighbourhood):
        lines = list(group)
        rows = [[line.name or "–", line.role, line.organisation, line.phone, line.email] for line in lines]
        headers = [tr("Name"), tr("Role"), tr("Organisation"), tr("Phone"), tr("E-mail")]
        table = pdf.data_table(
            headers,
            rows,
            [28, 24, 34, 22, 50],
            wrap=(0, 1, 2, 4),
            # Phone numbers bold: they are what the sheet is for.
            extra_style=[("FONT", (3, 1), (3, -1), pdf.FONT_BOLD, 8)],
        )
        story += [pdf.heading(neighbourhood), table]
    pdf.write_pdf(target, sheet.header, story)


def _history(entry: RegisterEntry) -> str:
    parts = []
    for change in entry.history:
        text = f"{formatting.day_cell(change.day)} {words.agreement_status(change.to_status)}"
        if change.comment:
            text += f" ({change.comment})"
        parts.append(text)
    return "\n".join(parts)


def write_register(register: AgreementRegister, target: Path) -> None:
    story: list[Flowable] = pdf.title_block(register.header)
    if not register.entries:
        story.append(pdf.para(tr("No agreement was open or changed in this period."), "h2"))
    city = register.header.audience == "city"
    for district, group in groupby(register.entries, key=lambda entry: entry.district):
        entries = list(group)
        rows = [
            [
                e.agreement.text,
                e.agreement.organisations,
                *([] if city else [e.responsible]),
                e.agreement.made_on,
                e.agreement.due_on or "",
                words.agreement_status(e.agreement.status),
                _history(e),
            ]
            for e in entries
        ]
        headers = [
            tr("Agreement"),
            tr("Organisations"),
            *([] if city else [tr("Responsible")]),
            tr("Made"),
            tr("Due"),
            tr("Status"),
            tr("History"),
        ]
        widths = [140 if city else 110, 110 if city else 80, *([] if city else [68]), 50, 50, 50, 90]
        wrap = (0, 1, 2, 6) if not city else (0, 1, 5)
        story += [
            pdf.heading(district or tr("No district")),
            pdf.data_table(headers, rows, widths, wrap=wrap),
        ]
    pdf.write_pdf(target, register.header, story)


def write_meeting_pack(pack: MeetingPack, target: Path) -> None:
    story: list[Flowable] = pdf.title_block(pack.header, subtitle=pack.title)
    when = formatting.moment_text(pack.starts_at)
    if pack.ends_at:
        when += f"–{pack.ends_at.strftime('%H:%M')}"
    facts = [
        (tr("Kind"), words.meeting_kind(pack.kind)),
        (tr("When"), when),
        (tr("Where"), pack.location or "–"),
    ]
    if pack.cancelled:
        facts.append((tr("Status"), tr("Cancelled")))
    story += [pdf.facts_table(facts), pdf.heading(tr("Agenda"))]
    if pack.agenda:
        rows = [[index, item.title, item.details] for index, item in enumerate(pack.agenda, start=1)]
        story.append(pdf.data_table(["#", tr("Item"), tr("Details")], rows, [8, 60, 100], wrap=(1, 2)))
    else:
        story.append(pdf.empty_note(tr("No agenda yet.")))
    story.append(pdf.heading(tr("Invitees")))
    if pack.invitees:
        rows = [
            [i.organisation, i.name, i.role, i.phone, words.attendance(i.attendance)] for i in pack.invitees
        ]
        headers = [tr("Organisation"), tr("Name"), tr("Role"), tr("Phone"), tr("Attendance")]
        story.append(pdf.data_table(headers, rows, [42, 34, 30, 24, 25], wrap=(0, 1, 2)))
    else:
        story.append(pdf.empty_note(tr("Nobody is invited yet.")))
    story.append(pdf.heading(tr("Open agreements")))
    if pack.open_agreements:
        rows = [
            [
                e.agreement.text,
                e.agreement.organisations,
                e.responsible,
                e.agreement.due_on or "",
                words.agreement_status(e.agreement.status),
            ]
            for e in pack.open_agreements
        ]
        headers = [tr("Agreement"), tr("Organisations"), tr("Responsible"), tr("Due"), tr("Status")]
        story.append(pdf.data_table(headers, rows, [160, 110, 80, 52, 58], wrap=(0, 1, 2)))
    else:
        story.append(pdf.empty_note(tr("No open agreements with these partners.")))
    # The words.attendance sheet gets a page of its own, so it can be printed and passed round.
    story += [
        PageBreak(),
        pdf.heading(tr("Attendance sheet")),
        pdf.para(f"{pack.title} · {when}"),
        pdf.spacer(3),
    ]
    names = [[i.name or "", i.organisation, ""] for i in pack.invitees] + [["", "", ""] for _ in range(8)]
    sheet = pdf.data_table(
        [tr("Name"), tr("Organisation"), tr("Signature")],
        names,
        [50, 55, 60],
        wrap=(0, 1),
        extra_style=[
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white]),
            ("TOPPADDING", (0, 1), (-1, -1), 10),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 10),
            ("GRID", (0, 1), (-1, -1), 0.5, pdf.GRID),
        ],
    )
    story.append(sheet)
    pdf.write_pdf(target, pack.header, story)
