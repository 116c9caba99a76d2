"""``teamlead calendar -o FILE.ics``: the file calendars import, replaced atomically; the exit codes."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy.engine import URL

from teamlead.cli import main
from teamlead.data.database import open_database
from teamlead.services.series import SeriesInput, create_series

NEXT_YEAR = date.today().year + 1


@pytest.fixture
def filled(sqlite_url: URL) -> str:
    database = open_database(sqlite_url)
    try:
        with database.begin() as session:
            create_series(
                session,
                SeriesInput(
                    "network", "Netwerkoverleg", "FREQ=WEEKLY;INTERVAL=6", date(NEXT_YEAR, 1, 5), time(10)
                ),
            )
    finally:
        database.dispose()
    return sqlite_url.render_as_string(hide_password=False)


def test_writes_an_ics_that_replaces_the_old_one_with_the_same_uids(
    filled: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out" / "Overleggen.ICS"
    target.parent.mkdir()
    target.write_text("not a calendar")

    assert main(["--database", filled, "calendar", "-o", str(target)]) == 0
    first = Calendar.from_ical(target.read_bytes())
    assert main(["--database", filled, "calendar", "-o", str(target), "--from", f"{NEXT_YEAR}-01-01"]) == 0
    second = Calendar.from_ical(target.read_bytes())

    assert capsys.readouterr().out.splitlines() == [str(target), str(target)]
    assert [str(e["UID"]) for e in first.walk("VEVENT")] == [str(e["UID"]) for e in second.walk("VEVENT")]
    assert [str(e["SUMMARY"]) for e in second.walk("VEVENT")] == ["Netwerkoverleg"]
    assert list(target.parent.iterdir()) == [target]


def test_another_extension_exits_2_and_writes_nothing(
    filled: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "overleggen.xlsx"

    assert main(["--database", filled, "calendar", "-o", str(target)]) == 2

    assert not target.exists()
    assert ".ics" in capsys.readouterr().err


def test_a_bad_from_date_exits_2(filled: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", filled, "calendar", "-o", str(tmp_path / "x.ics"), "--from", "morgen"]) == 2
    assert "--from" in capsys.readouterr().err
