"""Names in every script in a PDF: Arabic joined and right to left, Chinese in a fallback font, and a
visible notice where a font cannot draw a name (before, boxes and reversed, unjoined letters)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import arabic_reshaper
import pytest

from teamlead.reporting.model import ReportHeader
from teamlead.reports import pdf, scripts
from tests.reports.readback import pdf_fonts, pdf_text

ARABIC = "محمد العلوي"
CHINESE = "王伟"
HEADER = ReportHeader(
    "contacts", "Nieuw-West", None, "district", datetime(2026, 3, 2, 9, 0), "1", title="Contacts"
)


def _write(tmp_path: Path, *names: str) -> Path:
    target = tmp_path / "names.pdf"
    story = [pdf.para(name) for name in names]
    story.append(
        pdf.data_table(["Name", "Phone"], [(name, "06 1234 5678") for name in names], [3, 1], wrap=[0])
    )
    pdf.write_pdf(target, HEADER, story)
    return target


def test_arabic_names_are_joined_and_drawn_right_to_left(tmp_path: Path) -> None:
    drawn = scripts.shaped(ARABIC)
    assert drawn != ARABIC  # joined letter forms, in visual order
    assert all(0xFE70 <= ord(c) <= 0xFEFF or c == " " for c in drawn)
    assert drawn.split(" ")[-1][-1] == "ﻣ"  # the first letter of محمد, initial form, at the right end
    text = pdf_text(_write(tmp_path, ARABIC, f"Stichting {ARABIC}"))
    joined = arabic_reshaper.reshape(ARABIC)  # pypdf reads right-to-left runs back in logical order
    assert text.count(joined) == 4  # paragraph and table cell, each name
    assert "Stichting " + joined in text
    assert ARABIC not in text  # the unjoined letters


def test_chinese_names_are_drawn_in_a_fallback_font(tmp_path: Path) -> None:
    if scripts.fallback_font() is None:
        pytest.skip("no CJK fallback font on this computer (CI installs fonts-droid-fallback)")
    path = _write(tmp_path, CHINESE, f"{CHINESE} (Wang Wei)")
    text = pdf_text(path)
    assert text.count(CHINESE) == 4
    assert "[cannot be shown]" not in text
    assert any(font.endswith(scripts.FALLBACK_FONT) or "Droid" in font for font in pdf_fonts(path)), (
        pdf_fonts(path)
    )


def test_where_only_one_font_can_be_used_a_name_it_cannot_draw_reads_as_a_notice() -> None:
    assert scripts.single_font(f"{CHINESE} (Wang Wei)", pdf.FONT) == "[cannot be shown] (Wang Wei)"
    assert scripts.single_font("Şükrü Öztürk", pdf.FONT) == "Şükrü Öztürk"
    assert scripts.single_font(ARABIC, pdf.FONT) == scripts.shaped(ARABIC)


def test_markup_in_another_script_is_still_escaped() -> None:
    assert scripts.markup(f"<b>{CHINESE}</b> & co", pdf.FONT).startswith("&lt;b&gt;")
