"""The neighbourhood page through its real widgets, in the main window, on both backends: open a neighbourhood
from Who to call, write its focus, add a place, point a signal at that place from the signal's round, enter an
indicator; then the Network map filtered to the neighbourhood, a partner clicked, its page open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.models import Domain, Invitee, Meeting
from teamlead.data.notes import note_place
from teamlead.data.places import Indicator
from teamlead.services.geography import add_district, add_neighbourhood
from teamlead.services.meetings import MeetingInput, record_attendance, schedule_meeting
from teamlead.services.organisations import OrganisationInput, add_organisation
from teamlead.services.signal_rounds import SignalInput, log_signal
from teamlead.ui.main_window import MainWindow
from teamlead.ui.neighbourhoods.dialogs import PlaceDialog
from teamlead.ui.neighbourhoods.view import NeighbourhoodsView
from teamlead.ui.network.view import NetworkView
from teamlead.ui.signals.round_dialog import open_signal_round
from teamlead.ui.whotocall.view import WhoToCallView
from tests.ui.geography.driving import answer

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def seed(database: Database) -> tuple[int, int, int]:
    """Wildemanbuurt with a youth work and a health partner who met in 2025-Q4, and a signal there."""
    with database.begin() as s:
        district = add_district(s, "Nieuw-West")
        wildeman = add_neighbourhood(s, district, "Wildemanbuurt")
        domains = dict(s.execute(select(Domain.key, Domain.id)).all())

        def partner(name: str, domain: str) -> int:
            data = OrganisationInput(name, district, domains[domain], [wildeman], joined_on=date(2024, 1, 1))
            return add_organisation(s, data, today=date(2024, 1, 1))

        youth_work = partner("Jongerenwerk Wildemanbuurt", "social")
        health = partner("GGD team Wildemanbuurt", "care")
        s.flush()
        meeting = schedule_meeting(
            s,
            MeetingInput(
                "network",
                "Netwerkoverleg",
                datetime(2025, 11, 10, 15, tzinfo=UTC),
                district_id=district,
                organisation_ids=[youth_work, health],
            ),
        )
        s.flush()
        invitees = s.scalars(select(Invitee.id).where(Invitee.meeting_id == meeting)).all()
        version = s.scalar(select(Meeting.version).where(Meeting.id == meeting)) or 1
        record_attendance(s, meeting, dict.fromkeys(invitees, "present"), expected_version=version)
        signal = log_signal(
            s,
            SignalInput(
                "Groep jongeren op het plein",
                datetime(2026, 2, 20, 21, tzinfo=UTC),
                neighbourhood_id=wildeman,
            ),
        )
    return wildeman, health, signal


def test_from_who_to_call_to_the_page_a_place_a_signal_there_a_figure_and_the_map(
    qtbot: QtBot, make_window: Callable[[Database], MainWindow], database: Database
) -> None:
    wildeman, health, signal = seed(database)
    window = make_window(database)
    window.resize(1366, 768)

    window.go_to_section("whotocall")
    who = window.current_view()
    assert isinstance(who, WhoToCallView)
    qtbot.waitUntil(lambda: who.is_loaded, timeout=10_000)
    qtbot.keyClicks(who.picker.line, "Wildemanbuurt")
    qtbot.keyClick(who.picker.line, Qt.Key.Key_Return)
    qtbot.waitUntil(who.page_button.isEnabled, timeout=10_000)
    qtbot.keyClick(who, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # Neighbourhood &page
    qtbot.waitUntil(lambda: isinstance(window.current_view(), NeighbourhoodsView), timeout=10_000)
    view = window.current_view()
    assert isinstance(view, NeighbourhoodsView)
    qtbot.waitUntil(lambda: view.page is not None and view.page.id == wildeman, timeout=10_000)
    assert "Wildemanbuurt" in view.heading.text()
    assert "Jongerenwerk Wildemanbuurt" in view.partners.text()
    assert "Education" in view.partners.text()  # a gap: no school here

    view.focus_edit.setFocus()
    qtbot.keyClicks(view.focus_edit, "Minder overlast op het plein")
    qtbot.mouseClick(view.save_focus_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.page is not None and view.page.focus_on is not None, timeout=10_000)
    assert view.page is not None
    assert view.page.focus == "Minder overlast op het plein"

    qtbot.mouseClick(view.add_place_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget() or view.findChild(PlaceDialog), PlaceDialog)
    )
    dialog = view.findChild(PlaceDialog)
    assert isinstance(dialog, PlaceDialog)
    qtbot.keyClicks(dialog.name, "Het Plein")
    dialog.kind.setCurrentIndex(dialog.kind.findData("square"))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.page is not None and len(view.page.places) == 1, timeout=10_000)
    place_id = view.page.places[0].id

    rounds = open_signal_round(window.context, signal, window)
    qtbot.waitUntil(lambda: rounds.is_loaded and rounds.place.count() == 2, timeout=10_000)
    rounds.place.setCurrentIndex(rounds.place.findData(place_id))
    with qtbot.waitSignal(rounds.finished, timeout=10_000):
        qtbot.mouseClick(rounds.save_button, Qt.MouseButton.LeftButton)
    with database.session() as session:
        assert session.scalar(select(note_place.c.place_id).where(note_place.c.note_id == signal)) == place_id
    qtbot.waitUntil(lambda: view.page is not None and view.page.places[0].notes == 1, timeout=10_000)

    view.figures.name.setFocus()
    qtbot.keyClicks(view.figures.name, "Veiligheidsindex")
    view.figures.year.setValue(2025)
    qtbot.keyClicks(view.figures.value, "79,5")
    qtbot.keyClick(view.figures.value, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.page is not None and bool(view.page.indicators), timeout=10_000)
    with database.session() as session:
        assert session.execute(select(Indicator.name, Indicator.year, Indicator.value)).one() == (
            "Veiligheidsindex",
            2025,
            79.5,
        )
    qtbot.keyClicks(view.figures.value, "veel")
    qtbot.keyClick(view.figures.value, Qt.Key.Key_Return)
    assert "not a number" in view.figures.error.text()
    view.figures.year.setValue(2024)
    qtbot.mouseClick(view.figures.delete_button, Qt.MouseButton.LeftButton)
    assert view.figures.error.text() == "There is no figure of Veiligheidsindex for 2024."
    view.figures.year.setValue(2025)  # typed in error, that year's figure goes after asking
    qtbot.mouseClick(view.figures.delete_button, Qt.MouseButton.LeftButton)
    answer(qtbot, view, "confirmBox", "Delete")
    qtbot.waitUntil(lambda: view.page is not None and not view.page.indicators, timeout=10_000)
    with database.session() as session:
        assert session.execute(select(Indicator.id)).all() == []

    window.go_to_section("network")
    network = window.current_view()
    assert isinstance(network, NetworkView)
    qtbot.waitUntil(lambda: network.is_loaded, timeout=10_000)
    with qtbot.waitSignal(network.loaded, timeout=10_000):
        network.choose_neighbourhood("Wildemanbuurt")
    canvas = network.canvas
    with qtbot.waitSignal(window.context.open_record) as opened:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.node_point(health))
    assert opened.args == ["organisation", health]
    partners = window.current_view()
    qtbot.waitUntil(lambda: partners.pane.organisation_id() == health, timeout=10_000)  # type: ignore[attr-defined]
