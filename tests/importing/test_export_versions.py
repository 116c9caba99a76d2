"""An export made by an earlier Teamlead reads back: the stored fixture, and workbooks lacking what came since.

The fixture is the small demo exported by the version before the reader learnt about earlier versions; a
table or column added later must not stop it from importing (issue "One home for every rule").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from teamlead.cli import main
from teamlead.data.database import Database
from teamlead.data.export_format import export_query, export_tables
from teamlead.data.models import Invitee, MeetingSeries, Narrative, Note, Organisation
from teamlead.rules.vocabulary import DEFAULT_THEMES
from tests.importing.exports import (
    FIXTURE,
    Sheets,
    drop_column,
    drop_sheet,
    read_sheets,
    rewrite,
    set_cell,
    sheet_row_counts,
)


def url(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


def table_counts(database: Database) -> dict[str, int]:
    """Records per table, as an export holds them (without the database's own facts in teamlead_meta)."""

    with database.engine.connect() as connection:
        return {
            table.name: connection.scalar(select(func.count()).select_from(export_query(table).subquery()))
            or 0
            for table in export_tables()
        }


def expected_counts(path: Path) -> dict[str, int]:
    """The workbook's rows; a table it lacks (added since) stays as a new database has it: empty, or the default
    themes."""
    made_since = {table.name: 0 for table in export_tables()} | {"theme": len(DEFAULT_THEMES)}
    return made_since | sheet_row_counts(path)


def test_the_stored_export_of_an_earlier_version_imports(database: Database) -> None:
    assert main(["--database", url(database), "import", str(FIXTURE)]) == 0
    assert table_counts(database) == expected_counts(FIXTURE)
    with database.session() as session:
        # Netwerkoverleg Jeugd Nieuw-West: every second Tuesday of the month at 9:30 in Amsterdam.
        series = session.get(MeetingSeries, 1)
        assert series is not None
        assert (series.rrule, series.start_time, series.timezone) == (
            "FREQ=MONTHLY;BYDAY=2TU",
            time(9, 30),
            "Europe/Amsterdam",
        )
        zone = ZoneInfo(series.timezone)
        local = [meeting.starts_at.astimezone(zone) for meeting in series.meetings]
        assert len(local) > 12
        assert {moment.time() for moment in local} == {time(9, 30)}  # summer and winter time alike
        assert {moment.weekday() for moment in local} == {1}
        assert {moment.utcoffset() for moment in local} == {timedelta(hours=1), timedelta(hours=2)}


def test_the_fixture_is_an_export_of_the_version_it_says(database: Database) -> None:
    """The fixture stays what its README says; a test that replaced it would no longer test anything."""
    about = {row[0]: row[1] for row in read_sheets(FIXTURE)["About"][1:]}
    assert (about["format"], about["format_version"], about["schema_revision"]) == (
        "teamlead-export",
        1,
        "0006",
    )
    assert sheet_row_counts(FIXTURE)["meeting_series"] == 5


def import_changed(database: Database, tmp_path: Path, change: Callable[[Sheets], None]) -> int:
    path = rewrite(FIXTURE, tmp_path / "changed.xlsx", change)
    return main(["--database", url(database), "import", str(path)])


def test_columns_added_since_take_their_defaults(database: Database, tmp_path: Path) -> None:
    def older(sheets: Sheets) -> None:
        drop_column(sheets, "invitee", "attendance")  # default: invited
        drop_column(sheets, "organisation", "contact_cadence_days")  # may be empty: NULL
        drop_column(sheets, "note", "created_at")  # default: now

    before = datetime.now(UTC)
    assert import_changed(database, tmp_path, older) == 0
    with database.session() as session:
        assert set(session.scalars(select(Invitee.attendance).distinct())) == {"invited"}
        assert set(session.scalars(select(Organisation.contact_cadence_days).distinct())) == {None}
        assert session.scalar(select(func.min(Note.created_at))) >= before.replace(microsecond=0)
    assert table_counts(database) == expected_counts(FIXTURE)


def test_a_sheet_added_since_stays_empty(database: Database, tmp_path: Path) -> None:
    assert import_changed(database, tmp_path, lambda s: drop_sheet(s, "narrative", unlisted=True)) == 0
    expected = expected_counts(FIXTURE) | {"narrative": 0}
    assert table_counts(database) == expected
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Narrative)) == 0


def refused(
    database: Database, tmp_path: Path, change: Callable[[Sheets], None], capsys: pytest.CaptureFixture[str]
) -> str:
    """The import of the changed fixture fails with a message and leaves the database as it was."""
    before = table_counts(database)
    assert import_changed(database, tmp_path, change) == 1
    assert table_counts(database) == before
    error = capsys.readouterr().err
    assert "Traceback" not in error
    return error


def test_a_column_that_needs_a_value_cannot_be_made_up(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    error = refused(database, tmp_path, lambda s: drop_column(s, "note", "kind"), capsys)
    assert "the sheet note lacks the column kind, which needs a value and has no default" in error


def test_a_sheet_the_workbook_says_it_has_must_be_there(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    error = refused(database, tmp_path, lambda s: drop_sheet(s, "narrative", unlisted=False), capsys)
    assert "the sheet narrative is missing" in error


def test_a_workbook_of_a_newer_schema_is_refused(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def newer(sheets: Sheets) -> None:
        for row in sheets["About"]:
            if row[0] == "schema_revision":
                row[1] = "0999"
        set_cell(sheets, "note", 0, "kind", "call")

    error = refused(database, tmp_path, newer, capsys)
    assert "made by a newer Teamlead (schema 0999)" in error
