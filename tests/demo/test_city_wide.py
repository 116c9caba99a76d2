"""A demo of several districts has city-wide partners (police units, the GGD, housing corporations) serving
neighbourhoods of several districts, with notes, invitations and agreements in districts other than their
home; made the same on SQLite and PostgreSQL. A small scale of all eight districts keeps it quick."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import URL

from teamlead.data.database import Database, open_database
from teamlead.data.models import (
    Agreement,
    Invitee,
    Meeting,
    Neighbourhood,
    Note,
    Organisation,
    agreement_organisation,
    note_organisation,
    organisation_neighbourhood,
)
from teamlead.demo.citywide import CITY_WIDE
from teamlead.demo.places import DISTRICTS
from teamlead.demo.scales import Scale
from teamlead.demo.writer import build_rows, ensure_empty, finish_load, write_rows
from tests.demo.conftest import TODAY
from tests.demo.test_determinism import _dump

EIGHT_SMALL = Scale("eight-small", DISTRICTS, 24, 60, 300, 40, 50)


def make(database: Database, seed: int = 3) -> None:
    with database.begin() as session:
        ensure_empty(session, database.display_name())
        write_rows(session, build_rows(session, EIGHT_SMALL, seed, TODAY))
        finish_load(session)


@pytest.fixture
def eight(database: Database) -> Database:
    make(database)
    return database


def test_city_wide_partners_serve_several_districts(eight: Database) -> None:
    with eight.session() as session:
        names = [name for name, *_ in CITY_WIDE]
        partners = {
            n: i
            for n, i in session.execute(
                select(Organisation.name, Organisation.id).where(Organisation.name.in_(names))
            )
        }
        assert sorted(partners) == sorted(names)
        for name, organisation_id in partners.items():
            districts = set(
                session.scalars(
                    select(Neighbourhood.district_id)
                    .join(
                        organisation_neighbourhood,
                        organisation_neighbourhood.c.neighbourhood_id == Neighbourhood.id,
                    )
                    .where(organisation_neighbourhood.c.organisation_id == organisation_id)
                )
            )
            assert len(districts) >= 3, name


def test_notes_invitations_and_agreements_across_districts(eight: Database) -> None:
    with eight.session() as session:
        home = {o: d for o, d in session.execute(select(Organisation.id, Organisation.district_id))}
        notes_elsewhere = [
            (note_id, district_id, organisation_id, neighbourhood_district)
            for note_id, district_id, organisation_id, neighbourhood_district in session.execute(
                select(
                    Note.id, Note.district_id, note_organisation.c.organisation_id, Neighbourhood.district_id
                )
                .join(note_organisation, note_organisation.c.note_id == Note.id)
                .outerjoin(Neighbourhood, Neighbourhood.id == Note.neighbourhood_id)
                .where(note_organisation.c.position == 0)
            )
            if home[organisation_id] != district_id
        ]
        invited_elsewhere = [
            organisation_id
            for organisation_id, district_id in session.execute(
                select(Invitee.organisation_id, Meeting.district_id).join(
                    Meeting, Meeting.id == Invitee.meeting_id
                )
            )
            if home[organisation_id] != district_id
        ]
        agreed_elsewhere = [
            organisation_id
            for organisation_id, district_id in session.execute(
                select(agreement_organisation.c.organisation_id, Agreement.district_id).join(
                    Agreement, Agreement.id == agreement_organisation.c.agreement_id
                )
            )
            if home[organisation_id] != district_id
        ]
    assert len(notes_elsewhere) >= 10
    # A note about a partner from elsewhere is about a neighbourhood of the district it was made in.
    assert all(place in (None, district) for _, district, _, place in notes_elsewhere)
    assert len(invited_elsewhere) >= 10
    assert len(agreed_elsewhere) >= 3


@pytest.mark.postgres
def test_the_same_on_sqlite_and_postgresql(sqlite_url: URL, postgres_url: URL) -> None:
    def made(url: URL) -> dict[str, list[tuple[Any, ...]]]:
        database = open_database(url)
        try:
            make(database, seed=5)
            return _dump(database)
        finally:
            database.dispose()

    on_sqlite, on_postgres = made(sqlite_url), made(postgres_url)
    for name, rows in on_sqlite.items():
        assert rows == on_postgres[name], f"table {name} differs"
