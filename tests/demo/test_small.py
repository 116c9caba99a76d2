"""The small demo on SQLite and PostgreSQL: the kinds of data a team lead would see, and that it is sane."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from teamlead.data.database import Database
from teamlead.data.models import (
    Agreement,
    AgreementStatusChange,
    District,
    Invitee,
    Meeting,
    MeetingSeries,
    Narrative,
    Neighbourhood,
    Note,
    Organisation,
    Person,
    Role,
    note_organisation,
    organisation_neighbourhood,
)
from teamlead.data.queries.meeting_page import meeting_page
from teamlead.data.search import search
from teamlead.demo import DemoSummary
from teamlead.services.series_rules import Timing, local_starts, occurrence_key
from tests.demo.conftest import TODAY

PERSON_PHONE = re.compile(r"^(06 5555 \d{4}|020 555 0\d{3})?$")
EMAIL = re.compile(r"^([^@\s]+@([a-z0-9-]+\.)*example|[^@\s]+@example\.org)?$")


def test_makes_nieuw_west_with_its_partner_network(small_demo: tuple[Database, DemoSummary]) -> None:
    database, summary = small_demo
    with database.session() as session:
        assert session.scalars(select(District.name)).all() == ["Nieuw-West"]
        neighbourhoods = set(session.scalars(select(Neighbourhood.name)))
        assert {"Geuzenveld", "Wildemanbuurt", "Osdorp-Midden", "Slotervaart"} <= neighbourhoods
        names = session.scalars(select(Organisation.name)).all()
        assert 35 <= len(names) <= 45
        assert any(name.startswith("Buurtteam ") for name in names)
        assert any("Politie basisteam" in name for name in names)
        assert any(name.startswith(("Moskee", "Stichting Moskee", "Stichting Islamitisch")) for name in names)
        assert session.scalar(select(func.count()).where(Organisation.is_informal)) >= 5
        titles = set(session.scalars(select(Role.title)))
        assert {"wijkagent", "jongerenwerker"} <= titles
        assert session.scalar(select(func.count()).select_from(Note)) == 800
        kinds = Counter(session.scalars(select(Note.kind)))
        assert set(kinds) == {"call", "visit", "email", "meeting", "signal", "other"}
        assert session.scalar(select(func.count()).select_from(Narrative)) >= 1
    assert summary.counts["note"] == 800
    assert summary.counts["meeting"] >= 100


def test_contact_details_are_fictional(small_demo: tuple[Database, DemoSummary]) -> None:
    database, _ = small_demo
    with database.session() as session:
        for phone, email in session.execute(select(Person.phone, Person.email)):
            assert PERSON_PHONE.match(phone), phone
            assert EMAIL.match(email), email
        for phone, email, website in session.execute(
            select(Organisation.phone, Organisation.email, Organisation.website)
        ):
            assert re.match(r"^(020 555 0\d{3})?$", phone), phone
            assert EMAIL.match(email), email
            assert website == "" or website.endswith(".example"), website


def test_roles_histories_and_districts_are_consistent(small_demo: tuple[Database, DemoSummary]) -> None:
    database, _ = small_demo
    with database.session() as session:
        for started, ended in session.execute(select(Role.started_on, Role.ended_on)):
            assert ended is None or (started is not None and started <= ended <= TODAY)
        moved = session.execute(
            select(Role.person_id)
            .group_by(Role.person_id)
            .having(func.count(func.distinct(Role.organisation_id)) > 1)
        ).all()
        assert moved, "some people moved organisations or hold two roles"
        assert session.scalar(select(func.count()).where(Note.district_id.is_(None))) == 0
        first_org_district = (
            select(func.count())
            .select_from(Note)
            .join(note_organisation, note_organisation.c.note_id == Note.id)
            .join(Organisation, Organisation.id == note_organisation.c.organisation_id)
            .where(note_organisation.c.position == 0, Organisation.district_id != Note.district_id)
        )
        assert session.scalar(first_org_district) == 0
        overdue = select(func.count()).where(Note.follow_up_on < TODAY, Note.follow_up_done.is_(False))
        assert session.scalar(overdue) > 0
        signal_places = select(func.count()).where(Note.kind == "signal", Note.neighbourhood_id.is_(None))
        assert session.scalar(signal_places) == 0


def test_agreement_statuses_follow_their_histories(small_demo: tuple[Database, DemoSummary]) -> None:
    database, _ = small_demo
    with database.session() as session:
        statuses = Counter()
        for agreement in session.scalars(select(Agreement)):
            history = session.scalars(
                select(AgreementStatusChange)
                .where(AgreementStatusChange.agreement_id == agreement.id)
                .order_by(AgreementStatusChange.id)
            ).all()
            assert (history[0].from_status, history[0].to_status) == (None, "open")
            for before, after in itertools.pairwise(history):
                assert after.from_status == before.to_status
                assert after.changed_at > before.changed_at
            assert agreement.status == history[-1].to_status
            assert agreement.version == len(history)
            assert agreement.updated_at == history[-1].changed_at
            overdue = (
                agreement.status in ("open", "in_progress") and agreement.due_on and agreement.due_on < TODAY
            )
            statuses["overdue" if overdue else agreement.status] += 1
        assert statuses["done"] > statuses["overdue"] > 0
        assert statuses["dropped"] > 0


def test_meetings_follow_their_series_and_only_past_ones_have_attendance(
    small_demo: tuple[Database, DemoSummary],
) -> None:
    database, _ = small_demo
    now = datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=UTC)
    with database.session() as session:
        kinds = set(session.scalars(select(Meeting.kind)))
        assert {"network", "partner", "reflection"} <= kinds
        for meeting in session.scalars(select(Meeting)):
            attendance = set(
                session.scalars(select(Invitee.attendance).where(Invitee.meeting_id == meeting.id))
            )
            if meeting.starts_at >= now or meeting.status == "cancelled":
                assert attendance <= {"invited"}
                assert meeting.minutes == ""
            elif attendance:
                assert "invited" not in attendance
                assert meeting.minutes
            if meeting.kind == "reflection" and meeting.starts_at < now and meeting.status == "scheduled":
                assert meeting.reflection_goes_well
                assert meeting.reflection_need_help
        assert session.scalar(select(func.count()).where(Meeting.starts_at > now + timedelta(days=30))) > 0
        for series in session.scalars(select(MeetingSeries)):
            timing = Timing(series.rrule, series.first_date, series.start_time, series.duration_minutes)
            expected = {
                occurrence_key(start) for start in local_starts(timing, until=TODAY + timedelta(days=120))
            }
            keys = set(session.scalars(select(Meeting.occurrence_key).where(Meeting.series_id == series.id)))
            assert keys, series.rrule
            assert keys <= expected, series.rrule


def test_the_data_is_searchable_and_the_app_can_add_to_it(small_demo: tuple[Database, DemoSummary]) -> None:
    database, _ = small_demo
    with database.session() as session:
        name = session.scalars(select(Person.name).order_by(Person.id)).first()
        assert name is not None
        results = search(session, name, today=TODAY)
        assert any(name in hit.title for group in results.groups for hit in group.hits)
    with database.begin() as session:  # explicit ids must not block the next row the app adds
        session.add(District(name="Noord"))
        session.add(Person(name="Zoë Nieuw"))


def test_upcoming_meetings_invite_partners_of_their_neighbourhood(
    small_demo: tuple[Database, DemoSummary],
) -> None:
    """The coming meetings have invitees (before, none: attendance and carried-forward agreements never
    showed), partners serving the meeting's neighbourhood, and their open agreements are proposed."""
    database, _ = small_demo
    now = datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=UTC)
    with database.session() as session:
        upcoming = session.scalars(
            select(Meeting)
            .where(Meeting.starts_at > now, Meeting.status == "scheduled")
            .order_by(Meeting.starts_at)
        ).all()
        local = 0
        for meeting in upcoming:
            invited = {i.organisation_id for i in meeting.invitees}
            assert 1 <= len(invited) <= 25, meeting.title
            place = meeting.title.removeprefix("Lokale reflectie ").removeprefix("Netwerkoverleg ")
            if place != meeting.title and not place.startswith("Jeugd"):
                serving = session.scalars(
                    select(organisation_neighbourhood.c.organisation_id)
                    .join(Neighbourhood, Neighbourhood.id == organisation_neighbourhood.c.neighbourhood_id)
                    .where(Neighbourhood.name == place)
                ).all()
                assert invited <= set(serving), meeting.title
                local += 1
        assert local > 0
        network = next(m for m in upcoming if m.kind == "network")
        page = meeting_page(session, network.id, TODAY)
    assert page.proposed, "the open agreements of the invited partners are proposed for the agenda"
