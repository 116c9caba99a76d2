"""The dashboard's lists and their totals (as the screen loads them), and the crisis list "who do I call"."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import delete

from teamlead.data.models import Meeting, SignalRound
from teamlead.data.queries.dashboard import upcoming_meetings
from teamlead.data.queries.dashboard_lists import (
    agreements_due_capped,
    follow_ups_due_capped,
    load_dashboard,
    signals_to_follow_up_capped,
)
from teamlead.data.queries.people import who_to_call
from teamlead.rules.limits import DUE_SOON_DAYS
from teamlead.services import agreements, notes, organisations, persons, signal_rounds
from teamlead.services.agreements import AgreementInput
from teamlead.services.notes import NoteInput
from teamlead.services.organisations import OrganisationInput
from teamlead.services.persons import PersonInput
from tests.data.queries.conftest import NOW, TODAY, World


def test_follow_ups_due_until_done(world: World) -> None:
    with world.database.begin() as session:
        due = notes.log_note(
            session,
            NoteInput(
                kind="call",
                text="Terugbellen.",
                organisation_ids=[world.police],
                occurred_on=date(2026, 2, 20),
                follow_up_on=date(2026, 3, 1),
            ),
            today=TODAY,
        )
        notes.log_note(
            session, NoteInput(kind="call", text="Later.", follow_up_on=date(2026, 3, 20)), today=TODAY
        )
    with world.database.session() as session:
        shown = follow_ups_due_capped(session, TODAY)
        (row,) = shown.rows
        assert (row.id, row.organisations, row.follow_up_on) == (
            due,
            ("Politie basisteam Nieuw-West",),
            date(2026, 3, 1),
        )
        assert shown.total == 1  # the follow-up of 20 March is not due yet
        assert follow_ups_due_capped(session, TODAY, world.west).total == 0
    with world.database.begin() as session:
        notes.set_follow_up_done(session, due, expected_version=1)
    with world.database.session() as session:
        assert follow_ups_due_capped(session, TODAY).rows == ()


def test_signals_to_follow_up_open_first_then_closed_without_feedback(world: World) -> None:
    """Open signals, newest first, then closed ones whose feedback is missing; a closed one with feedback and
    one recorded before signal rounds (no round: never open) are not listed."""
    logged: dict[str, int] = {}
    with world.database.begin() as session:
        for days_ago, text in [
            (40, "Oud signaal"),
            (9, "Zonder terugkoppeling"),
            (3, "Oproep rellen"),
            (1, "Vuurwerk"),
            (5, "Afgerond"),
        ]:
            logged[text] = notes.log_note(
                session,
                NoteInput(
                    kind="signal",
                    text=text,
                    organisation_ids=[world.youth_work],
                    neighbourhood_id=world.wildeman,
                    occurred_on=TODAY - timedelta(days=days_ago),
                ),
                today=TODAY,
            )
        notes.log_note(
            session,
            NoteInput(kind="call", text="Geen signaal", organisation_ids=[world.youth_work]),
            today=TODAY,
        )
        session.execute(
            delete(SignalRound).where(SignalRound.note_id == logged["Oud signaal"])
        )  # as before 0008
    with world.database.begin() as session:
        for text, feedback_on in (("Zonder terugkoppeling", None), ("Afgerond", TODAY)):
            signal_rounds.close_signal(
                session,
                logged[text],
                closed_on=TODAY,
                outcome="Besproken.",
                feedback_on=feedback_on,
                expected_version=1,
            )
    with world.database.session() as session:
        shown = signals_to_follow_up_capped(session, TODAY)
    assert [(r.text, r.signal_state) for r in shown.rows] == [
        ("Vuurwerk", "open"),
        ("Oproep rellen", "open"),
        ("Zonder terugkoppeling", "no_feedback"),
    ]
    assert shown.total == 3


def test_agreements_due_soon_or_overdue(world: World) -> None:
    with world.database.begin() as session:
        late = agreements.make_agreement(
            session,
            AgreementInput(
                text="Straatcoaches inzetten.",
                organisation_ids=[world.police, world.youth_work],
                responsible_person_id=world.fatima,
                due_on=date(2026, 3, 1),
                made_on=date(2026, 1, 1),
            ),
            today=TODAY,
        )
        soon = agreements.make_agreement(
            session,
            AgreementInput(text="Buurtavond.", organisation_ids=[world.youth_work], due_on=date(2026, 3, 10)),
            today=TODAY,
        )
        agreements.make_agreement(
            session,
            AgreementInput(text="Later.", organisation_ids=[world.youth_work], due_on=date(2026, 6, 1)),
            today=TODAY,
        )
        done = agreements.make_agreement(
            session,
            AgreementInput(text="Klaar.", organisation_ids=[world.youth_work], due_on=date(2026, 3, 2)),
            today=TODAY,
        )
        agreements.change_status(session, done, "done", expected_version=1)
    with world.database.session() as session:
        shown = agreements_due_capped(session, TODAY, DUE_SOON_DAYS)
        assert agreements_due_capped(session, TODAY, DUE_SOON_DAYS, world.west).total == 0
        first = agreements_due_capped(session, TODAY, DUE_SOON_DAYS, limit=1)
    rows = shown.rows
    assert [(r.id, r.overdue) for r in rows] == [(late, True), (soon, False)]
    assert rows[0].organisations == ("Politie basisteam Nieuw-West", "Jongerenwerk Nieuw-West")
    assert rows[0].responsible_person == "Fatima el Amrani"
    assert shown.total == 2
    assert ([r.id for r in first.rows], first.total) == ([late], 2)  # one shown, both counted


def test_upcoming_meetings_and_the_counts(world: World) -> None:
    with world.database.begin() as session:
        for days, status in [(-1, "scheduled"), (2, "scheduled"), (3, "cancelled"), (20, "scheduled")]:
            session.add(
                Meeting(
                    kind="network",
                    title=f"Overleg {days}",
                    district_id=world.nieuw_west,
                    starts_at=NOW + timedelta(days=days),
                    status=status,
                )
            )
    with world.database.session() as session:
        assert [m.title for m in upcoming_meetings(session, NOW)] == ["Overleg 2"]
        assert [m.title for m in upcoming_meetings(session, NOW, days=30)] == ["Overleg 2", "Overleg 20"]
        assert upcoming_meetings(session, NOW, district_id=world.west) == []
        shown = load_dashboard(session, TODAY, NOW)
    assert (shown.overdue.total, shown.meetings.total, shown.follow_ups.total) == (1, 1, 0)
    assert (shown.agreements.total, shown.signals.total) == (0, 0)


def test_who_to_call_groups_active_partners_by_domain_with_current_people(world: World) -> None:
    with world.database.begin() as session:
        persons.add_person(
            session,
            PersonInput(name="Joost de Vries", phone="06 5555 0001", email="joost@politie.example"),
            organisation_id=world.police,
            role_title="Wijkagent",
            started_on=date(2025, 1, 1),
        )
        gone = persons.add_person(
            session,
            PersonInput(name="Oud Collega", phone="06 5555 0002"),
            organisation_id=world.police,
            started_on=date(2020, 1, 1),
        )
        assert gone.role_id is not None
        persons.end_role(session, gone.role_id, expected_version=1, ended_on=date(2025, 12, 31))
        persons.start_role(
            session, world.fatima, world.youth_work, "Aandachtsfunctionaris", started_on=date(2025, 1, 1)
        )
        former = organisations.add_organisation(
            session,
            OrganisationInput(
                name="Oude partner", domain_id=world.safety, neighbourhood_ids=[world.wildeman]
            ),
            today=TODAY,
        )
        organisations.archive_organisation(session, former, expected_version=1, today=TODAY)
        organisations.add_organisation(
            session,
            OrganisationInput(name="Elders", domain_id=world.safety, neighbourhood_ids=[world.mercator]),
            today=TODAY,
        )
    with world.database.session() as session:
        groups = who_to_call(session, world.wildeman, today=TODAY)
        assert (
            who_to_call(session, world.geuzenveld, today=TODAY)[0].partners[0].name
            == "Jongerenwerk Nieuw-West"
        )
    assert [(g.domain, [p.name for p in g.partners]) for g in groups] == [
        ("Social", ["Jongerenwerk Nieuw-West"]),
        ("Safety", ["Politie basisteam Nieuw-West"]),
    ]
    youth, police = groups[0].partners[0], groups[1].partners[0]
    assert youth.phone == "020 555 0100"
    (fatima,) = youth.people
    assert (fatima.name, fatima.roles, fatima.phone, fatima.email) == (
        "Fatima el Amrani",
        ("Jongerenwerker", "Aandachtsfunctionaris"),
        "06 5555 1234",
        "fatima@jongerenwerk.example",
    )
    assert [(c.name, c.roles, c.phone) for c in police.people] == [
        ("Joost de Vries", ("Wijkagent",), "06 5555 0001")
    ]
