"""A quarter walked by hand, on a new, empty database, through the real widgets only: the district report's
Summary must hold exactly what the walk entered.

From "Start empty": the district, three neighbourhoods and two domains in Settings; five partners and their
people in the partner form and the person dialog; a one-off meeting and a monthly series, invitees, attendance
by keyboard, minutes, decisions made into agreements and one closed; contact moments in the note dialog and a
signal from Who to call, followed up in its round (themes, two partners asked from Who to call, closed, feedback); a roster imported through the wizard; one partner archived. The app's clock moves
from mid-December to April in steps. Then the Reports section makes the district report for the first
quarter, and every Summary key (:mod:`teamlead.reporting.summary_keys`, so a key added later without a figure
here fails) is compared with what the test counted in its own ledger as it entered things.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

import teamlead
from teamlead.data.database import Database
from teamlead.reporting.summary_keys import (
    DEFAULT_DOMAIN_KEYS,
    DEFAULT_THEME_KEYS,
    FORMAT_VERSION,
    summary_keys,
)
from teamlead.ui.main_window import MainWindow
from tests.importing.rosters import write_xlsx
from tests.ui.walk.driving import Asked, Attendance, Person, Walk
from tests.ui.walk.ledger import Agreement, Ledger, Meeting, Note, Partner, Signal

pytestmark = [pytest.mark.slow, pytest.mark.qt_log_ignore("This plugin does not support")]

NOORD = "Noord"
BANNE, VOLEWIJCK, IJPLEIN = "Banne Buiksloot", "Volewijck", "IJplein/Vogelbuurt"
SPORT, JEUGD = "Sport", "Jeugd & Gezin"
USER_DOMAIN_KEYS = ["sport", "jeugd_gezin"]

YOUTH_WORK = "Jongerenwerk Noord"
POLICE = "Politie basisteam Noord"
FATHERS = "Buurtvaders Banne"
SPORTS_CLUB = "Sportclub Volewijck"
FAMILY_TEAM = "Ouder- en Kindteam Noord"
TENANTS = "Huurdersvereniging Noord"
LIBRARY = "Bibliotheek Noord"

NETWORK = "Netwerkoverleg Noord"
INTRODUCTION = "Kennismaking wijkagent"

ROSTER = [
    ["Partnerlijst Noord (van de vorige teamtrekker)"],
    [],
    ["Organisatie", "Domein", "Buurten", "Contactpersoon", "Functie", "Telefoon", "E-mail", "Opmerkingen"],
    [TENANTS, "Wonen", IJPLEIN, "Els de Boer", "Voorzitter", "06 5555 0301", "els@huurders.example",
     "Komt graag bij het netwerkoverleg"],
    [LIBRARY, "Onderwijs", VOLEWIJCK, "Joost Smit", "Vestigingsmanager", "020 555 0302", "joost@oba.example",
     None],
    [YOUTH_WORK, "Sociaal", VOLEWIJCK, "Mark de Vries", "Coördinator", "06 5555 0303", "mark@jw.example", None],
]  # fmt: skip


def test_a_quarter_by_hand_gives_the_district_report_it_counted(
    qtbot: QtBot,
    make_window: Callable[[Database], MainWindow],
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ledger = Ledger(date(2026, 1, 1), date(2026, 3, 31))
    walk = Walk(qtbot, make_window(database))
    try:
        report = walk_the_quarter(walk, ledger, tmp_path, monkeypatch)
    finally:
        walk.forget_unsaved()  # a failed step must not leave the window asking about unsaved typing

    sheet = load_workbook(report, read_only=True)["Summary"]
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ("key", "value")
    summary = dict(rows[1:])
    domain_keys = [*DEFAULT_DOMAIN_KEYS, *USER_DOMAIN_KEYS]
    keys = summary_keys(domain_keys, DEFAULT_THEME_KEYS)
    assert [row[0] for row in rows[1:]] == keys
    expected: dict[str, object] = {
        "format_version": FORMAT_VERSION,
        "district": NOORD,
        "period_from": "2026-01-01",
        "period_to": "2026-03-31",
        "audience": "city",
        "teamlead_version": teamlead.__version__,
        "period_complete": "true",
        **ledger.figures(domain_keys, list(DEFAULT_THEME_KEYS)),
    }
    assert str(summary["generated_at"]).startswith("2026-04-02")
    expected["generated_at"] = summary["generated_at"]
    assert sorted(expected) == sorted(keys), "every Summary key needs a figure counted by this walk"
    wrong = {
        key: (summary[key], expected[key])
        for key in keys
        if summary[key]
        != (pytest.approx(expected[key]) if isinstance(expected[key], float) else expected[key])
    }
    assert wrong == {}, "Summary key: (the report's value, the walk's count)"


def walk_the_quarter(walk: Walk, ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every step of the quarter, each entered in the ledger as it is done; returns the report's workbook."""
    # Mid-December: the lists, and the first three partners (before the quarter: active, not joined in it).
    walk.on(date(2025, 12, 15))
    walk.start_empty()
    walk.geography(NOORD, [BANNE, VOLEWIJCK, IJPLEIN], [SPORT, JEUGD])

    def partner(name: str, domain: str, key: str, places: list[str], *people: Person) -> None:
        walk.add_partner(name, domain, places, people)
        ledger.partners[name] = Partner(key, walk.context.today())

    def note(
        kind: str, partners: list[str], text: str, *, occurred: date | None = None, place: str = ""
    ) -> None:
        walk.log_note(kind, partners, text, occurred=occurred, from_who_to_call=place or None)
        ledger.notes.append(Note(kind, occurred or walk.context.today(), tuple(partners)))

    partner(
        YOUTH_WORK,
        "Social",
        "social",
        [VOLEWIJCK, BANNE],
        Person("Fatima el Amrani", "Jongerenwerker", "06 5555 0101"),
    )
    partner(
        POLICE,
        "Safety",
        "safety",
        [BANNE, VOLEWIJCK, IJPLEIN],
        Person("Sanne Jansen", "Wijkagent", "06 5555 0102"),
    )
    partner(FATHERS, "Informal", "informal", [BANNE], Person("Ahmed Ouali", "Voorzitter", "06 5555 0103"))
    note("call", [POLICE], "Kennismaking met de nieuwe wijkagent")  # December: not in the quarter

    # January: two partners more, a monthly network meeting and a one-off introduction.
    walk.on(date(2026, 1, 5))
    partner(SPORTS_CLUB, SPORT, "sport", [VOLEWIJCK], Person("Kees Bakker", "Trainer", "06 5555 0104"))
    partner(
        FAMILY_TEAM, JEUGD, "jeugd_gezin", [IJPLEIN], Person("Noor Visser", "Gezinscoach", "06 5555 0105")
    )
    table = [YOUTH_WORK, POLICE, SPORTS_CLUB, FAMILY_TEAM]
    walk.plan_series(
        "network", NETWORK, date(2026, 1, 1), time(14, 0), "Buurthuis De Banne", table, ordinal=2, weekday=1
    )  # every second Tuesday: 13 January, 10 February, 10 March, ...
    for day in (date(2026, 1, 13), date(2026, 2, 10), date(2026, 3, 10)):
        ledger.meetings[(NETWORK, day)] = Meeting("network", day)
    walk.plan_meeting(
        "partner", INTRODUCTION, date(2026, 1, 20), time(10, 0), "Politiebureau Noord", [POLICE, YOUTH_WORK]
    )
    ledger.meetings[(INTRODUCTION, date(2026, 1, 20))] = Meeting("partner", date(2026, 1, 20))

    walk.write_narrative(NOORD, "2025-Q4", "Het netwerk in Noord is in december begonnen.")

    walk.on(date(2026, 1, 8))
    note("call", [YOUTH_WORK], "Gebeld over de avondopenstelling van het jongerencentrum")

    walk.on(date(2026, 1, 14))
    view = walk.open_meeting(NETWORK, date(2026, 1, 13))
    walk.take_attendance(
        view,
        Attendance(present=(YOUTH_WORK, POLICE, SPORTS_CLUB), absent=(FAMILY_TEAM,)),
        "Kennismakingsronde; afspraken over de zomer.",
    )
    ledger.meetings[(NETWORK, date(2026, 1, 13))].present = 3

    walk.on(date(2026, 1, 21))
    view = walk.open_meeting(INTRODUCTION, date(2026, 1, 20))
    walk.take_attendance(view, Attendance(present=(POLICE,), excused=(YOUTH_WORK,)), "Rooster besproken.")
    ledger.meetings[(INTRODUCTION, date(2026, 1, 20))].present = 1
    walk.make_agreement(view, "Politie deelt het rooster van de wijkagent", due=date(2026, 2, 15))
    ledger.agreements["rooster"] = Agreement(date(2026, 1, 20), date(2026, 2, 15))

    # February: contact moments, the agreement kept (on time), the roster of the predecessor imported.
    walk.on(date(2026, 2, 3))
    note("visit", [SPORTS_CLUB], "Langs geweest bij de training op woensdag")
    walk.on(date(2026, 2, 10))
    walk.close_agreement(INTRODUCTION, date(2026, 1, 20), "Rooster ontvangen en gedeeld")
    ledger.agreements["rooster"].done = walk.context.today()
    # The network meeting of 10 February is held, but its attendance is never taken.
    walk.on(date(2026, 2, 20))
    note("email", [FAMILY_TEAM], "Uitnodiging voor de ouderavond doorgestuurd")
    walk.on(date(2026, 2, 25))
    headline = walk.import_roster(write_xlsx(tmp_path / "partnerlijst.xlsx", {"Partners": ROSTER}), NOORD)
    assert headline.startswith("organisations: 2 added, 1 merged"), headline
    ledger.partners[TENANTS] = Partner("housing", walk.context.today())
    ledger.partners[LIBRARY] = Partner("education", walk.context.today())
    # The remark in the roster is a remark, not a contact moment: nothing for the ledger's notes.

    # March: a signal from Who to call, more contact moments, the third meeting, a partner leaves.
    # The signal is followed up: two partners asked (logged as a call and a visit with them); a week later it
    # is closed and the feedback recorded, from Notes & signals.
    walk.on(date(2026, 3, 5))
    signal = "Groep jongeren bij het winkelcentrum, onrustig"
    note("signal", [YOUTH_WORK], signal, place=VOLEWIJCK)
    walk.follow_up_signal(
        ["Unrest", "Nuisance"],
        [Asked(POLICE, "Knew it", time(9, 30)), Asked(SPORTS_CLUB, "Did not know", time(11, 0), "visit")],
    )
    ledger.notes.append(Note("call", date(2026, 3, 5), (POLICE,)))
    ledger.notes.append(Note("visit", date(2026, 3, 5), (SPORTS_CLUB,)))
    # Came in at the app's 08:00, first asked at 09:30: 1.5 hours.
    ledger.signals.append(
        Signal(date(2026, 3, 5), ("unrest", "nuisance"), 1.5, date(2026, 3, 9), date(2026, 3, 10))
    )
    walk.on(date(2026, 3, 6))
    note("meeting", [FATHERS], "Overleg over de avondwandelingen")
    note("other", [TENANTS], "Verslag van de bewonersavond ontvangen")
    walk.on(date(2026, 3, 11))
    view = walk.open_meeting(NETWORK, date(2026, 3, 10))
    walk.take_attendance(view, Attendance(present=tuple(table)), "Zomerplan vastgesteld.")
    ledger.meetings[(NETWORK, date(2026, 3, 10))].present = 4
    walk.make_agreement(view, "Sportclub opent de zaal op vrijdagavond", due=date(2026, 3, 20))
    ledger.agreements["zaal"] = Agreement(date(2026, 3, 10), date(2026, 3, 20))  # never done: overdue
    walk.make_agreement(view, "Ouder- en Kindteam schuift aan bij het jongerenwerk")
    ledger.agreements["aanschuiven"] = Agreement(date(2026, 3, 10), None)
    walk.on(date(2026, 3, 12))
    walk.open_signal(signal)
    walk.follow_up_signal(
        closed=date(2026, 3, 9),
        outcome="Samen met de wijkagent aangesproken; rustig sindsdien.",
        feedback_on=date(2026, 3, 10),
        feedback="Teruggekoppeld in het netwerkoverleg.",
    )
    walk.on(date(2026, 3, 16))
    walk.archive_partner(FATHERS)
    ledger.partners[FATHERS].left = walk.context.today()

    # April: a visit of 30 March logged late (it counts), a call of today (it does not), then the report.
    walk.on(date(2026, 4, 1))
    note("visit", [POLICE], "Rondje door de wijk met de wijkagent", occurred=date(2026, 3, 30))
    note("call", [POLICE], "Terugblik op het kwartaal")
    walk.on(date(2026, 4, 2))
    return walk.district_report(monkeypatch, NOORD, "2026-Q1", tmp_path / "noord-2026-q1.xlsx")
