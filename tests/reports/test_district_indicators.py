"""The district report's network section shows each neighbourhood's public figures over the latest four years
up to the period, for both audiences; a neighbourhood's places, history and focus stay out (the sentinels of
:mod:`tests.reports.test_audiences` check every city file for them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamlead.data.database import Database
from teamlead.producing.produce import ReportRequest, produce
from teamlead.reporting.periods import Period
from tests.reporting.seed import Q3_FROM, Q3_TO, SENTINELS, Seeded
from tests.reports.readback import pdf_text, sheet_rows

Q3 = Period(Q3_FROM, Q3_TO)


@pytest.mark.parametrize("audience", ["city", "district"])
def test_the_figures_of_the_latest_four_years_are_in_both_files(
    seeded_sqlite: tuple[Database, Seeded], tmp_path: Path, audience: str
) -> None:
    database, _seeded = seeded_sqlite
    pdf = produce(database, ReportRequest("district", tmp_path / "nw.pdf", Q3, audience, "Nieuw-West"))
    workbook = produce(database, ReportRequest("district", tmp_path / "nw.xlsx", Q3, audience, "Nieuw-West"))
    assert sheet_rows(workbook, "Indicators") == [
        ("Neighbourhood", "Indicator", "2022", "2024", "2025", "2026"),
        ("Geuzenveld", "Veiligheidsindex", 102, 88.5, 81, 79),
        ("Slotervaart", "Schoolverzuim (%)", None, None, None, 4.2),
    ]
    text = " ".join(pdf_text(pdf).split())
    section = text.split("Outcome figures per neighbourhood", 1)[1]
    assert "2022 2024 2025 2026" in section
    assert "Geuzenveld Veiligheidsindex 102.0 88.5 81.0 79.0" in section
    assert "Slotervaart Schoolverzuim (%) 4.2" in section
    assert "2027" not in section.split("Network map", 1)[0]
    if audience == "city":
        leaked = {field: value for field, value in SENTINELS.items() if value in text}
        assert leaked == {}


def test_a_district_without_figures_shows_no_section(
    seeded_sqlite: tuple[Database, Seeded], tmp_path: Path
) -> None:
    database, _seeded = seeded_sqlite
    pdf = produce(database, ReportRequest("district", tmp_path / "west.pdf", Q3, "city", "West"))
    assert "Outcome figures per neighbourhood" not in pdf_text(pdf)
    workbook = produce(database, ReportRequest("district", tmp_path / "west.xlsx", Q3, "city", "West"))
    assert sheet_rows(workbook, "Indicators") == [("Neighbourhood", "Indicator")]
