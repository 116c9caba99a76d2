"""Who may see what on a shared PostgreSQL database, enforced by the server: through the app's services and
through raw SQL on the user's own connection."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ProgrammingError

from teamlead.data.access.install import reaches
from teamlead.data.access.policies import AUDIT, DISTRICT_DATA, SEARCH_INDEX, SHARED
from teamlead.data.access.refusals import AccessRefusedError
from teamlead.data.base import Base
from teamlead.data.database import open_database
from teamlead.data.models import Agreement, Note, Organisation, Person, Role
from teamlead.data.search_schema import KINDS
from teamlead.errors import DatabaseError
from teamlead.importing.readers import read_file
from teamlead.importing.session import import_source
from teamlead.services import agreements, erasure, notes, organisations, persons, retention
from teamlead.services.organisations import OrganisationInput
from teamlead.services.persons import PersonInput
from tests.access_world import NOW, AccessWorld, build, drop_roles, unique_database
from tests.conftest import postgres_server_url
from tests.importing.rosters import write_xlsx

pytestmark = pytest.mark.postgres


def test_every_table_is_either_limited_by_district_or_shared() -> None:
    """A new table fails here until it is classified in teamlead.data.access.policies."""
    import teamlead.data.models  # noqa: F401 - every mapped table in Base.metadata

    tables = set(Base.metadata.tables) | {kind.index for kind in KINDS}
    covered = set(DISTRICT_DATA) | set(SEARCH_INDEX) | SHARED | {AUDIT}
    assert sorted(tables - covered) == []
    assert not (set(DISTRICT_DATA) | set(SEARCH_INDEX)) & SHARED


@pytest.fixture(scope="module")
def world() -> Iterator[AccessWorld]:
    server = postgres_server_url()
    if server is None:
        pytest.skip("PostgreSQL tests need TEAMLEAD_TEST_POSTGRES_URL")
    prefix = None
    for url in unique_database(server):
        owner = open_database(url)
        try:
            built = build(owner)
            prefix = built.prefix
            yield built
        finally:
            owner.dispose()
    if prefix is not None:
        drop_roles(server, prefix)


def test_every_table_with_district_data_has_forced_row_security(world: AccessWorld) -> None:
    with world.owner.engine.connect() as connection:
        covered = set(reaches(connection))
        forced = set(
            connection.scalars(
                text(
                    "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace "
                    "AND relkind = 'r' AND relrowsecurity AND relforcerowsecurity"
                )
            )
        )
    assert covered == forced
    assert {"note", "person", "search_note", "note_person", "agreement_organisation", AUDIT} <= forced


def _count(database_session: object, model: type) -> int:
    return int(database_session.scalar(select(func.count()).select_from(model)))  # type: ignore[attr-defined]


def test_a_team_lead_of_noord_reads_only_noord_through_the_services(world: AccessWorld) -> None:
    with world.owner.session() as session:
        west_notes = session.scalar(select(func.count()).where(Note.district_id == world.nieuw_west))
    assert (west_notes or 0) > 100  # the demo's district is full of notes the lead must not see
    with world.as_user("lead") as lead, lead.session() as session:
        assert session.scalar(select(func.count()).where(Note.district_id == world.nieuw_west)) == 0
        assert session.scalar(select(func.count()).where(Agreement.district_id == world.nieuw_west)) == 0
        assert _count(session, Note) == 1
        assert _count(session, Agreement) == 1
        # Buurtwerk Noord, and the Nieuw-West partner that serves Oud-Noord: read, not more.
        assert set(session.scalars(select(Organisation.id))) == {world.buurtwerk, world.serving}
        # Persons: only those with a role at one of those two organisations.
        seen = set(session.scalars(select(Person.id)))
    with world.owner.session() as session:
        reachable = set(
            session.scalars(
                text("SELECT DISTINCT person_id FROM role WHERE organisation_id IN (:a, :b)"),
                {"a": world.buurtwerk, "b": world.serving},
            )
        )
    assert world.anna in seen
    assert seen == reachable


def test_raw_sql_on_the_team_leads_own_connection_gets_no_further(world: AccessWorld) -> None:
    with world.as_user("lead") as lead, lead.engine.connect() as connection:
        assert (
            connection.scalar(
                text("SELECT count(*) FROM note WHERE district_id = :d"), {"d": world.nieuw_west}
            )
            == 0
        )
        assert (
            connection.scalar(
                text("SELECT count(*) FROM agreement WHERE district_id <> :d"), {"d": world.noord}
            )
            == 0
        )
        assert connection.scalar(text("SELECT count(*) FROM search_note")) == 1
        assert connection.scalar(text("SELECT count(*) FROM search_person")) == connection.scalar(
            text("SELECT count(*) FROM person")
        )
        assert connection.scalar(text("SELECT count(*) FROM note_person")) == 0
        # The helper that runs as its owner takes only the districts the person works in.
        assert (
            connection.scalar(
                text("SELECT cardinality(teamlead_organisations_in(ARRAY[:d], true))"),
                {"d": world.nieuw_west},
            )
            == 0
        )
        # Turning row security off is not a way around it: the server refuses the query.
        connection.execute(text("SET row_security = off"))
        with pytest.raises(Exception, match="row-level security"):
            connection.execute(text("SELECT count(*) FROM note"))


def test_the_neighbouring_partner_is_readable_but_not_writable(world: AccessWorld) -> None:
    with world.as_user("lead") as lead:
        with lead.session() as session:
            serving = session.get(Organisation, world.serving)
            assert serving is not None
            data = OrganisationInput(
                name=serving.name + " (hernoemd)",
                district_id=serving.district_id,
                domain_id=serving.domain_id,
                neighbourhood_ids=[world.oud_noord],
            )
            version = serving.version
        with pytest.raises(AccessRefusedError) as raised, lead.begin() as session:
            organisations.edit_organisation(session, world.serving, data, expected_version=version, now=NOW)
    with world.owner.session() as session:
        assert session.get(Organisation, world.serving).name == serving.name  # type: ignore[union-attr]
    assert raised.value.message == (
        "This partner belongs to another district: you may read it, but only that district's team can change it."
    )


def test_a_team_lead_adds_a_partner_its_contact_a_note_and_an_agreement(world: AccessWorld) -> None:
    """A team lead's everyday writes in their own district: a new partner is theirs from the statement that
    inserts it (PostgreSQL checks an INSERT ... RETURNING against the read policy too)."""
    with world.as_user("lead") as lead:
        with lead.begin() as session:
            social = session.scalar(text("SELECT id FROM domain WHERE key = 'social'"))
            added = organisations.add_organisation(
                session,
                OrganisationInput(
                    name="Jongerenwerk Noord", district_id=world.noord, domain_id=social, neighbourhood_ids=[]
                ),
                today=NOW.date(),
                now=NOW,
            )
            person = persons.add_person(
                session,
                PersonInput(name="Sem Bakker"),
                organisation_id=added,
                role_title="Jongerenwerker",
                now=NOW,
            ).person_id
            notes.log_note(
                session,
                notes.NoteInput(
                    kind="call", text="Kennismaking", organisation_ids=[added], person_ids=[person]
                ),
                today=NOW.date(),
                now=NOW,
            )
            agreements.make_agreement(
                session,
                agreements.AgreementInput(text="Samen de zomer plannen", organisation_ids=[added]),
                today=NOW.date(),
                now=NOW,
            )
        with lead.session() as session:
            assert session.get(Organisation, added).name == "Jongerenwerk Noord"  # type: ignore[union-attr]
    with world.owner.session() as session:
        assert session.get(Person, person) is not None
        linked = text("SELECT count(*) FROM note_organisation WHERE organisation_id = :o")
        assert session.scalar(linked, {"o": added}) == 1
        assert (
            session.scalar(
                text("SELECT count(*) FROM agreement_organisation WHERE organisation_id = :o"), {"o": added}
            )
            == 1
        )


def test_the_administrator_sees_every_district(world: AccessWorld) -> None:
    with world.owner.session() as session:
        everything = _count(session, Note)
    with world.as_user("boss") as boss, boss.session() as session:
        assert _count(session, Note) == everything
        assert session.scalar(text("SELECT count(*) FROM search_note")) == everything


def test_a_colleague_cannot_erase_a_person_and_is_told_why(world: AccessWorld) -> None:
    with world.as_user("colleague") as colleague:
        with pytest.raises(AccessRefusedError) as raised, colleague.begin() as session:
            erasure.erase_person(session, world.anna, now=NOW)
        assert raised.value.message == (
            "Your role may not erase persons. Ask a team lead or your administrator to erase this person."
        )
        with (
            colleague.engine.connect() as connection,
            pytest.raises(ProgrammingError, match="permission denied for table person"),
        ):  # nor with raw SQL
            connection.execute(text("DELETE FROM person WHERE id = :id"), {"id": world.anna})
        with pytest.raises(AccessRefusedError) as retained, colleague.begin() as session:
            retention.set_retention_years(session, 3, now=NOW)
        assert retained.value.message.startswith("Your role may not change how long notes are kept.")


@pytest.mark.parametrize("name", ["lead", "boss"])
def test_a_team_lead_and_the_administrator_can_erase(world: AccessWorld, name: str) -> None:
    with world.owner.begin() as session:
        added = persons.add_person(
            session,
            PersonInput(name=f"Te Wissen {name}"),
            organisation_id=world.buurtwerk,
            role_title="Vrijwilliger",
            now=NOW,
        )
    with world.as_user(name) as user:
        with user.begin() as session:
            erasure.erase_person(session, added.person_id, now=NOW)
        with user.begin() as session:
            retention.set_retention_years(session, 4, now=NOW)
    with world.owner.session() as session:
        assert session.get(Person, added.person_id) is None


def test_a_refusal_from_the_database_is_a_plain_message(world: AccessWorld) -> None:
    from teamlead.data.access.refusals import refusal

    with (
        world.as_user("lead") as lead,
        lead.engine.connect() as connection,
        pytest.raises(ProgrammingError, match="permission denied for table district") as raised,
    ):
        connection.execute(text("UPDATE district SET name = 'Mijn Noord' WHERE id = :d"), {"d": world.noord})
    refused = refusal(raised.value)
    assert refused is not None
    assert refused.message.startswith(
        "The database refused this: your role may not see or change these records"
    )


def test_a_user_who_is_not_the_owner_is_not_asked_to_upgrade_but_told_to_ask(world: AccessWorld) -> None:
    with world.owner.engine.begin() as connection:
        head = connection.scalar(text("SELECT version_num FROM alembic_version"))
        connection.execute(text("UPDATE alembic_version SET version_num = '0010'"))
    try:
        with pytest.raises(DatabaseError, match="Ask your administrator to upgrade it"):
            open_database(world.url_of("lead"), create=False)
    finally:
        with world.owner.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})


def test_the_app_search_finds_nothing_of_nieuw_west_for_noord(world: AccessWorld) -> None:
    from teamlead.data.search import SearchKind, search

    with world.owner.session() as session:
        text_of_west = session.scalar(
            select(Note.text).where(Note.district_id == world.nieuw_west, Note.text != "").limit(1)
        )
        hidden = session.scalar(
            select(Organisation.name).where(
                Organisation.district_id == world.nieuw_west, Organisation.id != world.serving
            )
        )
    word = max(str(text_of_west).split(), key=len).strip(".,;:!?")
    assert hidden is not None
    with world.owner.session() as session:
        assert search(session, word).group(SearchKind.NOTE) is not None
        assert search(session, hidden).group(SearchKind.ORGANISATION) is not None
    with world.as_user("lead") as lead, lead.session() as session:
        assert search(session, word).group(SearchKind.NOTE) is None
        assert search(session, hidden).group(SearchKind.ORGANISATION) is None
        assert search(session, "speeltuin").group(SearchKind.NOTE) is not None


def test_an_owner_who_is_no_superuser_reads_every_row_and_the_city_counts_see_them_too() -> None:
    """The tables' owner passes its own policy (a superuser would skip them all, which proves nothing): it
    reads every district, as do the city's counting functions and the organisation helper running as it."""
    from teamlead.data.access.city import SCHEMA

    server = postgres_server_url()
    if server is None:
        pytest.skip("PostgreSQL tests need TEAMLEAD_TEST_POSTGRES_URL")
    owner_role = f"teamlead_owner_{uuid.uuid4().hex[:8]}"
    prefix = None
    for url in unique_database(server, owner=owner_role):
        owner = open_database(url)
        try:
            built = build(owner)
            prefix = built.prefix
            with owner.engine.connect() as connection:
                assert not connection.scalar(
                    text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                )
                by_district = dict(
                    connection.execute(
                        text("SELECT district_id, count(*) FROM note GROUP BY district_id")
                    ).all()
                )
                meetings = connection.scalar(text(f"SELECT count(*) FROM {SCHEMA}.meeting"))
            assert by_district[built.noord] == 1
            assert by_district[built.nieuw_west] > 100
            assert meetings == _superuser_count(server, url.database, "SELECT count(*) FROM meeting")
            with built.as_user("lead") as lead, lead.session() as session:
                assert _count(session, Note) == 1
                assert session.scalar(text("SELECT teamlead_reachable_organisations()")) == sorted(
                    [built.buurtwerk, built.serving]
                )
        finally:
            owner.dispose()
    if prefix is not None:
        drop_roles(server, prefix)


def _superuser_count(server: URL, database: str | None, query: str) -> int:
    engine = create_engine(server.set(database=database))
    try:
        with engine.connect() as connection:
            return int(connection.scalar(text(query)))
    finally:
        engine.dispose()


def test_a_team_lead_adds_a_contact_person_to_an_existing_partner(world: AccessWorld) -> None:
    """The person is the transaction's first write: the new row must be theirs from that statement on."""
    with world.as_user("lead") as lead, lead.begin() as session:
        added = persons.add_person(
            session,
            PersonInput(name="Noor El Amrani"),
            organisation_id=world.buurtwerk,
            role_title="Buurtsportcoach",
            now=NOW,
        )
    with world.owner.session() as session:
        assert session.get(Person, added.person_id).name == "Noor El Amrani"  # type: ignore[union-attr]


def test_a_team_lead_imports_a_roster_into_their_district(world: AccessWorld, tmp_path: Path) -> None:
    """The roster import writes persons in bulk: each new one is theirs by its role, as through the form."""
    roster = write_xlsx(
        tmp_path / "noord.xlsx",
        {
            "Partners": [
                ["Organisatie", "Domein", "Contactpersoon", "Functie", "E-mail"],
                ["Sportbuurtwerk Noord", "Sociaal", "Lotte Visser", "Buurtsportcoach", "lotte@sport.example"],
                ["Sportbuurtwerk Noord", "Sociaal", "Daan Smit", "Coördinator", "daan@sport.example"],
            ]
        },
    )
    with world.as_user("lead") as lead:
        outcome = import_source(lead, read_file(roster), district="Noord", today=NOW.date())
        assert (
            outcome.lines[-1]
            == "organisations: 1 added, 0 merged; persons: 2 added, 0 merged; rows skipped: 0"
        )
        with lead.session() as session:
            names = session.scalars(
                select(Person.name)
                .join(Role, Role.person_id == Person.id)
                .join(Organisation, Organisation.id == Role.organisation_id)
                .where(Organisation.name == "Sportbuurtwerk Noord")
                .order_by(Person.name)
            ).all()
    assert names == ["Daan Smit", "Lotte Visser"]


def test_a_roster_naming_a_new_domain_tells_the_team_lead_to_ask_the_administrator(
    world: AccessWorld, tmp_path: Path
) -> None:
    roster = write_xlsx(
        tmp_path / "sport.xlsx",
        {
            "Partners": [
                ["Organisatie", "Domein", "Contactpersoon"],
                ["Voetbal Noord", "Sport", "Kim de Boer"],
            ]
        },
    )
    with world.owner.session() as session:
        before = session.scalar(select(func.count()).select_from(Organisation))
    with world.as_user("lead") as lead, pytest.raises(AccessRefusedError) as raised:
        import_source(lead, read_file(roster), district="Noord", today=NOW.date())
    assert raised.value.message == (
        'Your role may not add domains ("Sport"): the list of domains is shared by every district and kept by '
        "your administrator. Ask them to add it, or use one of the existing domains."
    )
    with world.owner.session() as session:
        assert session.scalar(select(func.count()).select_from(Organisation)) == before  # nothing written


def test_a_team_leads_big_import_keeps_every_districts_search_index(
    world: AccessWorld, tmp_path: Path
) -> None:
    """Above 2,000 new records the owner's import rebuilds the index at its end; a team lead's may not (it
    would keep only what they can read) and indexes row by row instead."""
    rows = [["Organisatie", "Domein", "Contactpersoon"]]
    rows += [[f"Buurtinitiatief Noord {n:04}", "Sociaal", f"Contact {n:04}"] for n in range(1_100)]
    roster = write_xlsx(tmp_path / "groot.xlsx", {"Partners": rows})
    with world.owner.session() as session:
        notes_indexed = session.scalar(text("SELECT count(*) FROM search_note"))
        assert notes_indexed == _count(session, Note)
    with world.as_user("lead") as lead:
        outcome = import_source(lead, read_file(roster), district="Noord", today=NOW.date())
    assert (
        outcome.lines[-1]
        == "organisations: 1100 added, 0 merged; persons: 1100 added, 0 merged; rows skipped: 0"
    )
    with world.owner.session() as session:
        assert session.scalar(text("SELECT count(*) FROM search_note")) == notes_indexed
        assert session.scalar(text("SELECT count(*) FROM search_organisation")) == _count(
            session, Organisation
        )
        assert session.scalar(text("SELECT count(*) FROM search_person")) == _count(session, Person)
