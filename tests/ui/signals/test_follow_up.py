"""A signal followed up through the real widgets, on a new database (SQLite and PostgreSQL).

A signal comes in for Wildemanbuurt and is logged from Who to call; its round opens; three partners are asked
from Who to call (two knew it); the dashboard lists it as open; it is closed with feedback from the dashboard's
card. The dashboard, the partners' stay-in-touch lights and the district report's new keys all show it, and
``signals`` counts it once although four contact moments were logged.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database
from teamlead.ui.dashboard.view import DashboardView
from teamlead.ui.main_window import MainWindow
from teamlead.ui.partners.model import Light, light_of
from teamlead.ui.partners.view import PartnersView
from tests.ui.walk.driving import Asked, Person, Walk

pytestmark = [pytest.mark.slow, pytest.mark.qt_log_ignore("This plugin does not support")]

WEST = "Nieuw-West"
WILDEMAN, GEUZENVELD = "Wildemanbuurt", "Geuzenveld"
YOUTH_WORK = "Jongerenwerk Nieuw-West"
POLICE = "Politie basisteam Nieuw-West"
SCHOOL = "Calvijn College"
HOUSING = "Woningcorporatie Eigen Haard"
SIGNAL = "Groep jongeren bij winkelcentrum Tussen Meer, oproep op sociale media om terug te komen"


def test_a_signal_is_asked_closed_and_counted_once(
    qtbot: QtBot,
    make_window: Callable[[Database], MainWindow],
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    walk = Walk(qtbot, make_window(database))
    walk.on(date(2026, 8, 14))
    walk.start_empty()
    walk.geography(WEST, [WILDEMAN, GEUZENVELD], [])
    for name, domain, person in (
        (YOUTH_WORK, "Social", Person("Fatima el Amrani", "Jongerenwerker", "06 5555 0101")),
        (POLICE, "Safety", Person("Sanne Jansen", "Wijkagent", "06 5555 0102")),
        (SCHOOL, "Education", Person("Peter de Groot", "Mentor", "06 5555 0103")),
        (HOUSING, "Housing", Person("Yusuf Demir", "Wijkbeheerder", "06 5555 0104")),
    ):
        walk.add_partner(name, domain, [WILDEMAN], [person], cadence=30)

    # Six weeks later the app is opened again and the signal comes in; every partner is overdue for contact.
    walk = next_morning(walk, make_window, database, date(2026, 9, 24))
    assert lights(walk) == {name: Light.RED for name in (YOUTH_WORK, POLICE, SCHOOL, HOUSING)}
    walk.log_note("signal", [], SIGNAL, from_who_to_call=WILDEMAN)
    walk.follow_up_signal(
        ["Unrest", "Online"],
        [
            Asked(POLICE, "Knew it", time(8, 20)),
            Asked(SCHOOL, "Did not know", time(8, 45)),
            Asked(YOUTH_WORK, "Knew it", time(9, 10), "visit"),
        ],
    )
    dashboard = walk.section("dashboard", DashboardView)
    qtbot.waitUntil(lambda: dashboard.tiles["signals"].value.text() == "1")  # the lists come in one by one
    signals = dashboard.models["signals"]
    assert [signals.index(0, column).data() for column in (1, 2)] == ["Open", WILDEMAN]
    # The partners asked are in touch again; the one not asked stays overdue.
    assert lights(walk) == {
        YOUTH_WORK: Light.GREEN,
        POLICE: Light.GREEN,
        SCHOOL: Light.GREEN,
        HOUSING: Light.RED,
    }

    # It is closed on the 28th, with feedback the day after, from the dashboard's signal card.
    walk = next_morning(walk, make_window, database, date(2026, 9, 29))
    dashboard = walk.section("dashboard", DashboardView)
    qtbot.waitUntil(lambda: dashboard.tiles["signals"].value.text() == "1")
    walk.activate()
    table = dashboard.cards["signals"].table
    table.setFocus()
    table.setCurrentIndex(dashboard.models["signals"].index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    walk.follow_up_signal(
        closed=date(2026, 9, 28),
        outcome="Samen met de wijkagent en het jongerenwerk aanwezig geweest; rustig gebleven.",
        feedback_on=date(2026, 9, 29),
        feedback="Partners gemaild wat er is gedaan.",
    )
    dashboard = walk.section("dashboard", DashboardView)
    qtbot.waitUntil(lambda: dashboard.tiles["signals"].value.text() == "0")
    assert dashboard.cards["signals"].body.currentWidget() is dashboard.cards["signals"].empty

    walk.on(date(2026, 10, 2))
    report = walk.district_report(monkeypatch, WEST, "2026-Q3", tmp_path / "west-q3.xlsx")
    rows = load_workbook(report, read_only=True)["Summary"].iter_rows(values_only=True)
    summary = {key: value for key, value in rows}
    assert {key: summary[key] for key in FIGURES} == FIGURES


FIGURES = {
    "signals": 1,  # once, although four contact moments were logged
    "contact_moments": 4,
    "contact_moments_signal": 1,
    "contact_moments_call": 2,
    "contact_moments_visit": 1,
    "signals_closed": 1,
    "signals_feedback_share": 1,
    "signals_first_ask_hours_median": pytest.approx(20 / 60),  # came in at the app's 08:00, asked at 08:20
    "signals_theme_unrest": 1,
    "signals_theme_online": 1,
    "signals_theme_other": 0,
    "signals_theme_drugs": 0,
    "partners_contacted_share": pytest.approx(3 / 4),
}


def next_morning(
    walk: Walk, make_window: Callable[[Database], MainWindow], database: Database, day: date
) -> Walk:
    """The team lead closes the app and opens it again on ``day`` (its screens read that day's state)."""
    walk.window.close()
    walk = Walk(walk.qtbot, make_window(database))
    walk.on(day)
    walk.window.context.data_changed.emit("all")
    walk.settle()
    return walk


def lights(walk: Walk) -> dict[str, Light]:
    """The stay-in-touch light of every partner, as the roster shows it."""
    partners = walk.section("partners", PartnersView)
    return {entry[0].name: light_of(entry[0]) for entry in partners.model.rows()}
