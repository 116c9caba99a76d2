"""`teamlead report network` on the district demo: every format read back as a reader would, the same picture
twice, the readability the issue measures, and the map page of the district report.

The demo (Nieuw-West, about 300 partners, today 2026-03-02) is made once for the module; its last full quarter
is 2025-Q4.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import String, cast, literal, update

from teamlead.cli import main
from teamlead.data.backup import backup_sqlite
from teamlead.data.database import Database, open_database
from teamlead.data.models import (
    AgreementStatusChange,
    Meeting,
    Neighbourhood,
    NeighbourhoodEvent,
    Note,
    Person,
    Place,
    Role,
)
from teamlead.demo import generate_demo
from teamlead.producing import gathering
from teamlead.producing.produce import ReportRequest
from teamlead.reporting.model import NetworkMap
from teamlead.reporting.periods import AMSTERDAM, Period
from teamlead.reports.network.graph import PER_NODE, drawn_graph
from teamlead.reports.network.picture import picture
from teamlead.reports.network.png import MARGIN, scale_for
from tests.reporting.seed import SENTINELS
from tests.reports.readback import pdf_text, workbook_xml

TODAY = date(2026, 3, 2)
Q4 = ("--from", "2025-10-01", "--to", "2025-12-31")
PERIOD = Period(date(2025, 10, 1), date(2025, 12, 31))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("network") / "demo.sqlite3"
    database = open_database(path)
    try:
        generate_demo(database, "district", seed=1, today=TODAY)
    finally:
        database.dispose()
    return path


def run(db: Path, *args: str) -> int:
    return main(["--database", str(db), *args])


def gathered(db: Path, audience: str) -> NetworkMap:
    database: Database = open_database(db)
    try:
        request = ReportRequest("network", Path("map.svg"), PERIOD, audience)
        with database.session() as session:
            made = datetime(2026, 3, 2, 9, 0, tzinfo=AMSTERDAM)
            return gathering.network(session, request, made)
    finally:
        database.dispose()


@pytest.mark.parametrize("audience", ["city", "district"])
def test_every_format_is_written_and_reads_back(demo: Path, tmp_path: Path, audience: str) -> None:
    network = gathered(demo, audience)
    linked = {node.name for node in drawn_graph(network).linked}
    assert len(linked) > 50
    for suffix in (".pdf", ".png", ".svg", ".xlsx"):
        target = tmp_path / f"map{suffix}"
        assert run(demo, "report", "network", *Q4, "--audience", audience, "-o", str(target)) == 0

    text = pdf_text(tmp_path / "map.pdf")
    assert "Network map" in text
    assert len(PdfReader(tmp_path / "map.pdf").pages) == 1
    assert all(name in text for name in sorted(linked)[:20])

    layout = picture(network)
    scale = scale_for(layout)
    with Image.open(tmp_path / "map.png") as image:
        assert image.format == "PNG"
        assert image.size == (
            round((layout.width + 2 * MARGIN) * scale),
            round((layout.height + 2 * MARGIN) * scale),
        )

    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert svg.startswith("<?xml")
    assert all(f">{name}</text>" in svg for name in linked if "&" not in name and "<" not in name)

    workbook = load_workbook(tmp_path / "map.xlsx")
    rows = list(workbook[workbook.sheetnames[1]].iter_rows(values_only=True))
    assert rows[0][:3] == ("Organisation", "Organisation", "Weight")
    assert len(rows) - 1 == len(network.links)
    by_names = {node.id: node.name for node in network.nodes}
    strongest = max(network.links, key=lambda link: (link.weight, -link.source, -link.target))
    assert rows[1][2] == pytest.approx(strongest.weight)
    assert {rows[1][0], rows[1][1]} == {by_names[strongest.source], by_names[strongest.target]}


def test_the_same_data_give_the_same_svg_twice(demo: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first.svg", tmp_path / "second.svg"
    assert run(demo, "report", "network", *Q4, "--audience", "district", "-o", str(first)) == 0
    assert run(demo, "report", "network", *Q4, "--audience", "district", "-o", str(second)) == 0
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("audience", ["city", "district"])
def test_readable_on_the_district_demo_last_quarter(demo: Path, audience: str) -> None:
    """The issue's measures: drawn links at most 3 × partners, and no name over another."""
    network = gathered(demo, audience)
    graph = drawn_graph(network)
    layout = picture(network)
    assert len(layout.strokes) == len(graph.links) <= PER_NODE * len(graph.nodes)
    assert len(layout.label_boxes()) >= len(graph.nodes)
    assert layout.overlapping_labels() == []
    names = [label for label in layout.labels if label.node_id is not None]
    assert sorted(label.node_id for label in names) == sorted(node.id for node in graph.nodes)
    apart = [dot for dot in layout.dots if dot.apart]
    assert {dot.node.id for dot in apart if dot.node is not None} == graph.isolated
    lowest_linked = max(dot.y for dot in layout.dots if dot.node is not None and not dot.apart)
    assert all(dot.y > lowest_linked for dot in apart)  # isolated partners stand apart, below the map


def test_the_district_report_has_the_map_on_one_page(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "district.pdf"
    assert run(demo, "report", "district", *Q4, "-o", str(target)) == 0
    pages = [page.extract_text() or "" for page in PdfReader(target).pages]
    with_map = [index for index, page in enumerate(pages) if page.startswith("Network map")]
    assert len(with_map) == 1
    page = pages[with_map[0]]
    assert "Without a drawn link in this period" in page
    network = gathered(demo, "city")
    assert all(node.name in " ".join(page.split()) for node in drawn_graph(network).linked[:10])
    assert "Trend over eight quarters" not in page
    assert sum("Without a drawn link" in other for other in pages) == 1


@pytest.fixture
def demo_with_sentinels(demo: Path, tmp_path: Path) -> Path:
    """A copy of the demo whose every personal field and every note text is a sentinel."""
    path = tmp_path / "sentinels.sqlite3"
    backup_sqlite(demo, path)
    database = open_database(path)
    try:
        with database.begin() as session:
            session.execute(
                update(Person).values(
                    name=SENTINELS["person name"],
                    phone=SENTINELS["person phone"],
                    email=SENTINELS["person email"],
                    remarks=SENTINELS["person remarks"],
                )
            )
            session.execute(update(Role).values(title=SENTINELS["person role"]))
            session.execute(update(Note).values(text=SENTINELS["note text"]))
            session.execute(update(Meeting).values(minutes=SENTINELS["note text"]))
            session.execute(update(AgreementStatusChange).values(comment=SENTINELS["status comment"]))
            session.execute(
                update(Place).values(
                    name=literal(SENTINELS["place name"] + " ") + cast(Place.id, String),
                    address=SENTINELS["place address"],
                )
            )
            session.execute(update(NeighbourhoodEvent).values(text=SENTINELS["history"]))
            session.execute(update(Neighbourhood).values(focus=SENTINELS["focus"]))
    finally:
        database.dispose()
    return path


@pytest.mark.parametrize("audience", ["city", "district"])
def test_the_files_name_organisations_and_no_person_or_note(
    demo_with_sentinels: Path, tmp_path: Path, audience: str
) -> None:
    texts = {}
    for suffix in (".svg", ".pdf", ".xlsx"):
        target = tmp_path / f"map{suffix}"
        args = ("report", "network", *Q4, "--audience", audience, "-o", str(target))
        assert run(demo_with_sentinels, *args) == 0
        if suffix == ".svg":
            texts[suffix] = target.read_text(encoding="utf-8")
        elif suffix == ".pdf":
            texts[suffix] = pdf_text(target)
        else:
            texts[suffix] = workbook_xml(target)
    linked = drawn_graph(gathered(demo_with_sentinels, audience)).linked
    for suffix, text in texts.items():
        assert sum(node.name in text for node in linked) > 50, suffix
        leaked = {field: value for field, value in SENTINELS.items() if value in text}
        assert leaked == {}, suffix
