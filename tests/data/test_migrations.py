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
    "schema-0008": Kept(
        [
            "Jongerenwerk Nieuw-West",
            "Buurtteam Geuzenveld",
            "Voetbalclub Geuzenveld",
            "Ouderplatform Slotermeer",
            "Politie basisteam Geuzenveld",
            "Huurdersvereniging Geuzenveld",
        ],
        ["Fatima el Amrani", "Zoë de Vries", "Sanne Jansen", "Kees Bakker", "Ayşe Yılmaz"],
        "Onrust bij het winkelcentrum op vrijdagavond",
        "Samen avondronde lopen op vrijdag",
    ),
    "schema-0009": Kept(
        [
            "Jongerenwerk Nieuw-West",
            "Buurtteam Geuzenveld",
            "Voetbalclub Geuzenveld",
            "Ouderplatform Slotermeer",
            "Politie basisteam Geuzenveld",
            "Huurdersvereniging Geuzenveld",
        ],
        ["Fatima el Amrani", "Zoë de Vries", "Sanne Jansen", "Kees Bakker", "Ayşe Yılmaz"],
        "Onrust bij het winkelcentrum op vrijdagavond",
        "Samen avondronde lopen op vrijdag",
    ),
    "schema-0010": Kept(
        [
            "Jongerenwerk Nieuw-West",
            "Buurtteam Geuzenveld",
            "Voetbalclub Geuzenveld",
            "Ouderplatform Slotermeer",
            "Politie basisteam Geuzenveld",
            "Huurdersvereniging Geuzenveld",
        ],
        ["Fatima el Amrani", "Zoë de Vries", "Sanne Jansen", "Kees Bakker", "Ayşe Yılmaz"],
        "Onrust bij het winkelcentrum op vrijdagavond",
        "Samen avondronde lopen op vrijdag",
    ),
    "schema-0007": Kept(
        [
            "Jongerenwerk Nieuw-West",
            "Buurtteam Geuzenveld",
            "Voetbalclub Geuzenveld",
            "Ouderplatform Slotermeer",
            "Politie basisteam Geuzenveld",
            "Huurdersvereniging Geuzenveld",
        ],
        ["Fatima el Amrani", "Zoë de Vries", "Sanne Jansen", "Kees Bakker", "Ayşe Yılmaz"],
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


def test_the_upgrade_to_0007_puts_records_in_the_only_district_and_turns_import_notes_into_remarks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from teamlead.cli import main
    from teamlead.data.admin import Meta
    from teamlead.data.geography import Domain
    from teamlead.data.meetings import Meeting, MeetingSeries

    path = tmp_path / "teamlead.sqlite3"
    shutil.copyfile(FIXTURES / "schema-0006.sqlite3", path)
    assert main(["--database", str(path), "--language", "en", "check"]) == 0  # check changes nothing
    assert main(["--database", str(path), "--language", "en", "meetings", "--from", "2026-09-01"]) == 0
    said = capsys.readouterr().err
    assert "upgraded from schema 0006" in said
    assert (
        "Records that had no district are now in Nieuw-West: 3 partners, 2 notes, 3 meetings, "
        "1 meeting series and 1 agreement."
    ) in said
    assert "2 notes that a roster import made from its remarks column are now remarks" in said
    database = open_database(path)
    try:
        with database.session() as session:
            for model in (Organisation, Note, Meeting, MeetingSeries, Agreement):
                assert session.scalars(select(model.district_id)).all(), model
                assert set(session.scalars(select(model.district_id))) == {1}, model
            assert session.scalars(select(Note.text).order_by(Note.id)).all() == [
                "Onrust bij het winkelcentrum op vrijdagavond",
                "Gebeld over de avondronde",
            ]
            assert session.scalar(select(Organisation.remarks).where(Organisation.id == 1)) == (
                "2026-09-01: Belt altijd terug binnen een dag\n"
                "2026-09-01: Sleutel van het buurthuis ligt bij de beheerder"
            )
            assert session.scalar(select(Person.remarks).where(Person.id == 1)) == (
                "2026-09-01: Belt altijd terug binnen een dag"
            )
            assert dict(session.execute(select(Domain.name, Domain.key).where(Domain.id > 7)).all()) == {
                "Jeugd & Gezin": "jeugd_gezin",
                "Sport": "sport",
            }
            assert session.scalar(select(Meta.value).where(Meta.key == "database_id"))
    finally:
        database.dispose()
    assert main(["--database", str(path), "check"]) == 0
    assert "upgraded" not in capsys.readouterr().err  # said once, at the upgrade


def test_the_upgrade_to_0008_chooses_only_contacts_as_key_contacts_and_leaves_old_signals_without_a_round(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date

    from teamlead.cli import main
    from teamlead.data.queries.dashboard_lists import key_contacts_missing
    from teamlead.data.queries.notes import notes
    from teamlead.data.roster import key_contact
    from teamlead.data.signals import SignalRound, Theme

    path = tmp_path / "teamlead.sqlite3"
    shutil.copyfile(FIXTURES / "schema-0007.sqlite3", path)
    assert main(["--database", str(path), "--language", "en", "meetings", "--from", "2026-09-01"]) == 0
    said = capsys.readouterr().err
    assert "upgraded from schema 0007" in said
    assert "3 partners with one contact person now have that person as their key contact." in said
    database = open_database(path)
    try:
        with database.session() as session:
            chosen = dict(
                session.execute(select(key_contact.c.organisation_id, key_contact.c.person_id)).all()
            )
            assert chosen == {1: 1, 2: 2, 101: 101}
            missing = key_contacts_missing(session, date(2026, 11, 1))
            assert [(row.name, row.contacts) for row in missing] == [("Huurdersvereniging Geuzenveld", 2)]
            assert [key for key in session.scalars(select(Theme.key).order_by(Theme.position))] == [
                "unrest",
                "drugs",
                "weapons",
                "school_absence",
                "online",
                "exploitation",
                "nuisance",
                "other",
            ]
            assert session.scalars(select(SignalRound)).all() == []
            old = notes(session, kind="signal")
            assert sorted(row.signal_state for row in old) == ["none", "none"]  # never shown as open
            assert notes(session, signal_state="open") == []
    finally:
        database.dispose()


def test_the_upgrade_to_0009_gives_a_meeting_the_one_neighbourhood_its_title_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from teamlead.cli import main
    from teamlead.data.meetings import meeting_neighbourhood

    path = tmp_path / "teamlead.sqlite3"
    shutil.copyfile(FIXTURES / "schema-0008.sqlite3", path)
    assert main(["--database", str(path), "--language", "en", "meetings", "--from", "2026-09-01"]) == 0
    said = capsys.readouterr().err
    assert "upgraded from schema 0008" in said
    assert "3 meetings whose title names one neighbourhood now belong to that neighbourhood." in said
    database = open_database(path)
    try:
        with database.session() as session:
            linked = dict(
                session.execute(
                    select(meeting_neighbourhood.c.meeting_id, meeting_neighbourhood.c.neighbourhood_id)
                ).all()
            )
            # "Netwerkoverleg Geuzenveld" twice, "Lokale reflectie Slotermeer Noordoost" (another spelling);
            # not the meeting naming both, nor "Kennismaking ouderplatform".
            assert linked == {1: 1, 2: 1, 101: 2}
    finally:
        database.dispose()


def test_the_upgrade_to_0010_keeps_the_ecosystem_and_starts_with_nothing_written_to_calendars(
    tmp_path: Path,
) -> None:
    from teamlead.data.meetings import CalendarSent
    from teamlead.data.places import Indicator, Place

    path = tmp_path / "teamlead.sqlite3"
    shutil.copyfile(FIXTURES / "schema-0009.sqlite3", path)
    database = open_database(path)
    try:
        with database.session() as session:
            assert session.scalars(select(CalendarSent)).all() == []
            assert session.scalars(select(Place.name)).all() == ["Pleintje Lodewijk van Deysselstraat"]
            assert session.scalars(select(Indicator.value)).all() == [79.0]
        # Nothing changed to existing data, so the upgrade has nothing to tell beyond the schema.
        assert database.upgrade is not None
        assert (database.upgrade.from_revision, database.upgrade.to_revision) == (
            "0009",
            migrate.head_revision(),
        )
        assert database.upgrade.changes == ()
    finally:
        database.dispose()


def test_the_upgrade_to_0011_keeps_every_audit_entry_with_its_user_unknown(tmp_path: Path) -> None:
    from teamlead.data.admin import AuditEntry
    from teamlead.data.queries.history import record_history

    path = tmp_path / "teamlead.sqlite3"
    shutil.copyfile(FIXTURES / "schema-0010.sqlite3", path)
    database = open_database(path)
    try:
        assert database.upgrade is not None
        assert database.upgrade.from_revision == "0010"
        assert database.upgrade.changes == ()
        with database.session() as session:
            entries = session.execute(
                select(
                    AuditEntry.id,
                    AuditEntry.table_name,
                    AuditEntry.record_id,
                    AuditEntry.fields,
                    AuditEntry.user_name,
                    AuditEntry.district_id,
                    AuditEntry.changes,
                ).order_by(AuditEntry.id)
            ).all()
            assert [tuple(entry) for entry in entries] == [
                (1, "organisation", 1, "name", None, 1, None),
                # notes 1 and 2 were deleted since; note 3 is in district 1
                (2, "note", 1, "occurred_on,district_id,kind,text", None, None, None),
                (3, "note", 2, "occurred_on,district_id,kind,text", None, None, None),
                (4, "organisation", 2, "name", None, 1, None),
                (5, "note", 3, "kind,text", None, 1, None),
                (6, "agreement", 1, "status", None, 1, None),
                # about a partner removed since: no district to take
                (7, "organisation", 999, "status", None, None, None),
            ]
            (shown,) = record_history(session, "agreement", 1)
            assert (shown.user, shown.fields, shown.values) == (None, ("status",), ())
    finally:
        database.dispose()


def test_a_new_database_has_an_id_of_its_own(tmp_path: Path) -> None:
    from teamlead.data.admin import Meta

    ids = set()
    for name in ("one.sqlite3", "two.sqlite3"):
        database = open_database(tmp_path / name)
        try:
            with database.session() as session:
                ids.add(session.scalar(select(Meta.value).where(Meta.key == "database_id")))
        finally:
            database.dispose()
    assert len(ids) == 2
    assert None not in ids
