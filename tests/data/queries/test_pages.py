"""A partner's page and timeline, the people list and a person's page, and the note list with its filters."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from teamlead.data.queries.notes import notes
from teamlead.data.queries.organisation import organisation_detail, partner_timeline
from teamlead.data.queries.people import people, person_detail
from teamlead.services import agreements, meetings, persons
from teamlead.services import notes as note_service
from teamlead.services.agreements import AgreementInput
from teamlead.services.meetings import MeetingInput
from teamlead.services.notes import NoteInput
from teamlead.services.persons import PersonInput
from tests.data.queries.conftest import TODAY, World


def test_organisation_detail_lists_people_over_time(world: World) -> None:
    with world.database.begin() as session:
        persons.change_role(session, world.fatima_role, "Teamleider", expected_version=1, on=date(2025, 6, 1))
    with world.database.session() as session:
        detail = organisation_detail(session, world.youth_work)
        assert organisation_detail(session, 999) is None
    assert detail is not None
    assert (detail.name, detail.domain, detail.district, detail.phone) == (
        "Jongerenwerk Nieuw-West",
        "Social",
        "Nieuw-West",
        "020 555 0100",
    )
    assert detail.neighbourhoods == ("Geuzenveld", "Wildemanbuurt")
    assert detail.neighbourhood_ids == (world.geuzenveld, world.wildeman)
    assert [(r.person, r.title, r.started_on, r.ended_on) for r in detail.roles] == [
        ("Fatima el Amrani", "Teamleider", date(2025, 6, 1), None),
        ("Fatima el Amrani", "Jongerenwerker", date(2024, 2, 1), date(2025, 5, 31)),
    ]
    assert (detail.status, detail.contact_cadence_days, detail.version) == ("active", 30, 1)


def test_partner_timeline_newest_first(world: World) -> None:
    start = datetime(2026, 2, 10, 14, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    with world.database.begin() as session:
        note_service.log_note(
            session,
            NoteInput("call", "Gebeld.", [world.youth_work], occurred_on=date(2026, 1, 5)),
            today=TODAY,
        )
        meetings.schedule_meeting(
            session, MeetingInput("network", "Netwerkoverleg", start, organisation_ids=[world.youth_work])
        )
        agreements.make_agreement(
            session, AgreementInput("Buurtavond.", [world.youth_work], made_on=date(2026, 3, 1)), today=TODAY
        )
        note_service.log_note(session, NoteInput("visit", "Bij de politie.", [world.police]), today=TODAY)
    with world.database.session() as session:
        timeline = partner_timeline(session, world.youth_work)
    assert [(e.kind, e.on, e.title, e.detail) for e in timeline] == [
        ("agreement", date(2026, 3, 1), "Buurtavond.", "open"),
        ("meeting", date(2026, 2, 10), "Netwerkoverleg", "network"),
        ("note", date(2026, 1, 5), "Gebeld.", "call"),
    ]


def test_people_and_person_detail(world: World) -> None:
    with world.database.begin() as session:
        persons.start_role(session, world.fatima, world.police, "Buurtvader", started_on=date(2025, 1, 1))
        gone = persons.add_person(
            session, PersonInput("Oud Collega"), organisation_id=world.police, started_on=date(2020, 1, 1)
        )
        assert gone.role_id is not None
        persons.end_role(session, gone.role_id, expected_version=1, ended_on=date(2025, 1, 1))
    with world.database.session() as session:
        current = people(session, today=TODAY)
        everyone = people(session, today=TODAY, current_only=False)
        at_police = people(session, today=TODAY, organisation_id=world.police)
        detail = person_detail(session, gone.person_id)
    assert [(p.name, [r.organisation for r in p.roles], p.phone) for p in current] == [
        ("Fatima el Amrani", ["Jongerenwerk Nieuw-West", "Politie basisteam Nieuw-West"], "06 5555 1234"),
    ]
    assert [p.name for p in everyone] == ["Fatima el Amrani", "Oud Collega"]
    assert [(p.name, [r.title for r in p.roles]) for p in at_police] == [("Fatima el Amrani", ["Buurtvader"])]
    assert detail is not None
    assert [(r.organisation, r.ended_on) for r in detail.roles] == [
        ("Politie basisteam Nieuw-West", date(2025, 1, 1))
    ]


def test_note_list_filters(world: World) -> None:
    with world.database.begin() as session:
        signal = note_service.log_note(
            session,
            NoteInput(
                "signal",
                "Oproep tot rellen.",
                [world.youth_work, world.police],
                [world.fatima],
                occurred_on=TODAY - timedelta(days=2),
                neighbourhood_id=world.wildeman,
            ),
            today=TODAY,
        )
        call = note_service.log_note(session, NoteInput("call", "Gebeld.", [world.police]), today=TODAY)
        old = note_service.log_note(
            session,
            NoteInput("visit", "Langs.", [world.youth_work], occurred_on=date(2025, 1, 1)),
            today=TODAY,
        )
    with world.database.session() as session:
        assert [n.id for n in notes(session)] == [call, signal, old]
        assert [n.id for n in notes(session, kind="signal")] == [signal]
        assert [n.id for n in notes(session, organisation_id=world.youth_work)] == [signal, old]
        assert [
            n.id for n in notes(session, date_from=date(2026, 1, 1), date_to=TODAY - timedelta(days=1))
        ] == [signal]
        assert [n.id for n in notes(session, neighbourhood_id=world.wildeman)] == [signal]
        assert [n.id for n in notes(session, person_id=world.fatima)] == [signal]
        assert notes(session, district_id=world.west) == []
        assert [n.id for n in notes(session, limit=1)] == [call]
        (row,) = notes(session, kind="signal")
    assert row.organisations == ("Jongerenwerk Nieuw-West", "Politie basisteam Nieuw-West")
    assert (row.persons, row.neighbourhood, row.district_id) == (
        ("Fatima el Amrani",),
        "Wildemanbuurt",
        world.nieuw_west,
    )
