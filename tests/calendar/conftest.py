"""A small planned world for invitations and mail drafts: four partners reached in each way the addressees
rule knows (and one not at all), a one-off meeting and a monthly series next year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

import pytest
from sqlalchemy import insert, select

from teamlead.data.database import Database
from teamlead.data.meetings import Meeting
from teamlead.data.roster import Organisation, Person, key_contact
from teamlead.rules.clock import AMSTERDAM
from teamlead.services.meetings import MeetingInput, schedule_meeting
from teamlead.services.series import InviteeRef, SeriesInput, create_series

YEAR = date.today().year + 1
ORGANIZER = "Anna de Vries <anna@example.nl>"


@dataclass
class Planned:
    database: Database
    url: str
    meeting: int
    series: int
    occurrences: list[int]
    addresses: set[str]
    unreached: str
    partners: list[int]


@pytest.fixture
def planned(database: Database) -> Planned:
    """Four partners: one invited by its person, one reached through its key contact, one by its own address,
    one with no address at all; a one-off meeting and a monthly series, both next year, inviting all four."""
    with database.begin() as session:
        by_person = Organisation(name="Jongerenwerk", email="info@jongerenwerk.example")
        by_contact = Organisation(name="Politie", email="basisteam@politie.example")
        by_itself = Organisation(name="Bibliotheek", email="info@bieb.example")
        nobody = Organisation(name="Moskee Al Fath")
        chloe = Person(name="Chloë Veenstra", email="c.veenstra@jongerenwerk.example")
        agent = Person(name="Esther Mulder", email="e.mulder@politie.example")
        session.add_all([by_person, by_contact, by_itself, nobody, chloe, agent])
        session.flush()
        session.execute(insert(key_contact).values(organisation_id=by_contact.id, person_id=agent.id))
        invitees = (
            InviteeRef(by_person.id, chloe.id),
            InviteeRef(by_contact.id),
            InviteeRef(by_itself.id),
            InviteeRef(nobody.id),
        )
        meeting = schedule_meeting(
            session,
            MeetingInput(
                kind="partner", title="Bilateraal", location="Stadsdeelkantoor",
                starts_at=datetime(YEAR, 3, 31, 10, tzinfo=AMSTERDAM),
                ends_at=datetime(YEAR, 3, 31, 11, tzinfo=AMSTERDAM), invitees=invitees,
            ),
        )  # fmt: skip
        series = create_series(
            session,
            SeriesInput(
                "network", "Netwerkoverleg", "FREQ=MONTHLY;BYDAY=2TU", date(YEAR, 1, 1), time(14, 0),
                location="Buurthuis", invitees=invitees,
            ),
            horizon=date(YEAR, 6, 30),
        )  # fmt: skip
        occurrences = list(
            session.scalars(select(Meeting.id).where(Meeting.series_id == series).order_by(Meeting.starts_at))
        )
    return Planned(
        database,
        database.url.render_as_string(hide_password=False),
        meeting,
        series,
        occurrences,
        {"c.veenstra@jongerenwerk.example", "e.mulder@politie.example", "info@bieb.example"},
        "Moskee Al Fath",
        [by_person.id, by_contact.id, by_itself.id, nobody.id],
    )
