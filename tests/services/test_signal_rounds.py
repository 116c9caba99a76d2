"""A signal followed up through the services: it comes in, partners are asked, it is closed with feedback."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from teamlead.data.models import Note, SignalAsk, SignalRound, Theme
from teamlead.errors import ValidationError
from teamlead.services import notes, signal_rounds
from teamlead.services.notes import NoteInput
from teamlead.services.signal_rounds import SignalInput
from tests.services.conftest import NOW, World

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
CURFEW_NIGHT = datetime(2026, 3, 1, 23, 40, tzinfo=AMSTERDAM)


def themes(world: World) -> dict[str, int]:
    with world.database.session() as session:
        return {key: theme_id for theme_id, key in session.execute(select(Theme.id, Theme.key))}


def log_curfew_signal(world: World) -> int:
    keys = themes(world)
    with world.database.begin() as session:
        return signal_rounds.log_signal(
            session,
            SignalInput(
                text="Groep jongeren bij het winkelcentrum, spanning na een vechtpartij.",
                came_in_at=CURFEW_NIGHT,
                neighbourhood_id=world.wildeman,
                theme_ids=[keys["unrest"], keys["weapons"]],
            ),
            now=NOW,
        )


def test_a_signal_is_one_note_and_its_answers_are_contact_moments(world: World) -> None:
    note_id = log_curfew_signal(world)
    with world.database.begin() as session:
        for organisation_id, person_id, answer in (
            (world.youth_work, world.fatima, "knew"),
            (world.police, None, "acting"),
        ):
            signal_rounds.ask_partner(
                session,
                note_id,
                organisation_id,
                person_id=person_id,
                kind="call",
                answer=answer,
                asked_at=datetime(2026, 3, 2, 0, 5, tzinfo=AMSTERDAM),
                now=NOW,
            )
    with world.database.session() as session:
        kinds = {
            kind: count
            for kind, count in session.execute(select(Note.kind, func.count()).group_by(Note.kind))
        }
        assert kinds == {"signal": 1, "call": 2}
        signal = session.get(Note, note_id)
        assert signal is not None
        assert signal.occurred_on == date(2026, 3, 1)
        signal_round = session.scalar(select(SignalRound))
        assert signal_round is not None
        assert [theme.key for theme in signal_round.themes] == ["unrest", "weapons"]
        asks = session.scalars(select(SignalAsk).order_by(SignalAsk.id)).all()
        assert [(ask.organisation_id, ask.answer) for ask in asks] == [
            (world.youth_work, "knew"),
            (world.police, "acting"),
        ]
        contacts = [session.get(Note, ask.contact_note_id) for ask in asks]
        assert [(c.kind, c.occurred_on, [o.id for o in c.organisations]) for c in contacts if c] == [
            ("call", date(2026, 3, 2), [world.youth_work]),
            ("call", date(2026, 3, 2), [world.police]),
        ]


def test_an_answer_is_never_logged_as_a_signal(world: World) -> None:
    note_id = log_curfew_signal(world)
    with world.database.begin() as session, pytest.raises(ValidationError, match="Kind"):
        signal_rounds.ask_partner(
            session,
            note_id,
            world.police,
            person_id=None,
            kind="signal",
            answer="knew",
            asked_at=CURFEW_NIGHT,
        )


def test_closing_before_it_came_in_is_refused_and_a_close_with_feedback_is_kept(world: World) -> None:
    note_id = log_curfew_signal(world)
    with world.database.begin() as session, pytest.raises(ValidationError, match="before it came in"):
        signal_rounds.close_signal(
            session,
            note_id,
            closed_on=date(2026, 2, 28),
            outcome="",
            feedback_on=None,
            expected_version=1,
        )
    with world.database.begin() as session:
        signal_rounds.close_signal(
            session,
            note_id,
            closed_on=date(2026, 3, 4),
            outcome="Samen op straat geweest; rust teruggekeerd.",
            feedback_on=date(2026, 3, 5),
            feedback="Partners gemaild.",
            expected_version=1,
            now=NOW,
        )
    with world.database.session() as session:
        signal_round = session.scalar(select(SignalRound))
        assert signal_round is not None
        assert (signal_round.closed_on, signal_round.feedback_on) == (date(2026, 3, 4), date(2026, 3, 5))


def test_the_moment_it_came_in_can_be_corrected_and_the_note_date_follows(world: World) -> None:
    note_id = log_curfew_signal(world)
    with world.database.begin() as session:
        signal_rounds.edit_round(
            session,
            note_id,
            came_in_at=datetime(2026, 3, 2, 0, 30, tzinfo=AMSTERDAM),
            theme_ids=[themes(world)["drugs"]],
            expected_version=1,
            now=NOW,
        )
    with world.database.session() as session:
        signal = session.get(Note, note_id)
        assert signal is not None
        assert signal.occurred_on == date(2026, 3, 2)
        signal_round = session.scalar(select(SignalRound))
        assert signal_round is not None
        assert [t.key for t in signal_round.themes] == ["drugs"]


def test_a_note_made_a_signal_gets_a_round_and_made_a_call_loses_it(world: World) -> None:
    with world.database.begin() as session:
        note_id = notes.log_note(
            session,
            NoteInput(
                kind="call", text="Gebeld.", organisation_ids=[world.police], occurred_on=date(2026, 2, 27)
            ),
            now=NOW,
        )
    with world.database.begin() as session:
        notes.edit_note(
            session,
            note_id,
            NoteInput(kind="signal", text="Toch een signaal.", organisation_ids=[world.police]),
            expected_version=1,
            now=NOW,
        )
    with world.database.session() as session:
        signal_round = session.scalar(select(SignalRound).where(SignalRound.note_id == note_id))
        assert signal_round is not None
        assert signal_round.came_in_at.astimezone(AMSTERDAM) == datetime(2026, 2, 27, 12, tzinfo=AMSTERDAM)
    with world.database.begin() as session:
        notes.edit_note(
            session,
            note_id,
            NoteInput(kind="call", text="Toch een signaal.", organisation_ids=[world.police]),
            expected_version=2,
            now=NOW,
        )
    with world.database.session() as session:
        assert session.scalar(select(func.count()).select_from(SignalRound)) == 0
