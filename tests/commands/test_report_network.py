"""`teamlead report network --neighbourhood`: matched as --district matches, within --district; a name of
several districts or of none exits 2 with what there is to choose from; other kinds refuse the option."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import insert, select

from teamlead.cli import main
from teamlead.data.database import open_database
from teamlead.data.models import District, Neighbourhood
from tests.reporting.seed import seed

Q3 = ("--from", "2026-07-01", "--to", "2026-09-30")


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """The seeded Nieuw-West (Geuzenveld, Slotervaart) and West, which gets a Slotervaart of its own."""
    path = tmp_path / "teamlead.sqlite3"
    database = open_database(path)
    try:
        seed(database)
        with database.begin() as session:
            west = session.scalar(select(District.id).where(District.name == "West"))
            session.execute(insert(Neighbourhood).values(district_id=west, name="Slotervaart"))
    finally:
        database.dispose()
    return path


def run(db: Path, *args: str) -> int:
    return main(["--database", str(db), *args])


def test_a_neighbourhood_matched_loosely_within_its_district(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.svg"
    assert run(db_file, "report", "network", *Q3, "--neighbourhood", "GEUZEN-VELD", "-o", str(out)) == 0
    svg = out.read_text(encoding="utf-8")
    assert "Geuzenveld (Nieuw-West)" in svg
    assert "Nieuwe School" not in svg  # serves no neighbourhood
    out = tmp_path / "slotervaart.svg"
    args = ("--district", "nieuw west", "--neighbourhood", "slotervaart", "-o", str(out))
    assert run(db_file, "report", "network", *Q3, *args) == 0
    assert "Slotervaart (Nieuw-West)" in out.read_text(encoding="utf-8")


def test_a_name_of_two_districts_lists_both(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.svg"
    assert run(db_file, "report", "network", "--neighbourhood", "slotervaart", "-o", str(out)) == 2
    error = capsys.readouterr().err
    assert "Slotervaart (Nieuw-West)" in error
    assert "Slotervaart (West)" in error
    assert not out.exists()


def test_an_unknown_name_lists_the_districts_neighbourhoods(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.svg"
    args = ("--district", "Nieuw-West", "--neighbourhood", "Wildeman", "-o", str(out))
    assert run(db_file, "report", "network", *args) == 2
    error = capsys.readouterr().err
    assert "'Wildeman'" in error
    assert "Geuzenveld, Slotervaart" in error
    assert not out.exists()


@pytest.mark.parametrize("kind", ["district", "roster", "agreements"])
def test_other_kinds_refuse_a_neighbourhood(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    out = tmp_path / "report.pdf"
    args = ("--district", "Nieuw-West", "--neighbourhood", "Geuzenveld", "-o", str(out))
    assert run(db_file, "report", kind, *args) == 2
    assert "--neighbourhood" in capsys.readouterr().err
    assert not out.exists()


def test_an_extension_the_map_does_not_write_exits_2(db_file: Path, tmp_path: Path) -> None:
    assert run(db_file, "report", "network", "-o", str(tmp_path / "map.jpg")) == 2
