"""A report of a period that is not over yet counts only what happened up to the moment it is made, and says so;
attendance averages only the meetings whose attendance was taken. On SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import insert

from teamlead.data.database import Database
from teamlead.data.models import Invitee, Meeting
from teamlead.reporting.district import gather_district_report
from teamlead.reporting.districts import DistrictRef
from teamlead.reporting.model import DistrictReport
from teamlead.reporting.periods import AMSTERDAM, Counted, Period
from tests.reporting.conftest import MADE_AT
from tests.reporting.seed import EXPECTED_Q3, Q3_FROM, Q3_TO, Seeded

Q3 = Period(Q3_FROM, Q3_TO)
MID_AUGUST = datetime(2026, 8, 15, 12, 0, tzinfo=AMSTERDAM)


def _report(database: Database, seeded: Seeded, made_at: datetime, period: Period = Q3) -> DistrictReport:
    with database.session() as session:
        return gather_district_report(
            session, DistrictRef(seeded.district_id, "Nieuw-West"), period, "city", made_at
        )


def test_a_period_is_complete_once_it_ended_before_the_day_the_report_is_made() -> None:
    def complete(made_at: datetime) -> bool:
        return Counted(Q3, made_at).complete

    assert complete(datetime(2026, 10, 1, 0, 0, tzinfo=AMSTERDAM))
    assert not complete(datetime(2026, 9, 30, 23, 59, tzinfo=AMSTERDAM))
    # 22:30 UTC on 30 September is already 1 October in Amsterdam.
    assert complete(datetime(2026, 9, 30, 22, 30, tzinfo=UTC))
    assert Counted(Q3, MID_AUGUST).last == date(2026, 8, 15)
    assert Counted(Period(date(2026, 10, 1), date(2026, 12, 31)), MID_AUGUST).days is None


def test_an_interim_report_counts_only_what_happened_up_to_now(database: Database, seeded: Seeded) -> None:
    report = _report(database, seeded, MID_AUGUST)
    values = dict(report.summary)
    assert values["period_complete"] == "false"
    assert report.header.counted_until == date(2026, 8, 15)
    # The meeting of 30 September (the reflection) is not held yet; the one of 1 July is.
    assert values["meetings_held"] == 1
    assert values["meetings_held_reflection"] == 0
    assert values["meeting_attendance_avg"] == 2.0
    assert [(m.day, m.kind) for m in report.meetings] == [(date(2026, 7, 1), "network")]
    assert report.reflections == ()
    # The call of 1 July and the signal of 10 August; not the signal of 30 September.
    assert (values["contact_moments"], values["signals"], values["signals_theme_other"]) == (2, 1, 1)
    # The police team leaves on 30 September: on 15 August it is still active.
    assert (values["partners_active"], values["partners_joined"], values["partners_left"]) == (3, 1, 0)
    assert values["partners_contacted_share"] == pytest.approx(1 / 3)
    # Made: a1 (1 July) and a4 (1 August). Done: a1 (20 July), not a2 (15 September).
    assert (values["agreements_made"], values["agreements_done"]) == (2, 1)
    # Overdue today: a5 (due 15 July). Not a3 (due 29 September) nor a4 (due 30 September): not due yet.
    assert values["agreements_overdue"] == 1
    assert [a.id for a in report.agreements_overdue] == [seeded.agreements["a5"]]
    assert [a.id for a in report.agreements_done] == [seeded.agreements["a1"]]
    assert values["agreements_done_on_time_share"] == 1.0


def test_a_meeting_later_today_is_not_held_yet(database: Database, seeded: Seeded) -> None:
    # The network meeting starts at 00:30 on 1 July: at 00:20 it has not been held, at 00:40 it has.
    before = dict(_report(database, seeded, datetime(2026, 7, 1, 0, 20, tzinfo=AMSTERDAM)).summary)
    after = dict(_report(database, seeded, datetime(2026, 7, 1, 0, 40, tzinfo=AMSTERDAM)).summary)
    assert (before["meetings_held"], after["meetings_held"]) == (0, 1)
    assert before["meeting_attendance_avg"] is None


def test_the_trend_marks_the_interim_quarter_and_the_complete_period_counts_all(
    database: Database, seeded: Seeded
) -> None:
    interim = _report(database, seeded, MID_AUGUST)
    assert interim.trend.complete == (True,) * 7 + (False,)
    assert dict(interim.trend.rows)["meetings_held"][-1] == 1
    complete = _report(database, seeded, MADE_AT)
    assert complete.trend.complete == (True,) * 8
    assert complete.header.counted_until is None
    values = dict(complete.summary)
    assert values["period_complete"] == "true"
    assert {key: values[key] for key in EXPECTED_Q3} == pytest.approx(EXPECTED_Q3)


def test_a_period_that_starts_after_today_counts_no_event(database: Database, seeded: Seeded) -> None:
    values = dict(
        _report(database, seeded, MID_AUGUST, Period(date(2026, 10, 1), date(2026, 12, 31))).summary
    )
    assert values["period_complete"] == "false"
    assert values["partners_joined"] == 0  # the school joins on 1 October, after today
    assert values["meetings_held"] == values["contact_moments"] == values["agreements_made"] == 0


def test_attendance_averages_only_meetings_whose_attendance_was_taken(
    database: Database, seeded: Seeded
) -> None:
    with database.begin() as session:
        for day, attendance in ((8, ["invited", "invited"]), (9, [])):
            meeting = session.execute(
                insert(Meeting)
                .values(
                    district_id=seeded.district_id,
                    kind="partner",
                    title="Niet bijgehouden",
                    starts_at=datetime(2026, 8, day, 10, tzinfo=AMSTERDAM),
                )
                .returning(Meeting.id)
            ).scalar_one()
            for value in attendance:
                session.execute(
                    insert(Invitee).values(
                        meeting_id=meeting, organisation_id=seeded.organisations["o1"], attendance=value
                    )
                )
    values = dict(_report(database, seeded, MADE_AT).summary)
    assert values["meetings_held"] == 4
    assert values["meetings_held_partner"] == 2
    assert values["meetings_held_unrecorded"] == 2
    # (2 present + 1 present) / the 2 meetings with attendance taken, not / 4.
    assert values["meeting_attendance_avg"] == 1.5
