"""The common frame of every PDF report: A4, DejaVu Sans embedded, title block, page numbers, table styles.

DejaVu Sans carries every name a Dutch city has (Şükrü Öztürk, Zoë, Nguyễn); reportlab embeds the subset
used, so the PDF shows the same everywhere. The fonts ship with the app (``resources/fonts``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from teamlead.i18n import tr
from teamlead.reporting.model import ReportHeader
from teamlead.reports.safety import pdf_plain, pdf_plain_lines, pdf_text
from teamlead.reports.summary_words import interim_words
from teamlead.resource_files import resource
from teamlead.rules import words
from teamlead.rules.files import atomic_target

FONTS = resource("fonts")
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

INK = colors.HexColor("#1d2733")
ACCENT = colors.HexColor("#004699")  # the city's dark blue
ZEBRA = colors.HexColor("#f5f7fa")
GRID = colors.HexColor("#c9d2de")
GAP = colors.HexColor("#fde3df")
MUTED = colors.HexColor("#5b6776")
WARNING = colors.HexColor("#b3261e")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN


@cache
def register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(FONT, str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12, textColor=INK, alignment=TA_LEFT)
    return {
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5, textColor=MUTED),
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=20, leading=24, textColor=ACCENT
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=16,
            spaceBefore=10,
            spaceAfter=5,
            textColor=ACCENT,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=13,
            spaceBefore=6,
            spaceAfter=3,
        ),
    }


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of user text, shown literally (markup escaped)."""
    return Paragraph(pdf_text(text), styles()[style])


def heading(text: str, level: int = 1) -> Paragraph:
    return Paragraph(pdf_text(text), styles()["h1" if level == 1 else "h2"])


def spacer(height: float = 4) -> Spacer:
    return Spacer(1, height * mm)


def title_block(header: ReportHeader, subtitle: str | None = None) -> list[Flowable]:
    """Report name, then district, period, audience and date made in a small table."""
    rows: list[tuple[str, Paragraph]] = [(tr("District"), para(header.district))]
    if header.period is not None:
        period = pdf_text(f"{header.period.start.isoformat()} – {header.period.end.isoformat()}")
        if header.counted_until is not None:  # a period not over when the report was made: said at once
            interim = pdf_text(f"({interim_words(header.counted_until)})")
            period += f' <b><font color="#{WARNING.hexval()[2:]}">{interim}</font></b>'
        rows.append((tr("Period"), Paragraph(period, styles()["body"])))
    if header.as_of is not None:
        rows.append((tr("Situation on"), para(header.as_of.isoformat())))
    rows.append((tr("Audience"), para(words.audience(header.audience))))
    rows.append((tr("Made on"), para(header.generated_at.strftime("%Y-%m-%d %H:%M"))))
    table = Table(
        [[pdf_plain(label), value] for label, value in rows],
        colWidths=[32 * mm, CONTENT_WIDTH - 32 * mm],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), FONT_BOLD, 9),
                ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, -1), (-1, -1), 1.2, ACCENT),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    flowables: list[Flowable] = [Paragraph(pdf_text(header.title), styles()["title"])]
    if subtitle:
        flowables.append(para(subtitle, "h2"))
    flowables += [spacer(2), table, spacer(5)]
    return flowables


def table_style(header_rows: int = 1) -> list[tuple[Any, ...]]:
    return [
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, 8),
        ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), colors.white),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), ACCENT),
        ("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]


def data_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    wrap: Sequence[int] = (),
    numeric: Sequence[int] = (),
    extra_style: Sequence[tuple[Any, ...]] = (),
) -> LongTable:
    """A table whose header row repeats on every page. Every cell is plain text, which reportlab draws as is
    (never parsed as markup); columns in ``wrap`` are broken into lines here, once, which is several times
    faster than a Paragraph per cell on a report with thousands of rows.
    """
    scale = CONTENT_WIDTH / sum(widths)
    column_widths = [width * scale for width in widths]
    wrapped = {index: column_widths[index] - 2 * CELL_PADDING for index in wrap}
    data: list[list[object]] = [[pdf_plain(header) for header in headers]]
    for row in rows:
        data.append(
            [
                wrap_text(_cell(value), wrapped[index]) if index in wrapped else pdf_plain(_cell(value))
                for index, value in enumerate(row)
            ]
        )
    table = LongTable(data, colWidths=column_widths, repeatRows=1, hAlign="LEFT")
    style = table_style()
    for index in numeric:
        style.append(("ALIGN", (index, 0), (index, -1), "RIGHT"))
    style.extend(extra_style)
    table.setStyle(TableStyle(style))
    return table


CELL_PADDING = 4
CELL_SIZE = 8


@lru_cache(maxsize=65_536)
def _width(word: str, size: float = CELL_SIZE) -> float:
    return float(pdfmetrics.stringWidth(word, FONT, size))


def wrap_text(text: str, width: float, size: float = CELL_SIZE) -> str:
    """``text`` broken into lines that fit ``width`` points (greedy, by words; an over-long word by letters),
    its own line breaks kept, control characters removed."""
    lines: list[str] = []
    space = _width(" ", size)
    for paragraph in pdf_plain_lines(text):
        line: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            needed = _width(word, size)
            if needed > width:
                if line:
                    lines.append(" ".join(line))
                    line, used = [], 0.0
                pieces = _break_long(word, width, size)
                lines.extend(pieces[:-1])
                line, used = [pieces[-1]], _width(pieces[-1], size)
                continue
            if line and used + space + needed > width:
                lines.append(" ".join(line))
                line, used = [], 0.0
            used += (space if line else 0.0) + needed
            line.append(word)
        lines.append(" ".join(line))
    return "\n".join(lines)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def empty_note(text: str) -> Paragraph:
    return para(text, "small")


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no types
    """Draws the footer once the page count is known, so it can say "page 2 of 7"."""

    footer_left = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(total)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        page_width = self._pagesize[0]
        self.saveState()
        self.setStrokeColor(GRID)
        self.setLineWidth(0.5)
        self.line(MARGIN, 12 * mm, page_width - MARGIN, 12 * mm)
        self.setFont(FONT, 7.5)
        self.setFillColor(MUTED)
        self.drawString(MARGIN, 8 * mm, self.footer_left)
        self.drawRightString(
            page_width - MARGIN, 8 * mm, tr("Page {page} of {pages}", page=self._pageNumber, pages=total)
        )
        self.restoreState()


def write_pdf(
    target: Path,
    header: ReportHeader,
    story: list[Flowable],
    pagesize: tuple[float, float] = A4,
) -> None:
    """Lay out ``story`` on pages of ``pagesize`` (A4 unless a picture needs more) with the footer, and write
    it to ``target`` atomically."""
    page_width, page_height = pagesize
    register_fonts()
    period = (
        f" · {header.period.start.isoformat()} – {header.period.end.isoformat()}" if header.period else ""
    )
    footer = pdf_plain(f"Teamlead · {header.title} · {header.district}{period}")

    class Footed(_NumberedCanvas):
        footer_left = footer

    story = _no_orphan_headings(story)
    with atomic_target(target) as temporary:
        document = BaseDocTemplate(
            str(temporary),
            pagesize=pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=18 * mm,
            title=f"{header.title} – {header.district}",
            author="Teamlead",
            creator=f"Teamlead {header.teamlead_version}",
        )
        frame = Frame(MARGIN, 18 * mm, page_width - 2 * MARGIN, page_height - MARGIN - 18 * mm, id="body")
        document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        document.build(story, canvasmaker=Footed)


def _break_long(word: str, width: float, size: float) -> list[str]:
    """Pieces of a word too long for a line: after ``@ . - /`` where possible (e-mail addresses, web
    addresses, double names), else letter by letter."""
    parts = [part for part in re.split(r"(?<=[@./\-])", word) if part]
    pieces: list[str] = []
    chunk = ""
    for part in parts:
        if chunk and _width(chunk + part, size) <= width:
            chunk += part
            continue
        if chunk:
            pieces.append(chunk)
        chunk = ""
        for letter in part if _width(part, size) > width else [part]:
            if chunk and _width(chunk + letter, size) > width:
                pieces.append(chunk)
                chunk = ""
            chunk += letter
    pieces.append(chunk)
    return pieces


def _no_orphan_headings(story: list[Flowable]) -> list[Flowable]:
    """A heading never ends a page: when little room is left, it starts the next one.

    (reportlab's ``keepWithNext`` would move a heading together with a table longer than a page, leaving
    an empty page behind; a conditional page break does not.)
    """
    result: list[Flowable] = []
    for flowable in story:
        if isinstance(flowable, Paragraph) and flowable.style.name in ("h1", "h2"):
            result.append(CondPageBreak(30 * mm if flowable.style.name == "h1" else 22 * mm))
        result.append(flowable)
    return result
