"""``teamlead meetings`` as a script sees it: tab-separated lines in Amsterdam time, the interface's exits."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy.engine import URL

from teamlead.cli import main
from teamlead.data.database import open_database
from teamlead.data.models import District, Meeting
from teamlead.rules.vocabulary import MeetingStatus
from teamlead.services.series import SeriesInput, create_series

NEXT_YEAR = date.today().year + 1


def second_tuesday(month: int) -> str:
    first = date(NEXT_YEAR, month, 1)
    return (first + timedelta(days=(1 - first.weekday()) % 7 + 7)).isoformat()


def _url(url: URL) -> str:
    return url.render_as_string(hide_password=False)


@pytest.fixture
def filled(db_url: URL) -> str:
    """Two districts; a series in Nieuw-West, single meetings (one cancelled) in Zuid."""
    database = open_database(db_url)
    try:
        with database.begin() as session:
            west = District(name="Nieuw-West")
            south = District(name="Zuid")
            session.add_all([west, south])
            session.flush()
            create_series(
                session,
                SeriesInput(
                    "network", "Netwerkoverleg Jeugd", "FREQ=MONTHLY;BYDAY=2TU", date(NEXT_YEAR, 1, 1),
                    time(14, 0), district_id=west.id,
                ),
                horizon=date(NEXT_YEAR, 3, 31),
            )  # fmt: skip
            session.add_all(
                [
                    Meeting(
                        kind="partner", title="Bilateraal\tmet school", district_id=south.id,
                        starts_at=datetime(NEXT_YEAR, 7, 1, 22, 30, tzinfo=UTC),
                    ),
                    Meeting(
                        kind="other", title="Afgezegd", district_id=south.id, status=MeetingStatus.CANCELLED,
                        starts_at=datetime(NEXT_YEAR, 7, 3, 8, 0, tzinfo=UTC),
                    ),
                    Meeting(
                        kind="reflection", title="Reflectie vorig jaar", district_id=south.id,
                        starts_at=datetime.now(UTC) - timedelta(days=400),
                    ),
                ]
            )  # fmt: skip
    finally:
        database.dispose()
    return _url(db_url)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_lists_from_today_sorted_tab_separated_in_amsterdam_time(
    filled: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines, _ = run(capsys, "--database", filled, "meetings")

    assert code == 0
    fields = [line.split("\t") for line in lines]
    assert all(len(f) == 4 for f in fields)
    assert [f[1] for f in fields[:3]] == [f"{second_tuesday(month)} 14:00" for month in (1, 2, 3)]
    assert fields[0][2:] == ["network", "Netwerkoverleg Jeugd"]
    assert [f[1:] for f in fields if f[2] == "partner"] == [
        [f"{NEXT_YEAR}-07-02 00:30", "partner", "Bilateraal met school"]
    ]
    assert not any("Afgezegd" in line or "vorig jaar" in line for line in lines)
    assert [f[1] for f in fields] == sorted(f[1] for f in fields)
    assert all(f[0].isdigit() for f in fields)


def test_series_are_materialised_as_far_as_to_asks(filled: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = run(
        capsys, "--database", filled, "meetings",
        "--from", f"{NEXT_YEAR}-06-01", "--to", f"{NEXT_YEAR}-12-31", "--district", "nieuw west",
    )  # fmt: skip

    assert code == 0
    assert [line.split("\t")[1] for line in lines] == [f"{second_tuesday(m)} 14:00" for m in range(6, 13)]
    assert len(lines) == 7


def test_district_filter_and_inclusive_dates(filled: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = run(
        capsys, "--database", filled, "meetings",
        "--from", f"{NEXT_YEAR}-07-02", "--to", f"{NEXT_YEAR}-07-02", "--district", "ZUID",
    )  # fmt: skip

    assert code == 0
    assert [line.split("\t")[3] for line in lines] == ["Bilateraal met school"]


def test_unknown_district_exits_2_listing_the_districts(
    filled: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines, err = run(capsys, "--database", filled, "meetings", "--district", "Oost")

    assert code == 2
    assert lines == []
    assert "Oost" in err
    assert "Nieuw-West, Zuid" in err
    assert "Traceback" not in err


def test_from_after_to_exits_2(filled: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--database", filled, "meetings", "--from", "2027-05-01", "--to", "2027-04-01")

    assert code == 2
    assert "--from (2027-05-01) is after --to (2027-04-01)" in err


def test_a_bad_date_exits_2_in_dutch_too(filled: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--database", filled, "--language", "nl", "meetings", "--from", "31-03-2027")

    assert code == 2
    assert "is geen datum" in err
