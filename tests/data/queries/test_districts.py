"""Which districts there are, on SQLite and PostgreSQL (matching a typed name: tests/services/test_geography.py)."""

from __future__ import annotations

from teamlead.data.database import Database
from teamlead.data.queries.districts import all_districts
from tests.ui.conftest import seed


def test_the_settings_offer_every_district(database: Database) -> None:
    seed(database)
    with database.session() as session:
        assert [choice.name for choice in all_districts(session)] == ["Nieuw-West"]


def test_the_district_of_a_new_record_follows_the_one_precedence(database: Database) -> None:
    from teamlead.data.admin import Meta
    from teamlead.data.queries.districts import MERGED_PREFIX, district_for
    from teamlead.services.geography import add_district, add_neighbourhood
    from teamlead.services.organisations import OrganisationInput, add_organisation

    with database.begin() as session:
        assert district_for(session) is None  # no district at all
        noord = add_district(session, "Noord")
        assert district_for(session) == noord  # the only district
        centrum = add_district(session, "Centrum")
        assert district_for(session) is None  # two, and nothing says which
        volewijck = add_neighbourhood(session, noord, "Volewijck")
        police = add_organisation(session, OrganisationInput(name="Politie Centrum", district_id=centrum))
        homeless = add_organisation(session, OrganisationInput(name="Buurtvaders"))
        assert district_for(session, chosen=noord, organisation_ids=[police]) == noord
        assert district_for(session, neighbourhood_id=volewijck, organisation_ids=[police]) == noord
        assert district_for(session, screen_district_id=noord, organisation_ids=[police]) == noord
        assert district_for(session, organisation_ids=[police, homeless]) == centrum
        assert district_for(session, organisation_ids=[homeless], default_district_id=noord) == noord
        # a default district kept by id follows its district through a merge, and is dropped when gone
        session.add(Meta(key=f"{MERGED_PREFIX}999", value=str(centrum)))
        session.flush()
        assert district_for(session, default_district_id=999) == centrum
        assert district_for(session, default_district_id=12345) is None
