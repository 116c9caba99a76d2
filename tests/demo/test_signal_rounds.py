"""The small demo's signal rounds, key contacts, reachability and offers, counted straight from the tables on
SQLite and PostgreSQL: what the dashboard, Notes & signals, Who to call and the district report will show."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import timedelta

from sqlalchemy import or_, select

from teamlead.data.database import Database
from teamlead.data.models import (
    Note,
    Offer,
    Organisation,
    Person,
    Role,
    SignalAsk,
    SignalRound,
    Theme,
    key_contact,
    note_organisation,
    note_person,
    organisation_neighbourhood,
    organisation_offer,
    signal_theme,
)
from teamlead.demo import DemoSummary
from teamlead.rules.clock import AMSTERDAM, local_day
from teamlead.rules.reachability import windows_of
from teamlead.rules.vocabulary import ASKED_KINDS, DEFAULT_THEMES, SignalAnswer, SignalState
from tests.demo.conftest import TODAY


def _state(signal_round: SignalRound | None) -> SignalState:
    if signal_round is None:
        return SignalState.NONE
    if signal_round.closed_on is None:
        return SignalState.OPEN
    return SignalState.NO_FEEDBACK if signal_round.feedback_on is None else SignalState.CLOSED


def test_signals_are_in_every_state_most_closed_with_feedback(
    small_demo: tuple[Database, DemoSummary],
) -> None:
    database, _ = small_demo
    with database.session() as session:
        signals = session.scalars(select(Note).where(Note.kind == "signal")).all()
        rounds = {r.note_id: r for r in session.scalars(select(SignalRound))}
        states = Counter(_state(rounds.get(note.id)) for note in signals)
        assert len(rounds) == sum(
            states[s] for s in (SignalState.OPEN, SignalState.NO_FEEDBACK, SignalState.CLOSED)
        )
        assert states[SignalState.NONE] >= 1  # recorded before rounds: counted, never shown as open
        assert states[SignalState.OPEN] >= 1
        assert states[SignalState.NO_FEEDBACK] >= 3  # "feedback after a signal is sometimes missing"
        assert states[SignalState.CLOSED] > len(signals) / 2
        assert len(rounds) >= 0.8 * len(signals)
        by_note = {note.id: note for note in signals}
        for signal_round in rounds.values():
            note = by_note[signal_round.note_id]
            assert local_day(signal_round.came_in_at) == note.occurred_on
            if signal_round.closed_on is not None:
                assert note.occurred_on <= signal_round.closed_on <= TODAY
                assert signal_round.outcome
            if signal_round.feedback_on is not None:
                assert signal_round.closed_on is not None
                assert signal_round.closed_on <= signal_round.feedback_on <= TODAY
                assert signal_round.feedback
            else:
                assert signal_round.feedback == ""
        # Open ones are recent: an old signal is closed, but for one forgotten now and then.
        old_open = [
            r
            for r in rounds.values()
            if r.closed_on is None and local_day(r.came_in_at) < TODAY - timedelta(60)
        ]
        assert len(old_open) <= 2
        # Signals come in by day, in the evening and at night (Amsterdam time).
        hours = Counter(r.came_in_at.astimezone(AMSTERDAM).hour for r in rounds.values())
        assert sum(n for hour, n in hours.items() if 9 <= hour < 17) > len(rounds) / 3
        assert sum(n for hour, n in hours.items() if hour >= 17) >= 5


def test_every_round_has_one_to_three_default_themes(small_demo: tuple[Database, DemoSummary]) -> None:
    database, _ = small_demo
    defaults = {key for key, _english, _dutch in DEFAULT_THEMES}
    with database.session() as session:
        keys = dict(session.execute(select(Theme.id, Theme.key)).all())
        themes: dict[int, set[str]] = defaultdict(set)
        for round_id, theme_id in session.execute(select(signal_theme.c.round_id, signal_theme.c.theme_id)):
            themes[round_id].add(keys[theme_id])
        round_ids = set(session.scalars(select(SignalRound.id)))
    assert set(themes) == round_ids
    assert all(1 <= len(found) <= 3 for found in themes.values())
    used = Counter(key for found in themes.values() for key in found)
    assert set(used) <= defaults
    assert len(used) >= 6


def test_each_answer_is_a_call_visit_or_email_with_the_partner_asked(
    small_demo: tuple[Database, DemoSummary],
) -> None:
    database, _ = small_demo
    with database.session() as session:
        asks = session.scalars(select(SignalAsk)).all()
        notes = {note.id: note for note in session.scalars(select(Note))}
        partners: dict[int, list[int]] = defaultdict(list)
        for note_id, organisation_id in session.execute(
            select(note_organisation.c.note_id, note_organisation.c.organisation_id).order_by(
                note_organisation.c.position
            )
        ):
            partners[note_id].append(organisation_id)
        people: dict[int, set[int]] = defaultdict(set)
        for note_id, person_id in session.execute(select(note_person.c.note_id, note_person.c.person_id)):
            people[note_id].add(person_id)
        serving = {
            (organisation_id, neighbourhood_id)
            for organisation_id, neighbourhood_id in session.execute(
                select(
                    organisation_neighbourhood.c.organisation_id,
                    organisation_neighbourhood.c.neighbourhood_id,
                )
            )
        }
        rounds = {r.id: r for r in session.scalars(select(SignalRound))}
        joined = dict(session.execute(select(Organisation.id, Organisation.left_on)).all())
    assert len(asks) >= 2 * len(rounds) * 0.8
    answers = Counter(ask.answer for ask in asks)
    assert {SignalAnswer.KNEW, SignalAnswer.NOT_KNOWN, SignalAnswer.ACTING} <= set(answers)
    assert answers[None] < len(asks) / 5  # most answered
    contact_notes = [ask.contact_note_id for ask in asks]
    assert len(set(contact_notes)) == len(asks)  # one contact moment per answer
    per_round = Counter(ask.round_id for ask in asks)
    assert max(per_round.values()) <= 5
    assert sum(1 for n in per_round.values() if n >= 2) > len(per_round) * 0.8
    for ask in asks:
        signal_round = rounds[ask.round_id]
        signal = notes[signal_round.note_id]
        assert ask.contact_note_id is not None
        contact = notes[ask.contact_note_id]
        assert contact.kind in ASKED_KINDS
        assert partners[contact.id] == [ask.organisation_id]
        assert people[contact.id] == ({ask.person_id} if ask.person_id is not None else set())
        assert contact.occurred_on == local_day(ask.asked_at) <= TODAY
        assert contact.district_id == signal.district_id
        assert contact.neighbourhood_id == signal.neighbourhood_id
        assert signal_round.came_in_at < ask.asked_at <= signal_round.came_in_at + timedelta(days=1)
        assert (ask.organisation_id, signal.neighbourhood_id) in serving
        left_on = joined[ask.organisation_id]
        assert left_on is None or signal.occurred_on <= left_on
    assert sum(1 for ask in asks if ask.person_id is not None) > len(asks) * 0.8


def test_signals_are_counted_once(small_demo: tuple[Database, DemoSummary]) -> None:
    """No contact moment of a round is of kind signal, and each signal note has at most one round."""
    database, summary = small_demo
    with database.session() as session:
        kinds = dict(session.execute(select(Note.id, Note.kind)).all())
        asked = session.scalars(select(SignalAsk.contact_note_id)).all()
        round_notes = session.scalars(select(SignalRound.note_id)).all()
    assert None not in asked
    assert all(kinds[note_id] != "signal" for note_id in asked if note_id is not None)
    assert all(kinds[note_id] == "signal" for note_id in round_notes)
    assert len(set(round_notes)) == len(round_notes)
    assert len(kinds) == summary.counts["note"] == 800  # the answers come out of the note budget


def test_key_contacts_hold_a_current_role_and_some_partners_have_none_chosen(
    small_demo: tuple[Database, DemoSummary],
) -> None:
    database, _ = small_demo
    with database.session() as session:
        current: dict[int, set[int]] = defaultdict(set)
        for organisation_id, person_id in session.execute(
            select(Role.organisation_id, Role.person_id).where(
                Role.started_on <= TODAY, or_(Role.ended_on.is_(None), Role.ended_on >= TODAY)
            )
        ):
            current[organisation_id].add(person_id)
        chosen = dict(session.execute(select(key_contact.c.organisation_id, key_contact.c.person_id)).all())
        active = set(session.scalars(select(Organisation.id).where(Organisation.status == "active")))
        reach = dict(session.execute(select(Person.id, Person.reachability)).all())
    assert chosen
    for organisation_id, person_id in chosen.items():
        assert person_id in current[organisation_id]
        assert organisation_id in active
    assert len(chosen) >= 0.75 * len(active)
    several_none = [o for o in active if len(current[o]) > 1 and o not in chosen]
    assert several_none  # the dashboard lists them
    with_windows = [p for p in chosen.values() if reach[p]]
    assert len(with_windows) >= 0.75 * len(chosen)
    for stored in reach.values():
        assert ",".join(windows_of(stored)) == stored  # only known windows, in their order
    assert any(reach[p] for p in reach if p not in set(chosen.values()))


def test_partners_offer_what_fits_them(small_demo: tuple[Database, DemoSummary]) -> None:
    database, _ = small_demo
    with database.session() as session:
        offers = dict(session.execute(select(Offer.id, Offer.name)).all())
        offered: dict[int, set[str]] = defaultdict(set)
        for organisation_id, offer_id in session.execute(
            select(organisation_offer.c.organisation_id, organisation_offer.c.offer_id)
        ):
            offered[organisation_id].add(offers[offer_id])
        partners = dict(session.execute(select(Organisation.id, Organisation.name)).all())
    assert {"Ruimte voor bijeenkomsten", "Straatpresentie", "Vertaling/tolk", "Huisbezoek"} <= set(
        offers.values()
    )
    assert len(offered) >= 0.6 * len(partners)
    assert all(1 <= len(names) <= 3 for names in offered.values())
    schools = [
        o for o, name in partners.items() if name.startswith(("Basisschool", "OBS", "IKC", "Daltonschool"))
    ]
    assert schools
    assert not any("Straatpresentie" in offered[o] for o in schools)
