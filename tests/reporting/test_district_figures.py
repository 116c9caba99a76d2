"""The district report's key figures against a network worked out by hand, on SQLite and PostgreSQL.

The seed puts something on every boundary: the first and last day of the quarter, a meeting just after
midnight in Amsterdam (still the day before in UTC), a cancelled meeting, an agreement due on the last day.
"""

from __future__ import annotations

from datetime import date

import pytest

from teamlead.data.database import Database
from teamlead.reporting.district import gather_district_report
from teamlead.reporting.districts import DistrictRef
from teamlead.reporting.periods import Period
from teamlead.reporting.summary_keys import summary_keys
from tests.reporting.conftest import MADE_AT
from tests.reporting.seed import EXPECTED_Q3, Q3_FROM, Q3_TO, Seeded

Q3 = Period(Q3_FROM, Q3_TO)


def _report(database: Database, seeded: Seeded, period: Period = Q3, audience: str = "city"):  # type: ignore[no-untyped-def]
    with database.session() as session:
        return gather_district_report(
            session, DistrictRef(seeded.district_id, "Nieuw-West"), period, audience, MADE_AT
        )


INTERFACE_KEYS = [
    "format_version",
    "district",
    "period_from",
    "period_to",
    "audience",
    "generated_at",
    "teamlead_version",
    "period_complete",
    "partners_active",
    "partners_joined",
    "partners_left",
    "partners_active_social",
    "partners_active_care",
    "partners_active_safety",
    "partners_active_education",
    "partners_active_housing",
    "partners_active_informal",
    "partners_active_municipality",
    "partners_contacted_share",
    "contact_moments",
    "contact_moments_call",
    "contact_moments_visit",
    "contact_moments_email",
    "contact_moments_meeting",
    "contact_moments_signal",
    "contact_moments_other",
    "signals",
    "signals_closed",
    "signals_feedback_share",
    "signals_first_ask_hours_median",
    "signals_theme_unrest",
    "signals_theme_drugs",
    "signals_theme_weapons",
    "signals_theme_school_absence",
    "signals_theme_online",
    "signals_theme_exploitation",
    "signals_theme_nuisance",
    "signals_theme_other",
    "meetings_held",
    "meetings_held_network",
    "meetings_held_partner",
    "meetings_held_reflection",
    "meetings_held_other",
    "meeting_attendance_avg",
    "meetings_held_unrecorded",
    "agreements_made",
    "agreements_done",
    "agreements_overdue",
    "agreements_done_on_time_share",
]
"""The Summary of ``shared/interface.md``, format 2, written out here rather than taken from the code."""


def test_every_summary_key_is_present_in_the_interface_order(database: Database, seeded: Seeded) -> None:
    summary = _report(database, seeded).summary
    assert [key for key, _value in summary] == INTERFACE_KEYS
    assert summary_keys() == INTERFACE_KEYS
    values = dict(summary)
    assert values["format_version"] == 2
    assert (values["district"], values["period_from"], values["period_to"]) == (
        "Nieuw-West",
        "2026-07-01",
        "2026-09-30",
    )
    assert values["audience"] == "city"
    assert values["period_complete"] == "true"


def test_until_signal_rounds_exist_every_signal_is_of_theme_other_and_none_is_closed(
    database: Database, seeded: Seeded
) -> None:
    values = dict(_report(database, seeded).summary)
    assert values["signals"] == values["signals_theme_other"] == 2
    themes = ["unrest", "drugs", "weapons", "school_absence", "online", "exploitation", "nuisance"]
    assert [values[f"signals_theme_{theme}"] for theme in themes] == [0] * 7
    assert values["signals_closed"] == 0
    assert values["signals_feedback_share"] is None
    assert values["signals_first_ask_hours_median"] is None


def test_each_figure_follows_its_definition(database: Database, seeded: Seeded) -> None:
    values = dict(_report(database, seeded).summary)
    assert {key: values[key] for key in EXPECTED_Q3} == pytest.approx(EXPECTED_Q3)


def test_shares_with_nothing_to_divide_by_are_empty(database: Database, seeded: Seeded) -> None:
    values = dict(_report(database, seeded, Period(date(2020, 1, 1), date(2020, 3, 31))).summary)
    assert values["partners_active"] == 0
    assert values["partners_contacted_share"] is None
    assert values["meeting_attendance_avg"] is None
    assert values["agreements_done_on_time_share"] is None
    assert values["contact_moments"] == 0


def test_the_trend_quarter_equals_the_period_figures(database: Database, seeded: Seeded) -> None:
    report = _report(database, seeded)
    assert report.trend.quarters[-1] == "2026-Q3"
    assert len(report.trend.quarters) == 8
    summary = dict(report.summary)
    for key, values in report.trend.rows:
        assert values[-1] == summary[key], key
    # In 2026-Q2 the visit on 30 June counts, and the partner that left on 30 June has left.
    q2 = dict((key, values[-2]) for key, values in report.trend.rows)
    assert q2["contact_moments_visit"] == 1
    assert q2["partners_left"] == 1


def test_details_list_meetings_agreements_reflection_and_narrative(
    database: Database, seeded: Seeded
) -> None:
    report = _report(database, seeded)
    assert [(m.day, m.kind, m.present, m.invited) for m in report.meetings] == [
        (date(2026, 7, 1), "network", 2, 3),
        (date(2026, 9, 30), "reflection", 1, 1),
    ]
    assert {a.id for a in report.agreements_made} == {seeded.agreements["a1"], seeded.agreements["a4"]}
    assert {a.id for a in report.agreements_done} == {seeded.agreements["a1"], seeded.agreements["a2"]}
    assert {a.id for a in report.agreements_overdue} == {seeded.agreements["a3"], seeded.agreements["a5"]}
    assert report.agreements_overdue[0].organisations.startswith("Jongerenwerk")
    assert [r.goes_well for r in report.reflections] == ["Korte lijnen"]
    assert report.narrative.startswith("Een goed kwartaal.")
    matrix = report.network
    assert matrix.neighbourhoods[:2] == ("Geuzenveld", "Slotervaart")
    social = matrix.domains.index("Social")
    care = matrix.domains.index("Care")
    assert matrix.counts[social][:2] == (1, 0)
    assert matrix.counts[care][:2] == (1, 1)


def test_a_renamed_default_domain_keeps_its_key_and_new_domains_are_slugged(
    database: Database, seeded: Seeded
) -> None:
    from sqlalchemy import insert, update

    from teamlead.data.models import Domain

    with database.begin() as session:
        session.execute(update(Domain).where(Domain.key == "care").values(name="Zorg & Welzijn"))
        session.execute(insert(Domain).values(name="Sport en Spel!", position=9))
        session.execute(insert(Domain).values(name="Vrijwilligers", key="informal_2", position=10))
        session.execute(insert(Domain).values(name="Informal.", position=11))
    values = dict(_report(database, seeded).summary)
    assert values["partners_active_care"] == 1
    # A domain without a stored key (made before keys) gets the interface's key: no trailing "_", and a
    # clash with a key in use numbered on.
    assert values["partners_active_sport_en_spel"] == 0
    assert values["partners_active_informal_2"] == 0
    assert values["partners_active_informal_3"] == 0
