"""A person's access request (GDPR article 15) as a PDF to hand over: who they are in Teamlead, their roles
and organisations, their contact details, and every text that mentions them with its date and where it lives.

Pure writer: it reads the same plain values as the JSON file (:func:`teamlead.services.privacy.access_report`),
so the two never say different things; the JSON is the complete, machine-readable copy, the PDF the one a
person can read. Labels are in the user's language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from teamlead import __version__
from teamlead.i18n import tr
from teamlead.reporting.model import ReportHeader
from teamlead.reports import pdf
from teamlead.rules import formatting, words


def day(value: str | None) -> str:
    """An ISO date or moment of the report as the user reads dates; empty when there is none."""
    if not value:
        return ""
    if "T" in value:
        return formatting.moment_text(datetime.fromisoformat(value))
    return formatting.day_text(date.fromisoformat(value))


def write_access_pdf(report: Mapping[str, Any], target: Path) -> None:
    """Write ``report`` (the access report's values) to ``target`` as PDF, atomically."""
    person = report["person"]
    title = tr("What Teamlead holds about {name}", name=person["name"])
    header = ReportHeader(
        "access",
        person["name"],
        None,
        "district",
        datetime.fromisoformat(report["generated_at"]),
        __version__,
        title=tr("Access request"),
    )
    story: list[Flowable] = [pdf.heading(title), pdf.spacer(1), _facts(report), pdf.spacer(3)]
    story.append(pdf.heading(tr("Roles")))
    roles = [[r["organisation"], r["title"], day(r["from"]), day(r["to"])] for r in report["roles"]]
    story.append(
        _table([tr("Organisation"), tr("Role"), tr("From"), tr("To")], roles, [70, 60, 20, 20], (0, 1))
    )
    texts = report.get("texts", [])
    story.append(pdf.heading(tr("Texts that mention {name}", name=person["name"])))
    rows = [[day(t["date"]), t["where"], ", ".join(t["organisations"]), t["text"]] for t in texts]
    story.append(
        _table([tr("Date"), tr("Where"), tr("Organisations"), tr("Text")], rows, [18, 22, 38, 92], (1, 2, 3))
    )
    story.append(pdf.heading(tr("Meetings they were invited to")))
    meetings = [
        [day(m["starts_at"]), m["title"], words.attendance(m["attendance"])] for m in report["meetings"]
    ]
    story.append(_table([tr("When"), tr("Meeting"), tr("Attendance")], meetings, [30, 110, 30], (1,)))
    story.append(pdf.heading(tr("Agreements they were responsible for")))
    agreements = [
        [a["text"], day(a["made_on"]), day(a["due_on"]), words.agreement_status(a["status"])]
        for a in report["agreements"]
    ]
    story.append(
        _table([tr("Agreement"), tr("Made on"), tr("Due"), tr("Status")], agreements, [100, 25, 25, 20], (0,))
    )
    story.append(pdf.heading(tr("Changes to their record")))
    audit = [[day(e["at"]), _action(e["action"]), e["fields"] or ""] for e in report["audit"]]
    story.append(_table([tr("When"), tr("Action"), tr("Fields")], audit, [35, 30, 105], (2,)))
    pdf.write_pdf(target, header, story, running_head=title)


def _action(action: str) -> str:
    """What the audit log says happened to a person's record, in words (the stored code when unknown)."""
    said = {"create": tr("Recorded"), "update": tr("Record changed"), "import": tr("Imported")}
    return said.get(action, action)


def _facts(report: Mapping[str, Any]) -> Table:
    person = report["person"]
    organisations = ", ".join(dict.fromkeys(role["organisation"] for role in report["roles"]))
    facts = [
        (tr("Name"), person["name"]),
        (tr("Organisation"), organisations or "–"),
        (tr("Phone"), person["phone"] or "–"),
        (tr("E-mail"), person["email"] or "–"),
        (tr("Remarks"), person["remarks"] or "–"),
        (tr("Recorded since"), day(person["created_at"])),
        (tr("Last changed"), day(person["updated_at"])),
        (tr("Made on"), day(report["generated_at"])),
    ]
    return pdf.facts_table(facts, label_width=34 * mm, rule_below=True)


def _table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float], wrap: Sequence[int]
) -> Flowable:
    if not rows:
        return pdf.empty_note(tr("Nothing."))
    return pdf.data_table(headers, rows, widths, wrap=wrap)
