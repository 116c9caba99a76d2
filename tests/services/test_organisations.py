"""Partners: add, edit (with optimistic locking), archive and reactivate; validation names the field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from teamlead.data.models import AuditEntry, Organisation
from teamlead.errors import ConflictError, ValidationError
from teamlead.services import organisations
from teamlead.services.organisations import OrganisationInput
from tests.services.conftest import NOW, TODAY, World, audit_rows


def load(world: World, organisation_id: int) -> Organisation:
    with world.database.session() as session:
        organisation = session.get(Organisation, organisation_id)
        assert organisation is not None
        _ = organisation.neighbourhoods
        return organisation


def form(world: World, **changes: object) -> OrganisationInput:
    """The form as the user sees it for the youth-work partner, with ``changes`` typed in."""
    base = OrganisationInput(
        name="Jongerenwerk Nieuw-West",
        district_id=world.nieuw_west,
        domain_id=world.social,
        neighbourhood_ids=[world.wildeman, world.geuzenveld],
        phone="020 555 0100",
        contact_cadence_days=30,
        joined_on=date(2024, 1, 1),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_add_stores_the_partner_normalised(world: World) -> None:
    with world.database.begin() as session:
        new = organisations.add_organisation(
            session,
            OrganisationInput(
                name="  Stichting Buurtsport ",
                district_id=world.nieuw_west,
                domain_id=world.social,
                neighbourhood_ids=[world.mercator, world.wildeman],
                phone="+31205550199",
                email="info@buurtsport.example",
                is_informal=True,
            ),
            today=TODAY,
        )
    organisation = load(world, new)
    assert organisation.name == "Stichting Buurtsport"
    assert organisation.phone == "020 555 0199"
    assert organisation.status == "active"
    assert organisation.joined_on == TODAY
    assert organisation.is_informal
    # Serving a neighbourhood of another district is allowed: one home district, a wider reach.
    assert [n.name for n in organisation.neighbourhoods] == ["Mercatorbuurt", "Wildemanbuurt"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": " "}, "name", "Name is empty."),
        ({"name": "x" * 201}, "name", "Name is too long (201 characters; at most 200)."),
        ({"domain_id": 999}, "domain_id", "Unknown domain (id 999)."),
        ({"district_id": 999}, "district_id", "Unknown district (id 999)."),
        ({"neighbourhood_ids": [999]}, "neighbourhood_ids", "Unknown neighbourhood (id 999)."),
        ({"phone": "0800"}, "phone", "0800 is not a valid phone number."),
        ({"email": "info@jongerenwerk"}, "email", "info@jongerenwerk is not a valid e-mail address."),
        (
            {"contact_cadence_days": 0},
            "contact_cadence_days",
            "The contact cadence must be between 1 and 3660 days, not 0.",
        ),
    ],
)
def test_add_and_edit_refuse_bad_input(
    world: World, changes: dict[str, object], field: str, message: str
) -> None:
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        organisations.add_organisation(session, form(world, **changes))
    assert (caught.value.field, caught.value.message) == (field, message)
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        organisations.edit_organisation(session, world.youth_work, form(world, **changes), expected_version=1)
    assert (caught.value.field, caught.value.message) == (field, message)
    assert load(world, world.youth_work).version == 1


def test_edit_changes_fields_and_neighbourhoods_and_bumps_the_version(world: World) -> None:
    with world.database.begin() as session:
        organisations.edit_organisation(
            session,
            world.youth_work,
            form(world, neighbourhood_ids=[world.geuzenveld]),
            expected_version=1,
            now=NOW,
        )
    organisation = load(world, world.youth_work)
    assert [n.name for n in organisation.neighbourhoods] == ["Geuzenveld"]
    assert organisation.version == 2
    with world.database.begin() as session:
        organisations.edit_organisation(
            session,
            world.youth_work,
            form(world, neighbourhood_ids=[world.geuzenveld], website="jw.example"),
            expected_version=2,
            now=NOW,
        )
    assert load(world, world.youth_work).website == "jw.example"
    updates = [
        row for row in audit_rows(world.database) if row[:3] == ("organisation", world.youth_work, "update")
    ]
    # Adding Fatima, its only contact person, made her its key contact (the fixture).
    assert [row[3] for row in updates] == ["key_contact", "neighbourhood_ids", "website"]


def test_two_editors_the_second_gets_a_conflict_and_nothing_is_lost(world: World) -> None:
    seen_first = load(world, world.youth_work).version
    seen_second = load(world, world.youth_work).version
    with world.database.begin() as session:
        organisations.edit_organisation(
            session, world.youth_work, form(world, name="Jongerenwerk NW"), expected_version=seen_first
        )
    with (
        world.database.begin() as session,
        pytest.raises(ConflictError, match="Someone else changed this record"),
    ):
        organisations.edit_organisation(
            session, world.youth_work, form(world, address="Plein 1"), expected_version=seen_second
        )
    saved = load(world, world.youth_work)
    assert (saved.name, saved.address, saved.version) == ("Jongerenwerk NW", "", 2)


def test_a_lost_update_at_flush_time_is_a_conflict_too(world: World) -> None:
    """Both read version 1 and pass the version check; the database refuses the second UPDATE."""
    if world.database.is_sqlite:
        pytest.skip("SQLite serialises writers: a reader whose snapshot went stale cannot write at all")
    second = world.database.session()
    assert second.get(Organisation, world.police) is not None  # read before the first one saves
    with world.database.begin() as first:
        organisations.edit_organisation(
            first, world.police, form(world, name="Politie A"), expected_version=1
        )
    with pytest.raises(ConflictError):
        organisations.edit_organisation(
            second, world.police, form(world, name="Politie B"), expected_version=1
        )
    second.rollback()
    second.close()
    assert load(world, world.police).name == "Politie A"


def test_archive_and_reactivate(world: World) -> None:
    with world.database.begin() as session:
        organisations.archive_organisation(session, world.police, expected_version=1, today=TODAY, now=NOW)
    archived = load(world, world.police)
    assert (archived.status, archived.left_on) == ("former", TODAY)
    with world.database.begin() as session:
        organisations.reactivate_organisation(
            session, world.police, expected_version=archived.version, now=NOW
        )
    back = load(world, world.police)
    assert (back.status, back.left_on) == ("active", None)
    actions = [row[2] for row in audit_rows(world.database) if row[:2] == ("organisation", world.police)]
    assert actions == ["create", "archive", "update"]


def test_archive_before_joining_is_refused(world: World) -> None:
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        organisations.archive_organisation(
            session, world.police, expected_version=1, left_on=date(2023, 1, 1)
        )
    assert caught.value.field == "left_on"
    assert caught.value.message == "The end date 1 Jan 2023 lies before the start date 1 Jan 2024."


def test_audit_entries_carry_no_values(world: World) -> None:
    with world.database.session() as session:
        texts = " ".join(f"{a.table_name} {a.action} {a.fields}" for a in session.scalars(select(AuditEntry)))
    for value in ("Jongerenwerk", "020 555 0100", "Fatima", "fatima@", "06 5555", "Wildeman"):
        assert value not in texts
    assert "organisation create" in texts
