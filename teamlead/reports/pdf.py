"""The common frame of every PDF report: A4, DejaVu Sans embedded, title block, page numbers, table styles.

DejaVu Sans carries most names a Dutch city has (Şükrü Öztürk, Zoë, Nguyễn, محمد once shaped); reportlab
embeds the subset used, so the PDF shows the same everywhere. The fonts ship with the app
(``resources/fonts``); scripts DejaVu lacks (Chinese, Japanese, Korean) are drawn in a fallback font
from the computer, or replaced by a visible notice (:mod:`teamlead.reports.scripts`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
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
from teamlead.reports import scripts
from teamlead.reports.pdf_layout import Heading, keep_headings_with_next
from teamlead.reports.safety import pdf_plain, pdf_plain_lines, pdf_text
from teamlead.reports.summary_words import interim_words
from teamlead.resource_files import resource
from teamlead.rules import formatting, words
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
    """A paragraph of user text, shown literally (markup escaped), in any script (:mod:`.scripts`)."""
    chosen = styles()[style]
    return Paragraph(scripts.markup("\n".join(pdf_plain_lines(text)), chosen.fontName), chosen)


def heading(text: str, level: int = 1) -> Paragraph:
    """A heading, in any script: kept with what follows it, and an entry in the PDF's outline."""
    return _heading(text, "h1" if level == 1 else "h2")


def _heading(text: str, style: str) -> Heading:
    chosen = styles()[style]
    return Heading(scripts.markup("\n".join(pdf_plain_lines(text)), chosen.fontName), chosen, pdf_plain(text))


def spacer(height: float = 4) -> Spacer:
    return Spacer(1, height * mm)


def title_block(header: ReportHeader, subtitle: str | None = None) -> list[Flowable]:
    """Report name, then district, period, audience and date made in a small table."""
    rows: list[tuple[str, Paragraph]] = [(tr("District"), para(header.district))]
    if header.period is not None:
        period = pdf_text(formatting.period_name(header.period.start, header.period.end))
        if header.counted_until is not None:  # a period not over when the report was made: said at once
            interim = pdf_text(f"({interim_words(header.counted_until)})")
            period += f' <b><font color="#{WARNING.hexval()[2:]}">{interim}</font></b>'
        rows.append((tr("Period"), Paragraph(period, styles()["body"])))
    if header.as_of is not None:
        rows.append((tr("Situation on"), para(formatting.day_text(header.as_of))))
    rows.append((tr("Audience"), para(words.audience(header.audience))))
    rows.append((tr("Made on"), para(formatting.moment_text(header.generated_at))))
    table = facts_table(rows, rule_below=True, bottom_padding=2)
    flowables: list[Flowable] = [_heading(header.title, "title")]
    if subtitle:
        flowables.append(para(subtitle, "h2"))
    flowables += [spacer(2), table, spacer(5)]
    return flowables


def facts_table(
    rows: Sequence[tuple[str, str | Paragraph]],
    *,
    label_width: float = 32 * mm,
    rule_below: bool = False,
    bottom_padding: float = 1,
) -> Table:
    """Labels in muted bold beside their values, as every report's head shows its facts (district, period,
    when, where); a text value is escaped and wrapped, a :class:`Paragraph` taken as it is."""
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (0, -1), FONT_BOLD, 9),
        ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom_padding),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]
    if rule_below:
        style.append(("LINEBELOW", (0, -1), (-1, -1), 1.2, ACCENT))
    table = Table(
        [[pdf_plain(label), para(value) if isinstance(value, str) else value] for label, value in rows],
        colWidths=[label_width, CONTENT_WIDTH - label_width],
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(style))
    return table


CELL_PADDING = 4
CELL_SIZE = 8


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
    header_size: float = CELL_SIZE,
    size: float = CELL_SIZE,
) -> LongTable:
    """A table whose header row repeats on every page. Every cell is plain text, which reportlab draws as is
    (never parsed as markup); columns in ``wrap`` are broken into lines here, once, which is several times
    faster than a Paragraph per cell on a report with thousands of rows. Lines break between words: a column
    too narrow for its longest word (or a header's) is widened at the expense of columns with room to spare.
    """
    texts = [[_cell(value) for value in row] for row in rows]
    column_widths = fit_widths(headers, texts, widths, wrap, header_size, size)
    wrapped = {index: column_widths[index] - 2 * CELL_PADDING for index in wrap}
    data: list[list[object]] = [
        [
            wrap_text(header, column_widths[index] - 2 * CELL_PADDING, size=header_size, font=FONT_BOLD)
            for index, header in enumerate(headers)
        ]
    ]
    for row in texts:
        cells: list[object] = []
        for index, text in enumerate(row):
            if scripts.needs_care(text, FONT):  # another script: a paragraph can mix fonts and wraps itself
                cells.append(para(text, "cell"))
            else:
                cells.append(wrap_text(text, wrapped[index], size) if index in wrapped else pdf_plain(text))
        data.append(cells)
    table = LongTable(data, colWidths=column_widths, repeatRows=1, hAlign="LEFT")
    style = table_style()
    for index in numeric:
        style.append(("ALIGN", (index, 0), (index, -1), "RIGHT"))
    style.extend(extra_style)
    table.setStyle(TableStyle(style))
    return table


def fit_widths(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    wrap: Sequence[int] = (),
    header_size: float = CELL_SIZE,
    size: float = CELL_SIZE,
) -> list[float]:
    """Column widths in points from the relative ``widths``, each widened where needed to hold its longest word
    (a column not wrapped: its longest text), taking the room from columns that have more than they need."""
    register_fonts()
    scale = CONTENT_WIDTH / sum(widths)
    given = [width * scale for width in widths]
    needed = []
    for index, header in enumerate(headers):
        words_of = (lambda text: text.split()) if index in wrap else (lambda text: [text])
        longest = max((_width(word, size) for row in rows for word in words_of(row[index])), default=0.0)
        longest = max(longest, *(_width(word, header_size, FONT_BOLD) for word in header.split() or [""]))
        needed.append(min(longest + 2 * CELL_PADDING + 0.5, CONTENT_WIDTH / 2))
    short = sum(max(0.0, need - width) for need, width in zip(needed, given, strict=True))
    spare = sum(max(0.0, width - need) for need, width in zip(needed, given, strict=True))
    if short <= 0 or spare <= 0:
        return given
    take = min(1.0, short / spare)
    grow = min(1.0, spare / short)
    return [
        width + (need - width) * grow if need > width else width - (width - need) * take
        for need, width in zip(needed, given, strict=True)
    ]


@lru_cache(maxsize=65_536)
def _width(word: str, size: float = CELL_SIZE, font: str = FONT) -> float:
    return float(pdfmetrics.stringWidth(word, font, size))


def wrap_text(text: str, width: float, size: float = CELL_SIZE, font: str = FONT) -> str:
    """``text`` broken into lines that fit ``width`` points (greedy, by words; a word longer than a whole line
    by letters, with a hyphen), its own line breaks kept, control characters removed."""
    register_fonts()
    lines: list[str] = []
    space = _width(" ", size, font)
    for paragraph in pdf_plain_lines(text):
        line: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            needed = _width(word, size, font)
            if needed > width:
                if line:
                    lines.append(" ".join(line))
                    line, used = [], 0.0
                pieces = _break_long(word, width, size, font)
                lines.extend(pieces[:-1])
                line, used = [pieces[-1]], _width(pieces[-1], size, font)
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
    if isinstance(value, datetime):
        return formatting.moment_cell(value)
    if isinstance(value, date):
        return formatting.day_cell(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return formatting.number(value)
    return str(value)


def empty_note(text: str) -> Paragraph:
    return para(text, "small")


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no types
    """Draws the footer once the page count is known, so it can say "page 2 of 7".

    Pages are only written out at the end, so the outline's bookmarks of a page are kept with it and made then,
    when the page they point to is the one being written.
    """

    footer_left = ""
    running_head = ""
    """Drawn above the body of every page but the first (whose title says it) when set: the pocket page's
    place and date, so a page on its own still says what it is and how old."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._page_marks: list[list[tuple[str, tuple[Any, ...], dict[str, Any]]]] = []
        self._marks: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def bookmarkPage(self, *args: Any, **kwargs: Any) -> None:  # noqa: N802 - reportlab's name
        self._marks.append(("bookmarkPage", args, kwargs))

    def addOutlineEntry(self, *args: Any, **kwargs: Any) -> None:  # noqa: N802 - reportlab's name
        self._marks.append(("addOutlineEntry", args, kwargs))

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._page_marks.append(self._marks)
        self._marks = []
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state, marks in zip(self._pages, list(self._page_marks), strict=True):
            self.__dict__.update(state)
            self._footer(total)
            for name, args, kwargs in marks:
                getattr(super(), name)(*args, **kwargs)
            super().showPage()
        if any(self._page_marks):
            self.showOutline()
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
        if self.running_head and self._pageNumber > 1:
            self.setFont(FONT_BOLD, 9)
            self.setFillColor(ACCENT)
            self.drawString(MARGIN, self._pagesize[1] - 11 * mm, self.running_head)
        self.restoreState()


def write_pdf(
    target: Path,
    header: ReportHeader,
    story: list[Flowable],
    pagesize: tuple[float, float] = A4,
    running_head: str = "",
) -> None:
    """Lay out ``story`` on pages of ``pagesize`` (A4 unless a picture needs more) with the footer (and
    ``running_head`` above the body of every page after the first, when given), and write it to ``target`` atomically."""
    page_width, page_height = pagesize
    register_fonts()
    period = f" · {formatting.period_name(header.period.start, header.period.end)}" if header.period else ""
    footer = scripts.single_font(pdf_plain(f"Teamlead · {header.title} · {header.district}{period}"), FONT)

    head = scripts.single_font(pdf_plain(running_head), FONT_BOLD)

    class Footed(_NumberedCanvas):
        footer_left = footer
        running_head = head

    story = keep_headings_with_next(story)
    # reportlab writes into a file it opens itself and leaves open when the write fails (a full disk): ours
    # is closed however the build ends.
    with atomic_target(target) as temporary, temporary.open("wb") as handle:
        document = BaseDocTemplate(
            handle,
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


def _break_long(word: str, width: float, size: float, font: str = FONT) -> list[str]:
    """Pieces of a word too long for a line: after ``@ . - /`` where possible (e-mail addresses, web
    addresses, double names), else letter by letter with a hyphen at the break."""
    parts = [part for part in re.split(r"(?<=[@./\-])", word) if part]
    pieces: list[str] = []
    chunk = ""
    for part in parts:
        if chunk and _width(chunk + part, size, font) <= width:
            chunk += part
            continue
        if chunk:
            pieces.append(chunk)
        chunk = ""
        for letter in part if _width(part, size, font) > width else [part]:
            if chunk and _width(chunk + letter + "-", size, font) > width:
                pieces.append(chunk + "-" if chunk[-1].isalnum() else chunk)
                chunk = ""
            chunk += letter
    pieces.append(chunk)
    return pieces
