"""The handover dossier as PDF: one district as a successor meets it (:mod:`teamlead.reporting.handover`).

A pure writer: the gathered :class:`~teamlead.reporting.handover_model.Dossier` in, a PDF out. The sections follow
``shared/interface.md``: the district at a glance, who is who per neighbourhood, the recurring structures, the
open agreements with their history, the signals still waiting, the last local reflections per neighbourhood and
the team lead's narratives. Every section is an entry of the PDF's outline, so a reader jumps to it.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, PageBreak

from teamlead.i18n import tr
from teamlead.reporting.handover_model import Dossier, NeighbourhoodSection, PartnerLine
from teamlead.reports import pdf
from teamlead.rules import formatting, words


def section_titles() -> dict[str, str]:
    """The dossier's section headings, by key (the tests read them back)."""
    return {
        "glance": tr("The district at a glance"),
        "who": tr("Who is who per neighbourhood"),
        "series": tr("Recurring structures"),
        "agreements": tr("Open agreements"),
        "signals": tr("Open signals and signals without feedback"),
        "reflections": tr("Local reflections"),
        "narratives": tr("Narratives of the past two years"),
    }


def glance_labels() -> dict[str, str]:
    """The key figures of the first section, by the :class:`~teamlead.reporting.handover_model.Glance` field."""
    return {
        "active_partners": tr("Active partners (home district)"),
        "neighbourhoods": tr("Neighbourhoods"),
        "persons": tr("Contact persons of these partners"),
        "key_contacts": tr("Partners with a key contact"),
        "series": tr("Recurring structures"),
        "open_agreements": tr("Open agreements"),
        "open_signals": tr("Open signals"),
        "signals_without_feedback": tr("Signals without feedback"),
    }


def write_dossier(dossier: Dossier, target: Path) -> None:
    titles = section_titles()
    story: list[Flowable] = pdf.title_block(dossier.header)
    story.append(
        pdf.para(
            tr(
                "For the team lead who takes over this district: the partners and who to call per "
                "neighbourhood, the recurring meetings, what was agreed and is still open, the signals still "
                "waiting, what the local reflections said, and what the team lead wrote. It holds personal "
                "data: keep it safe and delete it when it is no longer needed."
            )
        )
    )
    story += _glance(dossier, titles["glance"])
    story += [PageBreak(), pdf.heading(titles["who"])]
    for section in dossier.neighbourhoods:
        story += _who(section)
    story += [PageBreak(), pdf.heading(titles["series"])]
    story += _series(dossier)
    story.append(pdf.heading(titles["agreements"]))
    story += _agreements(dossier)
    story.append(pdf.heading(titles["signals"]))
    story += _signals(dossier)
    story.append(pdf.heading(titles["reflections"]))
    story += _reflections(dossier)
    story.append(pdf.heading(titles["narratives"]))
    story += _narratives(dossier)
    pdf.write_pdf(
        target, dossier.header, story, running_head=f"{dossier.header.title} · {dossier.header.district}"
    )


def _glance(dossier: Dossier, title: str) -> list[Flowable]:
    glance = dossier.glance
    figures = [[label, getattr(glance, key)] for key, label in glance_labels().items()]
    story: list[Flowable] = [
        pdf.heading(title),
        pdf.data_table([tr("Figure"), tr("Number")], figures, [120, 30], numeric=(1,)),
        pdf.spacer(3),
        pdf.para(tr("Active partners by domain"), "h2"),
    ]
    if glance.by_domain:
        story.append(
            pdf.data_table([tr("Domain"), tr("Partners")], glance.by_domain, [120, 30], numeric=(1,))
        )
    else:
        story.append(pdf.empty_note(tr("The district has no active partners.")))
    story.append(pdf.para(tr("Neighbourhoods"), "h2"))
    if glance.by_neighbourhood:
        rows = [[name, count] for name, count in glance.by_neighbourhood]
        story.append(
            pdf.data_table([tr("Neighbourhood"), tr("Partners serving it")], rows, [120, 30], numeric=(1,))
        )
    else:
        story.append(pdf.empty_note(tr("The district has no neighbourhoods yet.")))
    return story


def _state(line: PartnerLine) -> str:
    state = line.contact.contact_state if line.contact else "none"
    return {
        "ok": tr("In touch"),
        "due": tr("Due soon"),
        "overdue": tr("Overdue"),
    }.get(state, tr("No cadence"))


def _last_contact(line: PartnerLine) -> str:
    last = line.contact.last_contact if line.contact else None
    return formatting.day_cell(last) if last else tr("never")


def _who(section: NeighbourhoodSection) -> list[Flowable]:
    story: list[Flowable] = [pdf.heading(section.name, level=2)]
    if not section.partners:
        return [*story, pdf.empty_note(tr("No active partner serves this neighbourhood."))]
    rows = []
    for line in section.partners:
        partner = line.partner
        key = partner.key_contact
        who = f"{key.name}\n{key.phone}" if key is not None else "–"
        reach = "\n".join(words.reach_window(window) for window in key.reachability) if key else ""
        rows.append([partner.name, partner.domain, who, reach or "–", _last_contact(line), _state(line)])
    headers = [
        tr("Partner"),
        tr("Domain"),
        tr("Key contact"),
        tr("Reachable"),
        tr("Last contact"),
        tr("Stay in touch"),
    ]
    story.append(pdf.data_table(headers, rows, [37, 18, 35, 44, 18, 20], wrap=(0, 1, 2, 3, 5)))
    if section.longest_uncontacted:
        longest = "; ".join(
            f"{line.partner.name} ({_last_contact(line)})" for line in section.longest_uncontacted
        )
        story += [
            pdf.spacer(1),
            pdf.para(tr("Not contacted for longest: {partners}", partners=longest), "small"),
        ]
    return story


def _series(dossier: Dossier) -> list[Flowable]:
    if not dossier.series:
        return [pdf.empty_note(tr("The district has no recurring meetings."))]
    rows = []
    for line in dossier.series:
        comes = ", ".join(f"{name} ({count})" for name, count in line.comes) or "–"
        when = line.rule + (f"\n{tr('next')}: {formatting.moment_text(line.next_on)}" if line.next_on else "")
        rows.append([f"{line.title}\n{words.meeting_kind(line.kind)}", when, line.held, comes])
    headers = [tr("Series"), tr("When"), tr("Held in the last year"), tr("Who comes (times present)")]
    return [pdf.data_table(headers, rows, [40, 36, 16, 80], wrap=(0, 1, 3), numeric=(2,))]


def _agreements(dossier: Dossier) -> list[Flowable]:
    if not dossier.agreements:
        return [pdf.empty_note(tr("No agreement is open."))]
    rows = []
    for entry in dossier.agreements:
        agreement = entry.agreement
        history = "\n".join(
            f"{formatting.day_cell(change.day)} {words.agreement_status(change.to_status)}"
            + (f" ({change.comment})" if change.comment else "")
            for change in entry.history
        )
        rows.append(
            [
                agreement.text,
                agreement.organisations,
                entry.responsible or "–",
                "\n".join(formatting.day_cell(day) for day in (agreement.made_on, agreement.due_on) if day),
                words.agreement_status(agreement.status),
                history or "–",
            ]
        )
    headers = [
        tr("Agreement"),
        tr("Organisations"),
        tr("Responsible"),
        tr("Made, due"),
        tr("Status"),
        tr("History"),
    ]
    return [pdf.data_table(headers, rows, [56, 34, 32, 19, 16, 42], wrap=(0, 1, 2, 3, 4, 5))]


def _signals(dossier: Dossier) -> list[Flowable]:
    if not dossier.signals:
        return [pdf.empty_note(tr("No signal is waiting."))]
    rows = [
        [
            row.occurred_on,
            words.signal_state(row.signal_state),
            row.neighbourhood or "–",
            ", ".join(row.organisations) or "–",
            row.text,
        ]
        for row in dossier.signals
    ]
    headers = [tr("Date"), tr("State"), tr("Neighbourhood"), tr("Organisations"), tr("Signal")]
    return [pdf.data_table(headers, rows, [17, 20, 26, 40, 70], wrap=(1, 2, 3, 4))]


def _reflections(dossier: Dossier) -> list[Flowable]:
    story: list[Flowable] = []
    questions = (
        tr("What goes well?"),
        tr("What can be better?"),
        tr("What can we do ourselves?"),
        tr("Where do we need help?"),
    )
    for section in dossier.neighbourhoods:
        story.append(pdf.heading(section.name, level=2))
        if not section.reflections:
            story.append(pdf.empty_note(tr("No local reflection was held about this neighbourhood.")))
            continue
        rows = [
            [
                f"{formatting.day_cell(reflection.held_on)}\n{reflection.title}",
                *(
                    answer or "–"
                    for answer in (
                        reflection.goes_well,
                        reflection.can_improve,
                        reflection.do_ourselves,
                        reflection.need_help,
                    )
                ),
            ]
            for reflection in section.reflections
        ]
        story.append(
            pdf.data_table([tr("Held"), *questions], rows, [28, 36, 36, 36, 36], wrap=(0, 1, 2, 3, 4))
        )
    return story


def _narratives(dossier: Dossier) -> list[Flowable]:
    if not dossier.narratives:
        return [pdf.empty_note(tr("The team lead wrote no narrative in the past two years."))]
    story: list[Flowable] = []
    for narrative in dossier.narratives:
        story += [
            pdf.heading(formatting.period_name(narrative.period.start, narrative.period.end), level=2),
            pdf.para(narrative.text),
        ]
    return story
