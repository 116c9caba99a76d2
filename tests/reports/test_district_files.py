"""The district report's files, read back: the Summary sheet per the interface, the PDF's text and fonts."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from teamlead.data.database import Database
from teamlead.i18n import set_language
from teamlead.producing.produce import ReportRequest, produce
from teamlead.reporting.periods import Period
from tests.reporting.conftest import MADE_AT
from tests.reporting.seed import EXPECTED_Q3, Q3_FROM, Q3_TO, UNSAFE, Seeded
from tests.reports.readback import pdf_fonts, pdf_text, sheet_rows

Q3 = Period(Q3_FROM, Q3_TO)


def _make(database: Database, target: Path, period: Period = Q3) -> Path:
    request = ReportRequest("district", target, period, "city", district="nieuw west")
    return produce(database, request, generated_at=MADE_AT)


def test_summary_sheet_holds_every_key_with_numbers_and_empty_cells(
    seeded_sqlite: tuple[Database, Seeded], tmp_path: Path
) -> None:
    database, _seeded = seeded_sqlite
    path = _make(database, tmp_path / "nieuw-west.xlsx")
    workbook = load_workbook(path)
    assert workbook.sheetnames[:2] == ["Summary", "Trend"]
    rows = sheet_rows(path, "Summary")
    assert rows[0] == ("key", "value")
    values = dict(rows[1:])
    assert values["format_version"] == 2
    assert values["period_complete"] == "true"
    assert (values["period_from"], values["period_to"]) == ("2026-07-01", "2026-09-30")
    assert values["generated_at"] == "2026-10-02T09:30:00+02:00"
    for key, expected in EXPECTED_Q3.items():
        assert values[key] == pytest.approx(expected), key
        assert isinstance(values[key], int | float)
    trend = sheet_rows(path, "Trend")
    assert trend[0] == (
        "key",
        "2024-Q4",
        "2025-Q1",
        "2025-Q2",
        "2025-Q3",
        "2025-Q4",
        "2026-Q1",
        "2026-Q2",
        "2026-Q3",
    )
    assert trend[1] == ("period_complete", *["true"] * 8)
    assert {row[0]: row[-1] for row in trend[1:]}["meetings_held"] == 2
    assert workbook["Trend"]._charts, "the trend sheet has a native chart"
    assert workbook["Summary"].freeze_panes == "A2"


def test_an_empty_period_gives_empty_shares_and_says_so(
    seeded_sqlite: tuple[Database, Seeded], tmp_path: Path
) -> None:
    database, _seeded = seeded_sqlite
    empty = Period(Q3_FROM.replace(year=2019), Q3_TO.replace(year=2019))
    values = dict(sheet_rows(_make(database, tmp_path / "empty.xlsx", empty), "Summary")[1:])
    assert values["partners_contacted_share"] is None
    assert values["agreements_done_on_time_share"] is None
    assert values["contact_moments"] == 0
    text = pdf_text(_make(database, tmp_path / "empty.pdf", empty))
    assert "There is no data for this district in this period." in text


def test_pdf_shows_title_block_figures_and_text_literally_in_dejavu(
    seeded_sqlite: tuple[Database, Seeded], tmp_path: Path
) -> None:
    database, _seeded = seeded_sqlite
    path = _make(database, tmp_path / "nieuw-west.pdf")
    text = pdf_text(path)
    for expected in (
        "District report",
        "Nieuw-West",
        "Period Q3 2026",  # a period as people say it
        "City: about the network",
        "2 Oct 2026 09:30",
        "Page 1 of",
        "Geuzenveld",
        "Slotervaart",
        "Q3 2026",
    ):
        assert expected in text, expected
    assert "Active partners 2" in text
    assert "Share of active partners contacted 50%" in text
    assert "Average attendance (where taken) 1.5" in text
    assert "interim" not in text
    for unsafe in (UNSAFE["markup"], UNSAFE["names"], UNSAFE["formula"], UNSAFE["plus"]):
        assert unsafe in text, unsafe
    assert "Een goed kwartaal." in text
    assert "Korte lijnen" in text
    assert {font.split("+")[-1] for font in pdf_fonts(path)} >= {"DejaVuSans", "DejaVuSans-Bold"}


def test_the_report_speaks_dutch_when_asked(seeded_sqlite: tuple[Database, Seeded], tmp_path: Path) -> None:
    database, _seeded = seeded_sqlite
    set_language("nl")
    try:
        pdf = _make(database, tmp_path / "nl.pdf")
        xlsx = _make(database, tmp_path / "nl.xlsx")
    finally:
        set_language("en")
    text = pdf_text(pdf)
    for dutch in ("Gebiedsrapportage", "Kerncijfers", "Pagina 1 van", "Publiek"):
        assert dutch in text, dutch
    assert "Sociaal" in text
    assert "3e kwartaal 2026" in text
    assert "Gemiddelde opkomst (waar bijgehouden) 1,5" in text  # a decimal comma
    assert sheet_rows(xlsx, "Summary")[0] == ("key", "value")
    assert load_workbook(xlsx).sheetnames[:2] == ["Summary", "Trend"]


def test_an_existing_file_is_replaced_and_no_temporary_file_is_left(
    seeded_sqlite: tuple[Database, Seeded], tmp_path: Path
) -> None:
    database, _seeded = seeded_sqlite
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "report.pdf"
    target.write_text("old report")
    _make(database, target)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in folder.iterdir()] == ["report.pdf"]


def test_a_cancel_before_writing_leaves_no_file(
    seeded_sqlite: tuple[Database, Seeded], tmp_path: Path
) -> None:
    database, _seeded = seeded_sqlite
    steps: list[str] = []

    class StopError(Exception):
        pass

    def progress(done: int, total: int | None, label: str) -> None:
        steps.append(label)
        if done == 1:
            raise StopError

    for kind in ("district", "roster"):
        target = tmp_path / f"{kind}.pdf"
        request = ReportRequest(kind, target, Q3, "city", district="Nieuw-West")
        with pytest.raises(StopError):
            produce(database, request, generated_at=MADE_AT, progress=progress)
        assert not target.exists()
    assert steps[:2] == ["Gathering the data", "Writing the file"]


def test_an_interim_report_says_so_on_its_first_page_and_marks_its_quarter(
    seeded_sqlite: tuple[Database, Seeded], tmp_path: Path
) -> None:
    from datetime import datetime

    from pypdf import PdfReader

    from teamlead.reporting.periods import AMSTERDAM

    database, _seeded = seeded_sqlite
    made_at = datetime(2026, 8, 15, 12, 0, tzinfo=AMSTERDAM)
    paths = {}
    for language, suffix in (("en", ".pdf"), ("en", ".xlsx"), ("nl", ".pdf")):
        set_language(language)
        try:
            request = ReportRequest("district", tmp_path / f"{language}{suffix}", Q3, "city", "nieuw west")
            paths[language, suffix] = produce(database, request, generated_at=made_at)
        finally:
            set_language("en")
    first_page = PdfReader(paths["en", ".pdf"]).pages[0].extract_text()
    assert "Q3 2026 (interim, up to 15 Aug 2026)" in " ".join(first_page.split())
    dutch = " ".join((PdfReader(paths["nl", ".pdf"]).pages[0].extract_text() or "").split())
    assert "3e kwartaal 2026 (tussentijds, tot en met 15 aug 2026)" in dutch
    assert "Q3* 2026" in pdf_text(paths["en", ".pdf"])

    xlsx = paths["en", ".xlsx"]
    summary = load_workbook(xlsx)["Summary"]
    assert [cell.value for cell in summary[1]] == ["key", "value"]  # still two columns
    row = next(row for row in summary.iter_rows(min_row=2) if row[0].value == "period_complete")
    assert row[1].value == "false"
    assert "(interim, up to 15 Aug 2026)" in row[1].number_format
    values = dict(sheet_rows(xlsx, "Summary")[1:])
    assert values["meetings_held"] == 1
    trend = sheet_rows(xlsx, "Trend")
    assert trend[1] == ("period_complete", *["true"] * 7, "false")


def test_a_renamed_default_domain_and_theme_are_printed_by_their_new_names(
    seeded_sqlite: tuple[Database, Seeded], tmp_path: Path
) -> None:
    from sqlalchemy import select

    from teamlead.data.geography import Domain
    from teamlead.data.signals import Theme
    from teamlead.services.geography import rename_domain
    from teamlead.services.signal_lists import rename_theme

    database, _seeded = seeded_sqlite
    with database.begin() as session:  # as Settings renames them: the keys stay
        domain = session.scalars(select(Domain).where(Domain.key == "safety")).one()
        theme = session.scalars(select(Theme).where(Theme.key == "unrest")).one()
        rename_domain(session, domain.id, "Veiligheid en handhaving", expected_version=domain.version)
        rename_theme(session, theme.id, "Onrust op straat", expected_version=theme.version)
    text = pdf_text(_make(database, tmp_path / "nieuw-west.pdf"))
    assert "Active partners: Veiligheid en handhaving" in text
    assert "Signals: Onrust op straat" in text
    assert "Active partners: Safety" not in text
    assert "Signals: Unrest" not in text
    keys = dict(sheet_rows(_make(database, tmp_path / "nieuw-west.xlsx"), "Summary")[1:])
    assert "partners_active_safety" in keys  # the keys stay
    assert "signals_theme_unrest" in keys
