"""The Network section through its real widgets, in the main window: open the map, filter it to a
neighbourhood, hover a partner to light up its ties, zoom, ask for more links, click a partner and land on
its page.

The world (entered through the services), in 2025-Q4, the quarter the section opens on (today 2026-03-02):
Jongerenwerk and the GGD serve Wildemanbuurt, the police Geuzenveld, the school Wildemanbuurt; all three
of the first met on 10 November, Jongerenwerk and the GGD made an agreement, the school did nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.models import Domain, Invitee, Meeting
from teamlead.services.agreements import AgreementInput, make_agreement
from teamlead.services.geography import add_district, add_neighbourhood
from teamlead.services.meetings import MeetingInput, record_attendance, schedule_meeting
from teamlead.services.organisations import OrganisationInput, add_organisation
from teamlead.ui.main_window import MainWindow
from teamlead.ui.network.view import NetworkView


@dataclass(frozen=True)
class World:
    youth_work: int
    health: int
    police: int
    school: int


@pytest.fixture
def world(sqlite_database: Database) -> World:
    with sqlite_database.begin() as s:
        district = add_district(s, "Nieuw-West")
        wildeman = add_neighbourhood(s, district, "Wildemanbuurt")
        geuzenveld = add_neighbourhood(s, district, "Geuzenveld")
        domains = dict(s.execute(select(Domain.key, Domain.id)).all())

        def partner(name: str, domain: str, neighbourhood: int) -> int:
            data = OrganisationInput(
                name, district, domains[domain], [neighbourhood], joined_on=date(2024, 1, 1)
            )
            return add_organisation(s, data, today=date(2024, 1, 1))

        youth_work = partner("Jongerenwerk Wildemanbuurt", "social", wildeman)
        health = partner("GGD team Wildemanbuurt", "care", wildeman)
        police = partner("Politie Geuzenveld", "safety", geuzenveld)
        school = partner("Basisschool De Wildeman", "education", wildeman)
        s.flush()
        meeting = schedule_meeting(
            s,
            MeetingInput(
                "network",
                "Netwerkoverleg",
                datetime(2025, 11, 10, 15, tzinfo=UTC),
                district_id=district,
                organisation_ids=[youth_work, health, police],
            ),
        )
        s.flush()
        invitees = s.scalars(select(Invitee.id).where(Invitee.meeting_id == meeting)).all()
        version = s.scalar(select(Meeting.version).where(Meeting.id == meeting)) or 1
        record_attendance(s, meeting, dict.fromkeys(invitees, "present"), expected_version=version)
        data = AgreementInput("Samen de avond openhouden", [youth_work, health], made_on=date(2025, 10, 15))
        make_agreement(s, data, today=date(2025, 10, 15))
    return World(youth_work, health, police, school)


def open_map(qtbot: QtBot, window: MainWindow) -> NetworkView:
    window.go_to_section("network")
    view = window.current_view()
    assert isinstance(view, NetworkView)
    qtbot.waitUntil(lambda: view.is_loaded, timeout=10_000)
    return view


def test_open_filter_hover_and_click_through_to_the_partner(
    qtbot: QtBot, make_window: Callable[[Database], MainWindow], sqlite_database: Database, world: World
) -> None:
    window = make_window(sqlite_database)
    window.resize(1366, 768)
    view = open_map(qtbot, window)
    assert view.quarter.currentText() == "2025-Q4"
    assert view.district.currentText() == "Nieuw-West"
    assert view.picture is not None
    graph = view.picture.graph
    assert {node.id for node in graph.linked} == {world.youth_work, world.health, world.police}
    assert graph.isolated == {world.school}
    assert "4 partners; 3 of 3 links drawn; 1 without a drawn link" in view.summary.text()
    assert view.picture.layout.overlapping_labels() == []

    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.choose_neighbourhood("Wildemanbuurt")
    assert view.picture is not None
    assert {node.id for node in view.picture.graph.nodes} == {world.youth_work, world.health, world.school}
    assert [(link.source, link.target) for link in view.picture.graph.links] == [
        (world.youth_work, world.health)
    ]

    canvas = view.canvas
    qtbot.mouseMove(canvas.viewport(), canvas.node_point(world.youth_work))
    qtbot.waitUntil(lambda: canvas.highlighted == world.youth_work)
    assert canvas.neighbours_lit() == {world.youth_work, world.health}

    before = canvas.transform().m11()
    canvas.setFocus()
    canvas.zoom(1.25)
    assert canvas.transform().m11() == pytest.approx(before * 1.25)
    canvas.fit()

    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.mouseClick(view.more, Qt.MouseButton.LeftButton)
    assert view.per_node.value() == 5

    with qtbot.waitSignal(window.context.open_record) as opened:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.node_point(world.health))
    assert opened.args == ["organisation", world.health]
    assert window.section_keys()[window.sidebar.currentRow()] == "partners"
    partners = window.current_view()
    qtbot.waitUntil(lambda: partners.pane.organisation_id() == world.health, timeout=10_000)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: partners.pane.editor.name.text() == "GGD team Wildemanbuurt", timeout=10_000)  # type: ignore[attr-defined]


def test_a_domain_left_out_and_the_citys_map(
    qtbot: QtBot, make_window: Callable[[Database], MainWindow], sqlite_database: Database, world: World
) -> None:
    window = make_window(sqlite_database)
    view = open_map(qtbot, window)
    actions = {action.text(): action for action in view.domains.menu().actions()}
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        actions["Safety"].setChecked(False)
    assert view.picture is not None
    assert world.police not in {node.id for node in view.picture.graph.nodes}
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.contacts.setChecked(False)
    assert view.network is not None
    assert view.network.header.audience == "city"
