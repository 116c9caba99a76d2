"""An indicators sheet through ``teamlead import`` on SQLite and PostgreSQL: recognised, figures replaced, a
neighbourhood that is unknown or ambiguous skipped as ``row N:``, and all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from teamlead.cli import main
from teamlead.data.admin import AuditEntry
from teamlead.data.database import Database
from teamlead.data.places import Indicator
from teamlead.services.geography import add_district, add_neighbourhood
from teamlead.services.indicators import set_indicator
from tests.importing.rosters import write_csv, write_xlsx
from tests.importing.test_export_versions import url


def seed(database: Database) -> dict[str, int]:
    """Two districts that both have a Centrum, and Slotervaart only in Nieuw-West; one figure already there."""
    with database.begin() as session:
        west = add_district(session, "Nieuw-West")
        zuid = add_district(session, "Zuid")
        ids = {
            "slotervaart": add_neighbourhood(session, west, "Slotervaart"),
            "centrum west": add_neighbourhood(session, west, "Centrum"),
            "centrum zuid": add_neighbourhood(session, zuid, "Centrum"),
        }
        set_indicator(session, ids["slotervaart"], "Veiligheidsindex", 2024, 102.0)
        set_indicator(session, ids["slotervaart"], "Veiligheidsindex", 2023, 110.0)
    return ids


def figures(database: Database) -> dict[tuple[int, str, int], float]:
    with database.session() as session:
        return {
            (row.neighbourhood_id, row.name, row.year): row.value
            for row in session.scalars(select(Indicator))
        }


def test_dutch_sheet_replaces_the_figures_it_names(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = seed(database)
    path = write_xlsx(
        tmp_path / "cijfers.xlsx",
        {
            "Cijfers": [
                ("Veiligheid per buurt", None, None, None, None),
                (None, None, None, None, None),
                ("Stadsdeel", "Buurt", "Jaar", "Indicator", "Waarde"),
                ("Nieuw-West", "slotervaart", 2024, "Veiligheidsindex", 79),
                (None, "Slotervaart", "2025", "Veiligheidsindex", "81,5"),
                (None, "Centrum", 2025, "Veiligheidsindex", 90),
                ("Zuid", "Centrum", 2025, "Veiligheidsindex", 95),
                (None, "Osdorp", 2025, "Veiligheidsindex", 88),
                (None, "Slotervaart", "vorig jaar", "Veiligheidsindex", 70),
                (None, "Slotervaart", 2025, "Schoolverzuim", "veel"),
            ]
        },
    )
    assert main(["--database", url(database), "--language", "en", "import", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Cijfers: an indicators sheet (public figures per neighbourhood and year)"
    assert out[1].startswith("row 6: neighbourhood Centrum is ambiguous (Nieuw-West, Zuid)")
    assert out[2] == "row 8: unknown neighbourhood Osdorp; skipped."
    assert out[3].startswith("row 9: the year vorig jaar")
    assert out[4].startswith("row 10: the value veel")
    assert out[5] == "indicators: 2 added, 1 changed, 0 unchanged; rows skipped: 4"
    assert len(out) == 6
    assert figures(database) == {
        (ids["slotervaart"], "Veiligheidsindex", 2023): 110.0,  # not named in the sheet: kept
        (ids["slotervaart"], "Veiligheidsindex", 2024): 79.0,
        (ids["slotervaart"], "Veiligheidsindex", 2025): 81.5,
        (ids["centrum zuid"], "Veiligheidsindex", 2025): 95.0,
    }
    with database.session() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.table_name == "indicator")).all()
    assert actions.count("import") == 3

    assert main(["--database", url(database), "--language", "en", "import", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "indicators: 0 added, 0 changed, 3 unchanged; rows skipped: 4"
    )


def test_english_csv_dry_run_changes_nothing_and_district_option_limits(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = seed(database)
    path = write_csv(
        tmp_path / "indicators.csv",
        [("neighbourhood", "year", "indicator", "value"), ("Centrum", 2025, "Youth-care referrals", "12.5")],
        separator=",",
    )
    before = figures(database)
    args = ["--database", url(database), "--language", "en", "import", str(path), "--district", "zuid"]
    assert main([*args, "--dry-run"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "indicators: 1 added, 0 changed, 0 unchanged; rows skipped: 0"
    )
    assert figures(database) == before
    assert main(args) == 0
    assert figures(database)[(ids["centrum zuid"], "Youth-care referrals", 2025)] == 12.5


def test_a_bad_name_is_a_row_skipped_and_an_unknown_district_changes_nothing(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name longer than the column is the row's problem; an unknown ``--district`` refuses the whole file."""
    seed(database)
    before = figures(database)
    path = write_csv(
        tmp_path / "indicators.csv",
        [
            ("buurt", "jaar", "indicator", "waarde"),
            ("Slotervaart", 2026, "Veiligheidsindex", 70),
            ("Slotervaart", 2026, "x" * 500, 1),
        ],
    )
    refused = main(
        ["--database", url(database), "--language", "en", "import", str(path), "--district", "Noord"]
    )
    assert refused != 0
    assert "there is no district Noord" in capsys.readouterr().err
    assert figures(database) == before
    status = main(["--database", url(database), "--language", "en", "import", str(path)])
    captured = capsys.readouterr()
    assert status == 0
    assert "row 3:" in captured.out  # a bad name is the row's problem, reported and skipped
    assert len(figures(database)) == len(before) + 1


def test_a_roster_is_still_a_roster(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "roster.csv", [("Organisatie", "Buurt"), ("Jongerenwerk", "Slotervaart")])
    assert main(["--database", url(database), "--language", "en", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "indicators sheet" not in out
    assert "organisations: 1 added" in out
