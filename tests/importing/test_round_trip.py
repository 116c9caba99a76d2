"""``export`` → ``import`` into an empty database → ``export`` gives the same data, on SQLite and PostgreSQL.

Compared as the workbooks read back: every sheet, every cell, except the About sheet's moment of writing.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select, update

from teamlead.cli import main
from teamlead.data.backup import backup_sqlite
from teamlead.data.database import Database, open_database
from teamlead.data.export_format import export_query, export_tables
from teamlead.data.models import Meeting, Note, Organisation, Person, Role, note_organisation, note_person
from teamlead.errors import UserError
from teamlead.importing.readers import read_file
from teamlead.importing.session import import_source
from teamlead.producing.export import export_database
from teamlead.rules.clock import AMSTERDAM
from teamlead.services.organisations import OrganisationInput, add_organisation
from teamlead.services.series import OccurrenceChanges, edit_occurrence
from tests.reporting.seed import seed

MADE_AT = datetime(2026, 10, 2, 9, 30, tzinfo=UTC)


def workbook_data(path: Path) -> dict[str, list[tuple[object, ...]]]:
    import python_calamine

    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    data = {
        name: [tuple(row) for row in workbook.get_sheet_by_name(name).iter_rows()]
        for name in workbook.sheet_names
    }
    data["About"] = [row for row in data["About"] if row[0] not in ("generated_at", "schema_revision")]
    return data


def round_trip(source: Database, target: Database, folder: Path) -> None:
    first, second = folder / "first.xlsx", folder / "second.xlsx"
    export_database(source, first, MADE_AT)
    outcome = import_source(target, read_file(first))
    assert outcome.lines[-1].startswith("export read back: ")
    export_database(target, second, MADE_AT)
    assert workbook_data(second) == workbook_data(first)


@pytest.fixture
def empty_target(database: Database, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A second, empty database on the same backend as ``database``."""
    target = open_database(
        tmp_path / "target.sqlite3" if database.is_sqlite else request.getfixturevalue("postgres_url")
    )
    try:
        yield target
    finally:
        target.dispose()


def test_export_import_export_gives_the_same_data(
    database: Database, empty_target: Database, tmp_path: Path
) -> None:
    seed(database)
    round_trip(database, empty_target, tmp_path)
    with empty_target.begin() as session:  # the ids continue after the imported ones (PostgreSQL sequences)
        new_id = add_organisation(session, OrganisationInput(name="Nieuw na de import"))
        assert new_id > max(session.scalars(select(Organisation.id).where(Organisation.id != new_id)))


def test_an_export_goes_only_into_an_empty_database(database: Database, tmp_path: Path) -> None:
    seed(database)
    path = tmp_path / "export.xlsx"
    export_database(database, path, MADE_AT)
    with pytest.raises(UserError, match=r"only into an empty database.*\(district\)"):
        import_source(database, read_file(path))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("roundtrip") / "template.sqlite3"
    open_database(path).dispose()
    return path


# Every character but the three the workbook writer drops (NUL, U+FFFE, U+FFFF): the rest comes back exactly.
texts = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00\ufffe\uffff"), max_size=40)
names = texts.filter(lambda text: text.strip() != "")
days = st.dates(date(1990, 1, 1), date(2040, 12, 31))
organisations = st.lists(
    st.tuples(names, texts, texts, st.booleans(), days, st.none() | st.integers(1, 3660)),
    min_size=1,
    max_size=6,
)
persons = st.lists(st.tuples(names, texts, texts, st.integers(0, 5), days), max_size=8)
notes = st.lists(st.tuples(texts, days, st.integers(0, 5), st.integers(0, 7)), max_size=8)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(organisations=organisations, persons=persons, notes=notes)
def test_any_records_survive_the_round_trip(
    template: Path,
    organisations: list[tuple[str, str, str, bool, date, int | None]],
    persons: list[tuple[str, str, str, int, date]],
    notes: list[tuple[str, date, int, int]],
) -> None:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        backup_sqlite(template, folder / "source.sqlite3")
        shutil.copy(template, folder / "target.sqlite3")
        source = open_database(folder / "source.sqlite3")
        target = open_database(folder / "target.sqlite3")
        try:
            with source.begin() as session:
                org_ids = session.scalars(
                    insert(Organisation).returning(Organisation.id, sort_by_parameter_order=True),
                    [
                        {
                            "name": n,
                            "address": a,
                            "description": d,
                            "is_informal": i,
                            "joined_on": j,
                            "contact_cadence_days": c,
                        }
                        for n, a, d, i, j, c in organisations
                    ],
                ).all()
                person_ids = []
                for name, phone, remarks, org, started in persons:
                    person = Person(name=name, phone=phone[:50], remarks=remarks)
                    session.add(person)
                    session.flush()
                    person_ids.append(person.id)
                    session.add(
                        Role(
                            person_id=person.id,
                            organisation_id=org_ids[org % len(org_ids)],
                            started_on=started,
                        )
                    )
                for text, day, org, who in notes:
                    note = Note(kind="other", text=text, occurred_on=day)
                    session.add(note)
                    session.flush()
                    session.execute(
                        insert(note_organisation).values(
                            note_id=note.id, organisation_id=org_ids[org % len(org_ids)], position=0
                        )
                    )
                    if person_ids:
                        session.execute(
                            insert(note_person).values(
                                note_id=note.id, person_id=person_ids[who % len(person_ids)]
                            )
                        )
            round_trip(source, target, folder)
            assert_same_records(target, source)
        finally:
            source.dispose()
            target.dispose()


def test_renamed_and_swapped_domains_survive(sqlite_database: Database, tmp_path: Path) -> None:
    from sqlalchemy import update

    from teamlead.data.models import Domain
    from teamlead.services.geography import add_domain

    with sqlite_database.begin() as session:
        session.execute(update(Domain).where(Domain.key == "social").values(name="Sociaal werk"))
        session.execute(update(Domain).where(Domain.key == "care").values(name="Temp"))
        session.execute(update(Domain).where(Domain.key == "safety").values(name="Care"))
        session.execute(update(Domain).where(Domain.key == "care").values(name="Safety"))
        sport = add_domain(session, "Sport")
        add_organisation(session, OrganisationInput(name="Sportclub Zoë", domain_id=sport))
    target = open_database(tmp_path / "target.sqlite3")
    try:
        round_trip(sqlite_database, target, tmp_path)
    finally:
        target.dispose()


TEXTS = (
    "a lone\rcarriage return",
    "Windows\r\nline ends",
    "literal _x000D_ and x_x0041_y, as typed",
    " ",
    "\t",
    "  leading and trailing  ",
    "control\x01\x1fcodes",
    '=HYPERLINK("x")',
    "\rstarts with CR",
    "Zoë Øster Yılmaz Ğ ß 😀",
    "",
)
"""Text that a spreadsheet cell does not hold as it is; each must come back exactly."""


def add_what_the_demo_lacks(database: Database, folder: Path) -> dict[int, str]:
    """An occurrence moved on its own (detached), texts that need care in columns the demo leaves empty, and
    what Teamlead wrote to partners' calendars (``calendar_sent``): a publish export, an invitation to a
    one-off meeting and one to a whole series, by the command a person runs.

    Returns person id -> remarks as stored. Written as an older import or a colleague's client might have
    stored them: straight into the columns, without the forms' trimming.
    """
    with database.begin() as session:
        meeting = session.scalars(
            select(Meeting).where(Meeting.series_id.is_not(None), Meeting.starts_at > MADE_AT).limit(1)
        ).one()
        start = meeting.starts_at.astimezone(AMSTERDAM).replace(tzinfo=None) + timedelta(days=1, hours=2)
        edit_occurrence(
            session,
            meeting.id,
            OccurrenceChanges(starts_local=start, location="Elders, één keer"),
            expected_version=meeting.version,
        )
        people = session.scalars(select(Person.id).order_by(Person.id).limit(len(TEXTS))).all()
        remarks = dict(zip(people, TEXTS, strict=True))
        for person, text in remarks.items():
            session.execute(update(Person).where(Person.id == person).values(remarks=text))
        session.execute(
            update(Organisation).where(Organisation.id == 1).values(description="Beschrijving\r\nmet regels")
        )
        one_off = session.scalars(
            select(Meeting.id).where(Meeting.series_id.is_(None), Meeting.starts_at > MADE_AT).limit(1)
        ).one()
    url = database.url.render_as_string(hide_password=False)
    calendar = ["--database", url, "calendar", "-o"]
    invite = ["--invite", "--organizer", "Anna de Vries <anna@example.nl>"]
    assert main([*calendar, str(folder / "all.ics"), "--from", "2026-01-01"]) == 0
    assert main([*calendar, str(folder / "one.ics"), "--meeting", str(one_off), *invite]) == 0
    assert (
        main([*calendar, str(folder / "series.eml"), "--meeting", str(meeting.id), "--whole-series", *invite])
        == 0
    )
    return remarks


def stored_rows(database: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every exported table, by primary key."""
    with database.engine.connect() as connection:
        return {
            table.name: [tuple(row) for row in connection.execute(export_query(table))]
            for table in export_tables()
        }


def assert_same_records(target: Database, source: Database) -> None:
    """The same records, value for value; moments to the millisecond (what a workbook cell holds)."""
    read, written = stored_rows(target), stored_rows(source)
    for table, rows in written.items():
        assert len(read[table]) == len(rows), table
        for got, wanted in zip(read[table], rows, strict=True):
            for column, (value, expected) in enumerate(zip(got, wanted, strict=True)):
                if isinstance(expected, datetime) and isinstance(value, datetime):
                    assert abs(value - expected) <= timedelta(milliseconds=1), (table, column, wanted[0])
                else:
                    assert value == expected, (table, column, wanted[0])


@pytest.mark.slow
def test_the_district_demo_survives_export_and_import_by_the_commands(
    database: Database, empty_target: Database, tmp_path: Path
) -> None:
    """The commands a person runs: ``demo``, ``export``, ``import`` into a new database, ``export`` again.

    The district demo holds what the app makes and hand-seeded worlds lack: meeting series with their time of
    day, time zone and rule, cancelled occurrences, status histories, attendance, agenda items, audit entries;
    the test adds a moved occurrence and texts a cell does not hold as they are.
    """
    source, target = (db.url.render_as_string(hide_password=False) for db in (database, empty_target))
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    assert (
        main(["--database", source, "demo", "--scale", "district", "--seed", "1", "--today", "2026-11-23"])
        == 0
    )
    remarks = add_what_the_demo_lacks(database, tmp_path)
    assert main(["--database", source, "export", "-o", str(first)]) == 0
    assert main(["--database", target, "import", str(first)]) == 0
    assert main(["--database", target, "export", "-o", str(second)]) == 0
    exported = workbook_data(first)
    for table in export_tables():  # every column of every table holds something somewhere
        header, *rows = exported[table.name]
        empty = [name for index, name in enumerate(header) if all(row[index] in ("", None) for row in rows)]
        assert rows, table.name
        assert not empty, (table.name, empty)
    assert workbook_data(second) == exported
    assert_same_records(empty_target, database)
    with empty_target.session() as session:
        read_back = session.execute(select(Person.id, Person.remarks).where(Person.id.in_(remarks)))
        assert {row.id: row.remarks for row in read_back} == remarks
