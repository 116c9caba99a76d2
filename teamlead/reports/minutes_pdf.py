"""A held meeting's minutes (verslag) as PDF, to send to the invitees.

Compact on purpose: a network meeting of two dozen partners and sixteen points fits in four pages, so the
minutes are read rather than filed. Attendance comes first (who was there, per organisation, and how many),
then what was said, the agenda, what was agreed and looked back on, and a local reflection's four answers.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table

from teamlead.i18n import tr
from teamlead.reporting.minutes_model import ATTENDANCE_ORDER, Minutes, MinutesAgreement
from teamlead.reports import pdf
from teamlead.rules import formatting, words
from teamlead.rules.vocabulary import Attendance


def write_minutes_pdf(minutes: Minutes, target: Path) -> None:
    """Write ``minutes`` to ``target`` (replaced atomically)."""
    story: list[Flowable] = pdf.title_block(minutes.header, subtitle=minutes.title)
    story.append(_facts(minutes))
    story += _attendance(minutes)
    story.append(pdf.heading(tr("What was discussed")))
    story.append(
        _text(minutes.text) if minutes.text.strip() else pdf.empty_note(tr("No minutes were typed."))
    )
    if minutes.reflection is not None:  # a reflection's answers are what it is held for: right after the text
        story += _reflection(minutes)
    story.append(pdf.heading(tr("Agenda")))
    if any(item.details.strip() for item in minutes.agenda):
        rows = [[index, item.title, item.details] for index, item in enumerate(minutes.agenda, start=1)]
        story.append(pdf.data_table(["#", tr("Item"), tr("Details")], rows, [6, 70, 94], wrap=(1, 2)))
    elif minutes.agenda:  # no point has details: the titles get the width
        rows = [[index, item.title] for index, item in enumerate(minutes.agenda, start=1)]
        story.append(pdf.data_table(["#", tr("Item")], rows, [6, 164], wrap=(1,)))
    else:
        story.append(pdf.empty_note(tr("The meeting had no agenda.")))
    story.append(pdf.heading(tr("Agreements made")))
    if minutes.agreements_made:
        story.append(_agreements(minutes.agreements_made, status=False))
    else:
        story.append(pdf.empty_note(tr("No agreement was made in this meeting.")))
    story.append(pdf.heading(tr("Open agreements discussed")))
    if minutes.agreements_discussed:
        story.append(_agreements(minutes.agreements_discussed, status=True))
    else:
        story.append(pdf.empty_note(tr("No open agreement was discussed.")))
    pdf.write_pdf(target, minutes.header, story, running_head=f"{minutes.title} · {_day(minutes)}")


def _text(text: str) -> Paragraph:
    """The minutes as typed; a page break never leaves one line of it alone at the top of the next page."""
    paragraph = pdf.para(text)
    paragraph.style = ParagraphStyle("minutes", parent=paragraph.style, allowWidows=0)
    return paragraph


def _day(minutes: Minutes) -> str:
    return formatting.day_text(minutes.starts_at.date())


def _when(minutes: Minutes) -> str:
    when = formatting.moment_text(minutes.starts_at)
    if minutes.ends_at is not None:
        when += f"–{minutes.ends_at:%H:%M}"
    return when


def _facts(minutes: Minutes) -> Table:
    facts = [
        (tr("Kind"), words.meeting_kind(minutes.kind)),
        (tr("When"), _when(minutes)),
        (tr("Where"), minutes.location or "–"),
    ]
    if minutes.neighbourhood:
        facts.append((tr("Neighbourhood"), minutes.neighbourhood))
    return pdf.facts_table(facts)


def _attendance_label(value: str) -> str:
    return tr("Not recorded") if value == Attendance.INVITED else words.attendance(value)


def _attendance(minutes: Minutes) -> list[Flowable]:
    """The counts on one line, then per attendance the organisations, each with the names invited from it."""
    flowables: list[Flowable] = [pdf.heading(tr("Attendance"))]
    if not minutes.attendees:
        return [*flowables, pdf.empty_note(tr("Nobody was invited."))]
    counts = [
        f"{_attendance_label(value)}: {minutes.count(value)}"
        for value in ATTENDANCE_ORDER
        if value != Attendance.INVITED or minutes.count(value)
    ]
    counts.append(tr("invited: {count}", count=len(minutes.attendees)))
    flowables.append(pdf.para(" · ".join(counts)))
    flowables.append(pdf.spacer(1.5))
    rows: list[list[object]] = []
    style: list[tuple[object, ...]] = []
    for value, organisations in minutes.by_attendance().items():
        first = len(rows) + 1  # the header is row 0
        for index, (organisation, names) in enumerate(organisations.items()):
            label = f"{_attendance_label(value)} ({minutes.count(value)})" if index == 0 else ""
            rows.append([label, organisation or "–", ", ".join(names)])
        style.append(("LINEABOVE", (0, first), (-1, first), 0.5, pdf.GRID))
        style.append(("FONT", (0, first), (0, first), pdf.FONT_BOLD, pdf.CELL_SIZE))
    headers = [tr("Attendance"), tr("Organisation"), tr("Names")]
    flowables.append(pdf.data_table(headers, rows, [22, 64, 84], wrap=(1, 2), extra_style=style))
    return flowables


def _agreements(agreements: tuple[MinutesAgreement, ...], *, status: bool) -> Flowable:
    """What, who (the organisations, and the person responsible), by when; ``status``: as it stands now."""
    rows = [
        [
            agreement.text,
            agreement.organisations or "–",
            agreement.responsible,
            agreement.due_on or "",
            *([words.agreement_status(agreement.status)] if status else []),
        ]
        for agreement in agreements
    ]
    headers = [tr("Agreement"), tr("Organisations"), tr("Responsible"), tr("Due")]
    widths = [150, 100, 60, 38]
    if status:
        headers.append(tr("Status now"))
        widths = [132, 92, 54, 38, 40]
    return pdf.data_table(headers, rows, widths, wrap=(0, 1, 2))


def _reflection(minutes: Minutes) -> list[Flowable]:
    answers = minutes.reflection
    assert answers is not None
    questions = (
        (tr("What goes well?"), answers.goes_well),
        (tr("What can be better?"), answers.can_improve),
        (tr("What can we do ourselves?"), answers.do_ourselves),
        (tr("Where do we need help?"), answers.need_help),
    )
    rows = [[question, answer or "–"] for question, answer in questions]
    return [
        pdf.heading(tr("Local reflection")),
        pdf.data_table([tr("Question"), tr("Answer")], rows, [40, 130], wrap=(0, 1)),
    ]
