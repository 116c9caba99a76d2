"""The search index follows every write (ORM, Core bulk, raw SQL), and check/rebuild find and repair it."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import delete, insert, inspect, text, update
from sqlalchemy.engine import URL

from teamlead.data import migrate
from teamlead.data.database import Database
from teamlead.data.engine import make_engine
from teamlead.data.models import Note, Organisation, Person, Role
from teamlead.data.search import (
    SearchKind,
    check_search_index,
    pause_search_index,
    rebuild_search_index,
    search,
    search_index_paused,
)
from tests.data.search_builders import note, organisation, person, role


def found(database: Database, query: str, kind: SearchKind) -> list[str]:
    with database.session() as session:
        group = search(session, query, limit=50).group(kind)
    return [hit.title if kind is not SearchKind.NOTE else hit.snippet for hit in group.hits] if group else []


def test_edits_are_found_under_their_new_words_only(database: Database) -> None:
    with database.begin() as session:
        youth = organisation(session, "Jongerenwerk Geuzenveld")
        school = organisation(session, "Basisschool De Regenboog")
        zoe = person(session, "Zoë Öztürk")
        held = role(session, zoe, youth, "Coördinator")
        signal = note(session, "Overlast bij het winkelcentrum", youth)
    with database.begin() as session:
        session.get_one(Organisation, youth.id).name = "Jongerenwerk Slotermeer"
        session.get_one(Person, zoe.id).name = "Zoë de Vries"
        session.get_one(Note, signal.id).text = "Rustig bij het winkelcentrum"
    assert found(database, "geuzenveld", SearchKind.ORGANISATION) == []
    assert found(database, "slotermeer", SearchKind.ORGANISATION) == ["Jongerenwerk Slotermeer"]
    assert found(database, "ozturk", SearchKind.PERSON) == []
    # A role is found by its person's and organisation's current names.
    assert found(database, "vries slotermeer", SearchKind.ROLE) == ["Zoë de Vries · Coördinator"]
    assert found(database, "ozturk", SearchKind.ROLE) == []
    assert found(database, "overlast", SearchKind.NOTE) == []
    assert found(database, "rustig", SearchKind.NOTE) == ["Rustig bij het winkelcentrum"]

    with database.begin() as session:  # the role moves to another organisation and gets another title
        session.execute(
            update(Role)
            .where(Role.id == held.id)
            .values(organisation_id=school.id, title="Intern begeleider")
        )
    assert found(database, "regenboog", SearchKind.ROLE) == ["Zoë de Vries · Intern begeleider"]
    assert found(database, "coordinator", SearchKind.ROLE) == []

    with database.engine.begin() as connection:  # raw SQL, as a script or another tool would write
        connection.execute(
            text("UPDATE organisation SET description = 'Inloop voor tieners' WHERE id = :id"),
            {"id": school.id},
        )
        connection.execute(text("UPDATE note SET follow_up_done = :done"), {"done": True})  # not indexed text
    assert found(database, "tieners", SearchKind.ORGANISATION) == ["Basisschool De Regenboog"]
    assert found(database, "rustig", SearchKind.NOTE) == ["Rustig bij het winkelcentrum"]
    assert check_search_index_clean(database)


def test_deleted_records_are_no_longer_found(database: Database) -> None:
    with database.begin() as session:
        youth = organisation(session, "Jongerenwerk Geuzenveld")
        other = organisation(session, "Sportclub Geuzenveld")
        zoe = person(session, "Zoë Öztürk")
        role(session, zoe, youth, "Coördinator")
        first = note(session, "Signaal in Geuzenveld", youth)
        note(session, "Tweede signaal in Geuzenveld")
    with database.begin() as session:
        session.delete(session.get_one(Note, first.id))
        session.execute(delete(Person).where(Person.id == zoe.id))  # its roles go too (ON DELETE CASCADE)
    with database.engine.begin() as connection:
        connection.execute(delete(Organisation).where(Organisation.id == other.id))
    assert found(database, "geuzenveld", SearchKind.NOTE) == ["Tweede signaal in Geuzenveld"]
    assert found(database, "zoe", SearchKind.PERSON) == []
    assert found(database, "zoe", SearchKind.ROLE) == []
    assert found(database, "geuzenveld", SearchKind.ORGANISATION) == ["Jongerenwerk Geuzenveld"]
    with database.engine.begin() as connection:
        connection.execute(text("DELETE FROM note"))
    assert found(database, "signaal", SearchKind.NOTE) == []
    assert check_search_index_clean(database)


def test_core_bulk_inserts_are_indexed(database: Database) -> None:
    rows = [
        {"occurred_on": date(2025, 1, 1), "kind": "call", "text": f"Bulk melding {number} Wildemanbuurt"}
        for number in range(500)
    ]
    with database.engine.begin() as connection:
        connection.execute(insert(Note), rows)
        connection.execute(insert(Organisation), [{"name": f"Partner {n} Noord"} for n in range(50)])
    assert len(found(database, "wildeman", SearchKind.NOTE)) == 50  # the limit
    with database.session() as session:
        assert search(session, "bulk melding 499").group(SearchKind.NOTE).hits[0].snippet == (  # type: ignore[union-attr]
            "Bulk melding 499 Wildemanbuurt"
        )
        assert (
            search(session, "noord", limit=100).group(SearchKind.ORGANISATION).hits[-1].title
            == "Partner 49 Noord"
        )  # type: ignore[union-attr]
    assert check_search_index_clean(database)


def check_search_index_clean(database: Database) -> bool:
    with database.engine.begin() as connection:
        return check_search_index(connection) == []


def test_check_reports_a_stale_index_and_rebuild_repairs_it(database: Database) -> None:
    with database.begin() as session:
        organisation(session, "Jongerenwerk Geuzenveld")
        note(session, "Signaal in Geuzenveld")
    index = "search_organisation"
    with database.engine.begin() as connection:
        if database.is_sqlite:
            connection.exec_driver_sql("DROP TRIGGER search_note_ai")
        else:
            connection.exec_driver_sql("DROP TRIGGER search_note_ai ON note")
        connection.exec_driver_sql(f"DELETE FROM {index}")
        connection.execute(
            insert(Note).values(occurred_on=date(2025, 1, 2), kind="call", text="Ongezien signaal")
        )
    with database.engine.begin() as connection:
        problems = check_search_index(connection)
    assert problems[0] == "The search index is not kept up to date: triggers are missing (search_note_ai)."
    assert "The search index of organisation does not match the data: 1 record missing" in problems[1]
    assert "The search index of note does not match the data: 1 record missing" in problems[2]
    assert found(database, "ongezien", SearchKind.NOTE) == []
    with database.engine.begin() as connection:
        rebuild_search_index(connection)
        assert check_search_index(connection) == [
            "The search index is not kept up to date: triggers are missing (search_note_ai)."
        ]
    assert found(database, "ongezien", SearchKind.NOTE) == ["Ongezien signaal"]
    assert found(database, "geuzenveld", SearchKind.ORGANISATION) == ["Jongerenwerk Geuzenveld"]


def test_check_reports_a_damaged_fts5_index(sqlite_database: Database) -> None:
    with sqlite_database.begin() as session:
        organisation(session, "Jongerenwerk Geuzenveld")
    with sqlite_database.engine.begin() as connection:  # the stored text no longer matches the index
        connection.exec_driver_sql("UPDATE search_organisation_content SET c0 = 'iets anders'")
    with sqlite_database.engine.begin() as connection:
        assert check_search_index(connection) == ["The search index of organisation is damaged."]
        rebuild_search_index(connection)
        assert check_search_index(connection) == []


def test_upgrading_an_existing_database_indexes_its_records(db_url: URL) -> None:
    engine = make_engine(db_url)
    try:
        with engine.begin() as connection:
            migrate.upgrade(connection, "0001")
            connection.execute(  # the table as 0001 made it (today's model has more columns)
                text(
                    "INSERT INTO organisation (name, address, website, phone, email, description, is_informal, "
                    "status, created_at, updated_at, version) VALUES ('Buurtteam Wildemanbuurt', '', '', '', '', "
                    "'', false, 'active', '2024-05-01 09:00:00', '2024-05-01 09:00:00', 1)"
                )
            )
            connection.execute(
                insert(Note).values(occurred_on=date(2024, 5, 1), kind="visit", text="Bezoek Zoë")
            )
        with engine.begin() as connection:
            migrate.upgrade(connection)
            results = search(connection, "zoe wild")
            assert results.groups == ()
            assert search(connection, "wild").hits()[0].title == "Buurtteam Wildemanbuurt"
            assert search(connection, "zoe").hits()[0].snippet == "Bezoek Zoë"
            assert check_search_index(connection) == []
        with engine.begin() as connection:
            command.downgrade(migrate.alembic_config(connection), "0001")
            assert not [name for name in inspect(connection).get_table_names() if name.startswith("search_")]
            connection.execute(
                insert(Note).values(occurred_on=date(2024, 5, 2), kind="visit", text="Zonder index")
            )
    finally:
        engine.dispose()


def test_a_bulk_load_can_pause_the_index_and_rebuild_it_once(database: Database) -> None:
    with database.begin() as session:
        kept = note(session, "Bestaande melding over de Wildemanbuurt")
    with database.engine.begin() as connection, search_index_paused(connection):
        connection.execute(
            insert(Note),
            [{"occurred_on": date(2025, 2, 1), "kind": "visit", "text": f"Bezoek {n}"} for n in range(300)],
        )
        connection.execute(delete(Note).where(Note.id == kept.id))
        assert search(connection, "bezoek").groups == ()  # not indexed yet: the triggers are paused
        # The deleted note's entry is still in the paused index, but never shows: hits join the note table.
        assert search(connection, "wildemanbuurt").groups == ()
    assert len(found(database, "bezoek", SearchKind.NOTE)) == 50
    assert found(database, "wildemanbuurt", SearchKind.NOTE) == []
    assert check_search_index_clean(database)
    with database.begin() as session:  # and row by row again afterwards
        note(session, "Nieuwe melding na de import")
    assert found(database, "nieuwe melding", SearchKind.NOTE) == ["Nieuwe melding na de import"]


def test_a_pause_left_behind_is_reported(database: Database) -> None:
    with database.engine.begin() as connection:
        pause_search_index(connection)
    with database.engine.begin() as connection:
        assert check_search_index(connection) == [
            "The search index was paused for a bulk load and not rebuilt afterwards."
        ]
        rebuild_search_index(connection)
        assert check_search_index(connection) == []
