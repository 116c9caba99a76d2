"""Districts, neighbourhoods and domains: adding, renaming, finding by a loosely written name."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from teamlead.data.models import Domain
from teamlead.errors import ConflictError, ValidationError
from teamlead.services import geography
from tests.services.conftest import NOW, World


@pytest.mark.parametrize("written", ["nieuw west", "NIEUW-WEST", "Nieuw - West", "nieuwwest"])
def test_find_district_ignores_case_spaces_and_dashes(world: World, written: str) -> None:
    with world.database.session() as session:
        found = geography.find_district(session, written)
        assert found is not None
        assert (found.id, found.name) == (world.nieuw_west, "Nieuw-West")
        assert geography.find_district(session, "Noord") is None
        assert geography.find_district(session, "  ") is None


def test_district_names_are_unique_loosely(world: World) -> None:
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        geography.add_district(session, "nieuw west")
    assert caught.value.field == "name"
    assert caught.value.message == "There is already a district called Nieuw-West."


def test_empty_names_are_refused(world: World) -> None:
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        geography.add_neighbourhood(session, world.west, "   ")
    assert (caught.value.field, caught.value.message) == ("name", "Name is empty.")


def test_neighbourhood_of_unknown_district_is_refused(world: World) -> None:
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        geography.add_neighbourhood(session, 999, "Kolenkitbuurt")
    assert (caught.value.field, caught.value.message) == ("district_id", "Unknown district (id 999).")


def test_same_neighbourhood_name_in_another_district_is_fine(world: World) -> None:
    with world.database.begin() as session:
        geography.add_neighbourhood(session, world.west, "Geuzenveld")
    with (
        world.database.begin() as session,
        pytest.raises(ValidationError, match="already has a neighbourhood"),
    ):
        geography.add_neighbourhood(session, world.nieuw_west, "geuzenveld")


def test_rename_district_and_neighbourhood(world: World) -> None:
    with world.database.begin() as session:
        geography.rename_district(session, world.west, "Amsterdam-West", expected_version=1, now=NOW)
        geography.rename_neighbourhood(session, world.mercator, "Mercator", expected_version=1, now=NOW)
    with world.database.session() as session:
        found = geography.find_district(session, "amsterdam west")
        assert found is not None
        assert found.id == world.west
    with world.database.begin() as session, pytest.raises(ConflictError):
        geography.rename_district(session, world.west, "West", expected_version=1)


def test_a_renamed_default_domain_keeps_its_key(world: World) -> None:
    with world.database.begin() as session:
        geography.rename_domain(session, world.social, "Sociaal domein", expected_version=1, now=NOW)
        new = geography.add_domain(session, "Sport", now=NOW)
    with world.database.session() as session:
        social = session.get(Domain, world.social)
        assert social is not None
        assert (social.key, social.name) == ("social", "Sociaal domein")
        sport = session.get(Domain, new)
        assert sport is not None
        assert sport.key == "sport"  # a user-made domain gets its Summary key when it is made
        assert sport.position == max(session.scalars(select(Domain.position)))
    with (
        world.database.begin() as session,
        pytest.raises(ValidationError, match="already a domain called Sport"),
    ):
        geography.add_domain(session, "sport")
