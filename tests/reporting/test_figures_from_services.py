"""The key figures of data entered the way the app enters it (through the services), on both backends.

Agreements made through the service get their first history row when they are saved, not on their made
date; an archived partner gets its left date; a note's district comes from its first organisation.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.models import Agreement, Domain, Invitee, Meeting, Organisation
from teamlead.reporting.district import gather_district_report
from teamlead.reporting.districts import DistrictRef
from teamlead.reporting.periods import Period
from teamlead.services.agreements import AgreementInput, change_status, make_agreement
from teamlead.services.geography import add_district, add_neighbourhood
from teamlead.services.meetings import MeetingInput, record_attendance, schedule_meeting
from teamlead.services.notes import NoteInput, log_note
from teamlead.services.organisations import OrganisationInput, add_organisation, archive_organisation
from tests.reporting.conftest import MADE_AT

Q1 = Period(date(2026, 1, 1), date(2026, 3, 31))


def _at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def test_figures_of_data_entered_through_the_services(database: Database) -> None:
    with database.begin() as s:
        district = add_district(s, "Zuidoost")
        bijlmer = add_neighbourhood(s, district, "Bijlmer-Oost")
        care = s.scalar(select(Domain.id).where(Domain.key == "care"))
        informal = s.scalar(select(Domain.id).where(Domain.key == "informal"))

        def partner(name: str, domain: int | None, joined: date) -> int:
            data = OrganisationInput(name, district, domain, [bijlmer], joined_on=joined)
            return add_organisation(s, data, today=joined)

        clinic = partner("Huisartsenpost Bijlmer", care, date(2025, 6, 1))
        church = partner("Kerk De Nieuwe Stad", informal, date(2026, 2, 14))
        club = partner("Voetbalclub Zuidoost United", informal, date(2025, 3, 1))
        s.flush()
        version = s.scalar(select(Organisation.version).where(Organisation.id == club))
        archive_organisation(s, club, expected_version=version or 1, left_on=date(2026, 3, 31))

        log_note(s, NoteInput("visit", "Bezoek", [clinic]), today=date(2026, 1, 1))
        log_note(s, NoteInput("signal", "Onrust bij de metro", [church, clinic]), today=date(2026, 3, 31))
        log_note(s, NoteInput("call", "Te vroeg", [church]), today=date(2025, 12, 31))

        meeting = schedule_meeting(
            s, MeetingInput("network", "Netwerk Zuidoost", _at(date(2026, 2, 10)), district_id=district,
                            organisation_ids=[clinic, church, club])
        )  # fmt: skip
        s.flush()
        invitees = s.scalars(select(Invitee.id).where(Invitee.meeting_id == meeting)).all()
        meeting_version = s.scalar(select(Meeting.version).where(Meeting.id == meeting))
        record_attendance(
            s, meeting, {invitees[0]: "present", invitees[1]: "present", invitees[2]: "absent"},
            expected_version=meeting_version or 1,
        )  # fmt: skip

        on_time = make_agreement(
            s, AgreementInput("Samen surveilleren", [clinic, church], due_on=date(2026, 3, 1), made_on=date(2026, 1, 5)),
            now=_at(date(2026, 1, 5)),
        )  # fmt: skip
        late = make_agreement(
            s, AgreementInput("Flyer maken", [church], due_on=date(2026, 2, 1), made_on=date(2025, 12, 1)),
            now=_at(date(2025, 12, 1)),
        )  # fmt: skip
        make_agreement(
            s, AgreementInput("Buurtfeest", [clinic], due_on=date(2026, 3, 30), made_on=date(2026, 2, 1)),
            now=_at(date(2026, 2, 20)),  # saved later than the day it was made
        )  # fmt: skip
        s.flush()
        for agreement, day in ((on_time, date(2026, 2, 27)), (late, date(2026, 3, 2))):
            version = s.scalar(select(Agreement.version).where(Agreement.id == agreement))
            change_status(s, agreement, "done", expected_version=version or 1, now=_at(day))

    with database.session() as s:
        report = gather_district_report(s, DistrictRef(district, "Zuidoost"), Q1, "city", MADE_AT)
    values = dict(report.summary)
    assert values["partners_active"] == 2  # the club left on the last day
    assert values["partners_joined"] == 1
    assert values["partners_left"] == 1
    assert values["partners_active_care"] == 1
    assert values["partners_active_informal"] == 1
    assert values["partners_contacted_share"] == 1.0
    assert values["contact_moments"] == 2
    assert values["signals"] == 1
    assert values["meetings_held"] == 1
    assert values["meeting_attendance_avg"] == 2.0
    assert values["agreements_made"] == 2
    assert values["agreements_done"] == 2
    assert values["agreements_done_on_time_share"] == 0.5
    assert values["agreements_overdue"] == 1  # "Buurtfeest", due 30 March, still open on 31 March
    assert [line.text for line in report.agreements_overdue] == ["Buurtfeest"]


def test_a_partner_named_only_by_a_neighbouring_districts_note_is_not_contacted_for_its_own(
    database: Database,
) -> None:
    """The note is Oost's work (a signal seen in Oost), which Zuidoost's team lead may not read on a shared
    database: counting it for Zuidoost would make the figure depend on who makes the report."""
    with database.begin() as s:
        zuidoost = add_district(s, "Zuidoost")
        bijlmer = add_neighbourhood(s, zuidoost, "Bijlmer-Oost")
        oost = add_district(s, "Oost")
        watergraafsmeer = add_neighbourhood(s, oost, "Watergraafsmeer")
        care = s.scalar(select(Domain.id).where(Domain.key == "care"))
        data = OrganisationInput("Jeugdzorg Amstel", zuidoost, care, [bijlmer, watergraafsmeer])
        partner = add_organisation(s, data, today=date(2025, 6, 1))
        signal = NoteInput("signal", "Onrust bij het station", [partner], neighbourhood_id=watergraafsmeer)
        log_note(s, signal, today=date(2026, 2, 2))

    with database.session() as s:
        own = dict(gather_district_report(s, DistrictRef(zuidoost, "Zuidoost"), Q1, "city", MADE_AT).summary)
        neighbour = dict(gather_district_report(s, DistrictRef(oost, "Oost"), Q1, "city", MADE_AT).summary)
    assert own["partners_active"] == 1
    assert own["partners_contacted_share"] == 0.0
    assert own["contact_moments"] == 0
    assert neighbour["contact_moments"] == 1
    assert neighbour["signals"] == 1
