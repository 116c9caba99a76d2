"""Persons and roles over time: change a role, end it, move, hold two at once; the history stays."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from teamlead.data.models import Person, Role
from teamlead.errors import ConflictError, ValidationError
from teamlead.services import persons
from teamlead.services.persons import PersonInput
from tests.services.conftest import NOW, World


def roles(world: World, person_id: int) -> list[tuple[int, str, date | None, date | None]]:
    with world.database.session() as session:
        return [
            (r.organisation_id, r.title, r.started_on, r.ended_on)
            for r in session.scalars(select(Role).where(Role.person_id == person_id).order_by(Role.id))
        ]


def role_version(world: World, role_id: int) -> int:
    with world.database.session() as session:
        role = session.get(Role, role_id)
        assert role is not None
        return role.version


def test_add_person_with_a_role_from_today(world: World) -> None:
    with world.database.begin() as session:
        added = persons.add_person(
            session,
            PersonInput(name=" Joost de Vries ", phone="0205550111"),
            organisation_id=world.police,
            role_title="Wijkagent",
            today=date(2026, 3, 2),
            now=NOW,
        )
    assert added.role_id is not None
    with world.database.session() as session:
        person = session.get(Person, added.person_id)
        assert person is not None
        assert (person.name, person.phone) == ("Joost de Vries", "020 555 0111")
    assert roles(world, added.person_id) == [(world.police, "Wijkagent", date(2026, 3, 2), None)]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (PersonInput(name=""), "name", "Name is empty."),
        (PersonInput(name="Joost", phone="06 123"), "phone", "06 123 is not a valid phone number."),
        (PersonInput(name="Joost", email="joost@"), "email", "joost@ is not a valid e-mail address."),
    ],
)
def test_bad_person_details_are_refused(world: World, data: PersonInput, field: str, message: str) -> None:
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        persons.add_person(session, data)
    assert (caught.value.field, caught.value.message) == (field, message)
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        persons.edit_person(session, world.fatima, data, expected_version=1)
    assert (caught.value.field, caught.value.message) == (field, message)


def test_add_person_at_unknown_organisation_is_refused(world: World) -> None:
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        persons.add_person(session, PersonInput(name="Joost"), organisation_id=999)
    assert (caught.value.field, caught.value.message) == ("organisation_id", "Unknown organisation (id 999).")


def test_edit_contact_details_with_locking(world: World) -> None:
    with world.database.begin() as session:
        persons.edit_person(
            session,
            world.fatima,
            PersonInput(name="Fatima el Amrani", phone="+31 6 5555 9999"),
            expected_version=1,
            now=NOW,
        )
    with world.database.session() as session:
        person = session.get(Person, world.fatima)
        assert person is not None
        assert (person.phone, person.email, person.version) == ("06 5555 9999", "", 2)
    with world.database.begin() as session, pytest.raises(ConflictError):
        persons.edit_person(session, world.fatima, PersonInput(name="F."), expected_version=1)


def test_change_role_ends_the_old_one_the_day_before(world: World) -> None:
    with world.database.begin() as session:
        new = persons.change_role(
            session,
            world.fatima_role,
            "Teamleider jongerenwerk",
            expected_version=1,
            on=date(2025, 9, 1),
            now=NOW,
        )
    assert new != world.fatima_role
    assert roles(world, world.fatima) == [
        (world.youth_work, "Jongerenwerker", date(2024, 2, 1), date(2025, 8, 31)),
        (world.youth_work, "Teamleider jongerenwerk", date(2025, 9, 1), None),
    ]
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        persons.change_role(session, new, "", expected_version=1)
    assert (caught.value.field, caught.value.message) == ("title", "Role is empty.")


def test_change_role_before_it_started_is_refused(world: World) -> None:
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        persons.change_role(session, world.fatima_role, "X", expected_version=1, on=date(2024, 1, 1))
    assert caught.value.message == "The end date 1 Jan 2024 lies before the start date 1 Feb 2024."


def test_end_role_when_someone_leaves(world: World) -> None:
    with world.database.begin() as session:
        persons.end_role(session, world.fatima_role, expected_version=1, ended_on=date(2026, 1, 31), now=NOW)
    assert roles(world, world.fatima) == [
        (world.youth_work, "Jongerenwerker", date(2024, 2, 1), date(2026, 1, 31))
    ]
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        persons.end_role(session, world.fatima_role, expected_version=2, ended_on=date(2026, 2, 1))
    assert (caught.value.field, caught.value.message) == (
        "ended_on",
        "This role has already ended on 31 Jan 2026.",
    )


def test_move_to_another_organisation_keeps_the_title_and_the_history(world: World) -> None:
    with world.database.begin() as session:
        persons.move_person(session, world.fatima_role, world.police, expected_version=1, on=date(2026, 1, 1))
    assert roles(world, world.fatima) == [
        (world.youth_work, "Jongerenwerker", date(2024, 2, 1), date(2025, 12, 31)),
        (world.police, "Jongerenwerker", date(2026, 1, 1), None),
    ]
    with world.database.begin() as session, pytest.raises(ValidationError, match="already works at"):
        persons.move_person(session, world.fatima_role + 1, world.police, expected_version=1)


def test_two_roles_at_once(world: World) -> None:
    with world.database.begin() as session:
        persons.start_role(
            session,
            world.fatima,
            world.police,
            "Vrijwilliger buurtwacht",
            started_on=date(2025, 5, 1),
            now=NOW,
        )
    assert roles(world, world.fatima) == [
        (world.youth_work, "Jongerenwerker", date(2024, 2, 1), None),
        (world.police, "Vrijwilliger buurtwacht", date(2025, 5, 1), None),
    ]


def test_role_changes_refuse_a_stale_version(world: World) -> None:
    with world.database.begin() as session:
        persons.end_role(session, world.fatima_role, expected_version=1, ended_on=date(2026, 1, 31))
    assert role_version(world, world.fatima_role) == 2
    with world.database.begin() as session, pytest.raises(ConflictError):
        persons.change_role(session, world.fatima_role, "X", expected_version=1)
