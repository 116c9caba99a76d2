"""The roster: one plain row per partner, with filters, people, last contact and the contact state."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from teamlead.data.queries.dashboard_lists import overdue_partners_capped
from teamlead.data.queries.roster import RosterRow, contact_state, roster
from teamlead.i18n import set_language
from teamlead.services import notes, organisations, persons
from teamlead.services.notes import NoteInput
from teamlead.services.organisations import OrganisationInput
from teamlead.services.persons import PersonInput
from tests.data.queries.conftest import TODAY, World


def rows(world: World, **filters: object) -> list[RosterRow]:
    with world.database.session() as session:
        return roster(session, today=TODAY, **filters)  # type: ignore[arg-type]


def test_rows_are_plain_and_carry_what_the_screen_shows(world: World) -> None:
    youth, police = rows(world)
    assert dataclasses.is_dataclass(youth)
    with pytest.raises(dataclasses.FrozenInstanceError):
        youth.name = "x"  # type: ignore[misc]
    assert (youth.name, youth.domain, youth.district) == ("Jongerenwerk Nieuw-West", "Social", "Nieuw-West")
    assert youth.neighbourhoods == ("Geuzenveld", "Wildemanbuurt")
    assert youth.people == ("Fatima el Amrani",)
    assert (youth.last_contact, youth.cadence_days, youth.open_agreements) == (None, 30, 0)
    assert (youth.status, youth.is_informal, youth.version) == ("active", False, 1)
    # Never contacted: overdue since joining plus the cadence. Without a cadence: no state at all.
    assert (youth.contact_state, youth.contact_due_on) == ("overdue", date(2024, 1, 31))
    assert (police.name, police.people, police.contact_state) == ("Politie basisteam Nieuw-West", (), "none")


def test_domain_names_follow_the_language(world: World) -> None:
    set_language("nl")
    assert [r.domain for r in rows(world)] == ["Sociaal", "Veiligheid"]


def test_filters(world: World) -> None:
    assert [r.name for r in rows(world, neighbourhood_id=world.geuzenveld)] == ["Jongerenwerk Nieuw-West"]
    assert [r.name for r in rows(world, domain_id=world.safety)] == ["Politie basisteam Nieuw-West"]
    assert rows(world, district_id=world.west) == []
    with world.database.begin() as session:
        organisations.archive_organisation(session, world.police, expected_version=1, today=TODAY)
    assert [r.name for r in rows(world)] == ["Jongerenwerk Nieuw-West"]
    assert [r.name for r in rows(world, status="former")] == ["Politie basisteam Nieuw-West"]
    assert len(rows(world, status=None)) == 2


def test_people_are_those_with_a_role_today(world: World) -> None:
    with world.database.begin() as session:
        persons.end_role(session, world.fatima_role, expected_version=1, ended_on=TODAY - timedelta(days=1))
        persons.add_person(
            session,
            PersonInput(name="Karin Jansen"),
            organisation_id=world.youth_work,
            role_title="Coördinator",
            started_on=TODAY,
        )
        persons.add_person(
            session,
            PersonInput(name="Later Komend"),
            organisation_id=world.youth_work,
            started_on=TODAY + timedelta(days=1),
        )
    assert rows(world)[0].people == ("Karin Jansen",)


def test_logging_a_note_takes_a_partner_off_the_overdue_list(world: World) -> None:
    with world.database.session() as session:
        assert [r.id for r in overdue_partners_capped(session, TODAY).rows] == [world.youth_work]
    with world.database.begin() as session:
        notes.log_note(
            session,
            NoteInput(kind="call", text="Even gebeld.", organisation_ids=[world.youth_work]),
            today=TODAY,
        )
    with world.database.session() as session:
        assert overdue_partners_capped(session, TODAY).total == 0
        (youth,) = [r for r in roster(session, today=TODAY) if r.id == world.youth_work]
    assert (youth.last_contact, youth.contact_state, youth.contact_due_on) == (TODAY, "ok", date(2026, 4, 1))


def test_a_future_note_is_no_contact_yet(world: World) -> None:
    with world.database.begin() as session:
        notes.log_note(
            session,
            NoteInput(
                kind="visit",
                text="Bezoek gepland.",
                organisation_ids=[world.youth_work],
                occurred_on=TODAY + timedelta(days=3),
            ),
            today=TODAY,
        )
    assert rows(world)[0].last_contact is None


def test_open_agreements_are_counted(world: World) -> None:
    from teamlead.services import agreements

    with world.database.begin() as session:
        agreements.make_agreement(
            session,
            agreements.AgreementInput(
                text="Samen de straat op.", organisation_ids=[world.police, world.youth_work]
            ),
            today=TODAY,
        )
        done = agreements.make_agreement(
            session,
            agreements.AgreementInput(text="Flyer maken.", organisation_ids=[world.youth_work]),
            today=TODAY,
        )
        agreements.change_status(session, done, "done", expected_version=1, comment="Klaar.")
    assert [r.open_agreements for r in rows(world)] == [2 - 1, 1]


@pytest.mark.parametrize(
    ("cadence", "last", "joined", "state"),
    [
        (None, None, None, "none"),
        (30, None, None, "overdue"),
        (30, TODAY - timedelta(days=31), None, "overdue"),
        (30, TODAY - timedelta(days=30), None, "due"),
        (30, TODAY - timedelta(days=23), None, "due"),
        (30, TODAY - timedelta(days=22), None, "ok"),
        (30, None, TODAY - timedelta(days=25), "due"),
        (7, TODAY - timedelta(days=6), None, "due"),
        (7, TODAY - timedelta(days=5), None, "ok"),
        (120, TODAY - timedelta(days=106), None, "due"),
        (120, TODAY - timedelta(days=105), None, "ok"),
    ],
)
def test_contact_state_rule(cadence: int | None, last: date | None, joined: date | None, state: str) -> None:
    assert contact_state(TODAY, cadence, last, joined)[0] == state


def test_a_new_partner_shows_up(world: World) -> None:
    with world.database.begin() as session:
        organisations.add_organisation(
            session, OrganisationInput(name="Al-Kabir moskee", is_informal=True), today=TODAY
        )
    names = [r.name for r in rows(world)]
    assert names == ["Al-Kabir moskee", "Jongerenwerk Nieuw-West", "Politie basisteam Nieuw-West"]
    assert rows(world)[0].district == ""
