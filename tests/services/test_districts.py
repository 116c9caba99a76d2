"""Every record a service writes lands in a district by the one precedence, even when the caller names none;
a partner that gets a district takes its notes and agreements along; the bulk assignment moves a whole kind."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.models import Agreement, AuditEntry, Meeting, MeetingSeries, Note, Organisation
from teamlead.data.queries.default_district import DefaultDistrict, database_id, save_default_district
from teamlead.data.queries.districtless import districtless_counts
from teamlead.rules.vocabulary import DistrictedKind
from teamlead.services import agreements, meetings, notes, organisations, series
from teamlead.services.agreements import AgreementInput
from teamlead.services.district_assign import assign_district
from teamlead.services.meetings import MeetingInput
from teamlead.services.notes import NoteInput
from teamlead.services.organisations import OrganisationInput
from teamlead.services.series import SeriesInput
from tests.services.conftest import NOW, TODAY, World


def _district_of(database: Database, model: type, record_id: int) -> int | None:
    with database.session() as session:
        return session.get(model, record_id).district_id  # type: ignore[no-any-return]


def _set_default(database: Database, district_id: int | None) -> None:
    with database.session() as session:
        own = database_id(session)
    assert own is not None
    save_default_district(DefaultDistrict(own, district_id))


def test_without_a_district_the_services_use_the_default_district(world: World) -> None:
    """Two districts: nothing chosen and no default gives none; with a default, every kind lands in it."""
    database = world.database
    with database.begin() as session:
        lost = organisations.add_organisation(session, OrganisationInput(name="Buurtvaders"), today=TODAY)
    assert _district_of(database, Organisation, lost) is None
    _set_default(database, world.west)
    starts = datetime(2026, 3, 10, 13, 0, tzinfo=UTC)
    with database.begin() as session:
        partner = organisations.add_organisation(session, OrganisationInput(name="Moskee West"), today=TODAY)
        meeting = meetings.schedule_meeting(
            session, MeetingInput(kind="network", title="Netwerk", starts_at=starts)
        )
        series_id = series.create_series(
            session,
            SeriesInput(
                kind="network",
                title="Tweewekelijks",
                rrule="FREQ=WEEKLY;INTERVAL=2",
                first_date=date(2026, 3, 3),
                start_time=time(14),
            ),
            horizon=date(2026, 4, 1),
            now=NOW,
        )
        note = notes.log_note(session, NoteInput(kind="call", text="Gebeld"), today=TODAY)
    assert _district_of(database, Organisation, partner) == world.west
    assert _district_of(database, Meeting, meeting) == world.west
    assert _district_of(database, MeetingSeries, series_id) == world.west
    assert _district_of(database, Note, note) == world.west
    with database.session() as session:
        occurrences = session.scalars(select(Meeting.district_id).where(Meeting.series_id == series_id)).all()
    assert set(occurrences) == {world.west}


def test_the_first_organisation_and_the_neighbourhood_come_before_the_default(world: World) -> None:
    _set_default(world.database, world.west)
    with world.database.begin() as session:
        call = notes.log_note(
            session, NoteInput(kind="call", text="Gebeld", organisation_ids=[world.youth_work]), today=TODAY
        )
        made = agreements.make_agreement(
            session, AgreementInput(text="Samen schouwen", organisation_ids=[world.police]), today=TODAY
        )
        partner = organisations.add_organisation(
            session, OrganisationInput(name="Huiswerkklas", neighbourhood_ids=[world.geuzenveld]), today=TODAY
        )
    assert _district_of(world.database, Note, call) == world.nieuw_west
    assert _district_of(world.database, Agreement, made) == world.nieuw_west
    assert _district_of(world.database, Organisation, partner) == world.nieuw_west


def test_a_signal_belongs_to_its_neighbourhoods_district_not_the_partners_home(world: World) -> None:
    """Youth work's home is Nieuw-West; a signal it reports in Mercatorbuurt (West) is West's."""
    with world.database.begin() as session:
        signal = notes.log_note(
            session,
            NoteInput(
                kind="signal",
                text="Onrust bij het plein",
                organisation_ids=[world.youth_work],
                neighbourhood_id=world.mercator,
            ),
            today=TODAY,
        )
    assert _district_of(world.database, Note, signal) == world.west


def test_an_edit_keeps_the_district_and_a_districtless_record_gets_one(world: World) -> None:
    with world.database.begin() as session:
        note = notes.log_note(
            session, NoteInput(kind="call", text="Gebeld", organisation_ids=[world.youth_work]), today=TODAY
        )
        notes.edit_note(
            session,
            note,
            NoteInput(kind="call", text="Gebeld, teruggebeld"),
            expected_version=1,
            today=TODAY,
        )
    assert _district_of(world.database, Note, note) == world.nieuw_west
    with world.database.begin() as session:
        lost = organisations.add_organisation(session, OrganisationInput(name="Buurtvaders"), today=TODAY)
    _set_default(world.database, world.west)
    with world.database.begin() as session:
        organisations.edit_organisation(
            session, lost, OrganisationInput(name="Buurtvaders West"), expected_version=1
        )
    assert _district_of(world.database, Organisation, lost) == world.west


def test_a_partner_that_gets_a_district_takes_its_notes_and_agreements_along(world: World) -> None:
    database = world.database
    with database.begin() as session:
        lost = organisations.add_organisation(session, OrganisationInput(name="Buurtvaders"), today=TODAY)
        first = notes.log_note(
            session, NoteInput(kind="call", text="Gebeld", organisation_ids=[lost]), today=TODAY
        )
        second = notes.log_note(  # another partner comes first: it decides, not Buurtvaders
            session,
            NoteInput(kind="call", text="Samen gebeld", organisation_ids=[world.youth_work, lost]),
            today=TODAY,
        )
        made = agreements.make_agreement(
            session, AgreementInput(text="Elke vrijdag schouwen", organisation_ids=[lost]), today=TODAY
        )
    assert _district_of(database, Note, first) is None
    assert _district_of(database, Agreement, made) is None
    with database.begin() as session:
        organisations.edit_organisation(
            session,
            lost,
            OrganisationInput(name="Buurtvaders", district_id=world.west),
            expected_version=1,
            now=NOW,
        )
    assert _district_of(database, Note, first) == world.west
    assert _district_of(database, Agreement, made) == world.west
    assert _district_of(database, Note, second) == world.nieuw_west
    with database.session() as session:
        assert session.get(Note, first).version == 2  # type: ignore[union-attr]
        audited = {
            (entry.table_name, entry.record_id)
            for entry in session.scalars(select(AuditEntry).where(AuditEntry.fields == "district_id"))
        }
    assert {("note", first), ("agreement", made)} <= audited


def test_the_bulk_assignment_moves_every_districtless_record_of_a_kind_at_once(world: World) -> None:
    database = world.database
    with database.begin() as session:
        partners = [
            organisations.add_organisation(session, OrganisationInput(name=f"Partner {n}"), today=TODAY)
            for n in range(12)
        ]
        call = notes.log_note(
            session, NoteInput(kind="call", text="Gebeld", organisation_ids=[partners[3]]), today=TODAY
        )
        series_id = series.create_series(
            session,
            SeriesInput(
                kind="network",
                title="Maandelijks",
                rrule="FREQ=MONTHLY;BYDAY=2TU",
                first_date=date(2026, 1, 13),
                start_time=time(14),
            ),
            horizon=date(2026, 6, 1),
            now=NOW,
        )
    with database.session() as session:
        counts = districtless_counts(session)
    assert counts[DistrictedKind.ORGANISATION] == 12
    assert counts[DistrictedKind.NOTE] == 1
    assert counts[DistrictedKind.SERIES] == 1
    assert counts[DistrictedKind.MEETING] == 5
    with database.begin() as session:
        assert assign_district(session, DistrictedKind.ORGANISATION, world.west, now=NOW) == 12
        assert assign_district(session, DistrictedKind.SERIES, world.nieuw_west, now=NOW) == 1
    with database.session() as session:
        counts = districtless_counts(session)
        moved = set(session.scalars(select(Organisation.district_id).where(Organisation.id.in_(partners))))
        series_meetings = set(
            session.scalars(select(Meeting.district_id).where(Meeting.series_id == series_id))
        )
        audited = session.scalars(
            select(AuditEntry.record_id).where(
                AuditEntry.table_name == "organisation", AuditEntry.fields == "district_id"
            )
        ).all()
    assert counts == dict.fromkeys(DistrictedKind, 0)
    assert moved == {world.west}
    assert _district_of(database, Note, call) == world.west
    assert series_meetings == {world.nieuw_west}
    assert sorted(audited) == sorted(partners)
    with database.begin() as session:
        assert assign_district(session, DistrictedKind.AGREEMENT, world.west, now=NOW) == 0
