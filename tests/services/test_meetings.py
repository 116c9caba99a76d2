"""Single meetings: schedule, edit (attendance kept), cancel, attendance, minutes, reflection, the agenda and
carrying open agreements forward."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from teamlead.data.models import AgendaItem, Invitee, Meeting
from teamlead.errors import ConflictError, ValidationError
from teamlead.rules.clock import AMSTERDAM
from teamlead.services import agenda, agreements, meetings, series
from teamlead.services.agreements import AgreementInput
from teamlead.services.meetings import MeetingChanges, MeetingInput, Reflection
from teamlead.services.series import SeriesInput
from tests.services.conftest import NOW, TODAY, World, audit_rows

START = datetime(2026, 3, 10, 14, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def network(world: World, **changes: object) -> MeetingInput:
    values: dict[str, object] = {
        "kind": "network",
        "title": "Netwerkoverleg Wildemanbuurt",
        "starts_at": START,
        "ends_at": START + timedelta(minutes=90),
        "location": "Buurthuis De Wildeman",
        "district_id": world.nieuw_west,
        "organisation_ids": [world.youth_work, world.police],
        "person_ids": [world.fatima],
    }
    values.update(changes)
    return MeetingInput(**values)  # type: ignore[arg-type]


def load(world: World, meeting_id: int) -> Meeting:
    with world.database.session() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        _ = (meeting.invitees, meeting.agenda_items)
        return meeting


def test_schedule_edit_and_cancel(world: World) -> None:
    with world.database.begin() as session:
        meeting_id = meetings.schedule_meeting(session, network(world), now=NOW)
    meeting = load(world, meeting_id)
    assert meeting.starts_at == START.astimezone(UTC)
    assert [(i.organisation_id, i.person_id, i.attendance) for i in meeting.invitees] == [
        (world.youth_work, None, "invited"),
        (world.police, None, "invited"),
        (None, world.fatima, "invited"),
    ]
    youth_invitee = meeting.invitees[0].id
    with world.database.begin() as session:
        meetings.record_attendance(session, meeting_id, {youth_invitee: "present"}, expected_version=1)
    with world.database.begin() as session:
        meetings.edit_meeting(
            session,
            meeting_id,
            network(world, title="Netwerkoverleg", organisation_ids=[world.youth_work]),
            expected_version=2,
            now=NOW,
        )
    meeting = load(world, meeting_id)
    assert meeting.title == "Netwerkoverleg"
    assert [(i.id, i.attendance) for i in meeting.invitees if i.organisation_id] == [
        (youth_invitee, "present")
    ]
    with world.database.begin() as session, pytest.raises(ConflictError):
        meetings.cancel_meeting(session, meeting_id, expected_version=2)
    with world.database.begin() as session:
        meetings.cancel_meeting(session, meeting_id, expected_version=meeting.version)
    assert load(world, meeting_id).status == "cancelled"


def test_change_a_meeting_keeps_its_length_and_audits_only_what_changed(world: World) -> None:
    with world.database.begin() as session:
        meeting_id = meetings.schedule_meeting(session, network(world), now=NOW)
    changes = MeetingChanges("Netwerkoverleg", "Buurthuis De Wildeman", datetime(2026, 3, 11, 15, 30, 45))
    with world.database.begin() as session:
        meetings.change_meeting(session, meeting_id, changes, expected_version=1, now=NOW)
    meeting = load(world, meeting_id)
    assert meeting.title == "Netwerkoverleg"
    assert meeting.starts_at == datetime(2026, 3, 11, 15, 30, tzinfo=AMSTERDAM).astimezone(UTC)
    assert meeting.ends_at == meeting.starts_at + timedelta(minutes=90)
    assert (meeting.version, meeting.detached) == (2, False)
    assert audit_rows(world.database)[-1] == ("meeting", meeting_id, "update", "ends_at,starts_at,title")
    with world.database.begin() as session:  # nothing differs: nothing written
        meetings.change_meeting(session, meeting_id, changes, expected_version=2, now=NOW)
    assert load(world, meeting_id).version == 2
    with world.database.begin() as session, pytest.raises(ConflictError):
        meetings.change_meeting(session, meeting_id, changes, expected_version=1, now=NOW)
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        meetings.change_meeting(
            session, meeting_id, MeetingChanges(" ", "", changes.starts_local), expected_version=2
        )
    assert (caught.value.field, caught.value.message) == ("title", "Title is empty.")


def test_change_a_meeting_of_a_series_detaches_it(world: World) -> None:
    data = SeriesInput("network", "Netwerkoverleg", "FREQ=MONTHLY;BYDAY=2TU", date(2026, 3, 1), time(14))
    with world.database.begin() as session:
        series_id = series.create_series(session, data, horizon=date(2026, 5, 31), now=NOW)
    with world.database.session() as session:
        march = session.scalars(select(Meeting).where(Meeting.series_id == series_id)).first()
        assert march is not None
    changes = MeetingChanges("Netwerkoverleg (verplaatst)", "", datetime(2026, 3, 12, 15, 0))
    with world.database.begin() as session:
        meetings.change_meeting(session, march.id, changes, expected_version=march.version, now=NOW)
    moved = load(world, march.id)
    assert (moved.title, moved.detached) == ("Netwerkoverleg (verplaatst)", True)
    assert moved.starts_at == datetime(2026, 3, 12, 15, 0, tzinfo=AMSTERDAM).astimezone(UTC)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"kind": "party"}, "kind", "Kind must be one of network, partner, reflection, other, not party."),
        ({"title": ""}, "title", "Title is empty."),
        (
            {"starts_at": datetime(2026, 3, 10, 14, 0)},
            "starts_at",
            "The time 2026-03-10T14:00:00 has no time zone.",
        ),
        ({"ends_at": START}, "ends_at", "The meeting ends before it starts."),
        ({"district_id": 999}, "district_id", "Unknown district (id 999)."),
        ({"organisation_ids": [999]}, "organisation_ids", "Unknown organisation (id 999)."),
        ({"person_ids": [999]}, "person_ids", "Unknown person (id 999)."),
    ],
)
def test_bad_meetings_are_refused(world: World, changes: dict[str, object], field: str, message: str) -> None:
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        meetings.schedule_meeting(session, network(world, **changes))
    assert (caught.value.field, caught.value.message) == (field, message)


def test_attendance_minutes_and_reflection(world: World) -> None:
    with world.database.begin() as session:
        meeting_id = meetings.schedule_meeting(session, network(world, kind="reflection"))
    invitees = [i.id for i in load(world, meeting_id).invitees]
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        meetings.record_attendance(session, meeting_id, {invitees[0]: "asleep"}, expected_version=1)
    assert caught.value.field == "attendance"
    with world.database.begin() as session, pytest.raises(ValidationError, match="not invited"):
        meetings.record_attendance(session, meeting_id, {9999: "present"}, expected_version=1)
    with world.database.begin() as session:
        meetings.record_attendance(
            session,
            meeting_id,
            {invitees[0]: "present", invitees[1]: "excused", invitees[2]: "absent"},
            expected_version=1,
        )
        meetings.save_minutes(session, meeting_id, "Besproken: de avondklok.", expected_version=2)
        meetings.save_reflection(
            session,
            meeting_id,
            Reflection(
                "Korte lijnen.",
                "Informele partners eerder betrekken.",
                "Samen de straat op.",
                "Meer jongerenwerkers.",
            ),
            expected_version=3,
        )
    meeting = load(world, meeting_id)
    assert [i.attendance for i in meeting.invitees] == ["present", "excused", "absent"]
    assert meeting.minutes == "Besproken: de avondklok."
    assert (meeting.reflection_goes_well, meeting.reflection_need_help) == (
        "Korte lijnen.",
        "Meer jongerenwerkers.",
    )
    assert meeting.version == 4


def test_agenda_add_reorder_remove(world: World) -> None:
    with world.database.begin() as session:
        meeting_id = meetings.schedule_meeting(session, network(world))
        first = agenda.add_agenda_item(session, meeting_id, "Opening")
        second = agenda.add_agenda_item(session, meeting_id, "Signalen uit de buurt", details="Rondje langs")
        third = agenda.add_agenda_item(session, meeting_id, "Rondvraag")
    with world.database.begin() as session:
        agenda.reorder_agenda(session, meeting_id, [second, first, third], expected_version=1)
    assert [i.title for i in load(world, meeting_id).agenda_items] == [
        "Signalen uit de buurt",
        "Opening",
        "Rondvraag",
    ]
    with world.database.begin() as session, pytest.raises(ValidationError, match="every agenda item once"):
        agenda.reorder_agenda(session, meeting_id, [second, first], expected_version=2)
    with world.database.begin() as session:
        agenda.remove_agenda_item(session, second)
    assert [(i.title, i.position) for i in load(world, meeting_id).agenda_items] == [
        ("Opening", 0),
        ("Rondvraag", 1),
    ]
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        agenda.add_agenda_item(session, meeting_id, " ")
    assert (caught.value.field, caught.value.message) == ("title", "Title is empty.")


def test_carry_forward_proposes_open_agreements_of_invited_partners(world: World) -> None:
    with world.database.begin() as session:
        late = agreements.make_agreement(
            session,
            AgreementInput("Straatcoaches inzetten.", [world.police], due_on=date(2026, 3, 5)),
            today=TODAY,
        )
        soon = agreements.make_agreement(
            session,
            AgreementInput("Buurtavond organiseren.", [world.youth_work], due_on=date(2026, 4, 1)),
            today=TODAY,
        )
        done = agreements.make_agreement(session, AgreementInput("Flyer.", [world.youth_work]), today=TODAY)
        agreements.change_status(session, done, "done", expected_version=1)
        meeting_id = meetings.schedule_meeting(session, network(world, organisation_ids=[], person_ids=[]))
        meetings.edit_meeting(
            session,
            meeting_id,
            network(world, organisation_ids=[world.police], person_ids=[world.fatima]),
            expected_version=1,
        )
    with world.database.begin() as session:
        added = agenda.carry_forward(session, meeting_id)
    with world.database.begin() as session:
        again = agenda.carry_forward(session, meeting_id)
    assert again == []
    with world.database.session() as session:
        items = session.execute(
            select(AgendaItem.id, AgendaItem.title, AgendaItem.agreement_id).order_by(AgendaItem.position)
        ).all()
    # The police are invited; the youth worker comes as a person, so her organisation's agreements count too.
    assert [tuple(i) for i in items] == [
        (added[0], "Straatcoaches inzetten.", late),
        (added[1], "Buurtavond organiseren.", soon),
    ]
    with world.database.session() as session:
        assert session.scalar(
            select(Invitee.id).where(Invitee.meeting_id == meeting_id, Invitee.person_id.is_not(None))
        )
