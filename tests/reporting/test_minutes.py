"""Gathering a meeting's minutes from a world made through the services, on SQLite and PostgreSQL: attendance
named per organisation (a person invited by name, an organisation as a whole), the agreements made in the meeting,
the agreements it looked back on that were still open when it began (not one done before it), a local
reflection's answers, and the refusals for a meeting not held."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.geography import Domain
from teamlead.data.meetings import Invitee, Meeting
from teamlead.errors import UserError
from teamlead.reporting.minutes import gather_minutes
from teamlead.rules.clock import AMSTERDAM
from teamlead.services import agenda, agreements, geography, meetings, organisations, persons
from teamlead.services.agreements import AgreementInput
from teamlead.services.meetings import MeetingInput, Reflection
from teamlead.services.organisations import OrganisationInput
from teamlead.services.persons import PersonInput
from teamlead.services.series_store import InviteeRef

EARLIER = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
HELD = datetime(2026, 2, 10, 13, 0, tzinfo=UTC)
MADE = datetime(2026, 3, 2, 12, 0, tzinfo=AMSTERDAM)


@dataclass(frozen=True)
class World:
    meeting: int
    reflection: int
    future: int
    cancelled: int
    made: int
    open_discussed: int
    done_before: int
    done_after: int


def _organisation(session: object, name: str, district: int, domain: int) -> int:
    return organisations.add_organisation(
        session,  # type: ignore[arg-type]
        OrganisationInput(name=name, district_id=district, domain_id=domain, joined_on=date(2025, 1, 1)),
        today=EARLIER.date(),
        now=EARLIER,
    )


def _make(database: Database) -> World:
    with database.begin() as session:
        district = geography.add_district(session, "Nieuw-West", now=EARLIER)
        geuzenveld = geography.add_neighbourhood(session, district, "Geuzenveld", now=EARLIER)
        domain = session.scalars(select(Domain.id)).first()
        assert domain is not None
        youth = _organisation(session, "Jongerenwerk Nieuw-West", district, domain)
        police = _organisation(session, "Politie basisteam Nieuw-West", district, domain)
        school = _organisation(session, "OBS De Boomgaard", district, domain)
        fatima_added = persons.add_person(
            session,
            PersonInput(name="Fatima el Amrani"),
            organisation_id=youth,
            role_title="Jongerenwerker",
            started_on=date(2025, 1, 1),
            now=EARLIER,
        )
        joost_added = persons.add_person(
            session,
            PersonInput(name="Joost de Wit"),
            organisation_id=youth,
            role_title="Coördinator",
            started_on=date(2025, 1, 1),
            now=EARLIER,
        )
        fatima, joost = fatima_added.person_id, joost_added.person_id
        invitees = [
            InviteeRef(youth, fatima),
            InviteeRef(youth, joost),
            InviteeRef(police, None),
            InviteeRef(school, None),
        ]

        def schedule(kind: str, title: str, starts_at: datetime, **extra: object) -> int:
            return meetings.schedule_meeting(
                session,
                MeetingInput(
                    kind=kind,
                    title=title,
                    starts_at=starts_at,
                    location="Huis van de Wijk",
                    district_id=district,
                    invitees=invitees,
                    **extra,  # type: ignore[arg-type]
                ),
                now=EARLIER,
            )

        meeting = schedule("network", "Netwerkoverleg Geuzenveld", HELD, neighbourhood_id=geuzenveld)
        reflection = schedule("reflection", "Lokale reflectie Geuzenveld", HELD)
        future = schedule("network", "Netwerkoverleg later", datetime(2026, 3, 10, 13, 0, tzinfo=UTC))
        cancelled = schedule("network", "Netwerkoverleg afgelast", datetime(2026, 2, 3, 13, 0, tzinfo=UTC))
        meetings.cancel_meeting(session, cancelled, expected_version=1, now=EARLIER)

        def earlier(text: str) -> int:
            return agreements.make_agreement(
                session,
                AgreementInput(text=text, organisation_ids=[youth, police], made_on=date(2026, 1, 5)),
                today=date(2026, 1, 5),
                now=EARLIER,
            )

        open_discussed = earlier("Jongerenwerk en politie lopen samen een avondronde")
        done_before = earlier("De school deelt het verzuimoverzicht")
        done_after = earlier("Politie levert de cijfers over overlast aan")
        for agreement_id, when in (
            (done_before, datetime(2026, 2, 1, 9, 0, tzinfo=UTC)),
            (done_after, datetime(2026, 2, 20, 9, 0, tzinfo=UTC)),
        ):
            agreements.change_status(session, agreement_id, "done", expected_version=1, now=when)
        for agreement_id in (open_discussed, done_before):
            agreements.link_meeting(session, agreement_id, meeting, now=EARLIER)
        agenda.add_agenda_item(session, meeting, "Opening", details="Welkom", now=EARLIER)
        agenda.add_agenda_item(session, meeting, "Cijfers overlast", agreement_id=done_after, now=EARLIER)
        made = agreements.agreement_from_decision(
            session,
            meeting,
            "De school organiseert een ouderavond over online veiligheid",
            organisation_ids=[school, youth],
            responsible_person_id=fatima,
            due_on=date(2026, 4, 1),
            now=HELD,
        )
        invited = session.scalars(
            select(Invitee.id).where(Invitee.meeting_id == meeting).order_by(Invitee.id)
        )
        fatima_at, joost_at, police_at, _school_at = invited.all()
        meetings.save_meeting_page(
            session,
            meeting,
            expected_version=session.get_one(Meeting, meeting).version,
            attendance={fatima_at: "present", joost_at: "excused", police_at: "present"},
            minutes="Goed overleg.",
            reflection=None,
            now=HELD,
        )
        meetings.save_meeting_page(
            session,
            reflection,
            expected_version=session.get_one(Meeting, reflection).version,
            attendance={},
            minutes="",
            reflection=Reflection("Korte lijnen", "Terugkoppeling", "Avondrondes", "Een plek"),
            now=HELD,
        )
    return World(meeting, reflection, future, cancelled, made, open_discussed, done_before, done_after)


@pytest.fixture
def world(database: Database) -> World:
    return _make(database)


def test_the_minutes_hold_who_came_what_was_agreed_and_looked_back_on(
    database: Database, world: World
) -> None:
    with database.session() as session:
        minutes = gather_minutes(session, world.meeting, MADE)
    assert minutes.title == "Netwerkoverleg Geuzenveld"
    assert minutes.district == "Nieuw-West"
    assert minutes.neighbourhood == "Geuzenveld"
    assert minutes.location == "Huis van de Wijk"
    assert minutes.starts_at == HELD
    assert (minutes.count("present"), minutes.count("excused"), minutes.count("absent")) == (2, 1, 0)
    assert minutes.count("invited") == 1
    assert minutes.by_attendance() == {
        "present": {"Jongerenwerk Nieuw-West": ["Fatima el Amrani"], "Politie basisteam Nieuw-West": []},
        "excused": {"Jongerenwerk Nieuw-West": ["Joost de Wit"]},
        "invited": {"OBS De Boomgaard": []},
    }
    assert minutes.text == "Goed overleg."
    assert [(item.title, item.details) for item in minutes.agenda][:2] == [
        ("Opening", "Welkom"),
        ("Cijfers overlast", ""),
    ]
    assert [a.id for a in minutes.agreements_made] == [world.made]
    made = minutes.agreements_made[0]
    assert made.organisations == "OBS De Boomgaard, Jongerenwerk Nieuw-West"
    assert made.responsible == "Fatima el Amrani"
    assert made.due_on == date(2026, 4, 1)
    # Open when the meeting began: linked, and on the agenda though done since; not one done before it.
    assert sorted(a.id for a in minutes.agreements_discussed) == sorted(
        [world.open_discussed, world.done_after]
    )
    assert minutes.reflection is None


def test_a_local_reflection_has_its_four_answers(database: Database, world: World) -> None:
    with database.session() as session:
        minutes = gather_minutes(session, world.reflection, MADE)
    assert minutes.reflection is not None
    assert (
        minutes.reflection.goes_well,
        minutes.reflection.can_improve,
        minutes.reflection.do_ourselves,
        minutes.reflection.need_help,
    ) == ("Korte lijnen", "Terugkoppeling", "Avondrondes", "Een plek")
    assert minutes.neighbourhood == ""


def test_a_meeting_not_held_has_no_minutes(database: Database, world: World) -> None:
    with database.session() as session:
        with pytest.raises(UserError, match="has not been held yet"):
            gather_minutes(session, world.future, MADE)
        with pytest.raises(UserError, match="was cancelled"):
            gather_minutes(session, world.cancelled, MADE)
        with pytest.raises(UserError, match="There is no meeting with id 424242"):
            gather_minutes(session, 424242, MADE)
        # The meeting itself, made while it has not begun yet: refused too.
        with pytest.raises(UserError, match="has not been held yet"):
            gather_minutes(session, world.meeting, HELD.replace(hour=12))
