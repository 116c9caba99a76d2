"""The district report's meetings, agreements and local reflection: short in the body, complete in the appendix.

A district with hundreds of meetings and thousands of agreements a quarter would bury the body under lists
(Nieuw-West on the city demo ran to some eighty pages). The body gives what city staff read — meetings by
kind with their attendance, the agreements' counts and the longest overdue, the latest reflections — and the
appendix, on pages of its own after it, lists every meeting and agreement of the period.
"""

from __future__ import annotations

from collections import defaultdict

from reportlab.platypus import Flowable, PageBreak

from teamlead.i18n import tr
from teamlead.reporting.model import AgreementLine, DistrictReport, ReflectionLine
from teamlead.reports import pdf
from teamlead.rules import formatting, words

OVERDUE_IN_BODY = 10
"""The longest overdue agreements the body names; the appendix lists them all."""
REFLECTIONS_IN_BODY = 3
"""The latest local reflections the body shows in full; the appendix holds every one."""


def body_meetings(report: DistrictReport) -> list[Flowable]:
    """Meetings held by kind: how many, and how many of those invited came."""
    flowables: list[Flowable] = [pdf.heading(tr("Meetings held"))]
    if not report.meetings:
        return [*flowables, pdf.empty_note(tr("No meetings were held in this period."))]
    held: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for line in report.meetings:
        counts = held[line.kind]
        counts[0] += 1
        counts[1] += line.present
        counts[2] += line.invited
    rows = [[words.meeting_kind(kind), *counts, _attendance(counts)] for kind, counts in held.items()]
    total = [sum(counts[index] for counts in held.values()) for index in range(3)]
    rows.append([tr("Total"), *total, _attendance(total)])
    headers = [tr("Kind"), tr("Held"), tr("Present"), tr("Invited"), tr("Present of invited")]
    table = pdf.data_table(
        headers,
        rows,
        [50, 20, 20, 20, 30],
        numeric=(1, 2, 3, 4),
        extra_style=[("FONT", (0, -1), (-1, -1), pdf.FONT_BOLD, 8)],
    )
    note = tr("Every meeting held is listed in the appendix.")
    return [*flowables, table, pdf.spacer(1), pdf.para(note, "small")]


def _attendance(counts: list[int]) -> str:
    return formatting.share(counts[1] / counts[2]) if counts[2] else "–"


def body_agreements(report: DistrictReport) -> list[Flowable]:
    """The agreements' three counts, then the longest overdue ones by name."""
    counts = [
        [tr("Made in this period"), len(report.agreements_made)],
        [tr("Done in this period"), len(report.agreements_done)],
        [tr("Overdue at the end of the period"), len(report.agreements_overdue)],
    ]
    flowables: list[Flowable] = [
        pdf.heading(tr("Agreements")),
        pdf.data_table([tr("Agreements"), tr("Number")], counts, [110, 30], numeric=(1,)),
    ]
    overdue = sorted(report.agreements_overdue, key=lambda line: (line.due_on or line.made_on, line.id))
    if overdue:
        shown = overdue[:OVERDUE_IN_BODY]
        title = (
            tr("Longest overdue ({shown} of {count})", shown=len(shown), count=len(overdue))
            if len(shown) < len(overdue)
            else tr("Overdue ({count})", count=len(overdue))
        )
        flowables += [pdf.heading(title, 2), agreement_table(tuple(shown), done=False)]
    flowables += [pdf.spacer(1), pdf.para(tr("Every agreement is listed in the appendix."), "small")]
    return flowables


def body_reflections(report: DistrictReport) -> list[Flowable]:
    flowables: list[Flowable] = [pdf.heading(tr("Local reflection"))]
    if not report.reflections:
        return [*flowables, pdf.empty_note(tr("No local reflection was recorded in this period."))]
    latest = report.reflections[-REFLECTIONS_IN_BODY:]
    if len(latest) < len(report.reflections):
        flowables.append(
            pdf.para(
                tr(
                    "The latest {shown} of {count}; the appendix holds them all.",
                    shown=len(latest),
                    count=len(report.reflections),
                ),
                "small",
            )
        )
    return [*flowables, *_reflection_tables(latest)]


def appendix(report: DistrictReport) -> list[Flowable]:
    """Every meeting held and every agreement of the period, on pages of their own after the body."""
    flowables: list[Flowable] = [
        PageBreak(),
        pdf.heading(tr("Appendix: every meeting and agreement of the period")),
        pdf.heading(f"{tr('Meetings held')} ({len(report.meetings)})", 2),
    ]
    if report.meetings:
        rows = [
            [line.day, words.meeting_kind(line.kind), line.title, f"{line.present} / {line.invited}"]
            for line in report.meetings
        ]
        headers = [tr("Date"), tr("Kind"), tr("Title"), tr("Present / invited")]
        flowables.append(pdf.data_table(headers, rows, [20, 28, 80, 22], wrap=(1, 2, 3), numeric=(3,)))
    else:
        flowables.append(pdf.empty_note(tr("No meetings were held in this period.")))
    sections = (
        (tr("Agreements made in this period"), report.agreements_made, False),
        (tr("Agreements done in this period"), report.agreements_done, True),
        (tr("Agreements overdue at the end of the period"), report.agreements_overdue, False),
    )
    for title, lines, done in sections:
        flowables.append(pdf.heading(f"{title} ({len(lines)})", 2))
        flowables.append(agreement_table(lines, done) if lines else pdf.empty_note(tr("None.")))
    if len(report.reflections) > REFLECTIONS_IN_BODY:
        flowables.append(pdf.heading(f"{tr('Local reflection')} ({len(report.reflections)})", 2))
        flowables += _reflection_tables(report.reflections)
    return flowables


def agreement_table(lines: tuple[AgreementLine, ...], done: bool) -> Flowable:
    headers = [
        tr("Agreement"),
        tr("Organisations"),
        tr("Made"),
        tr("Due"),
        tr("Done on") if done else tr("Status"),
    ]
    rows = [
        [
            line.text,
            line.organisations,
            line.made_on,
            line.due_on or "",
            line.done_on if done else words.agreement_status(line.status),
        ]
        for line in lines
    ]
    return pdf.data_table(headers, rows, [170, 110, 52, 52, 58], wrap=(0, 1, 2, 3, 4))


def _reflection_tables(lines: tuple[ReflectionLine, ...]) -> list[Flowable]:
    flowables: list[Flowable] = []
    for line in lines:
        answers = (
            (tr("What goes well?"), line.goes_well),
            (tr("What can be better?"), line.can_improve),
            (tr("What can we do ourselves?"), line.do_ourselves),
            (tr("Where do we need help?"), line.need_help),
        )
        rows = [[question, answer or "–"] for question, answer in answers]
        table = pdf.data_table([tr("Question"), tr("Answer")], rows, [40, 110], wrap=(0, 1))
        flowables += [pdf.heading(f"{formatting.day_text(line.day)} · {line.title}", 2), table]
    return flowables
