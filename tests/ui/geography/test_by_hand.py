"""From "Start empty" to Who to call, by hand, through the real widgets only: a district, three neighbourhoods
and two domains made on the settings page; a partner given one of the new neighbourhoods and the new domain in
the partner form; the partner then stands in Who to call for that neighbourhood.

The partner form and Who to call are opened before the settings are changed, so they must take the new names
from the ``Change.GEOGRAPHY`` the writes announce, not from being built afterwards.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database
from teamlead.ui.geography.page import GeographyPage
from teamlead.ui.geography.panel import ListPanel
from teamlead.ui.main_window import MainWindow
from teamlead.ui.partners.view import PartnersView
from teamlead.ui.settings_actions import open_geography
from teamlead.ui.whotocall.view import WhoToCallView
from tests.ui.geography.driving import add_by_keyboard, settle

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

WindowMaker = Callable[[Database], MainWindow]


def listed(panel: ListPanel) -> list[str]:
    model = panel.model
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def ticked_names(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_from_an_empty_database_to_who_to_call(
    qtbot: QtBot, make_window: WindowMaker, database: Database
) -> None:
    window = make_window(database)
    assert window.welcome is not None
    qtbot.mouseClick(window.welcome.empty_button, Qt.MouseButton.LeftButton)
    context = window.context
    window.go_to_section("partners")
    partners = window.current_view()
    assert isinstance(partners, PartnersView)
    window.go_to_section("whotocall")
    who = window.current_view()
    assert isinstance(who, WhoToCallView)
    settle(qtbot, context)
    assert who.picker.offered() == []  # nothing to pick yet: the database is empty

    settings = open_geography(window)
    page = settings.geography
    assert isinstance(page, GeographyPage)
    settle(qtbot, context)
    assert settings.tabs.currentWidget() is page
    assert listed(page.districts) == []
    assert not page.neighbourhoods.add_button.isEnabled()  # a neighbourhood needs a district first

    add_by_keyboard(qtbot, context, page, page.districts, "Noord")
    for name in ("Banne Buiksloot", "Volewijck", "IJplein/Vogelbuurt"):
        add_by_keyboard(qtbot, context, page, page.neighbourhoods, name)
    for name in ("Sport", "Jeugd & Gezin"):
        add_by_keyboard(qtbot, context, page, page.domains, name)
    assert listed(page.districts) == ["Noord"]
    assert listed(page.neighbourhoods) == ["Banne Buiksloot", "IJplein/Vogelbuurt", "Volewijck"]
    assert listed(page.domains)[-2:] == ["Sport", "Jeugd & Gezin"]
    keys = page.domains.model
    assert [keys.index(row, 1).data() for row in range(keys.rowCount())][-2:] == ["sport", "jeugd_gezin"]
    settings.accept()
    settle(qtbot, context)
    assert sorted(who.picker.offered()) == [
        "Banne Buiksloot",
        "IJplein/Vogelbuurt",
        "Volewijck",
    ]

    window.go_to_section("partners")
    settle(qtbot, context)
    qtbot.mouseClick(partners.new_button, Qt.MouseButton.LeftButton)
    form = partners.pane.editor
    qtbot.keyClicks(form.name, "Sportclub Volewijck")
    assert form.domain.findText("Jeugd & Gezin") >= 0
    form.domain.setCurrentIndex(form.domain.findText("Sport"))
    form.domain.activated.emit(form.domain.currentIndex())
    assert sorted(ticked_names(form.neighbourhoods)) == ["Banne Buiksloot", "IJplein/Vogelbuurt", "Volewijck"]
    volewijck = form.neighbourhoods.findItems("Volewijck", Qt.MatchFlag.MatchExactly)[0]
    volewijck.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(partners.pane.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert partners.pane.heading.text() == "Sportclub Volewijck"
    assert form.form.error_text("name") == ""

    window.go_to_section("whotocall")
    settle(qtbot, context)
    who.picker.line.setText("volew")  # part of the name
    qtbot.keyClick(who.picker.line, Qt.Key.Key_Return)
    settle(qtbot, context)
    assert [(group.domain, [p.name for p in group.partners]) for group in who.groups] == [
        ("Sport", ["Sportclub Volewijck"])
    ]
    assert who.summary.text() == "1 active partner serves Volewijck."
