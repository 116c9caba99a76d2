"""Making user text safe for the two formats: reportlab's mini-markup and Excel's cells.

Text in Teamlead is written by people (partner names, agreement texts, narratives), so a report must show it
exactly as written: ``a<b & c>d`` or ``<img src=x>`` literally in a PDF, never as markup, and
``=HYPERLINK(...)`` as text in a workbook, never as a formula.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

EXCEL_CELL_LIMIT = 32_767
CUT_MARK = " […]"
"""Appended where a text was cut to fit a cell, so a reader sees that something is missing."""

# The control characters the XML in an .xlsx file cannot hold (tab, line feed and carriage return can).
_EXCEL_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PDF_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def pdf_text(text: str) -> str:
    """``text`` for a reportlab Paragraph: markup characters escaped, line breaks kept, control codes gone."""
    cleaned = _PDF_FORBIDDEN.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return escape(cleaned).replace("\n", "<br/>")


def pdf_plain(text: str) -> str:
    """``text`` for a plain table cell or a canvas string (not parsed as markup): control codes gone."""
    return _PDF_FORBIDDEN.sub("", text).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def pdf_plain_lines(text: str) -> list[str]:
    """``text`` as plain lines for a canvas or table cell: its own line breaks kept, control codes gone."""
    return _PDF_FORBIDDEN.sub("", text).replace("\r\n", "\n").replace("\r", "\n").split("\n")


def excel_text(text: str) -> str:
    """``text`` as a cell can hold it: forbidden control characters removed, cut with a mark if too long."""
    if _EXCEL_FORBIDDEN.search(text):
        text = _EXCEL_FORBIDDEN.sub("", text)
    if len(text) > EXCEL_CELL_LIMIT:
        text = text[: EXCEL_CELL_LIMIT - len(CUT_MARK)] + CUT_MARK
    return text


def looks_like_formula(text: str) -> bool:
    """Whether Excel (or a program reading the file) could take ``text`` for a formula when edited."""
    return text.startswith(_FORMULA_START)


def needs_care(text: str) -> bool:
    """Quick test for the export's hot loop: does this string need :func:`excel_text` or text marking?"""
    return (
        text.startswith(_FORMULA_START)
        or len(text) > EXCEL_CELL_LIMIT
        or _EXCEL_FORBIDDEN.search(text) is not None
    )
