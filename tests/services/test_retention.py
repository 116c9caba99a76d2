"""Retention: old notes are listed for review and deleted only as reviewed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from teamlead.data.admin import AuditEntry
from teamlead.data.database import Database, open_database
from teamlead.data.notes import Note
from teamlead.data.scrub import scrub
from teamlead.data.search import search
from teamlead.errors import ValidationError
from teamlead.rules import settings
from teamlead.services.notes import NoteInput, edit_note, log_note
from teamlead.services.organisations import OrganisationInput, add_organisation
from teamlead.services.retention import (
    cutoff,
    delete_notes,
    notes_past_retention,
    retention_years,
    set_retention_years,
)

TODAY = date(2026, 3, 2)


def _notes(database: Database) -> dict[str, int]:
    ids = {}
    with database.begin() as session:
        partner = add_organisation(session, OrganisationInput(name="Jongerenwerk West"))
        for label, day in (("old", date(2019, 6, 1)), ("edge", date(2021, 3, 2)), ("new", date(2025, 1, 1))):
            ids[label] = log_note(
                session,
                NoteInput(kind="call", text=f"Notitie {label}", organisation_ids=[partner], occurred_on=day),
            )
        ids["older"] = log_note(
            session,
            NoteInput(
                kind="visit", text="Nog ouder", organisation_ids=[partner], occurred_on=date(2018, 1, 5)
            ),
        )
    return ids


def test_review_then_delete_exactly_what_was_reviewed(database: Database) -> None:
    ids = _notes(database)
    with database.session() as session:
        review = notes_past_retention(session, TODAY, 5)
    assert [row.id for row in review] == [ids["older"], ids["old"]]
    assert review[0].partner == "Jongerenwerk West"
    assert review[1].excerpt == "Notitie old"
    with database.begin() as session:  # someone edits one of them after the review
        edit_note(
            session,
            ids["old"],
            NoteInput(kind="call", text="Bijgewerkt", occurred_on=date(2019, 6, 1)),
            expected_version=review[1].version,
        )
    with database.begin() as session:
        assert delete_notes(session, review) == 1
    with database.session() as session:
        left = set(session.scalars(select(Note.id)))
        assert left == {ids["old"], ids["edge"], ids["new"]}
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "retention")).all()
        assert [(a.table_name, a.record_id, a.fields) for a in audit] == [("note", ids["older"], "")]


def test_the_retention_period_is_the_databases_and_outlives_the_personal_setting(
    database: Database, tmp_path: Path
) -> None:
    with database.session() as session:
        assert retention_years(session) == 5
    settings.update(retention_years=3)  # chosen before the database kept it: still counts
    with database.session() as session:
        assert retention_years(session) == 3
    with database.begin() as session:
        set_retention_years(session, 7)
    settings.update(retention_years=2)  # a personal setting no longer changes it
    with database.session() as session:
        assert retention_years(session) == 7
        audited = session.scalars(select(AuditEntry.fields).where(AuditEntry.table_name == "teamlead_meta"))
        assert list(audited) == ["retention_years"]
    other = open_database(tmp_path / "other.sqlite3")  # another database keeps its own
    try:
        with other.session() as session:
            assert retention_years(session) == 2
    finally:
        other.dispose()
    with database.begin() as session, pytest.raises(ValidationError) as refused:
        set_retention_years(session, 0)
    assert refused.value.message == "The retention period must be 1 to 50 years."
    assert cutoff(date(2028, 2, 29), 1) == date(2027, 2, 28)


def test_deleted_notes_leave_no_words_in_the_search_index_or_the_file(database: Database) -> None:
    ids = _notes(database)
    with database.begin() as session:
        edit_note(
            session,
            ids["older"],
            NoteInput(kind="visit", text="Quokkaplein gesprek met Zwoerdina", occurred_on=date(2018, 1, 5)),
            expected_version=1,
        )
    with database.session() as session:
        assert search(session, "Zwoerdina")
        review = notes_past_retention(session, TODAY, 5)
    with database.begin() as session:
        assert delete_notes(session, review) == 2
    scrub(database)
    with database.session() as session:
        assert not search(session, "Zwoerdina")
        assert not search(session, "Quokkaplein")
        assert search(session, "Notitie")  # the notes kept are still found
    if database.path is not None:  # SQLite: the index's segments and the freed pages hold nothing either
        for file in (database.path, database.path.with_name(database.path.name + "-wal")):
            if file.exists():
                data = file.read_bytes().lower()
                assert b"zwoerdina" not in data, file.name
                assert b"quokkaplein" not in data, file.name


def test_an_old_signal_goes_with_its_round_and_asks_each_audited(database: Database) -> None:
    from datetime import datetime

    from teamlead.data.signals import SignalAsk, SignalRound
    from teamlead.rules.clock import AMSTERDAM
    from teamlead.services.signal_rounds import SignalInput, ask_partner, log_signal

    with database.begin() as session:
        partner = add_organisation(session, OrganisationInput(name="Jongerenwerk West"))
        signal = log_signal(
            session,
            SignalInput(
                text="Oud signaal",
                came_in_at=datetime(2019, 6, 1, 21, tzinfo=AMSTERDAM),
                neighbourhood_id=None,
            ),
        )
        ask = ask_partner(
            session,
            signal,
            partner,
            person_id=None,
            kind="call",
            answer="knew",
            asked_at=datetime(2019, 6, 1, 22, tzinfo=AMSTERDAM),
        )
    with database.begin() as session:
        review = [note for note in notes_past_retention(session, TODAY, 5) if note.id == signal]
        round_id = session.scalar(select(SignalRound.id).where(SignalRound.note_id == signal))
        assert delete_notes(session, review) == 1
    with database.session() as session:
        assert session.scalars(select(SignalRound)).all() == []
        assert session.scalars(select(SignalAsk)).all() == []
        gone = {
            (entry.table_name, entry.record_id)
            for entry in session.scalars(select(AuditEntry).where(AuditEntry.action == "retention"))
        }
        assert gone == {("note", signal), ("signal_round", round_id), ("signal_ask", ask)}
