"""A team lead's everyday writes in their own district on a shared PostgreSQL database, through the app's
services as the screens call them: each is accepted by the server and reads back as the user would see it, for
the team lead and for the owner. (Reading limits are in ``test_access.py``; this is about what they may write.)
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from teamlead.calendar.export import build_calendar, write_calendar
from teamlead.calendar.invitation import organizer_from
from teamlead.calendar.outgoing import write_invitation
from teamlead.data.access.install import install_access
from teamlead.data.access.refusals import AccessRefusedError
from teamlead.data.database import Database, open_database
from teamlead.data.models import (
    AgendaItem,
    Agreement,
    Invitee,
    Meeting,
    MeetingSeries,
    Neighbourhood,
    Note,
    Offer,
    Organisation,
    Person,
    Place,
    Role,
    SignalAsk,
    SignalRound,
    Theme,
)
from teamlead.data.queries.districts import DistrictRef
from teamlead.importing.readers import read_file
from teamlead.importing.session import import_source
from teamlead.producing.export import export_database
from teamlead.producing.handover import write_handover
from teamlead.services import (
    agenda,
    agreements,
    contact_forms,
    geography,
    geography_merge,
    indicators,
    key_contacts,
    meeting_removal,
    meetings,
    narratives,
    neighbourhoods,
    notes,
    organisations,
    persons,
    series,
    signal_lists,
    signal_rounds,
)
from teamlead.services.meeting_invitees import change_invitees
from teamlead.services.organisations import OrganisationInput
from teamlead.services.persons import PersonInput
from teamlead.services.privacy import access_report
from teamlead.services.series_store import InviteeRef
from tests.access_world import NOW, AccessWorld, build, drop_roles, unique_database
from tests.conftest import postgres_server_url
from tests.importing.rosters import write_xlsx

pytestmark = pytest.mark.postgres

TODAY = NOW.date()


@pytest.fixture(scope="module")
def world() -> Iterator[AccessWorld]:
    server = postgres_server_url()
    if server is None:
        pytest.skip("PostgreSQL tests need TEAMLEAD_TEST_POSTGRES_URL")
    prefix = None
    for url in unique_database(server):
        owner = open_database(url)
        try:
            built = build(owner)
            prefix = built.prefix
            yield built
        finally:
            owner.dispose()
    if prefix is not None:
        drop_roles(server, prefix)


def _value(database: Database, sql: str, **values: Any) -> Any:
    with database.session() as session:
        return session.scalar(text(sql), values)


def _both(world: AccessWorld, lead: Database, sql: str, **values: Any) -> Any:
    """The same question asked as the team lead and as the owner: both must get the same answer."""
    mine, owners = _value(lead, sql, **values), _value(world.owner, sql, **values)
    assert mine == owners, (sql, mine, owners)
    return mine


def _social(session: Session) -> int:
    return int(session.scalar(text("SELECT id FROM domain WHERE key = 'social'")))


def _partner(lead: Database, world: AccessWorld, name: str) -> int:
    with lead.begin() as session:
        return organisations.add_organisation(
            session,
            OrganisationInput(
                name=name,
                district_id=world.noord,
                domain_id=_social(session),
                neighbourhood_ids=[world.oud_noord],
            ),
            today=TODAY,
            now=NOW,
        )


def _person(lead: Database, organisation_id: int, name: str) -> int:
    with lead.begin() as session:
        return persons.add_person(
            session,
            PersonInput(name=name),
            organisation_id=organisation_id,
            role_title="Medewerker",
            today=TODAY,
            now=NOW,
        ).person_id


def _version(database: Database, model: type, record_id: int) -> int:
    with database.session() as session:
        return int(session.get(model, record_id).version)  # type: ignore[attr-defined]


# --- partners -----------------------------------------------------------------------------------------------


def test_a_team_lead_adds_edits_and_archives_a_partner(world: AccessWorld) -> None:
    with world.as_user("lead") as lead:
        with lead.begin() as session:
            second = geography.add_neighbourhood(session, world.noord, "Tuindorp", now=NOW)
        partner = _partner(lead, world, "Huiswerkklas Noord")
        with lead.begin() as session:
            organisations.edit_organisation(
                session,
                partner,
                OrganisationInput(
                    name="Huiswerkklas Noord",
                    district_id=world.noord,
                    domain_id=_social(session),
                    neighbourhood_ids=[world.oud_noord, second],
                    phone="020 123 4567",
                ),
                expected_version=_version(lead, Organisation, partner),
                now=NOW,
            )
        offers = _value(world.owner, "SELECT array_agg(id ORDER BY id) FROM offer")
        assert offers, "the demo has offers"
        with lead.begin() as session:
            key_contacts.set_offers(
                session, partner, offers[:2], expected_version=_version(lead, Organisation, partner), now=NOW
            )
        served = "SELECT array_agg(neighbourhood_id ORDER BY neighbourhood_id) FROM organisation_neighbourhood WHERE organisation_id = :o"
        assert _both(world, lead, served, o=partner) == sorted([world.oud_noord, second])
        offered = (
            "SELECT array_agg(offer_id ORDER BY offer_id) FROM organisation_offer WHERE organisation_id = :o"
        )
        assert _both(world, lead, offered, o=partner) == offers[:2]
        with lead.begin() as session:
            organisations.archive_organisation(
                session, partner, expected_version=_version(lead, Organisation, partner), today=TODAY, now=NOW
            )
        state = "SELECT status || ' ' || phone FROM organisation WHERE id = :o"
        assert _both(world, lead, state, o=partner).startswith("former ")
        with lead.begin() as session:
            organisations.reactivate_organisation(
                session, partner, expected_version=_version(lead, Organisation, partner), now=NOW
            )
        assert _both(world, lead, "SELECT status FROM organisation WHERE id = :o", o=partner) == "active"


def test_a_team_lead_adds_a_person_edits_them_and_changes_their_roles(world: AccessWorld) -> None:
    with world.as_user("lead") as lead:
        first = _partner(lead, world, "Speeltuin Noord")
        second = _partner(lead, world, "Bibliotheek Noord")
        person = _person(lead, first, "Mila Jansen")
        with lead.begin() as session:
            persons.edit_person(
                session,
                person,
                PersonInput(name="Mila Jansen-de Groot", phone="06 12345678"),
                expected_version=_version(lead, Person, person),
                now=NOW,
            )
        with lead.begin() as session:
            persons.start_role(session, person, second, "Vrijwilliger", today=TODAY, now=NOW)
        roles = "SELECT string_agg(title || '@' || organisation_id, ',' ORDER BY organisation_id) FROM role WHERE person_id = :p AND ended_on IS NULL"
        assert _both(world, lead, roles, p=person) == f"Medewerker@{first},Vrijwilliger@{second}"
        with lead.session() as session:
            role_id, role_version = session.execute(
                select(Role.id, Role.version).where(Role.person_id == person, Role.organisation_id == first)
            ).one()
        with lead.begin() as session:
            persons.end_role(session, role_id, expected_version=role_version, today=TODAY, now=NOW)
        assert _both(world, lead, roles, p=person) == f"Vrijwilliger@{second}"
        with lead.begin() as session:
            key_contacts.set_key_contact(
                session,
                second,
                person,
                expected_version=_version(lead, Organisation, second),
                today=TODAY,
                now=NOW,
            )
        key = "SELECT person_id FROM key_contact WHERE organisation_id = :o"
        assert _both(world, lead, key, o=second) == person
        assert _both(world, lead, "SELECT name FROM person WHERE id = :p", p=person) == "Mila Jansen-de Groot"


def test_a_colleague_adds_a_person_and_a_partner_too(world: AccessWorld) -> None:
    with world.as_user("colleague") as colleague:
        partner = _partner(colleague, world, "Taalcafé Noord")
        person = _person(colleague, partner, "Noor El Amrani")
    with world.as_user("lead") as lead:
        assert _both(world, lead, "SELECT name FROM person WHERE id = :p", p=person) == "Noor El Amrani"


# --- notes ----------------------------------------------------------------------------------------------------


def test_a_team_lead_logs_edits_follows_up_and_deletes_a_note(world: AccessWorld) -> None:
    with world.as_user("lead") as lead:
        partner = _partner(lead, world, "Voedselbank Noord")
        person = _person(lead, partner, "Ruben Smits")
        with lead.begin() as session:
            note = notes.log_note(
                session,
                notes.NoteInput(
                    kind="visit",
                    text="Bezoek aan de uitgifte",
                    organisation_ids=[partner, world.buurtwerk],
                    person_ids=[person, world.anna],
                    follow_up_on=TODAY + timedelta(days=7),
                ),
                today=TODAY,
                now=NOW,
            )
        linked = "SELECT (SELECT count(*) FROM note_organisation WHERE note_id = :n) * 10 + (SELECT count(*) FROM note_person WHERE note_id = :n)"
        assert _both(world, lead, linked, n=note) == 22
        assert _both(world, lead, "SELECT district_id FROM note WHERE id = :n", n=note) == world.noord
        with lead.begin() as session:
            notes.set_follow_up_done(session, note, expected_version=_version(lead, Note, note), now=NOW)
        with lead.begin() as session:
            notes.edit_note(
                session,
                note,
                notes.NoteInput(
                    kind="visit",
                    text="Bezoek aan de uitgifte, met Ruben",
                    organisation_ids=[partner],
                    person_ids=[person],
                ),
                expected_version=_version(lead, Note, note),
                today=TODAY,
                now=NOW,
            )
        assert _both(world, lead, linked, n=note) == 11
        assert (
            _both(world, lead, "SELECT text FROM note WHERE id = :n", n=note)
            == "Bezoek aan de uitgifte, met Ruben"
        )
        assert _both(world, lead, "SELECT count(*) FROM search_note WHERE id = :n", n=note) == 1
        with lead.begin() as session:
            notes.delete_note(
                session, note, expected_version=_version(lead, Note, note), confirmed=True, now=NOW
            )
        assert _both(world, lead, "SELECT count(*) FROM note WHERE id = :n", n=note) == 0
        assert _value(world.owner, "SELECT count(*) FROM search_note WHERE id = :n", n=note) == 0
        assert _value(world.owner, "SELECT count(*) FROM note_person WHERE note_id = :n", n=note) == 0


# --- signals --------------------------------------------------------------------------------------------------


def test_a_team_lead_runs_a_signal_round(world: AccessWorld) -> None:
    came_in = datetime.combine(TODAY, time(8, 0), tzinfo=UTC)
    with world.as_user("lead") as lead:
        with lead.session() as session:
            themes = list(session.scalars(select(Theme.id).order_by(Theme.id).limit(2)))
        assert themes, "the demo has themes"
        with lead.begin() as session:
            signal = signal_rounds.log_signal(
                session,
                signal_rounds.SignalInput(
                    text="Overlast bij het winkelcentrum",
                    came_in_at=came_in,
                    neighbourhood_id=world.oud_noord,
                    theme_ids=themes[:1],
                    organisation_ids=[world.buurtwerk],
                ),
                now=NOW,
            )
        with lead.session() as session:
            round_id, round_version = session.execute(
                select(SignalRound.id, SignalRound.version).where(SignalRound.note_id == signal)
            ).one()
        with lead.begin() as session:
            signal_rounds.save_round(
                session,
                signal,
                signal_rounds.RoundInput(came_in_at=came_in, theme_ids=themes),
                expected_version=round_version,
                today=TODAY,
                now=NOW,
            )
        with lead.begin() as session:
            ask = signal_rounds.ask_partner(
                session,
                signal,
                world.buurtwerk,
                person_id=world.anna,
                kind="call",
                answer="knew",
                asked_at=came_in + timedelta(hours=1),
                now=NOW,
            )
        themed = "SELECT array_agg(theme_id ORDER BY theme_id) FROM signal_theme WHERE round_id = :r"
        assert _both(world, lead, themed, r=round_id) == themes
        asked = "SELECT organisation_id || ':' || answer FROM signal_ask WHERE id = :a"
        assert _both(world, lead, asked, a=ask) == f"{world.buurtwerk}:knew"
        with lead.session() as session:
            ask_version = session.get(SignalAsk, ask).version  # type: ignore[union-attr]
        with lead.begin() as session:
            signal_rounds.edit_ask(
                session,
                ask,
                asked_at=came_in + timedelta(hours=2),
                answer="acting",
                expected_version=ask_version,
                now=NOW,
            )
        assert _both(world, lead, asked, a=ask) == f"{world.buurtwerk}:acting"
        with lead.begin() as session:
            signal_rounds.close_signal(
                session,
                signal,
                closed_on=TODAY,
                outcome="Extra toezicht geregeld",
                feedback_on=TODAY,
                feedback="Partners gebeld",
                expected_version=_version(lead, SignalRound, round_id),
                today=TODAY,
                now=NOW,
            )
        closed = "SELECT closed_on::text || ' ' || feedback FROM signal_round WHERE id = :r"
        assert _both(world, lead, closed, r=round_id) == f"{TODAY.isoformat()} Partners gebeld"


# --- meetings -------------------------------------------------------------------------------------------------


def test_a_team_lead_plans_holds_and_cancels_a_meeting(world: AccessWorld) -> None:
    starts = datetime.combine(TODAY + timedelta(days=3), time(13, 0), tzinfo=UTC)
    with world.as_user("lead") as lead:
        partner = _partner(lead, world, "Welzijn Noord")
        person = _person(lead, partner, "Fatima Bakkali")
        with lead.begin() as session:
            meeting = meetings.schedule_meeting(
                session,
                meetings.MeetingInput(
                    kind="network",
                    title="Netwerkoverleg Noord",
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=2),
                    location="Buurthuis",
                    district_id=world.noord,
                    invitees=(InviteeRef(organisation_id=partner), InviteeRef(person_id=world.anna)),
                    neighbourhood_id=world.oud_noord,
                ),
                now=NOW,
            )
        with lead.begin() as session:
            change_invitees(
                session,
                meeting,
                (
                    InviteeRef(organisation_id=partner),
                    InviteeRef(person_id=world.anna),
                    InviteeRef(person_id=person),
                ),
                expected_version=_version(lead, Meeting, meeting),
                now=NOW,
            )
        invited = "SELECT count(*) FROM invitee WHERE meeting_id = :m"
        assert _both(world, lead, invited, m=meeting) == 3
        assert (
            _both(
                world,
                lead,
                "SELECT neighbourhood_id FROM meeting_neighbourhood WHERE meeting_id = :m",
                m=meeting,
            )
            == world.oud_noord
        )
        with lead.begin() as session:
            item = agenda.add_agenda_item(session, meeting, "Zomerplannen", details="Wie doet wat", now=NOW)
            agenda.add_agenda_item(session, meeting, "Rondvraag", now=NOW)
        with lead.session() as session:
            item_version = session.get(AgendaItem, item).version  # type: ignore[union-attr]
            attendance = {
                invitee.id: "present"
                for invitee in session.scalars(select(Invitee).where(Invitee.meeting_id == meeting))
            }
        with lead.begin() as session:
            agenda.set_agenda_item_details(
                session, item, "Wie doet wat, en wanneer", expected_version=item_version, now=NOW
            )
        with lead.begin() as session:
            meetings.save_meeting_page(
                session,
                meeting,
                expected_version=_version(lead, Meeting, meeting),
                attendance=attendance,
                minutes="Afgesproken: zomerplan",
                reflection=None,
                now=NOW,
            )
        present = "SELECT count(*) FROM invitee WHERE meeting_id = :m AND attendance = 'present'"
        assert _both(world, lead, present, m=meeting) == 3
        assert (
            _both(world, lead, "SELECT minutes FROM meeting WHERE id = :m", m=meeting)
            == "Afgesproken: zomerplan"
        )
        items = "SELECT string_agg(title, ',' ORDER BY position) FROM agenda_item WHERE meeting_id = :m"
        assert _both(world, lead, items, m=meeting) == "Zomerplannen,Rondvraag"
        with lead.begin() as session:
            meetings.cancel_meeting(
                session, meeting, expected_version=_version(lead, Meeting, meeting), now=NOW
            )
        assert _both(world, lead, "SELECT status FROM meeting WHERE id = :m", m=meeting) == "cancelled"


def test_a_team_lead_saves_a_local_reflection(world: AccessWorld) -> None:
    starts = datetime.combine(TODAY - timedelta(days=1), time(10, 0), tzinfo=UTC)
    with world.as_user("lead") as lead:
        with lead.begin() as session:
            meeting = meetings.schedule_meeting(
                session,
                meetings.MeetingInput(
                    kind="reflection", title="Reflectie Oud-Noord", starts_at=starts, district_id=world.noord
                ),
                now=NOW,
            )
        with lead.begin() as session:
            meetings.save_meeting_page(
                session,
                meeting,
                expected_version=_version(lead, Meeting, meeting),
                attendance={},
                minutes="",
                reflection=meetings.Reflection(goes_well="Samenwerking", need_help="Ruimte"),
                now=NOW,
            )
        assert (
            _both(world, lead, "SELECT reflection_goes_well FROM meeting WHERE id = :m", m=meeting)
            == "Samenwerking"
        )


def test_a_team_lead_starts_a_meeting_series(world: AccessWorld) -> None:
    with world.as_user("lead") as lead:
        with lead.begin() as session:
            series_id = series.create_series(
                session,
                series.SeriesInput(
                    kind="network",
                    title="Maandelijks overleg Noord",
                    rrule="FREQ=MONTHLY;BYDAY=1TU",
                    first_date=TODAY,
                    start_time=time(15, 0),
                    district_id=world.noord,
                    invitees=(InviteeRef(organisation_id=world.buurtwerk),),
                ),
                horizon=TODAY + timedelta(days=100),
                now=NOW,
            )
        occurrences = "SELECT count(*) FROM meeting WHERE series_id = :s"
        assert _both(world, lead, occurrences, s=series_id) >= 3
        invited = "SELECT count(*) FROM invitee AS i JOIN meeting AS m ON m.id = i.meeting_id WHERE m.series_id = :s"
        assert _both(world, lead, invited, s=series_id) >= 3
        with lead.session() as session:
            first = session.scalar(
                select(Meeting.id).where(Meeting.series_id == series_id).order_by(Meeting.starts_at)
            )
        assert first is not None
        with lead.begin() as session:
            series.cancel_occurrence(session, first, expected_version=_version(lead, Meeting, first), now=NOW)
        assert _both(world, lead, "SELECT status FROM meeting WHERE id = :m", m=first) == "cancelled"
        with lead.begin() as session:
            series.edit_series(
                session,
                series_id,
                series.SeriesChanges(title="Maandelijks netwerkoverleg Noord"),
                expected_version=_version(lead, MeetingSeries, series_id),
                now=NOW,
            )
        assert (
            _both(world, lead, "SELECT title FROM meeting_series WHERE id = :s", s=series_id)
            == "Maandelijks netwerkoverleg Noord"
        )


# --- agreements -----------------------------------------------------------------------------------------------


def test_a_team_lead_makes_an_agreement_and_follows_it_up(world: AccessWorld) -> None:
    starts = datetime.combine(TODAY - timedelta(days=2), time(10, 0), tzinfo=UTC)
    with world.as_user("lead") as lead:
        partner = _partner(lead, world, "Sportbedrijf Noord")
        with lead.begin() as session:
            meeting = meetings.schedule_meeting(
                session,
                meetings.MeetingInput(
                    kind="partner", title="Overleg sport", starts_at=starts, district_id=world.noord
                ),
                now=NOW,
            )
        with lead.begin() as session:
            agreement = agreements.make_agreement(
                session,
                agreements.AgreementInput(
                    text="Sportdag organiseren",
                    organisation_ids=[partner, world.buurtwerk],
                    responsible_person_id=world.anna,
                    due_on=TODAY + timedelta(days=30),
                    made_in_meeting_id=meeting,
                ),
                today=TODAY,
                now=NOW,
            )
        with lead.begin() as session:
            agreements.link_meeting(session, agreement, meeting, now=NOW)
        with lead.begin() as session:
            agreements.change_status(
                session,
                agreement,
                "in_progress",
                expected_version=_version(lead, Agreement, agreement),
                comment="Gestart",
                now=NOW,
            )
        with lead.begin() as session:
            agreements.edit_agreement(
                session,
                agreement,
                agreements.AgreementInput(text="Sportdag in juni organiseren", organisation_ids=[partner]),
                expected_version=_version(lead, Agreement, agreement),
                now=NOW,
            )
        with lead.begin() as session:
            agreements.change_status(
                session, agreement, "done", expected_version=_version(lead, Agreement, agreement), now=NOW
            )
        with lead.begin() as session:
            decided = agreements.agreement_from_decision(session, meeting, "Verslag rondsturen", now=NOW)
        changes = "SELECT string_agg(to_status, ',' ORDER BY id) FROM agreement_status_change WHERE agreement_id = :a"
        assert _both(world, lead, changes, a=agreement) == "open,in_progress,done"
        linked = "SELECT array_agg(organisation_id) FROM agreement_organisation WHERE agreement_id = :a"
        assert _both(world, lead, linked, a=agreement) == [partner]
        assert (
            _both(world, lead, "SELECT count(*) FROM agreement_meeting WHERE agreement_id = :a", a=agreement)
            >= 1
        )
        assert _both(world, lead, "SELECT district_id FROM agreement WHERE id = :a", a=decided) == world.noord


# --- narratives, neighbourhoods, places, indicators --------------------------------------------------------------


def test_a_team_lead_writes_the_district_narrative(world: AccessWorld) -> None:
    period = (date(2026, 1, 1), date(2026, 3, 31))
    with world.as_user("lead") as lead:
        with lead.begin() as session:
            narratives.save_narrative(
                session, world.noord, *period, "Een rustig kwartaal", expected_version=None, now=NOW
            )
            session.flush()
            row = narratives.get_narrative(session, world.noord, *period)
        assert row is not None
        with lead.begin() as session:
            narratives.save_narrative(
                session,
                world.noord,
                *period,
                "Een rustig kwartaal, met een sportdag",
                expected_version=row.version,
                now=NOW,
            )
        assert (
            _both(world, lead, "SELECT text FROM narrative WHERE id = :n", n=row.id)
            == "Een rustig kwartaal, met een sportdag"
        )


def test_a_team_lead_keeps_their_neighbourhoods_places_and_figures(world: AccessWorld) -> None:
    with world.as_user("lead") as lead:
        with lead.begin() as session:
            added = geography.add_neighbourhood(session, world.noord, "Nieuwendam", now=NOW)
        with lead.begin() as session:
            geography.rename_neighbourhood(
                session,
                added,
                "Nieuwendammerdijk",
                expected_version=_version(lead, Neighbourhood, added),
                now=NOW,
            )
        with lead.begin() as session:
            neighbourhoods.set_focus(
                session,
                added,
                "Jongeren op straat",
                expected_version=_version(lead, Neighbourhood, added),
                today=TODAY,
                now=NOW,
            )
        with lead.begin() as session:
            event = neighbourhoods.add_event(session, added, TODAY, "Nieuwe speeltuin geopend", now=NOW)
            place = neighbourhoods.add_place(session, added, "Het Plein", "square", address="Dijk 1", now=NOW)
        with lead.begin() as session:
            neighbourhoods.edit_place(
                session,
                place,
                "Het Dijkplein",
                "square",
                expected_version=_version(lead, Place, place),
                now=NOW,
            )
        with lead.begin() as session:
            note = notes.log_note(
                session,
                notes.NoteInput(
                    kind="visit",
                    text="Rondje over het plein",
                    district_id=world.noord,
                    neighbourhood_id=added,
                ),
                today=TODAY,
                now=NOW,
            )
            neighbourhoods.set_note_place(session, note, place, now=NOW)
        with lead.begin() as session:
            indicators.set_indicator(session, added, "Inwoners", 2025, 4321, now=NOW)
        assert (
            _both(world, lead, "SELECT name FROM neighbourhood WHERE id = :n", n=added) == "Nieuwendammerdijk"
        )
        assert _both(world, lead, "SELECT name FROM place WHERE id = :p", p=place) == "Het Dijkplein"
        assert _both(world, lead, "SELECT place_id FROM note_place WHERE note_id = :n", n=note) == place
        assert (
            _both(world, lead, "SELECT text FROM neighbourhood_event WHERE id = :e", e=event)
            == "Nieuwe speeltuin geopend"
        )
        assert (
            _both(
                world,
                lead,
                "SELECT value FROM indicator WHERE neighbourhood_id = :n AND year = 2025",
                n=added,
            )
            == 4321
        )


def test_a_team_lead_imports_their_neighbourhoods_figures(world: AccessWorld, tmp_path: Path) -> None:
    sheet = write_xlsx(
        tmp_path / "kerncijfers.xlsx",
        {"Kerncijfers": [["Buurt", "Jaar", "Indicator", "Waarde"], ["Oud-Noord", 2025, "Inwoners", 8123]]},
    )
    with world.as_user("lead") as lead:
        outcome = import_source(lead, read_file(sheet), district="Noord", today=TODAY)
        assert outcome.lines
        figure = (
            "SELECT value FROM indicator WHERE neighbourhood_id = :n AND name = 'Inwoners' AND year = 2025"
        )
        assert _both(world, lead, figure, n=world.oud_noord) == 8123


def test_a_team_lead_imports_a_roster_that_updates_their_partners(world: AccessWorld, tmp_path: Path) -> None:
    roster = write_xlsx(
        tmp_path / "bijgewerkt.xlsx",
        {
            "Partners": [
                ["Organisatie", "Domein", "Contactpersoon", "Functie", "E-mail"],
                ["Buurtwerk Noord", "Sociaal", "Anna de Vries", "Opbouwwerker", "anna@buurtwerk.example"],
                ["Buurtwerk Noord", "Sociaal", "Joris Mulder", "Jongerenwerker", "joris@buurtwerk.example"],
            ]
        },
    )
    with world.as_user("lead") as lead:
        import_source(lead, read_file(roster), district="Noord", today=TODAY)
        people = (
            "SELECT string_agg(p.name, ',' ORDER BY p.name) FROM person AS p JOIN role AS r ON r.person_id = p.id "
            "WHERE r.organisation_id = :o AND r.ended_on IS NULL"
        )
        assert "Joris Mulder" in _both(world, lead, people, o=world.buurtwerk)
        assert (
            _both(world, lead, "SELECT email FROM person WHERE id = :p", p=world.anna)
            == "anna@buurtwerk.example"
        )


# --- removing what the team lead made ---------------------------------------------------------------------------


def test_a_team_lead_removes_what_they_made_by_mistake(world: AccessWorld) -> None:
    starts = datetime.combine(TODAY + timedelta(days=10), time(9, 0), tzinfo=UTC)
    with world.as_user("lead") as lead:
        with lead.begin() as session:
            meeting = meetings.schedule_meeting(
                session,
                meetings.MeetingInput(
                    kind="other",
                    title="Per ongeluk",
                    starts_at=starts,
                    district_id=world.noord,
                    invitees=(InviteeRef(organisation_id=world.buurtwerk),),
                ),
                now=NOW,
            )
            item = agenda.add_agenda_item(session, meeting, "Weg ermee", now=NOW)
        with lead.begin() as session:
            agenda.remove_agenda_item(session, item, now=NOW)
        with lead.begin() as session:
            meeting_removal.delete_meeting(
                session, meeting, expected_version=_version(lead, Meeting, meeting), now=NOW
            )
        assert _both(world, lead, "SELECT count(*) FROM meeting WHERE id = :m", m=meeting) == 0
        assert _value(world.owner, "SELECT count(*) FROM invitee WHERE meeting_id = :m", m=meeting) == 0
        with lead.begin() as session:
            series_id = series.create_series(
                session,
                series.SeriesInput(
                    kind="network",
                    title="Per ongeluk wekelijks",
                    rrule="FREQ=WEEKLY",
                    first_date=TODAY + timedelta(days=20),
                    start_time=time(9, 0),
                    district_id=world.noord,
                ),
                horizon=TODAY + timedelta(days=60),
                now=NOW,
            )
        with lead.begin() as session:
            meeting_removal.delete_series(
                session, series_id, expected_version=_version(lead, MeetingSeries, series_id), now=NOW
            )
        assert _both(world, lead, "SELECT count(*) FROM meeting WHERE series_id = :s", s=series_id) == 0
        with lead.begin() as session:
            added = geography.add_neighbourhood(session, world.noord, "Per ongeluk", now=NOW)
            place = neighbourhoods.add_place(session, added, "Veldje", "other", now=NOW)
            event = neighbourhoods.add_event(session, added, TODAY, "Niets", now=NOW)
        with lead.session() as session:
            event_version = session.scalar(
                text("SELECT version FROM neighbourhood_event WHERE id = :e"), {"e": event}
            )
        with lead.begin() as session:
            neighbourhoods.delete_event(session, event, expected_version=event_version, now=NOW)
            neighbourhoods.delete_place(
                session, place, expected_version=_version(lead, Place, place), confirmed=True, now=NOW
            )
        with lead.begin() as session:
            geography.delete_neighbourhood(
                session, added, expected_version=_version(lead, Neighbourhood, added), now=NOW
            )
        assert _both(world, lead, "SELECT count(*) FROM neighbourhood WHERE id = :n", n=added) == 0


# --- calendars and invitations ------------------------------------------------------------------------------------


def test_a_colleagues_first_calendar_export_is_not_refused(world: AccessWorld, tmp_path: Path) -> None:
    """The first export would store the database's calendar identity, which a colleague may not write: the
    owner stores it whenever it installs the access (``users add``, an upgrade)."""
    with world.owner.engine.begin() as connection:
        connection.execute(text("DELETE FROM teamlead_meta WHERE key = 'calendar_uid'"))
        install_access(connection)
    with world.as_user("colleague") as colleague:
        with colleague.begin() as session:
            meeting = meetings.schedule_meeting(
                session,
                meetings.MeetingInput(
                    kind="network",
                    title="Overleg collega",
                    starts_at=datetime.combine(TODAY + timedelta(days=5), time(10, 0), tzinfo=UTC),
                    district_id=world.noord,
                ),
                now=NOW,
            )
        with colleague.begin() as session:
            counts = write_calendar(build_calendar(session, TODAY, now=NOW), tmp_path / "teamlead.ics")
        assert counts.events >= 1
        sent = "SELECT count(*) FROM calendar_sent WHERE meeting_id = :m"
        assert _value(colleague, sent, m=meeting) == _value(world.owner, sent, m=meeting) == 1
    assert _value(world.owner, "SELECT count(*) FROM teamlead_meta WHERE key = 'calendar_uid'") == 1


def test_a_team_lead_exports_the_calendar_and_invites_partners(world: AccessWorld, tmp_path: Path) -> None:
    with world.as_user("lead") as lead:
        with lead.begin() as session:
            meeting = meetings.schedule_meeting(
                session,
                meetings.MeetingInput(
                    kind="network",
                    title="Netwerk met uitnodiging",
                    starts_at=datetime.combine(TODAY + timedelta(days=6), time(10, 0), tzinfo=UTC),
                    district_id=world.noord,
                    invitees=(InviteeRef(person_id=world.anna),),
                ),
                now=NOW,
            )
        with lead.begin() as session:
            calendar = build_calendar(session, TODAY, now=NOW)
            write_calendar(calendar, tmp_path / "teamlead.ics")
        written = (tmp_path / "teamlead.ics").read_text()
        assert "Netwerk met uitnodiging" in written
        west_titles = (
            _value(
                world.owner,
                "SELECT array_agg(title) FROM meeting WHERE district_id = :d AND starts_at >= :t",
                d=world.nieuw_west,
                t=NOW,
            )
            or []
        )
        assert not [title for title in west_titles if title in written]
        write_invitation(
            lead,
            meeting,
            organizer_from("Lead Noord", "lead@noord.example"),
            tmp_path / "uitnodiging.ics",
            now=NOW,
        )
        invited = "SELECT count(*) FROM calendar_sent WHERE meeting_id = :m AND invited_at IS NOT NULL"
        assert _both(world, lead, invited, m=meeting) == 1


# --- what a team lead hands over ------------------------------------------------------------------------------


def test_a_team_leads_handover_holds_noord_only(world: AccessWorld, tmp_path: Path) -> None:
    with world.owner.session() as session:
        west_partners = set(
            session.scalars(select(Organisation.name).where(Organisation.district_id == world.nieuw_west))
        )
    with world.as_user("lead") as lead:
        made = write_handover(lead, tmp_path / "overdracht", DistrictRef(world.noord, "Noord"), NOW, "nl")
        exported = export_database(lead, tmp_path / "alles.xlsx", NOW)
    assert exported
    for path in (made.workbook, tmp_path / "alles.xlsx"):
        workbook = openpyxl.load_workbook(path, read_only=True)
        cells = {
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        }
        workbook.close()
        assert "Buurtwerk Noord" in cells
        # The Nieuw-West partner serving Oud-Noord may be named; no other partner of Nieuw-West.
        assert cells & west_partners <= {
            _value(world.owner, "SELECT name FROM organisation WHERE id = :o", o=world.serving)
        }
    dossier = " ".join(page.extract_text() for page in PdfReader(made.dossier).pages)
    assert "Noord" in dossier


# --- more of the same screens ---------------------------------------------------------------------------------


def test_a_team_lead_moves_a_person_and_changes_their_title(world: AccessWorld) -> None:
    with world.as_user("lead") as lead:
        first = _partner(lead, world, "Wijkteam Noord")
        second = _partner(lead, world, "Wijkcentrum Noord")
        person = _person(lead, first, "Yusuf Demir")
        with lead.session() as session:
            role_id, role_version = session.execute(
                select(Role.id, Role.version).where(Role.person_id == person)
            ).one()
        with lead.begin() as session:
            new_role = persons.change_role(
                session, role_id, "Coördinator", expected_version=role_version, today=TODAY, now=NOW
            )
        with lead.session() as session:
            new_version = session.get(Role, new_role).version  # type: ignore[union-attr]
        with lead.begin() as session:
            persons.move_person(session, new_role, second, expected_version=new_version, today=TODAY, now=NOW)
        with lead.begin() as session:
            key_contacts.set_reachability(
                session,
                person,
                ["office", "evening"],
                expected_version=_version(lead, Person, person),
                now=NOW,
            )
        with lead.begin() as session:
            chosen = key_contacts.choose_only_contacts(session, [second], TODAY, now=NOW)
        assert chosen == 1
        current = "SELECT title || '@' || organisation_id FROM role WHERE person_id = :p AND ended_on IS NULL"
        assert _both(world, lead, current, p=person) == f"Coördinator@{second}"
        assert (
            _both(world, lead, "SELECT person_id FROM key_contact WHERE organisation_id = :o", o=second)
            == person
        )


def test_a_team_lead_reschedules_meetings_and_carries_agreements_forward(world: AccessWorld) -> None:
    starts = datetime.combine(TODAY + timedelta(days=4), time(10, 0), tzinfo=UTC)
    with world.as_user("lead") as lead:
        with lead.begin() as session:
            meeting = meetings.schedule_meeting(
                session,
                meetings.MeetingInput(
                    kind="network",
                    title="Overleg met Buurtwerk",
                    starts_at=starts,
                    district_id=world.noord,
                    invitees=(InviteeRef(organisation_id=world.buurtwerk),),
                ),
                now=NOW,
            )
        with lead.begin() as session:
            meetings.change_meeting(
                session,
                meeting,
                meetings.MeetingChanges(
                    title="Overleg met Buurtwerk Noord",
                    location="Buurthuis De Ark",
                    starts_local=datetime(2026, 3, 6, 14, 0),
                    neighbourhood_id=world.oud_noord,
                ),
                expected_version=_version(lead, Meeting, meeting),
                now=NOW,
            )
        with lead.begin() as session:
            carried = agenda.carry_forward_and_link(session, meeting, now=NOW)
        assert carried >= 1  # the open agreement with Buurtwerk Noord
        with lead.session() as session:
            items = list(
                session.scalars(
                    select(AgendaItem.id)
                    .where(AgendaItem.meeting_id == meeting)
                    .order_by(AgendaItem.position)
                )
            )
        with lead.begin() as session:
            agenda.reorder_agenda(
                session, meeting, items[::-1], expected_version=_version(lead, Meeting, meeting), now=NOW
            )
        assert (
            _both(world, lead, "SELECT location FROM meeting WHERE id = :m", m=meeting) == "Buurthuis De Ark"
        )
        linked = "SELECT count(*) FROM agenda_item WHERE meeting_id = :m AND agreement_id IS NOT NULL"
        assert _both(world, lead, linked, m=meeting) == carried
        with lead.begin() as session:
            series_id = series.create_series(
                session,
                series.SeriesInput(
                    kind="partner",
                    title="Tweewekelijks",
                    rrule="FREQ=WEEKLY;INTERVAL=2",
                    first_date=TODAY + timedelta(days=1),
                    start_time=time(11, 0),
                    district_id=world.noord,
                ),
                horizon=TODAY + timedelta(days=90),
                now=NOW,
            )
        with lead.session() as session:
            first, second = session.scalars(
                select(Meeting.id).where(Meeting.series_id == series_id).order_by(Meeting.starts_at).limit(2)
            ).all()
        with lead.begin() as session:
            series.edit_occurrence(
                session,
                first,
                series.OccurrenceChanges(location="Elders", invitees=(InviteeRef(person_id=world.anna),)),
                expected_version=_version(lead, Meeting, first),
                now=NOW,
            )
        with lead.session() as session:
            second_day = session.get(Meeting, second).starts_at.date()  # type: ignore[union-attr]
        with lead.begin() as session:
            series.cancel_series_from(
                session,
                series_id,
                second_day,
                expected_version=_version(lead, MeetingSeries, series_id),
                now=NOW,
            )
        assert _both(world, lead, "SELECT location FROM meeting WHERE id = :m", m=first) == "Elders"
        later = "SELECT count(*) FROM meeting WHERE series_id = :s AND status = 'scheduled' AND id <> :f"
        assert _both(world, lead, later, s=series_id, f=first) == 0


def test_a_team_lead_corrects_a_signal_round(world: AccessWorld) -> None:
    came_in = datetime.combine(TODAY, time(7, 0), tzinfo=UTC)
    with world.as_user("lead") as lead:
        with lead.session() as session:
            theme = session.scalar(select(Theme.id).order_by(Theme.id.desc()).limit(1))
        with lead.begin() as session:
            signal = signal_rounds.log_signal(
                session,
                signal_rounds.SignalInput(
                    text="Zwerfvuil bij de pont", came_in_at=came_in, neighbourhood_id=world.oud_noord
                ),
                now=NOW,
            )
            ask = signal_rounds.ask_partner(
                session,
                signal,
                world.buurtwerk,
                person_id=None,
                kind="email",
                answer=None,
                asked_at=came_in + timedelta(hours=3),
                now=NOW,
            )
        with lead.session() as session:
            round_id, version = session.execute(
                select(SignalRound.id, SignalRound.version).where(SignalRound.note_id == signal)
            ).one()
            ask_version = session.get(SignalAsk, ask).version  # type: ignore[union-attr]
        with lead.begin() as session:
            signal_rounds.edit_round(
                session,
                signal,
                came_in_at=came_in - timedelta(hours=1),
                theme_ids=[theme] if theme else [],
                expected_version=version,
                now=NOW,
            )
        with lead.begin() as session:
            signal_rounds.remove_ask(session, ask, expected_version=ask_version, now=NOW)
        assert _both(world, lead, "SELECT count(*) FROM signal_ask WHERE round_id = :r", r=round_id) == 0
        assert _both(world, lead, "SELECT count(*) FROM signal_theme WHERE round_id = :r", r=round_id) == 1


def test_a_team_lead_merges_two_of_their_neighbourhoods(world: AccessWorld) -> None:
    with world.as_user("lead") as lead:
        with lead.begin() as session:
            source = geography.add_neighbourhood(session, world.noord, "Vogeldorp", now=NOW)
            target = geography.add_neighbourhood(session, world.noord, "Vogelbuurt", now=NOW)
        with lead.begin() as session:
            partner = organisations.add_organisation(
                session,
                OrganisationInput(
                    name="Vogeltjes Noord",
                    district_id=world.noord,
                    domain_id=_social(session),
                    neighbourhood_ids=[source],
                ),
                today=TODAY,
                now=NOW,
            )
            neighbourhoods.add_place(session, source, "Vogelplein", "square", now=NOW)
        with lead.begin() as session:
            geography_merge.merge_neighbourhoods(
                session, source, target, expected_version=_version(lead, Neighbourhood, source), now=NOW
            )
        served = (
            "SELECT array_agg(neighbourhood_id) FROM organisation_neighbourhood WHERE organisation_id = :o"
        )
        assert _both(world, lead, served, o=partner) == [target]
        assert _both(world, lead, "SELECT neighbourhood_id FROM place WHERE name = 'Vogelplein'") == target


def test_a_colleague_does_a_team_leads_everyday_work(world: AccessWorld) -> None:
    starts = datetime.combine(TODAY + timedelta(days=8), time(10, 0), tzinfo=UTC)
    with world.as_user("colleague") as colleague:
        partner = _partner(colleague, world, "Kinderopvang Noord")
        person = _person(colleague, partner, "Lieke Hendriks")
        with colleague.begin() as session:
            note = notes.log_note(
                session,
                notes.NoteInput(
                    kind="call", text="Even gebeld", organisation_ids=[partner], person_ids=[person]
                ),
                today=TODAY,
                now=NOW,
            )
            meeting = meetings.schedule_meeting(
                session,
                meetings.MeetingInput(
                    kind="partner",
                    title="Kennismaking opvang",
                    starts_at=starts,
                    district_id=world.noord,
                    invitees=(InviteeRef(organisation_id=partner), InviteeRef(person_id=person)),
                ),
                now=NOW,
            )
            agreement = agreements.make_agreement(
                session,
                agreements.AgreementInput(
                    text="Rondleiding plannen", organisation_ids=[partner], made_in_meeting_id=meeting
                ),
                today=TODAY,
                now=NOW,
            )
            series_id = series.create_series(
                session,
                series.SeriesInput(
                    kind="partner",
                    title="Opvangoverleg",
                    rrule="FREQ=MONTHLY",
                    first_date=TODAY + timedelta(days=9),
                    start_time=time(9, 30),
                    district_id=world.noord,
                    invitees=(InviteeRef(organisation_id=partner),),
                ),
                horizon=TODAY + timedelta(days=60),
                now=NOW,
            )
        with colleague.begin() as session:
            agreements.change_status(
                session,
                agreement,
                "done",
                expected_version=_version(colleague, Agreement, agreement),
                now=NOW,
            )
            key_contacts.set_key_contact(
                session,
                partner,
                person,
                expected_version=_version(colleague, Organisation, partner),
                today=TODAY,
                now=NOW,
            )
    with world.as_user("lead") as lead:
        assert _both(world, lead, "SELECT count(*) FROM note_person WHERE note_id = :n", n=note) == 1
        assert _both(world, lead, "SELECT status FROM agreement WHERE id = :a", a=agreement) == "done"
        assert _both(world, lead, "SELECT count(*) FROM meeting WHERE series_id = :s", s=series_id) >= 1
        assert (
            _both(world, lead, "SELECT person_id FROM key_contact WHERE organisation_id = :o", o=partner)
            == person
        )


# --- shared lists: the administrator's ---------------------------------------------------------------------------


def test_a_team_lead_is_told_that_shared_lists_are_the_administrators(world: AccessWorld) -> None:
    """Districts, domains, signal themes and offers are shared by every district: the server refuses a team
    lead's change, and the team lead reads whom to ask (not a database error, nor the general refusal)."""
    with world.owner.session() as session:
        first = {
            table: session.execute(text(f"SELECT id, version FROM {table} ORDER BY id LIMIT 1")).one()
            for table in ("district", "domain", "theme", "offer")
        }
    attempts: dict[str, Any] = {
        "add district": lambda s: geography.add_district(s, "Zuid", now=NOW),
        "add domain": lambda s: geography.add_domain(s, "Sport", now=NOW),
        "add theme": lambda s: signal_lists.add_theme(s, "Eenzaamheid", now=NOW),
        "add offer": lambda s: signal_lists.add_offer(s, "Fietsenmaker", now=NOW),
        "rename district": lambda s: geography.rename_district(
            s, first["district"].id, "Anders", expected_version=first["district"].version, now=NOW
        ),
        "rename domain": lambda s: geography.rename_domain(
            s, first["domain"].id, "Anders", expected_version=first["domain"].version, now=NOW
        ),
        "rename theme": lambda s: signal_lists.rename_theme(
            s, first["theme"].id, "Anders", expected_version=first["theme"].version, now=NOW
        ),
        "delete offer": lambda s: signal_lists.delete_offer(
            s, first["offer"].id, expected_version=first["offer"].version, confirmed=True, now=NOW
        ),
        "merge districts": lambda s: geography_merge.merge_districts(
            s, world.nieuw_west, world.noord, expected_version=1, now=NOW
        ),
    }
    told = {}
    with world.as_user("lead") as lead:
        for attempt, write in attempts.items():
            with pytest.raises(AccessRefusedError) as raised, lead.begin() as session:
                write(session)
            told[attempt] = raised.value.message
    kept = "kept by your administrator."
    assert told["add district"] == (
        'Your role may not add districts ("Zuid"): the districts are kept by your administrator. Ask them to '
        "add it, or choose one of the existing districts."
    )
    assert told["add theme"] == (
        'Your role may not add themes ("Eenzaamheid"): the list of signal themes is shared by every district '
        "and kept by your administrator. Ask them to add it, or use one of the existing themes."
    )
    assert told["add offer"] == (
        'Your role may not add offers ("Fietsenmaker"): the list of offers is shared by every district '
        "and kept by your administrator. Ask them to add it, or use one of the existing offers."
    )
    assert told["add domain"].startswith('Your role may not add domains ("Sport")')
    assert told["rename theme"] == (
        "Your role may not rename or delete themes: the list of signal themes is shared by every district "
        "and kept by your administrator. Ask them to make this change."
    )
    assert told["delete offer"].startswith("Your role may not rename or delete offers")
    assert told["rename domain"].startswith("Your role may not rename, merge or delete domains")
    assert (
        told["rename district"]
        == told["merge districts"]
        == (
            "Your role may not rename, merge or delete districts: they are kept by your administrator. Ask them "
            "to make this change."
        )
    )
    assert all(kept in message for message in told.values())
    with world.owner.session() as session:
        assert session.scalar(text("SELECT count(*) FROM theme WHERE name = 'Eenzaamheid'")) == 0
        assert session.scalar(
            text("SELECT version FROM district WHERE id = :d"), {"d": first["district"].id}
        ) == (first["district"].version)


# --- the forms' one-save paths ----------------------------------------------------------------------------------


def test_a_team_lead_saves_the_partner_and_person_forms(world: AccessWorld) -> None:
    """The partner form saves its fields, key contact and offers in one go; the person forms their role and
    reachability (``teamlead.services.contact_forms``, as the screens call it)."""
    with world.as_user("lead") as lead:
        with lead.session() as session:
            offers = list(session.scalars(select(Offer.id).order_by(Offer.id).limit(3)))
        with lead.begin() as session:
            data = OrganisationInput(
                name="Buurtkamer Noord",
                district_id=world.noord,
                domain_id=_social(session),
                neighbourhood_ids=[world.oud_noord],
            )
            partner = contact_forms.add_partner(session, data, offer_ids=offers[:1], today=TODAY, now=NOW)
        with lead.begin() as session:
            added = contact_forms.add_person(
                session,
                PersonInput(name="Iris Kok", email="iris@buurtkamer.example"),
                organisation_id=partner,
                role_title="Gastvrouw",
                started_on=TODAY,
                reachability=["office"],
                now=NOW,
            )
        with lead.begin() as session:
            contact_forms.save_person(
                session,
                added.person_id,
                PersonInput(name="Iris Kok", phone="06 87654321"),
                reachability=["office", "evening"],
                expected_version=_version(lead, Person, added.person_id),
                now=NOW,
            )
        with lead.begin() as session:
            contact_forms.save_partner(
                session,
                partner,
                OrganisationInput(
                    name="Buurtkamer Noord",
                    district_id=world.noord,
                    domain_id=_social(session),
                    neighbourhood_ids=[world.oud_noord],
                    website="https://buurtkamer.example",
                ),
                key_contact=contact_forms.KeyContactChoice(added.person_id),
                offer_ids=offers[1:3],
                expected_version=_version(lead, Organisation, partner),
                today=TODAY,
                now=NOW,
            )
        offered = (
            "SELECT array_agg(offer_id ORDER BY offer_id) FROM organisation_offer WHERE organisation_id = :o"
        )
        assert _both(world, lead, offered, o=partner) == offers[1:3]
        key = "SELECT person_id FROM key_contact WHERE organisation_id = :o"
        assert _both(world, lead, key, o=partner) == added.person_id
        assert _both(world, lead, "SELECT phone FROM person WHERE id = :p", p=added.person_id)
        with lead.session() as session:
            held = access_report(session, added.person_id)
        assert "Buurtkamer Noord" in str(held)


def test_a_team_lead_corrects_figures_and_history_and_keeps_series_planned(world: AccessWorld) -> None:
    with world.as_user("lead") as lead:
        with lead.begin() as session:
            indicators.set_indicator(session, world.oud_noord, "Werkloosheid", 2024, 6.5, now=NOW)
            event = neighbourhoods.add_event(session, world.oud_noord, TODAY, "Buurtfeest", now=NOW)
        with lead.session() as session:
            figure = session.execute(
                text(
                    "SELECT id, version FROM indicator WHERE neighbourhood_id = :n AND name = 'Werkloosheid'"
                ),
                {"n": world.oud_noord},
            ).one()
            event_version = session.scalar(
                text("SELECT version FROM neighbourhood_event WHERE id = :e"), {"e": event}
            )
        with lead.begin() as session:
            indicators.delete_indicator(session, figure.id, expected_version=figure.version, now=NOW)
            neighbourhoods.edit_event(
                session, event, TODAY, "Buurtfeest op het plein", expected_version=event_version, now=NOW
            )
        with lead.begin() as session:
            series.create_series(
                session,
                series.SeriesInput(
                    kind="network",
                    title="Kwartaaloverleg",
                    rrule="FREQ=MONTHLY;INTERVAL=3",
                    first_date=TODAY,
                    start_time=time(16, 0),
                    district_id=world.noord,
                ),
                horizon=TODAY,
                now=NOW,
            )
        with lead.begin() as session:
            assert series.extend_series_ahead(session, TODAY, now=NOW) >= 1
        assert _both(world, lead, "SELECT count(*) FROM indicator WHERE id = :i", i=figure.id) == 0
        assert _both(world, lead, "SELECT text FROM neighbourhood_event WHERE id = :e", e=event) == (
            "Buurtfeest op het plein"
        )
        planned = "SELECT count(*) FROM meeting AS m JOIN meeting_series AS s ON s.id = m.series_id WHERE s.title = 'Kwartaaloverleg'"
        assert _both(world, lead, planned) >= 2


def test_a_note_and_an_agreement_about_the_neighbouring_partner_are_noords(world: AccessWorld) -> None:
    """The Nieuw-West partner that serves Oud-Noord shows on the team lead's screens; a note or an agreement
    about it alone, with no district chosen, is the team lead's own (their district), as the form suggests."""
    with world.as_user("lead") as lead:
        with lead.begin() as session:
            note = notes.log_note(
                session,
                notes.NoteInput(kind="call", text="Gebeld over Oud-Noord", organisation_ids=[world.serving]),
                today=TODAY,
                now=NOW,
            )
            agreement = agreements.make_agreement(
                session,
                agreements.AgreementInput(text="Samen een activiteit", organisation_ids=[world.serving]),
                today=TODAY,
                now=NOW,
            )
        assert _both(world, lead, "SELECT district_id FROM note WHERE id = :n", n=note) == world.noord
        assert (
            _both(world, lead, "SELECT district_id FROM agreement WHERE id = :a", a=agreement) == world.noord
        )
        linked = "SELECT organisation_id FROM agreement_organisation WHERE agreement_id = :a"
        assert _both(world, lead, linked, a=agreement) == world.serving
