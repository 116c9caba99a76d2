"""`teamlead import` as a user runs it: the interface's lines and exit codes, --dry-run, --sheet, Dutch."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from teamlead.cli import main
from teamlead.data.database import open_database
from teamlead.data.models import Organisation, Person
from tests.importing.rosters import MESSY_ROSTER, write_xlsx

SUMMARY = "organisations: 4 added, 2 merged; persons: 5 added, 1 merged; rows skipped: 1"


def counts(path: Path) -> tuple[int, int]:
    database = open_database(path)
    try:
        with database.session() as session:
            return (
                session.scalar(select(func.count()).select_from(Organisation)) or 0,
                session.scalar(select(func.count()).select_from(Person)) or 0,
            )
    finally:
        database.dispose()


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    """A workbook whose first sheet is a cover page without a header: the roster is the second sheet."""
    cover = [["Overdracht partnerlijst"], ["Zie het tweede blad."]]
    return write_xlsx(tmp_path / "overdracht.xlsx", {"Voorblad": cover, "Partners": MESSY_ROSTER})


def test_import_prints_lines_and_summary(
    roster: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "teamlead.sqlite3"
    assert main(["--database", str(db), "import", str(roster), "--district", "Nieuw-West"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "row 9: the phone number 12345 looks wrong; kept as written."
    assert "row 10: no organisation; the row was skipped." in out
    assert out[-1] == SUMMARY
    assert counts(db) == (4, 5)


def test_dry_run_changes_nothing(roster: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "teamlead.sqlite3"
    open_database(db).dispose()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    assert main(["--database", str(db), "import", "--dry-run", str(roster), "--district", "Nieuw-West"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == SUMMARY
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_a_blank_district_is_wrong_usage(
    roster: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "teamlead.sqlite3"
    assert main(["--database", str(db), "import", str(roster), "--district", "  "]) == 2
    assert "--district: give the name of a district" in capsys.readouterr().err
    assert not db.exists()


def test_dutch_keeps_the_word_row_and_the_numbers(
    roster: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "teamlead.sqlite3")
    assert main(["--database", db, "--language", "nl", "import", str(roster)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "row 10: geen organisatie; de rij is overgeslagen." in out
    assert (
        'samengevoegd: organisatie "jongerenwerk nieuw-west" (row 6) is "Jongerenwerk Nieuw West" (row 5)'
        in out
    )
    assert out[-1] == (
        "organisaties: 4 toegevoegd, 2 samengevoegd; personen: 5 toegevoegd, 1 samengevoegd; "
        "rijen overgeslagen: 1"
    )


def test_sheet_option(roster: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "teamlead.sqlite3")
    assert main(["--database", db, "import", str(roster), "--sheet", "Voorblad"]) == 1
    assert "no recognisable header row" in capsys.readouterr().err
    assert main(["--database", db, "import", str(roster), "--sheet", "Blad9"]) == 2
    assert "its sheets are: Voorblad, Partners" in capsys.readouterr().err
    assert main(["--database", db, "import", str(roster), "--sheet", "Partners", "--dry-run"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == SUMMARY


def test_export_into_a_non_empty_database_exits_1(
    roster: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "teamlead.sqlite3")
    assert main(["--database", db, "import", str(roster)]) == 0
    export = tmp_path / "export.xlsx"
    assert main(["--database", db, "export", "-o", str(export)]) == 0
    capsys.readouterr()
    assert main(["--database", db, "import", str(export)]) == 1
    assert "only into an empty database" in capsys.readouterr().err
    fresh = str(tmp_path / "fresh.sqlite3")
    assert main(["--database", fresh, "import", str(export)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("export read back: ")
    assert counts(Path(fresh)) == counts(Path(db))


def test_missing_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", str(tmp_path / "t.sqlite3"), "import", str(tmp_path / "nope.csv")]) == 1
    assert capsys.readouterr().err.startswith("teamlead: Cannot import nope.csv: it cannot be opened")


def test_without_district_a_one_district_database_gives_its_district_and_says_so(
    roster: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from teamlead.services.geography import add_district

    db = tmp_path / "teamlead.sqlite3"
    database = open_database(db)
    with database.begin() as session:
        noord = add_district(session, "Noord")
    database.dispose()
    assert main(["--database", str(db), "import", str(roster)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        SUMMARY + "; home district: Noord (the database's only district)"
    )
    database = open_database(db)
    try:
        with database.session() as session:
            assert set(session.scalars(select(Organisation.district_id))) == {noord}
    finally:
        database.dispose()
