"""``teamlead check``: what it prints and its exit code, on sound, older, empty and damaged databases.

It changes nothing, ever: every SQLite case compares the folder's files, bytes and all, before and after.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from teamlead import cli
from teamlead.data import migrate
from teamlead.data.database import open_database
from teamlead.data.roster import Person
from tests.data.database_files import snapshot

FIRST_SCHEMA = Path(__file__).parents[1] / "data" / "fixtures" / "schema-0001.sqlite3"


def check(database: str, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str, str]:
    code = cli.main([*options, "--database", database, "check"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sound(tmp_path: Path) -> Path:
    path = tmp_path / "teamlead.sqlite3"
    database = open_database(path)
    with database.begin() as session:
        session.add_all(Person(name=name) for name in ("Zoë de Vries", "Fatima el Amrani", "Henk Jansen"))
    database.dispose()
    return path


def test_a_sound_current_database(sound: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(sound.parent)
    code, out, err = check(str(sound), capsys)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Database: {sound} (SQLite {sqlite3.sqlite_version})",
        f"Schema: current (revision {migrate.head_revision()})",
        "Integrity: ok",
        "Foreign keys: ok",
        "Search index: ok",
    ]
    assert snapshot(sound.parent) == before


def test_in_dutch(sound: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = check(str(sound), capsys, "--language", "nl")
    assert code == 0
    assert "Integriteit: in orde" in out.splitlines()


def test_an_older_database_is_upgradable_and_left_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "teamlead.sqlite3"
    shutil.copyfile(FIRST_SCHEMA, path)
    before = snapshot(tmp_path)
    code, out, _err = check(str(path), capsys)
    assert code == 0
    assert f"Schema: upgradable from revision 0001 to {migrate.head_revision()}" in out
    assert snapshot(tmp_path) == before


def test_a_missing_database_is_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nowhere" / "teamlead.sqlite3"
    code, _out, err = check(str(path), capsys)
    assert code == 1
    assert f"There is no database at {path}." in err
    assert list(tmp_path.iterdir()) == []


def test_a_zero_byte_file_is_reported_empty_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "teamlead.sqlite3"
    path.touch()
    code, _out, err = check(str(path), capsys)
    assert code == 1
    assert "is empty" in err
    assert path.stat().st_size == 0
    assert [p.name for p in tmp_path.iterdir()] == ["teamlead.sqlite3"]


def test_broken_links_and_a_broken_search_index_are_named(
    sound: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    connection = sqlite3.connect(sound)
    connection.execute("INSERT INTO note_person (note_id, person_id) VALUES (999, 998)")
    connection.execute("DELETE FROM search_person_docsize WHERE id % 2 = 0")
    connection.commit()
    connection.close()
    before = snapshot(sound.parent)
    code, out, err = check(str(sound), capsys)
    assert code == 1
    assert "row 1 of note_person points to a missing note" in out
    assert "The search index of person is damaged." in out
    assert "is damaged" in err
    assert "teamlead restore" in err
    assert snapshot(sound.parent) == before


@pytest.mark.postgres
def test_on_postgresql_it_names_the_server_version_and_the_schema(
    postgres_url: URL, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres_url.render_as_string(hide_password=False)
    code, _out, err = check(url, capsys)
    assert code == 1
    assert "is empty" in err
    open_database(postgres_url).dispose()
    code, out, err = check(url, capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("Database: postgresql+psycopg://")
    assert "(PostgreSQL 1" in lines[0]
    assert lines[1:] == [f"Schema: current (revision {migrate.head_revision()})", "Search index: ok"]


@pytest.mark.postgres
def test_an_unreachable_server_is_said_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = check("postgresql://nobody@127.0.0.1:1/teamlead", capsys)
    assert code == 1
    assert "Cannot reach the database server" in err
    assert "Traceback" not in err


def test_records_without_a_district_are_a_warning_not_a_failure(
    database: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both backends: partners and a note without a district are counted on a warning line; exit 0."""
    from teamlead.data.database import Database
    from teamlead.services import geography, notes, organisations
    from teamlead.services.notes import NoteInput
    from teamlead.services.organisations import OrganisationInput

    assert isinstance(database, Database)
    with database.begin() as session:
        geography.add_district(session, "Noord")
        geography.add_district(session, "Centrum")
        lost = [
            organisations.add_organisation(session, OrganisationInput(name=f"Initiatief {n}"))
            for n in range(12)
        ]
        notes.log_note(session, NoteInput(kind="call", text="Gebeld", organisation_ids=[lost[0]]))
    target = str(database.path) if database.path is not None else database.url.render_as_string(False)
    code, out, err = check(target, capsys)
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == (
        "Warning: 12 partners have no district; 1 note has no district; they count in no district's "
        "report (assign them on the dashboard)."
    )
