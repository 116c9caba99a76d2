"""`teamlead consolidate`: three districts side by side, totals that match each district's own Summary."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import insert, select

from teamlead.cli import main
from teamlead.data.database import open_database
from teamlead.data.models import District, Domain, Invitee, Meeting, Organisation
from tests.reporting.seed import SENTINELS, seed
from tests.reports.readback import pdf_text, sheet_rows, workbook_xml

Q3 = ["--from", "2026-07-01", "--to", "2026-09-30"]


@pytest.fixture
def workbooks(tmp_path: Path) -> list[Path]:
    """City-audience district reports of Nieuw-West, West and Zuid for 2026-Q3."""
    db = tmp_path / "city.sqlite3"
    database = open_database(db)
    seeded = seed(database)
    with database.begin() as session:
        zuid = session.execute(insert(District).values(name="Zuid").returning(District.id)).scalar_one()
        social = session.scalar(select(Domain.id).where(Domain.key == "social"))
        for name in ("Buurtwerk De Pijp", "Sportclub Zuid", "Moskee Rivierenbuurt"):
            session.execute(
                insert(Organisation).values(name=name, district_id=zuid, domain_id=social, status="active")
            )
        meeting = session.execute(
            insert(Meeting)
            .values(
                district_id=zuid,
                kind="network",
                title="Netwerk Zuid",
                starts_at=datetime(2026, 8, 3, 8, tzinfo=UTC),
            )
            .returning(Meeting.id)
        ).scalar_one()
        for attendance in ("present", "present", "present", "present", "absent"):
            session.execute(
                insert(Invitee).values(
                    meeting_id=meeting, organisation_id=seeded.organisations["o6"], attendance=attendance
                )
            )
    database.dispose()
    paths = []
    for name in ("Nieuw-West", "West", "Zuid"):
        path = tmp_path / f"{name}.xlsx"
        assert (
            main(["--database", str(db), "report", "district", "--district", name, *Q3, "-o", str(path)]) == 0
        )
        paths.append(path)
    return paths


def _summary(path: Path) -> dict[str, object]:
    return dict(sheet_rows(path, "Summary")[1:])


def test_columns_match_each_districts_summary_and_totals_add_up(
    workbooks: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "city.xlsx"
    assert main(["consolidate", *map(str, workbooks), "-o", str(out)]) == 0
    rows = sheet_rows(out, "Summary")
    assert rows[0] == ("key", "Nieuw-West", "West", "Zuid", "total")
    own = [_summary(path) for path in workbooks]
    table = {row[0]: row[1:] for row in rows[1:]}
    assert list(table) == list(own[0])
    for key, values in table.items():
        if key in (
            "format_version",
            "district",
            "period_from",
            "period_to",
            "audience",
            "generated_at",
            "teamlead_version",
        ):
            assert list(values[:3]) == [summary[key] for summary in own]
            continue
        assert list(values[:3]) == [summary[key] for summary in own], key
    assert table["partners_active"] == (2, 1, 3, 6)
    assert table["meetings_held"] == (2, 0, 1, 3)
    # (2 active × 0.5 + 1 × 0.0 + 3 × 0.0) / 6; (2 meetings × 1.5 + 1 × 4) / 3
    assert table["partners_contacted_share"][3] == pytest.approx(1 / 6)
    assert table["meeting_attendance_avg"][3] == pytest.approx(7 / 3)
    assert table["agreements_done_on_time_share"][3] == pytest.approx(0.5)
    assert table["format_version"][3] == 1
    trend = sheet_rows(out, "Trend")
    assert trend[0][:3] == ("key", "district", "2024-Q4")


def test_the_pdf_shows_districts_totals_and_trend_and_no_personal_value(
    workbooks: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "city.pdf"
    assert main(["consolidate", *map(str, workbooks), "-o", str(out)]) == 0
    text = pdf_text(out)
    for expected in ("City overview", "Nieuw-West", "Zuid", "Total", "Trend over eight quarters", "2026-Q3"):
        assert expected in text, expected
    xlsx = tmp_path / "city.xlsx"
    assert main(["consolidate", *map(str, workbooks), "-o", str(xlsx)]) == 0
    everything = text + workbook_xml(xlsx)
    assert {field for field, value in SENTINELS.items() if value in everything} == set()


def test_refusals_name_the_file(
    workbooks: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "city.xlsx")
    assert main(["consolidate", str(workbooks[0]), str(workbooks[0]), "-o", out]) == 1
    assert "Nieuw-West.xlsx" in capsys.readouterr().err

    other = tmp_path / "other-period.xlsx"
    db = str(tmp_path / "city.sqlite3")
    assert (
        main(
            [
                "--database",
                db,
                "report",
                "district",
                "--district",
                "Zuid",
                "--from",
                "2026-04-01",
                "--to",
                "2026-06-30",
                "-o",
                str(other),
            ]
        )
        == 0
    )
    assert main(["consolidate", str(workbooks[0]), str(other), "-o", out]) == 1
    assert "other-period.xlsx" in capsys.readouterr().err

    district_audience = tmp_path / "district-audience.xlsx"
    assert (
        main(
            [
                "--database",
                db,
                "report",
                "district",
                "--district",
                "Zuid",
                *Q3,
                "--audience",
                "district",
                "-o",
                str(district_audience),
            ]
        )
        == 0
    )
    assert main(["consolidate", str(workbooks[0]), str(district_audience), "-o", out]) == 1
    assert "district-audience.xlsx" in capsys.readouterr().err

    plain = tmp_path / "plain.xlsx"
    Workbook().save(plain)
    text = tmp_path / "notes.xlsx"
    text.write_text("not a workbook")
    for bad in (plain, text, tmp_path / "missing.xlsx"):
        assert main(["consolidate", str(bad), "-o", out]) == 1
        assert bad.name in capsys.readouterr().err
    assert not Path(out).exists()


def _rewritten(source: Path, target: Path, change: dict[str, bytes]) -> Path:
    """A copy of the workbook ``source`` with some of its parts replaced or added."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for name in original.namelist():
            copy.writestr(name, change.get(name, original.read(name)))
        for name in change.keys() - set(original.namelist()):
            copy.writestr(name, change[name])
    return target


def test_a_damaged_or_inflating_workbook_is_refused_with_a_message(
    workbooks: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with zipfile.ZipFile(workbooks[0]) as original:
        sheets = [name for name in original.namelist() if name.startswith("xl/worksheets/sheet")]
        halves = {name: original.read(name)[: len(original.read(name)) // 2] for name in sheets}
    damaged = _rewritten(workbooks[0], tmp_path / "damaged.xlsx", halves)
    bomb = _rewritten(workbooks[0], tmp_path / "bomb.xlsx", {"xl/padding.bin": bytes(60 * 1024 * 1024)})
    out = tmp_path / "city.xlsx"
    for bad in (damaged, bomb):
        assert main(["consolidate", str(bad), "-o", str(out)]) == 1
        err = capsys.readouterr().err
        assert f"{bad.name} is not a city-audience district report workbook" in err
        assert "Traceback" not in err
    assert not out.exists()


def test_wrong_output_extension_exits_2(workbooks: list[Path], tmp_path: Path) -> None:
    assert main(["consolidate", str(workbooks[0]), "-o", str(tmp_path / "city.csv")]) == 2


def test_a_period_that_is_not_two_dates_is_refused_with_a_message(
    workbooks: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    edited = tmp_path / "edited.xlsx"
    workbook = load_workbook(workbooks[0])
    for row in workbook["Summary"].iter_rows():
        if row[0].value == "period_from":
            row[1].value = "first of July"
    workbook.save(edited)
    for suffix in (".pdf", ".xlsx"):
        out = tmp_path / f"city{suffix}"
        assert main(["consolidate", str(edited), "-o", str(out)]) == 1
        err = capsys.readouterr().err
        assert "edited.xlsx is not a city-audience district report workbook" in err
        assert "period_from" in err
        assert "Traceback" not in err
        assert not out.exists()
