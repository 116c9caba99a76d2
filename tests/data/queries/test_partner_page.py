"""A partner's page and the names pickers offer, on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

from teamlead.data.database import Database
from teamlead.data.queries.filter_choices import choices
from teamlead.data.queries.name_choices import organisation_choices, person_choices
from teamlead.data.queries.partner_page import partner_page
from teamlead.services.organisations import archive_organisation
from tests.ui.partners.conftest import TODAY, seed_database


def test_choices_and_names_to_pick_from(database: Database) -> None:
    seed = seed_database(database)
    with database.begin() as session:
        archive_organisation(session, seed.school, expected_version=1, today=TODAY)
    with database.session() as session:
        places = choices(session)
        assert [c.name for c in places.districts] == ["Nieuw-West"]
        assert [(c.name, c.group_id) for c in places.neighbourhoods] == [
            ("Slotervaart", seed.district),
            ("Wildemanbuurt", seed.district),
        ]
        assert [c.name for c in places.domains][:3] == ["Social", "Care", "Safety"]
        assert [c.label for c in organisation_choices(session)] == [
            "Jongerenwerk Nieuw-West",
            "Politie Team Slotervaart",
        ]
        assert [c.label for c in organisation_choices(session, among=[seed.school, seed.police])] == [
            "Politie Team Slotervaart"
        ]
        assert [(c.label, c.organisation_ids) for c in person_choices(session, TODAY)] == [
            ("Sanne de Vries (Politie Team Slotervaart)", (seed.police,))
        ]


def test_partner_page_has_people_with_numbers_and_a_timeline(database: Database) -> None:
    seed = seed_database(database)
    with database.session() as session:
        page = partner_page(session, seed.police)
        assert page is not None
        assert page.detail.name == "Politie Team Slotervaart"
        assert [(r.person_name, r.title, r.phone, r.email) for r in page.roles] == [
            ("Sanne de Vries", "Wijkagent", "06 5555 1234", "sanne@politie.example")
        ]
        assert [(e.kind, e.title) for e in page.timeline] == [("note", "Kennismaking")]
        assert partner_page(session, 999) is None
