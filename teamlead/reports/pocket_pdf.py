"""The pocket page as PDF: who to call in one neighbourhood, readable on a phone or folded in a pocket.

Each person is a small card (name, partner and role, the phone number in large bold type, e-mail, when they
can be reached), two cards side by side; the key contacts come first, by domain, then everyone else. Every
page names the neighbourhood and the day it was made above its body, so a page on its own still says what it
is and how old.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from teamlead.i18n import tr
from teamlead.reports import pdf, scripts
from teamlead.reports.pocket import PocketContact, PocketGroup, PocketPage, reach_words, stand
from teamlead.reports.safety import pdf_plain_lines

PHONE_SIZE = 14.5
"""Points: a number read at arm's length at night (the interface asks at least 14)."""
COLUMNS = 2
GUTTER = 4 * mm
CARD_WIDTH = (pdf.CONTENT_WIDTH - GUTTER) / COLUMNS
LEFT_PADDING = 7
RIGHT_PADDING = 4 + GUTTER / 2
INNER_WIDTH = CARD_WIDTH - LEFT_PADDING - RIGHT_PADDING + GUTTER / 2
"""Points of text a card's line has."""
KEY_BAR = 2.2
"""Points: the accent bar beside a key contact's card."""


@cache
def _styles() -> dict[str, ParagraphStyle]:
    body = pdf.styles()["body"]
    return {
        "name": ParagraphStyle(
            "pocket-name", parent=body, fontName=pdf.FONT_BOLD, fontSize=10.5, leading=12.5
        ),
        "meta": ParagraphStyle("pocket-meta", parent=body, fontSize=8, leading=9.5, textColor=pdf.MUTED),
        "phone": ParagraphStyle(
            "pocket-phone", parent=body, fontName=pdf.FONT_BOLD, fontSize=PHONE_SIZE, leading=PHONE_SIZE * 1.2
        ),
        "email": ParagraphStyle("pocket-email", parent=body, fontSize=8.5, leading=10),
        "reach": ParagraphStyle("pocket-reach", parent=body, fontSize=8, leading=10, textColor=pdf.ACCENT),
        "place": ParagraphStyle("pocket-place", parent=body, fontName=pdf.FONT_BOLD, fontSize=12, leading=15),
    }


def _para(text: str, style: str) -> Paragraph:
    chosen = _styles()[style]
    return Paragraph(scripts.markup("\n".join(pdf_plain_lines(text)), chosen.fontName), chosen)


def _card(contact: PocketContact) -> list[Flowable]:
    """One contact's lines, top to bottom; a partner without people shows its own name and number."""
    parts: list[Flowable] = [_para(contact.name or contact.partner, "name")]
    meta = " · ".join(part for part in (contact.partner if contact.name else "", contact.role) if part)
    if meta:
        parts.append(_para(meta, "meta"))
    parts.append(_para(contact.phone or tr("no phone number"), "phone" if contact.phone else "meta"))
    if contact.email:
        email = _styles()["email"]  # broken after @ . - rather than anywhere:
        parts.append(_para(pdf.wrap_text(contact.email, INNER_WIDTH, email.fontSize), "email"))
    reach = reach_words(contact)
    if reach:
        parts.append(_para(tr("Reachable: {windows}", windows=reach), "reach"))
    return parts


def _grid(group: PocketGroup) -> Table:
    """The group's cards, two to a row; a row never breaks across pages."""
    contacts = list(group.contacts)
    rows: list[list[object]] = []
    for start in range(0, len(contacts), COLUMNS):
        row: list[object] = [_card(contact) for contact in contacts[start : start + COLUMNS]]
        rows.append(row + [""] * (COLUMNS - len(row)))
    widths = [CARD_WIDTH + GUTTER / 2, CARD_WIDTH + GUTTER / 2]
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    style: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), LEFT_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), RIGHT_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, pdf.GRID),
    ]
    for index, contact in enumerate(contacts):
        cell = (index % COLUMNS, index // COLUMNS)
        if contact.key:
            style.append(("LINEBEFORE", cell, cell, KEY_BAR, pdf.ACCENT))
    table.setStyle(TableStyle(style))
    return table


def _section(title: str, groups: tuple[PocketGroup, ...]) -> list[Flowable]:
    if not groups:
        return []
    story: list[Flowable] = [pdf.heading(title)]
    for group in groups:
        story += [pdf.heading(group.domain or tr("No domain"), level=2), _grid(group)]
    return story


def write_pocket_pdf(page: PocketPage, target: Path) -> None:
    story: list[Flowable] = [
        pdf.para(f"{page.header.title}: {page.neighbourhood}", "title"),
        _para(f"{page.place} · {stand(page)}", "place"),
        pdf.para(
            tr("Key contacts first, by domain, then the others. It names people: for the district only."),
            "small",
        ),
        pdf.spacer(3),
    ]
    if not page.contacts():
        nobody = tr("No active partner serving this neighbourhood has a contact person on this day.")
        story.append(pdf.para(nobody, "h2"))
    story += _section(tr("Key contacts"), page.key_contacts)
    story += _section(tr("Other contacts"), page.others)
    pdf.write_pdf(target, page.header, story, running_head=f"{page.place} · {stand(page)}")
