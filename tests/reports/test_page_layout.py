"""The district report reads well on paper: a body of at most eight pages before the appendix (Nieuw-West on the
city demo), every meeting and agreement in that appendix, no heading alone at the foot of a page, no chart
drawing beyond its own box, no word broken inside a table cell."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing

from teamlead.data.database import Database, open_database
from teamlead.producing.produce import ReportRequest, produce
from teamlead.reporting.model import Consolidation, DistrictSummary
from teamlead.reporting.periods import Period
from teamlead.reports import consolidation as city
from teamlead.reports import pdf
from tests.reporting.seed import Q3_FROM, Q3_TO, Seeded
from tests.reports.readback import sheet_rows

CITY_QUARTER = Period(date(2025, 10, 1), date(2025, 12, 31))
BODY_PAGES = 8


@pytest.fixture(scope="session")
def nieuw_west(city_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Nieuw-West's district report on the city demo, as PDF and workbook."""
    folder = tmp_path_factory.mktemp("nieuw-west")
    database = open_database(city_demo)
    try:
        return tuple(  # type: ignore[return-value]
            produce(
                database,
                ReportRequest("district", folder / f"nw{suffix}", CITY_QUARTER, "city", "Nieuw-West"),
            )
            for suffix in (".pdf", ".xlsx")
        )
    finally:
        database.dispose()


def _outline(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, page index) of every entry of the PDF's outline, in order."""
    entries: list[tuple[str, int]] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                entries.append((str(item.title), reader.get_destination_page_number(item)))  # type: ignore[attr-defined]

    walk(reader.outline)
    return entries


def _body_text(page_text: str) -> str:
    """A page's text without its footer (drawn last, from "Teamlead · ")."""
    return " ".join(page_text.rsplit("Teamlead · ", 1)[0].split())


def _no_heading_ends_a_page(path: Path) -> None:
    reader = PdfReader(path)
    pages = [_body_text(page.extract_text() or "") for page in reader.pages]
    for title, page in _outline(reader):
        text = pages[page]
        assert title in text, (title, page)
        assert not text.endswith(" ".join(title.split())), f"{title!r} ends page {page + 1}"


@pytest.mark.slow
def test_nieuw_west_on_the_city_demo_has_a_short_body_and_lists_everything_in_the_appendix(
    nieuw_west: tuple[Path, Path],
) -> None:
    path, workbook = nieuw_west
    reader = PdfReader(path)
    outline = _outline(reader)
    appendix = next(page for title, page in outline if title.startswith("Appendix"))
    assert appendix <= BODY_PAGES, f"the body runs to {appendix} pages"
    counts = {
        re.sub(r" \(\d+\)$", "", title): int(re.findall(r"\((\d+)\)$", title)[0])
        for title, page in outline
        if page >= appendix and re.search(r"\(\d+\)$", title)
    }
    assert counts["Meetings held"] == len(sheet_rows(workbook, "Meetings")) - 1 > 100
    assert counts["Agreements made in this period"] == len(sheet_rows(workbook, "Agreements made")) - 1 > 100
    assert counts["Agreements done in this period"] == len(sheet_rows(workbook, "Agreements done")) - 1
    overdue = len(sheet_rows(workbook, "Agreements overdue")) - 1
    assert counts["Agreements overdue at the end of the period"] == overdue
    _no_heading_ends_a_page(path)


def test_no_heading_stands_alone_at_the_foot_of_a_page(
    seeded_sqlite: tuple[Database, Seeded], tmp_path: Path
) -> None:
    database, _seeded = seeded_sqlite
    path = produce(
        database, ReportRequest("district", tmp_path / "nw.pdf", Period(Q3_FROM, Q3_TO), "city", "nieuw west")
    )
    _no_heading_ends_a_page(path)


def _inside(drawing: Drawing) -> None:
    """Everything the drawing draws (legend, axis labels, title) lies within its own box, so nothing runs into
    the heading or chart next to it."""
    left, bottom, right, top = drawing.getBounds()
    assert left >= -0.5, left
    assert bottom >= -0.5, bottom
    assert right <= drawing.width + 0.5, right
    assert top <= drawing.height + 0.5, top


@pytest.mark.parametrize("districts", [1, 3, 8])
def test_the_city_charts_keep_their_legend_inside_and_below_the_quarters(districts: int) -> None:
    from datetime import UTC, datetime

    from teamlead.reporting.model import ReportHeader

    quarters = tuple(f"2025-Q{q}" for q in range(1, 5))
    made = datetime(2026, 1, 5, tzinfo=UTC)
    consolidation = Consolidation(
        header=ReportHeader(
            "consolidate", "", Period(date(2025, 10, 1), date(2025, 12, 31)), "city", made, "t"
        ),
        districts=tuple(
            DistrictSummary(
                Path(f"{n}.xlsx"),
                f"Stadsdeel met een lange naam {n}",
                "2025-10-01",
                "2025-12-31",
                {},
                quarters,
                {"partners_active": (10, 20, 30, 40 + n)},
            )
            for n in range(districts)
        ),
        keys=("partners_active",),
        totals={"partners_active": 100},
        quarters=quarters,
        generated_at=made,
    )
    drawing = city.chart(consolidation, "partners_active")
    _inside(drawing)
    legend = next(item for item in drawing.contents if type(item).__name__ == "Legend")
    plot = next(item for item in drawing.contents if type(item).__name__ == "HorizontalLineChart")
    assert legend.getBounds()[3] < plot.y - 12  # below the quarters' labels


def test_a_table_cell_breaks_between_words() -> None:
    rows = [["Aisha", "gebiedsmakelaar", "Stichting Jongerenwerk Nieuw-West", "020 555 0101", "a@b.nl"]]
    table = pdf.data_table(
        ["Name", "Role", "Organisation", "Phone", "E-mail"], rows, [28, 12, 34, 22, 50], wrap=(0, 1, 2, 4)
    )
    cells = table._cellvalues[1]
    assert "gebiedsmakelaar" in cells[1].split("\n")
    assert all(word in " ".join(cells[2].split("\n")).split() for word in rows[0][2].split())
    # A word longer than a whole line is cut with a hyphen, never silently.
    assert pdf.wrap_text("Kinderopvangtoeslagaanvraagformulier", 40).split("\n")[0].endswith("-")
