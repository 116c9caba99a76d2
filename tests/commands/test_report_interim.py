"""`teamlead report district` for the quarter we are in, on the demo as `teamlead demo` makes it (with today as
its today): an interim report that counts no meeting after now as held and no agreement due after today as
overdue, and says so; the last full quarter is complete. On SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from teamlead.cli import main
from teamlead.data.database import open_database
from teamlead.data.models import Agreement, Meeting
from teamlead.reporting.periods import AMSTERDAM, local_date, quarter_of
from teamlead.rules.formatting import day_text
from teamlead.rules.vocabulary import OPEN_AGREEMENT_STATUSES, MeetingStatus
from tests.reports.readback import sheet_rows


def _counts(url: URL, start: datetime, end: datetime, moments: tuple[datetime, datetime]) -> dict[str, int]:
    """What the database holds of the quarter, counted here by hand to compare the report with."""
    database = open_database(url)
    try:
        with database.session() as session:
            held = select(func.count()).where(
                Meeting.starts_at >= start, Meeting.status != MeetingStatus.CANCELLED
            )
            today = local_date(moments[0])
            open_ = Agreement.status.in_(OPEN_AGREEMENT_STATUSES)
            return {
                "held_before": session.scalar(held.where(Meeting.starts_at < moments[0])) or 0,
                "held_after": session.scalar(held.where(Meeting.starts_at < moments[1])) or 0,
                "later_in_quarter": session.scalar(
                    held.where(Meeting.starts_at >= moments[1], Meeting.starts_at < end)
                )
                or 0,
                "overdue": session.scalar(select(func.count()).where(open_, Agreement.due_on < today)) or 0,
                "due_later_in_quarter": session.scalar(
                    select(func.count()).where(
                        open_, Agreement.due_on >= today, Agreement.due_on < local_date(end)
                    )
                )
                or 0,
            }
    finally:
        database.dispose()


def test_the_current_quarter_on_the_demo_is_interim_and_counts_up_to_now(
    db_url: URL, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    address = db_url.render_as_string(hide_password=False)
    assert main(["--database", address, "demo"]) == 0
    quarter = quarter_of(datetime.now(AMSTERDAM).date())
    quarter_start = datetime.combine(quarter.start, datetime.min.time(), AMSTERDAM).astimezone(UTC)
    quarter_end = datetime.combine(quarter.end, datetime.max.time(), AMSTERDAM).astimezone(UTC)
    capsys.readouterr()
    files = {}
    before = datetime.now(UTC)
    for name, dates in (
        ("to-today", ["--from", quarter.start.isoformat()]),
        ("whole-quarter", ["--from", quarter.start.isoformat(), "--to", quarter.end.isoformat()]),
    ):
        for suffix in (".xlsx", ".pdf"):
            files[name, suffix] = tmp_path / f"{name}{suffix}"
            assert (
                main(["--database", address, "report", "district", *dates, "-o", str(files[name, suffix])])
                == 0
            )
    after = datetime.now(UTC)
    counted = _counts(db_url, quarter_start, quarter_end, (before, after))
    # The demo plans meetings and due dates after today: an interim report that counted them would differ.
    assert counted["later_in_quarter"] > 0 or quarter.end == local_date(after)
    assert counted["due_later_in_quarter"] > 0 or quarter.end == local_date(after)

    for name in ("to-today", "whole-quarter"):
        values = dict(sheet_rows(files[name, ".xlsx"], "Summary")[1:])
        assert values["period_complete"] == "false"
        assert counted["held_before"] <= values["meetings_held"] <= counted["held_after"]
        assert values["agreements_overdue"] == counted["overdue"]
        meetings = sheet_rows(files[name, ".xlsx"], "Meetings")[1:]
        assert len(meetings) == values["meetings_held"]
        assert all(row[0].date() <= local_date(after) for row in meetings)
        overdue = sheet_rows(files[name, ".xlsx"], "Agreements overdue")[1:]
        assert all(row[3].date() < local_date(before) for row in overdue)
        trend = sheet_rows(files[name, ".xlsx"], "Trend")
        assert trend[1][0] == "period_complete"
        assert trend[1][-1] == "false"
        assert set(trend[1][1:-1]) == {"true"}
        first_page = " ".join((PdfReader(files[name, ".pdf"]).pages[0].extract_text() or "").split())
        assert f"(interim, up to {day_text(local_date(before))})" in first_page

    past = tmp_path / "last-quarter.xlsx"
    assert main(["--database", address, "report", "district", "-o", str(past)]) == 0
    values = dict(sheet_rows(past, "Summary")[1:])
    assert values["period_complete"] == "true"
    assert set(sheet_rows(past, "Trend")[1][1:]) == {"true"}
