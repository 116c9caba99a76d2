"""Schema upgrades: a stored database of every released schema opens in the current app, backed up first,
upgraded to the head and with its rows kept; and the migrations build exactly the schema the models describe.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select
from sqlalchemy.engine import URL

from teamlead.data import migrate
from teamlead.data.agreements import Agreement
from teamlead.data.backup import BACKUP_FOLDER
from teamlead.data.database import open_database
from teamlead.data.integrity import State, inspect_sqlite
from teamlead.data.models import Base
from teamlead.data.notes import Note
from teamlead.data.roster import Organisation, Person
from tests.data.database_files import snapshot

FIXTURES = Path(__file__).with_name("fixtures")
RELEASED = [
    path
    for path in sorted(FIXTURES.glob("schema-*.sqlite3"))
    if path.stem.removeprefix("schema-") < migrate.head_revision()  # stored before the newest revision
]


@dataclass(frozen=True)
class Kept:
    """Rows of a stored database that must come through its upgrade."""

    organisations: list[str]
    persons: list[str]
    note: str
    agreement: str


KEPT = {
    "schema-0001": Kept(
        ["Jongerenwerk Nieuw-West", "Buurtteam Geuzenveld"],
        ["Fatima el Amrani", "Zoë de Vries"],
        "Overlast bij het winkelcentrum Plein '40-'45 in de avond",
        "Samen avondronde lopen op vrijdag",
    ),
    "schema-0006": Kept(
        [
            "Jongerenwerk Nieuw-West",
            "Buurtteam Geuzenveld",
            "Voetbalclub Geuzenveld",
            "Ouderplatform Slotermeer",
        ],
        ["Fatima el Amrani", "Zoë de Vries"],
        "Onrust bij het winkelcentrum op vrijdagavond",
        "Samen avondronde lopen op vrijdag",
    ),
}


def test_there_is_a_stored_database_of_the_first_schema() -> None:
    assert FIXTURES / "schema-0001.sqlite3" in RELEASED


@pytest.mark.parametrize("stored", RELEASED, ids=lambda path: path.stem)
def test_an_older_database_is_backed_up_then_upgraded_with_its_rows_kept(
    stored: Path, tmp_path: Path
) -> None:
    path = tmp_path / "teamlead.sqlite3"
    shutil.copyfile(stored, path)
    original = path.read_bytes()
    old = inspect_sqlite(path)
    assert old.state is State.OLD

    database = open_database(path)
    try:
        with database.session() as session:
            kept = KEPT[stored.stem]
            assert (
                session.scalars(select(Organisation.name).order_by(Organisation.id)).all()
                == kept.organisations
            )
            assert session.scalars(select(Person.name).order_by(Person.id)).all() == kept.persons
            assert kept.note in session.scalars(select(Note.text))
            assert session.scalar(select(Agreement.text)) == kept.agreement
    finally:
        database.dispose()

    assert inspect_sqlite(path, thorough=True).state is State.CURRENT
    backups = list((tmp_path / BACKUP_FOLDER).iterdir())
    assert len(backups) == 1
    assert f"before-upgrade-from-{old.revision}" in backups[0].name
    copy = sqlite3.connect(backups[0])
    try:  # the backup is the old database as it was, ready to restore
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (old.revision,)
        assert copy.execute("SELECT count(*) FROM organisation").fetchone() == (
            len(KEPT[stored.stem].organisations),
        )
    finally:
        copy.close()
    assert path.read_bytes() != original


def test_a_current_database_is_opened_without_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "teamlead.sqlite3"
    open_database(path).dispose()
    open_database(path).dispose()
    assert not (tmp_path / BACKUP_FOLDER).exists()


def test_upgrade_false_leaves_an_older_database_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "teamlead.sqlite3"
    shutil.copyfile(FIXTURES / "schema-0001.sqlite3", path)
    before = snapshot(tmp_path)
    open_database(path, upgrade=False, wal=False).dispose()
    assert snapshot(tmp_path) == before


def ignored_search_tables() -> tuple[str, ...]:
    """The full-text index lives outside the models by design: FTS5 or tsvector tables kept by triggers."""
    try:
        from teamlead.data import search_schema
    except ImportError:
        return ()
    return tuple(kind.index for kind in search_schema.KINDS)


def test_every_migration_upgrades_an_empty_database_to_the_models_schema(db_url: URL) -> None:
    engine = create_engine(db_url)
    ignored = ignored_search_tables()

    def include_name(name: str | None, type_: str, _parent: object) -> bool:
        return not (type_ == "table" and name is not None and name.startswith(ignored) and ignored != ())

    try:
        with engine.begin() as connection:
            migrate.upgrade(connection)
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_name": include_name}
            )
            differences = compare_metadata(context, Base.metadata)
            assert migrate.current_revision(connection) == migrate.head_revision()
    finally:
        engine.dispose()
    assert differences == []
