"""``export`` → ``import`` into an empty database → ``export`` gives the same data, on SQLite and PostgreSQL.

Compared as the workbooks read back: every sheet, every cell, except the About sheet's moment of writing.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select

from teamlead.cli import main
from teamlead.data.backup import backup_sqlite
from teamlead.data.database import Database, open_database
from teamlead.data.models import Note, Organisation, Person, Role, note_organisation, note_person
from teamlead.errors import UserError
from teamlead.importing.readers import read_file
from teamlead.importing.session import import_source
from teamlead.producing.export import export_database
from teamlead.services.organisations import OrganisationInput, add_organisation
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


texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
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


def test_the_demo_survives_export_and_import_by_the_commands(
    database: Database, empty_target: Database, tmp_path: Path
) -> None:
    """The commands a person runs: ``demo``, ``export``, ``import`` into a new database, ``export`` again.

    The demo holds what the app makes and hand-seeded worlds lack: meeting series with their time of day.
    """
    source, target = (db.url.render_as_string(hide_password=False) for db in (database, empty_target))
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    assert main(["--database", source, "demo", "--scale", "small", "--today", "2026-11-23"]) == 0
    assert main(["--database", source, "export", "-o", str(first)]) == 0
    assert main(["--database", target, "import", str(first)]) == 0
    assert main(["--database", target, "export", "-o", str(second)]) == 0
    assert workbook_data(first)["meeting_series"][1:], "the demo holds meeting series"
    assert workbook_data(second) == workbook_data(first)
