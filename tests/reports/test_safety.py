"""User text comes out of every file as written: no markup in PDFs, no formulas in workbooks, any script."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from teamlead.data.database import Database
from teamlead.producing.produce import ReportRequest, produce
from teamlead.reporting.model import ReportHeader, Roster, RosterEntry
from teamlead.reporting.periods import AMSTERDAM, Period
from teamlead.reports import lists_pdf, lists_xlsx
from teamlead.reports.safety import CUT_MARK, EXCEL_CELL_LIMIT, excel_text, pdf_text
from tests.reporting.seed import Q3_FROM, Q3_TO, UNSAFE, Seeded
from tests.reports.readback import pdf_fonts
from tests.reports.readback import pdf_text as read_pdf

Q3 = Period(Q3_FROM, Q3_TO)
HEADER = ReportHeader("roster", "Zuidoost", None, "district", datetime(2026, 10, 1, tzinfo=AMSTERDAM), "0.1.0",
                      as_of=date(2026, 10, 1))  # fmt: skip


def _roster(*names: str) -> Roster:
    return Roster(
        HEADER,
        tuple(
            RosterEntry(name, "Social", "Bijlmer-Oost", "Zuidoost", name, "", "", None, ()) for name in names
        ),
    )


@pytest.mark.parametrize("kind", ["district", "agreements"])
def test_formula_like_text_stays_text_in_workbooks(
    seeded_sqlite: tuple[Database, Seeded], tmp_path: Path, kind: str
) -> None:
    database, _seeded = seeded_sqlite
    target = tmp_path / f"{kind}.xlsx"
    produce(database, ReportRequest(kind, target, Q3, "city", district="Nieuw-West"))
    cells = [cell for sheet in load_workbook(target) for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    values = {cell.value for cell in cells}
    for key in ("formula", "plus", "at", "minus", "markup"):
        assert UNSAFE[key] in values, key


def test_markup_and_scripts_are_shown_literally_in_every_pdf_with_fonts_embedded(tmp_path: Path) -> None:
    names = ("a<b & c>d", "<img src=x.png/>", "Şükrü Öztürk", "Zoë", "Nguyễn", "<b>niet vet</b>")
    target = tmp_path / "roster.pdf"
    lists_pdf.write_roster(_roster(*names), target)
    text = read_pdf(target)
    for name in names:
        assert name in text, name
    assert any(font.endswith("DejaVuSans") for font in pdf_fonts(target))


def test_control_characters_are_removed_and_long_text_is_cut_visibly(tmp_path: Path) -> None:
    target = tmp_path / "roster.xlsx"
    long_text = "x" * (EXCEL_CELL_LIMIT + 10)
    lists_xlsx.write_roster(
        _roster("bell\x07 and null\x00 gone", "\ttab first", "\rreturn first", long_text), target
    )
    values = [row[0] for row in load_workbook(target).worksheets[1].iter_rows(min_row=2, values_only=True)]
    assert values[0] == "bell and null gone"
    assert values[1] == "\ttab first"
    assert values[2].strip() == "return first"  # XML reads a lone CR back as a line feed
    assert len(values[3]) == EXCEL_CELL_LIMIT
    assert values[3].endswith(CUT_MARK)


def test_pdf_text_escapes_markup_and_keeps_line_breaks() -> None:
    assert pdf_text("a<b & c>d\nnext") == "a&lt;b &amp; c&gt;d<br/>next"
    assert excel_text("ok\x1b") == "ok"
