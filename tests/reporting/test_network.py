"""The network map's weights, on a small world entered the way the app enters it (through the services), on
both backends, against weights worked out by hand from the rule of issue 16.

The world, in 2026-Q1 (the map is made on 2026-03-20 at noon):

- network meeting 10 Feb: A, B, C present, D absent      -> each pair of A, B, C + 1/2
- partner meeting 3 Mar: A, B present                    -> A-B + 1
- a meeting on 12 Feb with A, B, C present, cancelled     -> nothing
- a meeting on 25 Mar with A, B present (after the map)   -> nothing
- a meeting on 20 Dec 2025 with A, B present               -> nothing (before the period)
- a meeting in West on 5 Feb with A, B present            -> A-B + 1 for all districts only
- agreement 15 Jan: A, C                                 -> A-C + 1
- agreement 20 Jan: B alone                              -> nobody linked; B took part
- agreement 1 Dec 2025: A, B                             -> nothing
- call 5 Feb naming A, D; signal 1 Mar naming A, B, C    -> district audience: A-D + 1, each pair of A, B, C + 1
- call 28 Dec 2025 naming A, C                           -> nothing
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.models import Domain, Invitee, Meeting
from teamlead.data.queries.districts import find_neighbourhoods
from teamlead.reporting.districts import DistrictRef, NeighbourhoodRef, all_districts
from teamlead.reporting.model import NetworkMap
from teamlead.reporting.network import gather_network
from teamlead.reporting.periods import AMSTERDAM, Period
from teamlead.services.agreements import AgreementInput, make_agreement
from teamlead.services.geography import add_district, add_neighbourhood
from teamlead.services.meetings import MeetingInput, cancel_meeting, record_attendance, schedule_meeting
from teamlead.services.notes import NoteInput, log_note
from teamlead.services.organisations import OrganisationInput, add_organisation

Q1 = Period(date(2026, 1, 1), date(2026, 3, 31))
MADE_AT = datetime(2026, 3, 20, 12, 0, tzinfo=AMSTERDAM)


@dataclass(frozen=True)
class World:
    ids: dict[str, int]
    district: DistrictRef
    bijlmer: int


def _at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def _world(database: Database) -> World:
    with database.begin() as s:
        zuidoost = add_district(s, "Zuidoost")
        west = add_district(s, "West")
        bijlmer = add_neighbourhood(s, zuidoost, "Bijlmer-Oost")
        gaasperdam = add_neighbourhood(s, zuidoost, "Gaasperdam")
        domains = dict(s.execute(select(Domain.key, Domain.id)).all())

        def partner(name: str, domain: str, neighbourhood: int | None) -> int:
            places = [neighbourhood] if neighbourhood is not None else []
            data = OrganisationInput(name, zuidoost, domains[domain], places, joined_on=date(2025, 1, 1))
            return add_organisation(s, data, today=date(2025, 1, 1))

        ids = {
            "A": partner("Jongerenwerk Zuidoost", "social", bijlmer),
            "B": partner("Huisartsenpost Bijlmer", "care", bijlmer),
            "C": partner("Politie Gaasperdam", "safety", gaasperdam),
            "D": partner("Basisschool De Polder", "education", bijlmer),
            "E": partner("Kerk De Nieuwe Stad", "informal", None),
        }
        s.flush()

        def meeting(day: date, present: str, absent: str = "", district: int = zuidoost) -> int:
            invited = [ids[key] for key in present + absent]
            meeting_id = schedule_meeting(
                s, MeetingInput("network", f"Overleg {day}", _at(day), district_id=district, organisation_ids=invited)
            )  # fmt: skip
            s.flush()
            invitees = dict(
                s.execute(
                    select(Invitee.organisation_id, Invitee.id).where(Invitee.meeting_id == meeting_id)
                ).all()
            )
            marks = {invitees[ids[key]]: "present" for key in present}
            marks |= {invitees[ids[key]]: "absent" for key in absent}
            version = s.scalar(select(Meeting.version).where(Meeting.id == meeting_id)) or 1
            record_attendance(s, meeting_id, marks, expected_version=version)
            s.flush()
            return meeting_id

        meeting(date(2026, 2, 10), "ABC", "D")
        meeting(date(2026, 3, 3), "AB")
        cancelled = meeting(date(2026, 2, 12), "ABC")
        version = s.scalar(select(Meeting.version).where(Meeting.id == cancelled)) or 1
        cancel_meeting(s, cancelled, expected_version=version)
        meeting(date(2026, 3, 25), "AB")
        meeting(date(2025, 12, 20), "AB")
        meeting(date(2026, 2, 5), "AB", district=west)

        def agreement(day: date, keys: str) -> None:
            data = AgreementInput(f"Afspraak {day}", [ids[key] for key in keys], made_on=day)
            make_agreement(s, data, today=day, now=_at(day))

        agreement(date(2026, 1, 15), "AC")
        agreement(date(2026, 1, 20), "B")
        agreement(date(2025, 12, 1), "AB")

        def note(day: date, kind: str, keys: str) -> None:
            data = NoteInput(kind, "Wat er besproken is", [ids[key] for key in keys], occurred_on=day)
            log_note(s, data, today=day)

        note(date(2026, 2, 5), "call", "AD")
        note(date(2026, 3, 1), "signal", "ABC")
        note(date(2025, 12, 28), "call", "AC")
    with database.session() as s:
        district = next(found for found in all_districts(s) if found.name == "Zuidoost")
    return World(ids, district, bijlmer)


def _map(
    database: Database,
    world: World,
    audience: str,
    *,
    everything: bool = False,
    neighbourhood: NeighbourhoodRef | None = None,
) -> NetworkMap:
    with database.session() as s:
        districts = all_districts(s) if everything else [world.district]
        return gather_network(s, districts, everything, neighbourhood, Q1, audience, MADE_AT)


def _weights(network: NetworkMap, world: World) -> dict[str, float]:
    names = {value: key for key, value in world.ids.items()}
    return {names[link.source] + names[link.target]: link.weight for link in network.links}


def test_the_district_audience_weighs_meetings_agreements_and_contact_moments(database: Database) -> None:
    world = _world(database)
    network = _map(database, world, "district")
    assert _weights(network, world) == pytest.approx(
        {
            "AB": 1 / 2 + 1 + 1,  # the network meeting, the partner meeting, the signal
            "AC": 1 / 2 + 1 + 1,  # the network meeting, the agreement, the signal
            "BC": 1 / 2 + 1,  # the network meeting, the signal
            "AD": 1,  # the call
        }
    )
    links = {(link.source, link.target): link for link in network.links}
    ab = links[(world.ids["A"], world.ids["B"])]
    assert (ab.meetings, ab.agreements, ab.contacts) == (2, 0, 1)
    activity = {node.id: node.activity for node in network.nodes}
    assert [activity[world.ids[key]] for key in "ABCDE"] == [5, 4, 3, 1, 0]
    assert {node.name for node in network.nodes} >= {"Kerk De Nieuwe Stad", "Basisschool De Polder"}
    domains = {node.id: node.domain_key for node in network.nodes}
    assert domains[world.ids["C"]] == "safety"


def test_the_city_audience_ignores_contact_moments(database: Database) -> None:
    world = _world(database)
    network = _map(database, world, "city")
    assert _weights(network, world) == pytest.approx({"AB": 1 / 2 + 1, "AC": 1 / 2 + 1, "BC": 1 / 2})
    assert all(link.contacts == 0 for link in network.links)
    activity = {node.id: node.activity for node in network.nodes}
    assert [activity[world.ids[key]] for key in "ABCDE"] == [3, 3, 2, 0, 0]


def test_all_districts_count_the_meeting_in_west(database: Database) -> None:
    world = _world(database)
    network = _map(database, world, "city", everything=True)
    assert _weights(network, world)["AB"] == pytest.approx(1 / 2 + 1 + 1)
    assert network.header.district == "All districts"


def test_a_neighbourhood_keeps_the_partners_serving_it(database: Database) -> None:
    world = _world(database)
    with database.session() as s:
        [bijlmer] = find_neighbourhoods(s, "bijlmer oost")
    assert bijlmer.id == world.bijlmer
    network = _map(database, world, "district", neighbourhood=bijlmer)
    assert network.neighbourhood == "Bijlmer-Oost"
    assert network.header.district == "Zuidoost"
    assert {node.id for node in network.nodes} == {world.ids[key] for key in "ABD"}
    assert _weights(network, world) == pytest.approx({"AB": 2.5, "AD": 1})


def test_a_period_that_has_not_begun_links_nobody(database: Database) -> None:
    world = _world(database)
    with database.session() as s:
        later = Period(date(2026, 4, 1), date(2026, 6, 30))
        network = gather_network(s, [world.district], False, None, later, "district", MADE_AT)
    assert network.links == ()
    assert {node.activity for node in network.nodes} == {0}
