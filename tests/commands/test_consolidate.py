"""`teamlead consolidate`: three districts side by side, totals that match each district's own Summary."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import insert, select

from teamlead.cli import main
from teamlead.data.database import open_database
from teamlead.data.models import District, Domain, Invitee, Meeting, Organisation
from tests.reporting.seed import SENTINELS, seed
from tests.reporting.signal_rounds_seed import OWN_KEY, ROUNDS, SENTINEL, log_rounds
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
        # Held, but nobody took attendance: it counts as held, not in the average attendance.
        session.execute(
            insert(Meeting).values(
                district_id=zuid,
                kind="partner",
                title="Bilateraal",
                starts_at=datetime(2026, 9, 3, 8, tzinfo=UTC),
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
            "period_complete",
        ):
            assert list(values[:3]) == [summary[key] for summary in own]
            continue
        assert list(values[:3]) == [summary[key] for summary in own], key
    assert table["partners_active"] == (2, 1, 3, 6)
    assert table["meetings_held"] == (2, 0, 2, 4)
    assert table["meetings_held_unrecorded"] == (0, 0, 1, 1)
    # (2 active × 0.5 + 1 × 0.0 + 3 × 0.0) / 6; (2 recorded meetings × 1.5 + 1 × 4) / 3 (Zuid's other meeting
    # has no attendance taken, so it does not weigh)
    assert table["partners_contacted_share"][3] == pytest.approx(1 / 6)
    assert table["meeting_attendance_avg"][3] == pytest.approx(7 / 3)
    assert table["agreements_done_on_time_share"][3] == pytest.approx(0.5)
    assert table["format_version"][3] == 2
    assert table["period_complete"] == ("true", "true", "true", "true")
    trend = sheet_rows(out, "Trend")
    assert trend[0][:3] == ("key", "district", "2024-Q4")
    assert trend[1][:3] == ("period_complete", "Nieuw-West", "true")


def test_the_pdf_shows_districts_totals_and_trend_and_no_personal_value(
    workbooks: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "city.pdf"
    assert main(["consolidate", *map(str, workbooks), "-o", str(out)]) == 0
    text = pdf_text(out)
    for expected in ("City overview", "Nieuw-West", "Zuid", "Total", "Trend over eight quarters", "Q3 2026"):
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


def _edited(
    source: Path, target: Path, change: dict[str, object], extra: Sequence[tuple[object, ...]] = ()
) -> Path:
    """A copy of a district workbook with some Summary values changed and rows appended, as a person could."""
    from openpyxl import load_workbook

    workbook = load_workbook(source)
    sheet = workbook["Summary"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value in change:
            row[1].value = change[str(row[0].value)]
    for values in extra:
        sheet.append(list(values))
    workbook.save(target)
    return target


def test_a_workbook_of_format_1_is_refused_make_the_report_again(
    workbooks: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _edited(workbooks[1], tmp_path / "west-2025.xlsx", {"format_version": 1})
    out = tmp_path / "city.xlsx"
    assert main(["consolidate", str(workbooks[0]), str(old), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "west-2025.xlsx" in err
    assert "make the report again" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_a_row_the_format_does_not_define_is_refused_without_showing_it(
    workbooks: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, phone = "Sentinelname Vertrouwelijk", "06 5555 9999"
    rows = len(sheet_rows(workbooks[2], "Summary"))
    tampered = {
        "extra-row.xlsx": _edited(workbooks[2], tmp_path / "extra-row.xlsx", {}, [(name, phone)]),
        "key-like-row.xlsx": _edited(
            workbooks[2], tmp_path / "key-like-row.xlsx", {}, [("contact_person", name)]
        ),
        "text-figure.xlsx": _edited(
            workbooks[2], tmp_path / "text-figure.xlsx", {"partners_active": f"{name} {phone}"}
        ),
        "text-version.xlsx": _edited(
            workbooks[2], tmp_path / "text-version.xlsx", {"teamlead_version": name}
        ),
    }
    for out in (tmp_path / "city.xlsx", tmp_path / "city.pdf"):
        for file_name, path in tampered.items():
            assert main(["consolidate", str(workbooks[0]), str(path), "-o", str(out)]) == 1
            err = capsys.readouterr().err
            assert file_name in err
            assert name not in err
            assert phone not in err
            assert "Traceback" not in err
            assert not out.exists()
    assert main(["consolidate", str(tampered["extra-row.xlsx"]), "-o", str(tmp_path / "c.xlsx")]) == 1
    assert f"row {rows + 1} of the Summary sheet is not a key" in capsys.readouterr().err


def test_a_user_made_domain_key_is_read_and_a_trend_row_of_another_key_is_refused(
    workbooks: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    own = _edited(workbooks[2], tmp_path / "own-domain.xlsx", {}, [("partners_active_sport_en_spel", 2)])
    out = tmp_path / "city.xlsx"
    assert main(["consolidate", str(workbooks[0]), str(own), "-o", str(out)]) == 0
    table = {row[0]: row[1:] for row in sheet_rows(out, "Summary")[1:]}
    assert table["partners_active_sport_en_spel"] == (None, 2, 2)

    workbook = load_workbook(workbooks[2])
    workbook["Trend"].append(["Sentinelname Vertrouwelijk", 1, 2])
    workbook.save(tmp_path / "trend-row.xlsx")
    assert main(["consolidate", str(tmp_path / "trend-row.xlsx"), "-o", str(tmp_path / "t.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "of the Trend sheet is not a key" in err
    assert "Sentinelname" not in err


def test_the_same_district_in_another_spelling_is_refused(
    workbooks: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    again = _edited(workbooks[0], tmp_path / "nieuw-west-again.xlsx", {"district": "nieuw west"})
    out = tmp_path / "city.xlsx"
    assert main(["consolidate", str(workbooks[0]), str(workbooks[1]), str(again), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "same district" in err
    assert "Nieuw-West.xlsx" in err
    assert "nieuw-west-again.xlsx" in err
    assert not out.exists()


def test_the_output_may_not_be_one_of_the_inputs(
    workbooks: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = [path.read_bytes() for path in workbooks]
    (tmp_path / "sub").mkdir()
    link = tmp_path / "link.xlsx"
    link.symlink_to(workbooks[2])
    for output in (workbooks[1], tmp_path / "sub" / ".." / "West.xlsx", link):
        assert main(["consolidate", *map(str, workbooks), "-o", str(output)]) == 1
        err = capsys.readouterr().err
        assert str(output) in err
        assert "one of the files to combine" in err
    assert [path.read_bytes() for path in workbooks] == before


def test_interim_inputs_are_marked_per_column_and_in_the_total(
    workbooks: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from teamlead.producing.produce import ReportRequest, produce
    from teamlead.reporting.periods import AMSTERDAM, Period
    from tests.reporting.seed import Q3_FROM, Q3_TO

    database = open_database(tmp_path / "city.sqlite3")
    try:
        interim = produce(
            database,
            ReportRequest(
                "district", tmp_path / "nw-interim.xlsx", Period(Q3_FROM, Q3_TO), "city", "Nieuw-West"
            ),
            generated_at=datetime(2026, 8, 15, 12, tzinfo=AMSTERDAM),
        )
    finally:
        database.dispose()
    assert _summary(interim)["agreements_done_on_time_share"] == 1  # read back as a whole number
    out = tmp_path / "city.xlsx"
    assert main(["consolidate", str(interim), str(workbooks[2]), "-o", str(out)]) == 0
    table = {row[0]: row[1:] for row in sheet_rows(out, "Summary")[1:]}
    assert table["period_complete"] == ("false", "true", "false")
    trend = {(row[0], row[1]): row[2:] for row in sheet_rows(out, "Trend")[1:]}
    assert trend["period_complete", "Nieuw-West"][-1] == "false"
    assert trend["period_complete", "Zuid"][-1] == "true"
    pdf = tmp_path / "city.pdf"
    assert main(["consolidate", str(interim), str(workbooks[2]), "-o", str(pdf)]) == 0
    text = pdf_text(pdf)
    assert "Period complete interim complete interim" in text
    assert "Share done on time 100%" in text
    assert "Q3* 2026" in text


def test_totals_weigh_each_share_by_what_it_divides_by_and_leave_a_median_out() -> None:
    from teamlead.reporting.consolidation import total
    from teamlead.reporting.model import DistrictSummary

    def district(**values: object) -> DistrictSummary:
        return DistrictSummary(Path("x.xlsx"), "X", "2026-07-01", "2026-09-30", dict(values), (), {})

    districts = (
        district(signals_closed=2, signals_feedback_share=0.5, signals_first_ask_hours_median=3.0),
        district(signals_closed=6, signals_feedback_share=1, signals_first_ask_hours_median=5.0),
        district(signals_closed=0, signals_feedback_share=None, signals_first_ask_hours_median=None),
    )
    assert total("signals_feedback_share", districts) == pytest.approx(7 / 8)
    assert total("signals_first_ask_hours_median", districts) is None
    assert total("signals_closed", districts) == 8


@pytest.fixture
def signal_workbooks(workbooks: list[Path], tmp_path: Path) -> list[Path]:
    """The three districts again, with signal rounds through the services: some of them in Nieuw-West, all in
    West, the last few in Zuid (a user-made theme among them)."""
    db = tmp_path / "city.sqlite3"
    database = open_database(db)
    with database.begin() as session:
        ids = dict(session.execute(select(District.name, District.id)).all())
        log_rounds(session, ids["Nieuw-West"], ROUNDS[:3])
        log_rounds(session, ids["West"], ROUNDS)
        log_rounds(session, ids["Zuid"], ROUNDS[3:6])
    database.dispose()
    paths = []
    for name in ("Nieuw-West", "West", "Zuid"):
        path = tmp_path / f"{name}-signals.xlsx"
        command = ["--database", str(db), "report", "district", "--district", name, *Q3, "-o", str(path)]
        assert main(command) == 0
        paths.append(path)
    return paths


def test_signal_figures_are_summed_per_district_and_in_total(
    signal_workbooks: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "city.xlsx"
    assert main(["consolidate", *map(str, signal_workbooks), "-o", str(out)]) == 0
    own = [_summary(path) for path in signal_workbooks]
    table = {row[0]: row[1:] for row in sheet_rows(out, "Summary")[1:]}
    themes = [key for key in own[0] if str(key).startswith("signals_theme_")]
    assert f"signals_theme_{OWN_KEY}" in themes
    for key in ("signals", "signals_closed", *themes):
        columns = [summary[key] for summary in own]
        assert list(table[key]) == [*columns, sum(columns)], key  # type: ignore[arg-type]
    assert table["signals_closed"] == (2, 5, 2, 9)
    assert table[f"signals_theme_{OWN_KEY}"] == (0, 1, 1, 2)
    # Weighted by the signals closed: (2 × 1/2 + 5 × 4/5 + 2 × 1) / 9.
    assert table["signals_feedback_share"][:3] == pytest.approx([0.5, 0.8, 1.0])
    assert table["signals_feedback_share"][3] == pytest.approx(7 / 9)
    assert table["signals_first_ask_hours_median"][:3] == pytest.approx([3.0, 3.0, 1.0])
    assert table["signals_first_ask_hours_median"][3] is None
    trend = {(row[0], row[1]): row[-1] for row in sheet_rows(out, "Trend")[1:]}
    assert trend[("signals_closed", "West")] == 5
    pdf = tmp_path / "city.pdf"
    assert main(["consolidate", *map(str, signal_workbooks), "-o", str(pdf)]) == 0
    text = pdf_text(pdf)
    assert "Signals closed 2 5 2 9" in text
    assert SENTINEL not in text + workbook_xml(out)
