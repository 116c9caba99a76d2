"""The dashboard kept in the SQLite file for the next start: read back as it was read, gone at any write, never
kept stale, and nothing but our own rows decoded from it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from teamlead.data import kept_dashboard
from teamlead.data.database import Database
from teamlead.data.kept_dashboard import TABLE, TRIGGER_PREFIX, keep_read, read_kept
from teamlead.data.models import Organisation, Person
from teamlead.data.queries.dashboard_lists import load_dashboard
from teamlead.data.queries.default_district import database_id
from teamlead.data.queries.rows import DashboardData
from teamlead.data.scrub import scrub
from teamlead.rules import settings
from teamlead.services import meetings, notes
from teamlead.services.erasure import erase_person
from teamlead.services.meetings import MeetingInput
from teamlead.services.notes import NoteInput
from tests.ui.conftest import NOW, TODAY, Seeded, seed


@pytest.fixture
def seeded(sqlite_database: Database) -> Seeded:
    return seed(sqlite_database)


def path_of(database: Database) -> Path:
    assert database.path is not None
    return database.path


def read_and_keep(database: Database, day: date = TODAY, now: datetime = NOW) -> DashboardData:
    with database.session() as session:
        data = load_dashboard(session, day, now)
        assert keep_read(session, data, day)
    return data


def kept_rows(database: Database) -> int:
    with sqlite3.connect(path_of(database)) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0])


def test_a_read_is_kept_and_read_back_as_it_was(sqlite_database: Database, seeded: Seeded) -> None:
    data = read_and_keep(sqlite_database)
    assert data.overdue.total == 1  # the police team: never contacted
    assert data.follow_ups.total == 1
    assert data.signals.total == 1

    kept = read_kept(path_of(sqlite_database), TODAY, NOW)

    assert kept == data
    assert kept is not None
    assert kept.signals.rows[0].id == seeded.signal
    assert kept.signals.rows[0].signal_state == data.signals.rows[0].signal_state


def test_any_write_empties_it_whoever_writes(sqlite_database: Database, seeded: Seeded) -> None:
    read_and_keep(sqlite_database)
    with sqlite_database.begin() as session:
        notes.log_note(
            session,
            NoteInput(
                kind="call", text="Even bijgepraat", organisation_ids=[seeded.police], occurred_on=TODAY
            ),
            today=TODAY,
            now=NOW,
        )
    assert read_kept(path_of(sqlite_database), TODAY, NOW) is None
    assert kept_rows(sqlite_database) == 0

    read_and_keep(sqlite_database)
    with sqlite3.connect(path_of(sqlite_database)) as raw:  # another program, plain SQL
        raw.execute("UPDATE organisation SET name = name || '' WHERE id = ?", (seeded.youth_work,))
    assert read_kept(path_of(sqlite_database), TODAY, NOW) is None


def test_every_table_has_its_triggers(sqlite_database: Database, seeded: Seeded) -> None:
    read_and_keep(sqlite_database)
    with sqlite3.connect(path_of(sqlite_database)) as connection:
        tables = {
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith(("sqlite_", "search_")) and name != TABLE
        }
        triggers = {
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
                (f"{TRIGGER_PREFIX}%",),
            )
        }
    assert {"organisation", "note", "meeting", "agreement", "role", "teamlead_meta"} <= tables
    expected = {
        f"{TRIGGER_PREFIX}{table}_{event}" for table in tables for event in ("insert", "update", "delete")
    }
    assert expected <= triggers


def test_a_table_added_later_gets_its_triggers_at_the_next_keep(
    sqlite_database: Database, seeded: Seeded
) -> None:
    read_and_keep(sqlite_database)
    with sqlite3.connect(path_of(sqlite_database)) as raw:  # as a later migration would
        raw.execute("CREATE TABLE later_table (id INTEGER PRIMARY KEY)")
    read_and_keep(sqlite_database)
    with sqlite3.connect(path_of(sqlite_database)) as raw:
        raw.execute("INSERT INTO later_table (id) VALUES (1)")
    assert read_kept(path_of(sqlite_database), TODAY, NOW) is None


def test_a_trigger_of_an_earlier_form_is_made_again_and_still_empties_what_was_kept(
    sqlite_database: Database, seeded: Seeded
) -> None:
    """An earlier Teamlead's trigger deleted on every row written; the keep replaces it by today's form."""
    read_and_keep(sqlite_database)
    name = f"{TRIGGER_PREFIX}note_insert"
    with sqlite3.connect(path_of(sqlite_database)) as raw:
        raw.execute(f'DROP TRIGGER "{name}"')
        raw.execute(f'CREATE TRIGGER "{name}" AFTER INSERT ON "note" BEGIN DELETE FROM {TABLE}; END')
    read_and_keep(sqlite_database)
    with sqlite3.connect(path_of(sqlite_database)) as raw:
        (sql,) = raw.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    assert "WHEN EXISTS" in sql
    assert kept_rows(sqlite_database) == 1
    with sqlite_database.begin() as session:
        notes.log_note(
            session,
            NoteInput(kind="call", text="Gebeld", organisation_ids=[seeded.police], occurred_on=TODAY),
            today=TODAY,
            now=NOW,
        )
    assert kept_rows(sqlite_database) == 0


def test_a_write_between_the_read_and_the_keep_keeps_nothing(
    sqlite_database: Database, seeded: Seeded
) -> None:
    with sqlite_database.session() as session:
        data = load_dashboard(session, TODAY, NOW)
        with sqlite_database.begin() as writer:  # another worker saves meanwhile
            writer.get_one(Organisation, seeded.police).contact_cadence_days = 60
        assert not keep_read(session, data, TODAY)
    assert read_kept(path_of(sqlite_database), TODAY, NOW) is None
    with sqlite_database.session() as session:
        (timeout,) = session.connection().exec_driver_sql("PRAGMA busy_timeout").one()
    assert timeout > 0  # the keep's "never wait" was put back


def test_it_holds_for_its_day_and_until_the_first_meeting_listed_starts(
    sqlite_database: Database, seeded: Seeded
) -> None:
    starts = NOW + timedelta(hours=3)
    with sqlite_database.begin() as session:
        meetings.schedule_meeting(
            session,
            MeetingInput(
                kind="network", title="Netwerkoverleg", starts_at=starts, district_id=seeded.district
            ),
            now=NOW,
        )
    data = read_and_keep(sqlite_database)
    assert [meeting.title for meeting in data.meetings.rows] == ["Netwerkoverleg"]
    assert data.changes_at == starts
    path = path_of(sqlite_database)

    assert read_kept(path, TODAY, starts - timedelta(minutes=1)) == data
    assert read_kept(path, TODAY, starts) is None  # the meeting began: the list is another now
    assert read_kept(path, TODAY + timedelta(days=1), NOW) is None


def test_a_meeting_coming_within_the_window_ends_it(sqlite_database: Database, seeded: Seeded) -> None:
    later = NOW + timedelta(days=20)
    with sqlite_database.begin() as session:
        meetings.schedule_meeting(
            session,
            MeetingInput(kind="network", title="Later overleg", starts_at=later, district_id=seeded.district),
            now=NOW,
        )
    data = read_and_keep(sqlite_database)
    assert data.meetings.total == 0
    assert data.changes_at == later - timedelta(days=14)
    assert read_kept(path_of(sqlite_database), TODAY, later - timedelta(days=14)) is None


def test_another_district_chosen_is_another_dashboard(sqlite_database: Database, seeded: Seeded) -> None:
    read_and_keep(sqlite_database)
    with sqlite_database.session() as session:
        own_id = database_id(session)
    assert own_id is not None
    settings.set_default_district(own_id, seeded.district)
    assert read_kept(path_of(sqlite_database), TODAY, NOW) is None


def test_another_schema_reads_as_nothing_kept(sqlite_database: Database, seeded: Seeded) -> None:
    read_and_keep(sqlite_database)
    with sqlite3.connect(path_of(sqlite_database)) as raw:
        raw.execute(f"UPDATE {TABLE} SET revision = '0001'")  # kept by a Teamlead of another schema
    assert read_kept(path_of(sqlite_database), TODAY, NOW) is None


@pytest.mark.parametrize(
    "payload",
    [
        '{"$c": "Popen", "f": {"args": "touch /tmp/owned"}}',
        '{"$c": "DashboardData", "f": {"district": null}}',
        '{"$e": "Path", "v": "/"}',
        "not json at all",
        "[]",
    ],
)
def test_nothing_but_our_rows_is_decoded(sqlite_database: Database, seeded: Seeded, payload: str) -> None:
    read_and_keep(sqlite_database)
    with sqlite3.connect(path_of(sqlite_database)) as raw:
        raw.execute(f"UPDATE {TABLE} SET payload = ?", (payload,))
    assert read_kept(path_of(sqlite_database), TODAY, NOW) is None


def test_no_file_or_a_file_that_is_not_ours_reads_as_nothing(tmp_path: Path) -> None:
    assert read_kept(tmp_path / "absent.sqlite3", TODAY, NOW) is None
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as raw:
        raw.execute("CREATE TABLE something (id INTEGER)")
    assert read_kept(foreign, TODAY, NOW) is None
    text = tmp_path / "text.sqlite3"
    text.write_text("hello", encoding="utf-8")
    assert read_kept(text, TODAY, NOW) is None


def test_the_start_finds_the_file_as_the_opening_does(
    sqlite_database: Database, seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = date.today()
    now = datetime.now(UTC)
    with sqlite_database.session() as session:
        data = load_dashboard(session, day, now)
        assert keep_read(session, data, day)
    kept = kept_dashboard.kept_at_start(str(path_of(sqlite_database)))
    assert kept is not None
    assert kept.data == data
    assert kept.day == day
    monkeypatch.setenv("TEAMLEAD_DATABASE", str(path_of(sqlite_database)))
    assert kept_dashboard.kept_at_start(None) == kept
    assert kept_dashboard.kept_at_start("postgresql://server/teamlead") is None


def test_an_erased_person_is_gone_from_what_was_kept_and_from_the_files_bytes(
    sqlite_database: Database, seeded: Seeded
) -> None:
    """The kept lists name people (a follow-up's contact): the erasure's own write empties them, and the
    scrub leaves no trace of the name in the file."""
    with sqlite_database.begin() as session:
        fatima = session.scalars(select(Person.id).where(Person.name == "Fatima el Amrani")).one()
        notes.log_note(
            session,
            NoteInput(
                kind="call",
                text="Terugbellen over de zomerweek",
                organisation_ids=[seeded.youth_work],
                person_ids=[fatima],
                occurred_on=TODAY,
                follow_up_on=TODAY,
            ),
            today=TODAY,
            now=NOW,
        )
    data = read_and_keep(sqlite_database)
    assert "Fatima el Amrani" in {name for row in data.follow_ups.rows for name in row.persons}
    path = path_of(sqlite_database)
    with sqlite3.connect(path) as raw:
        (payload,) = raw.execute(f"SELECT payload FROM {TABLE}").fetchone()
    assert "Fatima el Amrani" in payload

    with sqlite_database.begin() as session:
        erase_person(session, fatima)
    scrub(sqlite_database)

    assert read_kept(path, TODAY, NOW) is None
    for file in (path, path.with_name(path.name + "-wal")):
        if file.exists():
            assert b"fatima el amrani" not in file.read_bytes().lower(), file.name
