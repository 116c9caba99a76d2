"""The district report's signal figures: by their definitions (SQLite and PostgreSQL), equal to counts made
straight from the tables on the district demo, and never a word of a signal in any district report."""

from __future__ import annotations

import inspect
import sqlite3
import statistics
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from teamlead.cli import main
from teamlead.data.database import Database, open_database
from teamlead.data.models import District
from teamlead.reporting import signals
from teamlead.reporting.district import gather_district_report
from teamlead.reporting.districts import DistrictRef
from teamlead.reporting.periods import Period
from teamlead.reporting.summary_keys import THEME_PREFIX
from tests.reporting.seed import Q3_FROM, Q3_TO, Seeded
from tests.reporting.signal_rounds_seed import EXPECTED, OWN_KEY, OWN_THEME, SENTINEL, log_rounds
from tests.reports.readback import pdf_text, sheet_rows, workbook_xml

DEMO_TODAY = "2026-11-23"
Q3 = ["--from", Q3_FROM.isoformat(), "--to", Q3_TO.isoformat()]
MADE_AT = datetime(2026, 12, 1, 9, tzinfo=UTC)


def _signal_figures(summary: tuple[tuple[str, object], ...] | dict[str, object]) -> dict[str, object]:
    values = dict(summary)
    return {key: values[key] for key in values if str(key).startswith("signals")}


def test_each_signal_figure_follows_its_definition(database: Database, seeded: Seeded) -> None:
    """The hand-checked network, which has no signal of its own in Nieuw-West's Q3, plus the rounds."""
    with database.begin() as session:
        west = session.scalar(select(District.id).where(District.name == "West"))
        assert west is not None
        log_rounds(session, west)
    with database.session() as session:
        report = gather_district_report(
            session, DistrictRef(west, "West"), Period(Q3_FROM, Q3_TO), "district", MADE_AT
        )
    figures = _signal_figures(report.summary)
    assert figures == pytest.approx(EXPECTED)
    keys = [key for key, _value in report.summary if key.startswith(THEME_PREFIX)]
    assert keys[-2:] == ["signals_theme_other", f"signals_theme_{OWN_KEY}"]
    table = report.signals
    assert table is not None
    assert table.themes[-1] == OWN_THEME
    assert table.quarters[-1] == "2026-Q3"
    assert [counts[-1] for counts in table.by_quarter] == [figures[key] for key in keys]
    assert table.signals_by_quarter[-1] == 7
    # Q2 holds the signal that came in on 28 June.
    assert table.by_quarter[0][-2] == 1
    by_theme = [sum(row[index] for row in table.by_neighbourhood) for index in range(len(table.themes))]
    assert by_theme == [figures[key] for key in keys]


def test_the_city_audience_gets_no_signals_by_neighbourhood(database: Database, seeded: Seeded) -> None:
    with database.begin() as session:
        west = session.scalar(select(District.id).where(District.name == "West"))
        assert west is not None
        log_rounds(session, west)
    with database.session() as session:
        report = gather_district_report(
            session, DistrictRef(west, "West"), Period(Q3_FROM, Q3_TO), "city", MADE_AT
        )
    assert report.signals is not None
    assert report.signals.neighbourhoods == ()
    assert report.signals.by_neighbourhood == ()


def test_an_interim_quarter_counts_no_close_or_ask_after_the_moment_it_is_made(
    database: Database, seeded: Seeded
) -> None:
    with database.begin() as session:
        west = session.scalar(select(District.id).where(District.name == "West"))
        assert west is not None
        log_rounds(session, west)
    made = datetime(2026, 7, 11, 10, tzinfo=UTC)
    with database.session() as session:
        report = gather_district_report(
            session, DistrictRef(west, "West"), Period(Q3_FROM, Q3_TO), "city", made
        )
    figures = _signal_figures(report.summary)
    assert figures["signals"] == 2  # 3 and 8 July; 20 July has not come yet
    assert figures["signals_closed"] == 2  # 2 and 10 July
    assert figures["signals_feedback_share"] == 0.5  # 3 July; the 12 July feedback lies ahead
    assert figures["signals_first_ask_hours_median"] == pytest.approx(0.5)  # the 8 July one: nobody asked
    assert figures["signals_theme_unrest"] == 1
    assert figures["signals_theme_school_absence"] == 1
    assert figures["signals_theme_other"] == 1
    assert figures["signals_theme_drugs"] == 0


def test_the_gatherer_never_names_a_signals_text() -> None:
    """Structural guard, as for the rest of the district report: no text column of a signal is read."""
    source = inspect.getsource(signals)
    for forbidden in ("Note.text", ".outcome", "SignalRound.feedback,", "SignalRound.feedback)", "Person"):
        assert forbidden not in source, forbidden


@pytest.fixture(scope="module")
def district_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``teamlead demo --scale district`` with the rounds of :mod:`tests.reporting.signal_rounds_seed` on top."""
    path = tmp_path_factory.mktemp("demo") / "district.sqlite3"
    command = [sys.executable, "-m", "teamlead", "--database", str(path), "demo", "--scale", "district"]
    subprocess.run([*command, "--seed", "1", "--today", DEMO_TODAY], check=True, stdout=subprocess.DEVNULL)
    database = open_database(path)
    try:
        with database.begin() as session:
            district = session.scalar(select(District.id).where(District.name == "Nieuw-West"))
            assert district is not None
            log_rounds(session, district)
    finally:
        database.dispose()
    return path


def _counted_from_the_tables(path: Path, start: str, end: str, today: str) -> dict[str, object]:
    """The new keys counted with SQL of this test's own, straight from the SQLite file."""
    with sqlite3.connect(path) as connection:

        def one(sql: str, *args: object) -> int:
            return int(connection.execute(sql, args).fetchone()[0])

        district = one("SELECT id FROM district WHERE name = 'Nieuw-West'")
        signal_notes = (
            "FROM note n WHERE n.kind = 'signal' AND n.district_id = ? AND n.occurred_on BETWEEN ? AND ?"
        )
        closed_rounds = (
            "FROM signal_round r JOIN note n ON n.id = r.note_id WHERE n.kind = 'signal' AND n.district_id = ? "
            "AND r.closed_on BETWEEN ? AND min(?, ?)"
        )
        closed = one(f"SELECT count(*) {closed_rounds}", district, start, end, today)
        fed_back = one(
            f"SELECT count(*) {closed_rounds} AND r.feedback_on IS NOT NULL AND r.feedback_on <= ?",
            district,
            start,
            end,
            today,
            today,
        )
        hours = [
            row[0]
            for row in connection.execute(
                "SELECT (julianday(min(a.asked_at)) - julianday(r.came_in_at)) * 24 FROM signal_round r "
                "JOIN note n ON n.id = r.note_id JOIN signal_ask a ON a.round_id = r.id "
                "WHERE n.kind = 'signal' AND n.district_id = ? AND n.occurred_on BETWEEN ? AND ? "
                "GROUP BY r.id",
                (district, start, end),
            )
        ]
        counts: dict[str, object] = {
            "signals": one(f"SELECT count(*) {signal_notes}", district, start, end),
            "signals_closed": closed,
            "signals_feedback_share": fed_back / closed if closed else None,
            "signals_first_ask_hours_median": statistics.median(hours) if hours else None,
        }
        for (key,) in connection.execute("SELECT key FROM theme"):
            themed = one(
                f"SELECT count(*) {signal_notes} AND EXISTS (SELECT 1 FROM signal_round r "
                "JOIN signal_theme st ON st.round_id = r.id JOIN theme t ON t.id = st.theme_id "
                "WHERE r.note_id = n.id AND t.key = ?)",
                district,
                start,
                end,
                key,
            )
            if key == "other":
                themed += one(
                    f"SELECT count(*) {signal_notes} AND NOT EXISTS (SELECT 1 FROM signal_round r "
                    "JOIN signal_theme st ON st.round_id = r.id WHERE r.note_id = n.id)",
                    district,
                    start,
                    end,
                )
            counts[f"signals_theme_{key}"] = themed
    return counts


def test_on_the_district_demo_the_city_reports_new_keys_equal_counts_from_the_tables(
    district_demo: Path, tmp_path: Path
) -> None:
    target = tmp_path / "nw.xlsx"
    assert main(["--database", str(district_demo), "report", "district", *Q3, "-o", str(target)]) == 0
    summary = dict(sheet_rows(target, "Summary")[1:])
    assert summary["audience"] == "city"
    today = datetime.now(UTC).date().isoformat()
    expected = _counted_from_the_tables(district_demo, Q3_FROM.isoformat(), Q3_TO.isoformat(), today)
    assert _signal_figures(summary) == pytest.approx(expected)
    assert summary["signals_closed"] >= EXPECTED["signals_closed"]
    assert summary[f"signals_theme_{OWN_KEY}"] >= 1
    # The Trend's Q3 column is the same figures, and the Signals sheet's last quarter its theme rows.
    trend = sheet_rows(target, "Trend")
    column = trend[0].index("2026-Q3")
    assert {row[0]: row[column] for row in trend[1:] if row[0] in expected} == pytest.approx(expected)
    rows = sheet_rows(target, "Signals")
    assert rows[0][-1] == "2026-Q3"
    themes = [key for key in summary if key.startswith(THEME_PREFIX)]
    assert [row[-1] for row in rows[1 : len(themes) + 1]] == [summary[key] for key in themes]
    assert rows[len(themes) + 1][-1] == summary["signals"]
    assert len([row for row in rows if any(cell is not None for cell in row)]) == len(themes) + 2


def test_the_district_audience_adds_signals_by_neighbourhood(district_demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "nw.xlsx"
    command = ["--database", str(district_demo), "report", "district", "--audience", "district", *Q3]
    assert main([*command, "-o", str(target)]) == 0
    summary = dict(sheet_rows(target, "Summary")[1:])
    themes = [key for key in summary if key.startswith(THEME_PREFIX)]
    rows = [row for row in sheet_rows(target, "Signals") if any(cell is not None for cell in row)]
    top = next(index for index, row in enumerate(rows) if row[0] == "Neighbourhood")
    per_hood = rows[top + 1 :]
    assert len(per_hood) >= 11
    sums = [sum(row[index] or 0 for row in per_hood) for index in range(1, len(themes) + 1)]
    assert sums == [summary[key] for key in themes]
    pdf = tmp_path / "nw.pdf"
    assert main([*command, "-o", str(pdf)]) == 0
    assert "Signals by neighbourhood and theme" in pdf_text(pdf)


def _everything(path: Path) -> str:
    """Every text a reader can get from the file: PDF text, or every cell of every sheet and every XML part."""
    if path.suffix == ".pdf":
        return pdf_text(path)
    workbook = load_workbook(path)
    cells = [str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value]
    return "\n".join(cells) + workbook_xml(path)


def test_no_text_of_a_signal_reaches_any_district_report_or_the_city_overview(
    district_demo: Path, tmp_path: Path
) -> None:
    with sqlite3.connect(district_demo) as connection:
        stored = connection.execute(
            "SELECT n.text, r.outcome, r.feedback FROM signal_round r JOIN note n ON n.id = r.note_id "
            "WHERE n.text LIKE ?",
            (f"%{SENTINEL}%",),
        ).fetchall()
    assert len(stored) == 1
    assert all(SENTINEL in text for text in stored[0])
    files = []
    for audience in ("city", "district"):
        for suffix in (".pdf", ".xlsx"):
            target = tmp_path / f"{audience}{suffix}"
            command = ["--database", str(district_demo), "report", "district", "--audience", audience, *Q3]
            assert main([*command, "-o", str(target)]) == 0
            files.append(target)
    for suffix in (".pdf", ".xlsx"):
        overview = tmp_path / f"overview{suffix}"
        assert main(["consolidate", str(tmp_path / "city.xlsx"), "-o", str(overview)]) == 0
        files.append(overview)
    for path in files:
        text = _everything(path)
        assert "Signals" in text or "signals" in text, path
        assert SENTINEL not in text, path
