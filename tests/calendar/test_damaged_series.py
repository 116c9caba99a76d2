"""A series whose stored time zone or start no calendar can use (a tampered ``../../etc/passwd``, a start of
``25:99``): the services never store one, and a database that holds one anyway (changed outside Teamlead)
still lists its meetings and writes its calendar, leaving that series out with a message."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import text

from teamlead.cli import main
from teamlead.data.database import Database
from teamlead.errors import ValidationError
from teamlead.services.series import SeriesInput, create_series
from teamlead.services.series_rules import Timing, validate_timing

NOW = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
TIMING = Timing("FREQ=WEEKLY", date(2026, 1, 5), time(14, 0), 60)


@pytest.mark.parametrize(
    "zone", ["../../etc/passwd", "posixrules", "Europe/../Europe/Amsterdam", "Mars/Olympus"]
)
def test_only_time_zones_of_the_iana_list_are_taken(zone: str) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_timing(replace(TIMING, timezone=zone))
    assert raised.value.field == "timezone"
    assert validate_timing(replace(TIMING, timezone="Europe/Amsterdam")).timezone == "Europe/Amsterdam"


def test_a_start_that_is_no_time_of_day_is_refused() -> None:
    with pytest.raises(ValidationError) as raised:
        validate_timing(replace(TIMING, start_time="25:99"))  # type: ignore[arg-type]
    assert raised.value.field == "start_time"


def _series(database: Database, title: str) -> int:
    data = SeriesInput(
        kind="network",
        title=title,
        rrule="FREQ=WEEKLY",
        first_date=date(2026, 1, 5),
        start_time=time(14, 0),
        duration_minutes=60,
    )
    with database.begin() as session:
        return create_series(session, data, horizon=date(2026, 1, 31), now=NOW)


def test_meetings_and_calendar_leave_a_damaged_series_out_with_a_message(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _series(database, "Netwerkoverleg West")
    bad_zone = _series(database, "Overleg met een vreemde tijdzone")
    bad_start = _series(database, "Overleg met een vreemde begintijd")
    # What no Python time can be: SQLite keeps any text; PostgreSQL's time type takes 24:00 (Python's not).
    impossible = "25:99:00.000000" if database.is_sqlite else "24:00:00"
    with database.begin() as session:
        session.execute(
            text("UPDATE meeting_series SET timezone = '../../etc/passwd' WHERE id = :id"), {"id": bad_zone}
        )
        session.execute(
            text(f"UPDATE meeting_series SET start_time = '{impossible}' WHERE id = :id"), {"id": bad_start}
        )
    db = ["--database", database.url.render_as_string(hide_password=False)]

    assert main([*db, "meetings", "--from", "2026-01-01", "--to", "2026-03-31"]) == 0
    out, err = capsys.readouterr()
    assert [line.split("\t")[3] for line in out.splitlines()].count(
        "Netwerkoverleg West"
    ) == 13  # up to March
    assert [line.split("\t")[3] for line in out.splitlines()].count("Overleg met een vreemde tijdzone") == 4
    assert err.splitlines() == [
        f"teamlead: Meeting series {id} is left out: its stored time zone, start or repetition cannot be used "
        "(changed outside Teamlead?). Its meetings made so far are kept; no new ones are made."
        for id in (bad_zone, bad_start)
    ]
    target = tmp_path / "meetings.ics"
    assert main([*db, "calendar", "-o", str(target), "--from", "2026-01-01"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == str(target)
    assert len(err.splitlines()) == 2
    calendar = target.read_text(encoding="utf-8")
    assert "Netwerkoverleg West" in calendar
    assert "vreemde" not in calendar
