"""Agreements: make, edit, status history, discussed in meetings, decisions that become agreements."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from teamlead.data.queries.agreements import agreement_history, agreements
from teamlead.data.queries.meetings import meeting_detail
from teamlead.errors import ConflictError, ValidationError
from teamlead.services import agenda, meetings
from teamlead.services import agreements as service
from teamlead.services.agreements import AgreementInput
from teamlead.services.meetings import MeetingInput
from tests.services.conftest import NOW, TODAY, World

LATER = NOW + timedelta(days=3)


def test_make_then_change_status_keeps_the_history(world: World) -> None:
    with world.database.begin() as session:
        agreement_id = service.make_agreement(
            session,
            AgreementInput(
                "Samen de straat op bij onrust.",
                [world.police, world.youth_work],
                responsible_person_id=world.fatima,
                due_on=date(2026, 4, 1),
            ),
            today=TODAY,
            now=NOW,
        )
    with world.database.begin() as session:
        service.change_status(
            session, agreement_id, "in_progress", expected_version=1, comment="Gestart.", now=LATER
        )
    with world.database.begin() as session:
        service.change_status(
            session, agreement_id, "done", expected_version=2, now=LATER + timedelta(days=1)
        )
    with world.database.session() as session:
        history = agreement_history(session, agreement_id)
        (row,) = agreements(session, today=TODAY, organisation_id=world.youth_work)
    assert [(h.changed_at, h.from_status, h.to_status, h.comment) for h in history] == [
        (NOW, None, "open", ""),
        (LATER, "open", "in_progress", "Gestart."),
        (LATER + timedelta(days=1), "in_progress", "done", ""),
    ]
    assert (row.status, row.district_id, row.made_on) == ("done", world.nieuw_west, TODAY)
    assert row.organisations == ("Politie basisteam Nieuw-West", "Jongerenwerk Nieuw-West")


def test_status_changes_are_checked(world: World) -> None:
    with world.database.begin() as session:
        agreement_id = service.make_agreement(
            session, AgreementInput("Afspraak.", [world.police]), today=TODAY
        )
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        service.change_status(session, agreement_id, "open", expected_version=1)
    assert (caught.value.field, caught.value.message) == ("status", "The agreement already has this status.")
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        service.change_status(session, agreement_id, "finished", expected_version=1)
    assert caught.value.message == "Status must be one of open, in_progress, done, dropped, not finished."
    with world.database.begin() as session:
        service.change_status(session, agreement_id, "dropped", expected_version=1)
    with world.database.begin() as session, pytest.raises(ConflictError):
        service.change_status(session, agreement_id, "open", expected_version=1)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (AgreementInput(" "), "text", "Text is empty."),
        (AgreementInput("x", [999]), "organisation_ids", "Unknown organisation (id 999)."),
        (AgreementInput("x", responsible_person_id=999), "responsible_person_id", "Unknown person (id 999)."),
        (AgreementInput("x", made_in_meeting_id=999), "made_in_meeting_id", "Unknown meeting (id 999)."),
        (
            AgreementInput("x", due_on=date(2026, 3, 1)),
            "due_on",
            "The due date 1 Mar 2026 lies before the day the agreement was made 2 Mar 2026.",
        ),
    ],
)
def test_bad_agreements_are_refused(world: World, data: AgreementInput, field: str, message: str) -> None:
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        service.make_agreement(session, data, today=TODAY)
    assert (caught.value.field, caught.value.message) == (field, message)


def test_edit_and_overdue_filter(world: World) -> None:
    with world.database.begin() as session:
        agreement_id = service.make_agreement(
            session, AgreementInput("Buurtavond.", [world.youth_work], due_on=date(2026, 3, 20)), today=TODAY
        )
    with world.database.begin() as session:
        service.edit_agreement(
            session,
            agreement_id,
            AgreementInput(
                "Buurtavond in april.", [world.police, world.youth_work], due_on=date(2026, 4, 20)
            ),
            expected_version=1,
        )
    with world.database.session() as session:
        assert (
            agreements(session, today=TODAY, overdue_on=date(2026, 4, 21))[0].text == "Buurtavond in april."
        )
        assert agreements(session, today=TODAY, overdue_on=date(2026, 4, 20)) == []
        (row,) = agreements(session, today=date(2026, 5, 1), open_only=True)
    assert (row.organisations, row.overdue, row.version) == (
        ("Politie basisteam Nieuw-West", "Jongerenwerk Nieuw-West"),
        True,
        2,
    )
    with world.database.begin() as session, pytest.raises(ConflictError):
        service.edit_agreement(session, agreement_id, AgreementInput("x"), expected_version=1)


def test_a_decision_in_a_meeting_becomes_an_agreement_in_one_step(world: World) -> None:
    start = datetime(2026, 3, 10, 23, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    with world.database.begin() as session:
        meeting_id = meetings.schedule_meeting(
            session,
            MeetingInput(
                "network",
                "Netwerkoverleg",
                start,
                district_id=world.nieuw_west,
                organisation_ids=[world.youth_work, world.police],
            ),
        )
        item = agenda.add_agenda_item(session, meeting_id, "Avondklok")
        other = meetings.schedule_meeting(
            session, MeetingInput("partner", "Bilateraal", start + timedelta(days=7))
        )
    with world.database.begin() as session:
        agreement_id = service.agreement_from_decision(
            session,
            meeting_id,
            "Jongerenwerk en politie lopen samen rondes.",
            agenda_item_id=item,
            due_on=date(2026, 3, 31),
        )
        service.link_meeting(session, agreement_id, other)
        service.link_meeting(session, agreement_id, other)
    with world.database.session() as session:
        (row,) = agreements(session, today=TODAY, meeting_id=meeting_id)
        assert [r.id for r in agreements(session, today=TODAY, meeting_id=other)] == [agreement_id]
        detail = meeting_detail(session, meeting_id)
        discussed = meeting_detail(session, other)
    # Made on the meeting's own (Amsterdam) day, by the invited organisations, tied to the agenda item.
    assert (row.made_on, row.made_in_meeting_id, row.district_id) == (
        date(2026, 3, 10),
        meeting_id,
        world.nieuw_west,
    )
    assert row.organisations == ("Jongerenwerk Nieuw-West", "Politie basisteam Nieuw-West")
    assert detail is not None
    assert discussed is not None
    assert detail.agreements_made == (agreement_id,)
    assert detail.agenda[0].agreement_id == agreement_id
    assert discussed.agreements_discussed == (agreement_id,)
    with world.database.begin() as session, pytest.raises(ValidationError, match="not on this meeting"):
        service.agreement_from_decision(session, other, "x", agenda_item_id=item)
