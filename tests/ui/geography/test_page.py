"""The settings page of districts, neighbourhoods and domains, driven by keyboard and mouse: rename with F2 or
Enter (keeping every link), refusals beside the field, a merge that says what moves and asks first, a delete
that is refused while in use and offers the merge, default domains renamed only."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database
from teamlead.rules.vocabulary import Change
from teamlead.services import geography
from teamlead.ui.context import AppContext
from teamlead.ui.geography.dialogs import MergeDialog, NameDialog
from teamlead.ui.geography.page import GeographyPage
from teamlead.ui.geography.panel import ListPanel
from teamlead.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import seed
from tests.ui.geography.driving import answer, press, settle, showing

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@dataclass(frozen=True)
class Open:
    dialog: SettingsDialog
    page: GeographyPage
    context: AppContext


@pytest.fixture
def opened(qtbot: QtBot, sqlite_database: Database) -> Iterator[Open]:
    """Settings on its second tab over Nieuw-West (Wildemanbuurt served by two partners, a signal there) and
    an unused neighbourhood, Geuzenveld."""
    seed(sqlite_database)
    with sqlite_database.begin() as session:
        nieuw_west = geography.find_district(session, "Nieuw-West")
        assert nieuw_west is not None
        geography.add_neighbourhood(session, nieuw_west.id, "Geuzenveld")
    errors: list[str] = []
    context = AppContext(sqlite_database)
    context.tasks.error_reporter = errors.append
    host = QWidget()
    host.resize(1366, 768)
    host.show()
    dialog = SettingsDialog(context, host)
    dialog.show_tab(SettingsDialog.GEOGRAPHY)
    dialog.show()
    settle(qtbot, context)
    yield Open(dialog, dialog.geography, context)
    context.tasks.shutdown()
    host.close()
    assert errors == []


def cells(panel: ListPanel, column: int = 0) -> list[str]:
    return [str(panel.model.index(row, column).data()) for row in range(panel.model.rowCount())]


def pick(panel: ListPanel, name: str) -> None:
    panel.select(next(row.id for row in panel.model.rows() if name in (row.name, getattr(row, "label", ""))))


def test_rename_with_f2_and_enter_keeps_the_links(qtbot: QtBot, opened: Open) -> None:
    page = opened.page
    pick(page.neighbourhoods, "Wildemanbuurt")
    press(qtbot, page.neighbourhoods, Qt.Key.Key_F2)
    dialog = showing(page, NameDialog)
    assert dialog.windowTitle() == "Rename or move neighbourhood"
    assert dialog.name.text() == "Wildemanbuurt"
    assert dialog.district is not None
    assert dialog.district.currentText() == "Nieuw-West"
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Wildemanbuurt-Oost")
    with qtbot.waitSignal(opened.context.data_changed) as changed:
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert changed.args == [Change.GEOGRAPHY]
    settle(qtbot, opened.context)
    assert cells(page.neighbourhoods) == ["Geuzenveld", "Wildemanbuurt-Oost"]
    assert cells(page.neighbourhoods, 2) == ["0", "2"]  # the two partners still serve it
    assert cells(page.neighbourhoods, 3) == ["0", "1"]  # and the signal is still about it

    page.districts.table.clearSelection()
    press(qtbot, page.districts, Qt.Key.Key_Return)  # Enter in a list never closes Settings
    assert opened.dialog.isVisible()
    pick(page.districts, "Nieuw-West")
    press(qtbot, page.districts, Qt.Key.Key_Return)  # on a row, it renames
    renaming = showing(page, NameDialog)
    assert renaming.windowTitle() == "Rename district"
    qtbot.keyClick(renaming.name, Qt.Key.Key_Escape)
    assert opened.dialog.isVisible()


def test_a_refused_name_is_said_beside_the_field(qtbot: QtBot, opened: Open) -> None:
    page = opened.page
    press(qtbot, page.domains, Qt.Key.Key_Insert)
    dialog = showing(page, NameDialog)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    settle(qtbot, opened.context)
    assert dialog.isVisible()
    assert dialog.form.error_text("name") == "Name is empty."
    qtbot.keyClicks(dialog.name, "sociaal")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    settle(qtbot, opened.context)
    assert dialog.isVisible()
    assert dialog.form.error_text("name") == "There is already a domain called Social."
    dialog.reject()


def test_a_merge_says_what_moves_and_asks_first(qtbot: QtBot, opened: Open) -> None:
    page = opened.page
    pick(page.neighbourhoods, "Wildemanbuurt")
    press(qtbot, page.neighbourhoods, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    merging = showing(page, MergeDialog)
    assert merging.target.line.text() == "Geuzenveld"
    said = (
        "Everything that uses Wildemanbuurt moves to Geuzenveld (partners: 2, notes: 1); then Wildemanbuurt is "
        "removed."
    )
    assert merging.explanation.text() == said
    qtbot.mouseClick(merging.ok, Qt.MouseButton.LeftButton)
    assert answer(qtbot, page, "confirmBox", "Cancel") == f"{said} This cannot be undone."
    settle(qtbot, opened.context)
    assert cells(page.neighbourhoods) == ["Geuzenveld", "Wildemanbuurt"]

    press(qtbot, page.neighbourhoods, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(showing(page, MergeDialog).ok, Qt.MouseButton.LeftButton)
    answer(qtbot, page, "confirmBox", "Merge")
    settle(qtbot, opened.context)
    settle(qtbot, opened.context)
    assert cells(page.neighbourhoods) == ["Geuzenveld"]
    assert cells(page.neighbourhoods, 2) == ["2"]
    assert page.neighbourhoods.current() is not None  # what it was merged into is selected


def test_what_is_in_use_is_not_deleted_and_the_merge_is_offered(qtbot: QtBot, opened: Open) -> None:
    page = opened.page
    pick(page.neighbourhoods, "Wildemanbuurt")
    press(qtbot, page.neighbourhoods, Qt.Key.Key_Delete)
    text = answer(qtbot, page, "geographyInUse", "Merge into…")
    assert text == (
        "Wildemanbuurt is still in use (partners: 2, notes: 1), so it cannot be deleted. Merge it into another "
        "one instead: everything that uses it moves there."
    )
    showing(page, MergeDialog).reject()

    pick(page.neighbourhoods, "Geuzenveld")
    press(qtbot, page.neighbourhoods, Qt.Key.Key_Delete)
    assert answer(qtbot, page, "confirmBox", "Delete") == (
        "Nothing uses Geuzenveld. Delete it? This cannot be undone."
    )
    settle(qtbot, opened.context)
    settle(qtbot, opened.context)
    assert cells(page.neighbourhoods) == ["Wildemanbuurt"]


def test_default_domains_are_renamed_only(qtbot: QtBot, opened: Open) -> None:
    page = opened.page
    pick(page.domains, "Social")
    panel = page.domains
    assert panel.rename_button.isEnabled()
    assert not panel.merge_button.isEnabled()
    assert not panel.delete_button.isEnabled()
    assert panel.delete_button.toolTip().startswith("A default domain")
    press(qtbot, panel, Qt.Key.Key_Delete)
    assert not [box for box in page.findChildren(QDialog) if box.isVisible()]
    press(qtbot, panel, Qt.Key.Key_F2)
    dialog = showing(page, NameDialog)
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Sociaal domein")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    settle(qtbot, opened.context)
    settle(qtbot, opened.context)
    assert cells(panel)[0] == "Sociaal domein"
    assert cells(panel, 1)[0] == "social"  # the Summary key stays
