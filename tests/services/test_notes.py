"""Notes: log a contact moment, edit it, tick off the follow-up, delete it only when confirmed."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from teamlead.data.models import AuditEntry, Note, note_organisation
from teamlead.errors import ConflictError, UserError, ValidationError
from teamlead.services import notes
from teamlead.services.notes import NoteInput
from tests.services.conftest import NOW, TODAY, World


def load(world: World, note_id: int) -> Note:
    with world.database.session() as session:
        note = session.get(Note, note_id)
        assert note is not None
        _ = (note.organisations, note.persons)
        return note


def test_log_defaults_to_today_and_the_first_organisations_district(world: World) -> None:
    with world.database.begin() as session:
        note_id = notes.log_note(
            session,
            NoteInput(
                kind="call",
                text="Gebeld over de avondklok.",
                organisation_ids=[world.police, world.youth_work],
                person_ids=[world.fatima],
                follow_up_on=date(2026, 3, 9),
            ),
            today=TODAY,
            now=NOW,
        )
    note = load(world, note_id)
    assert (note.occurred_on, note.district_id, note.kind) == (TODAY, world.nieuw_west, "call")
    assert [o.id for o in note.organisations] == [world.police, world.youth_work]
    assert [p.id for p in note.persons] == [world.fatima]


def test_a_signal_names_its_neighbourhood_and_a_given_district_wins(world: World) -> None:
    with world.database.begin() as session:
        note_id = notes.log_note(
            session,
            NoteInput(
                kind="signal",
                text="Oproep tot rellen op sociale media.",
                organisation_ids=[world.youth_work],
                district_id=world.west,
                neighbourhood_id=world.mercator,
            ),
            today=TODAY,
        )
    note = load(world, note_id)
    assert (note.district_id, note.neighbourhood_id) == (world.west, world.mercator)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"kind": "chat"},
            "kind",
            "Kind must be one of call, visit, email, meeting, signal, other, not chat.",
        ),
        ({"text": "  "}, "text", "Text is empty."),
        ({"organisation_ids": [999]}, "organisation_ids", "Unknown organisation (id 999)."),
        ({"person_ids": [999]}, "person_ids", "Unknown person (id 999)."),
        ({"district_id": 999}, "district_id", "Unknown district (id 999)."),
        ({"neighbourhood_id": 999}, "neighbourhood_id", "Unknown neighbourhood (id 999)."),
        (
            {"neighbourhood_id": -1},
            "neighbourhood_id",
            "The neighbourhood Mercatorbuurt lies in another district than the note.",
        ),
        (
            {"follow_up_on": date(2026, 3, 1)},
            "follow_up_on",
            "The follow-up date 1 Mar 2026 lies before the date of the note 2 Mar 2026.",
        ),
    ],
)
def test_bad_notes_are_refused(world: World, changes: dict[str, object], field: str, message: str) -> None:
    if changes.get("neighbourhood_id") == -1:  # Mercatorbuurt lies in West; the note is chosen in Nieuw-West
        changes.update(neighbourhood_id=world.mercator, district_id=world.nieuw_west)
    values: dict[str, object] = {"kind": "signal", "text": "Signaal", "organisation_ids": [world.youth_work]}
    values.update(changes)
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        notes.log_note(session, NoteInput(**values), today=TODAY)  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.message) == (field, message)


def test_edit_reorders_organisations_and_refuses_stale_versions(world: World) -> None:
    with world.database.begin() as session:
        note_id = notes.log_note(
            session,
            NoteInput(kind="visit", text="Langs geweest.", organisation_ids=[world.youth_work]),
            today=TODAY,
        )
    with world.database.begin() as session:
        notes.edit_note(
            session,
            note_id,
            NoteInput(
                kind="visit",
                text="Langs geweest, afspraak gemaakt.",
                organisation_ids=[world.police, world.youth_work],
            ),
            expected_version=1,
            now=NOW,
        )
    note = load(world, note_id)
    assert note.version == 2
    assert note.occurred_on == TODAY
    assert [o.id for o in note.organisations] == [world.police, world.youth_work]
    with world.database.session() as session:
        positions = session.execute(
            select(note_organisation.c.organisation_id, note_organisation.c.position)
            .where(note_organisation.c.note_id == note_id)
            .order_by(note_organisation.c.position)
        ).all()
        assert [tuple(p) for p in positions] == [(world.police, 0), (world.youth_work, 1)]
        fields = session.scalars(
            select(AuditEntry.fields).where(AuditEntry.table_name == "note", AuditEntry.action == "update")
        ).one()
        assert fields == "organisation_ids,text"
    with world.database.begin() as session, pytest.raises(ConflictError):
        notes.edit_note(session, note_id, NoteInput(kind="visit", text="x"), expected_version=1)


def test_follow_up_done_and_delete_with_confirmation(world: World) -> None:
    with world.database.begin() as session:
        note_id = notes.log_note(
            session,
            NoteInput(
                kind="email",
                text="Mail gestuurd.",
                organisation_ids=[world.youth_work],
                follow_up_on=date(2026, 3, 10),
            ),
            today=TODAY,
        )
        plain = notes.log_note(session, NoteInput(kind="other", text="Notitie."), today=TODAY)
    with world.database.begin() as session:
        notes.set_follow_up_done(session, note_id, expected_version=1)
    assert load(world, note_id).follow_up_done
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        notes.set_follow_up_done(session, plain, expected_version=1)
    assert caught.value.message == "This note has no follow-up date."
    with world.database.begin() as session, pytest.raises(UserError, match="cannot be undone"):
        notes.delete_note(session, note_id, expected_version=2, confirmed=False)
    with world.database.begin() as session:
        notes.delete_note(session, note_id, expected_version=2, confirmed=True, now=NOW)
    with world.database.session() as session:
        assert session.get(Note, note_id) is None
        assert (
            session.scalar(select(note_organisation.c.note_id).where(note_organisation.c.note_id == note_id))
            is None
        )
        assert session.scalars(
            select(AuditEntry.action).where(AuditEntry.record_id == note_id, AuditEntry.table_name == "note")
        ).all() == ["create", "update", "delete"]


def test_note_text_never_reaches_the_audit_log(world: World) -> None:
    with world.database.begin() as session:
        notes.log_note(
            session,
            NoteInput(
                kind="signal",
                text="Geheim: brandstichting bij de school",
                organisation_ids=[world.youth_work],
                person_ids=[world.fatima],
            ),
            today=TODAY,
        )
    with world.database.session() as session:
        for entry in session.scalars(select(AuditEntry)):
            row = f"{entry.table_name}|{entry.action}|{entry.fields}"
            assert "Geheim" not in row
            assert "Fatima" not in row
            assert "brand" not in row
