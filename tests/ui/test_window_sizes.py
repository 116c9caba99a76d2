"""The main window at 960×600 (half a laptop screen), 1366×768 and 1920×1080, in Dutch (the longer words) on
the small demo: every section fits, nothing is pushed out of the window, search boxes keep a usable width,
tables keep their key column; the sidebar hides by itself in a narrow window and Ctrl+B overrides that."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QLineEdit,
    QMenu,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database
from teamlead.demo import generate_demo
from teamlead.i18n import set_language
from teamlead.ui.main_window import MainWindow
from teamlead.ui.settings_actions import apply_settings
from teamlead.ui.sidebar import NARROW_WIDTH, SETTING, SidebarChoice, choice_after_toggle, sidebar_shown
from teamlead.ui.widgets.filter_bar import SEARCH_MIN_WIDTH
from teamlead.ui.widgets.key_column import KEY_MIN_WIDTH
from teamlead.ui.widgets.record_table import CARD_KEY_MIN_WIDTH, RecordTable
from tests.ui.conftest import TODAY

WindowMaker = Callable[[Database], MainWindow]

# section: (its search fields, its main table and that table's key column), by attribute name
SECTIONS: dict[str, tuple[tuple[str, ...], tuple[str, int] | None]] = {
    "dashboard": ((), None),
    "partners": (("filter_edit",), ("table", 0)),
    "people": (("filter_edit",), ("table", 0)),
    "notes": (("partner",), ("table", 5)),
    "whotocall": (("picker",), None),
    "meetings": (("search",), ("table", 2)),
    "agreements": (("search",), ("table", 2)),
    "reports": ((), None),
    "network": ((), None),
}


@pytest.fixture
def demo(sqlite_database: Database) -> Database:
    """The small demo, in Dutch: layouts are a matter of the screen, not of the backend."""
    generate_demo(sqlite_database, "small", seed=1, today=TODAY)
    set_language("nl")
    return sqlite_database


def sized(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size().toTuple() == (width, height), timeout=5_000)


def show(qtbot: QtBot, window: MainWindow, key: str) -> QWidget:
    window.go_to_section(key)
    view = window.current_view()
    qtbot.waitUntil(lambda: bool(getattr(view, "is_loaded", True)), timeout=10_000)
    qtbot.waitUntil(lambda: not window.context.tasks.busy, timeout=10_000)
    return view


def outside_the_window(window: MainWindow, view: QWidget) -> list[str]:
    """Buttons, fields and lists of ``view`` (outside scroll areas, which may scroll) that do not lie wholly
    inside the window."""
    right, bottom = window.width(), window.height()
    found = []
    for widget in view.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(
            widget, QAbstractButton | QComboBox | QLineEdit | QAbstractScrollArea
        ):
            continue
        parent = widget.parentWidget()
        scrolled = False
        while parent is not None and parent is not view:
            if isinstance(parent, QAbstractScrollArea | QComboBox):
                scrolled = True
            parent = parent.parentWidget()
        if scrolled:
            continue
        corner = widget.mapTo(window, QPoint(widget.width(), widget.height()))
        if corner.x() > right or corner.y() > bottom or widget.width() < 20:
            found.append(f"{type(widget).__name__} {widget.objectName()} {widget.geometry()}")
    return found


@pytest.mark.parametrize("size", [(960, 600), (1366, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_section_fits_the_window_with_its_search_box_and_key_column(
    qtbot: QtBot, make_window: WindowMaker, demo: Database, size: tuple[int, int]
) -> None:
    window = make_window(demo)
    sized(qtbot, window, *size)
    assert window.sidebar_shown == (size[0] >= NARROW_WIDTH)
    for key, (fields, table) in SECTIONS.items():
        view = show(qtbot, window, key)
        assert window.size().toTuple() == size, key
        assert window.minimumSizeHint().width() <= size[0], key
        assert window.minimumSizeHint().height() <= size[1], key
        assert outside_the_window(window, view) == [], key
        for name in fields:
            field = getattr(view, name)
            assert field.isVisible(), (key, name)
            assert field.width() >= SEARCH_MIN_WIDTH, (key, name, field.width())
        if table is not None:
            name, column = table
            grid: QTableView = getattr(view, name)
            assert not grid.isColumnHidden(column), key
            assert grid.columnWidth(column) >= KEY_MIN_WIDTH, (key, grid.columnWidth(column))
            assert grid.columnViewportPosition(column) + KEY_MIN_WIDTH <= grid.viewport().width(), key
        if key == "dashboard":
            for card in view.findChildren(RecordTable):
                keys = [n for n, c in enumerate(card.model().columns) if not c.width]  # type: ignore[attr-defined]
                assert card.columnWidth(keys[0]) >= CARD_KEY_MIN_WIDTH, card.accessibleName()


def test_a_meeting_page_fits_960_by_600(qtbot: QtBot, make_window: WindowMaker, demo: Database) -> None:
    window = make_window(demo)
    sized(qtbot, window, 960, 600)
    view = show(qtbot, window, "meetings")
    row = view.proxy.index(0, 0)  # type: ignore[attr-defined]
    view.table.setCurrentIndex(row)  # type: ignore[attr-defined]
    view.open_selected()  # type: ignore[attr-defined]
    page = view.page  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.meeting_id is not None and not window.context.tasks.busy, timeout=10_000)
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        assert window.size().toTuple() == (960, 600)
        assert window.minimumSizeHint().height() <= 600
        assert outside_the_window(window, view) == [], page.tabs.tabText(tab)


def press_ctrl_b(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_b_shows_the_hidden_sidebar_of_a_narrow_window_and_hides_it_again(
    qtbot: QtBot, make_window: WindowMaker, demo: Database, qsettings: QSettings
) -> None:
    window = make_window(demo)
    sized(qtbot, window, 960, 600)
    assert not window.sidebar.isVisible()
    assert not window.actions_by_name["sidebar"].isChecked()

    press_ctrl_b(qtbot, window)
    assert window.sidebar.isVisible()
    assert window.actions_by_name["sidebar"].isChecked()
    assert window.size().toTuple() == (960, 600)  # the sidebar and the dashboard still fit
    assert qsettings.value(SETTING) == "shown"

    press_ctrl_b(qtbot, window)
    assert not window.sidebar.isVisible()
    assert qsettings.value(SETTING) == "auto"  # what the width does anyway is no choice
    sized(qtbot, window, 1366, 768)
    assert window.sidebar.isVisible()


def test_a_sidebar_hidden_in_a_wide_window_stays_hidden_in_the_next_one(
    qtbot: QtBot, make_window: WindowMaker, demo: Database
) -> None:
    window = make_window(demo)
    sized(qtbot, window, 1366, 768)
    assert window.sidebar.isVisible()
    press_ctrl_b(qtbot, window)
    assert not window.sidebar.isVisible()
    window.close()

    again = make_window(demo)
    sized(qtbot, again, 1920, 1080)
    assert not again.sidebar.isVisible()
    assert not again.actions_by_name["sidebar"].isChecked()
    old_menu = again.menuBar().findChild(QMenu, "viewMenu")
    apply_settings(again, "en")  # a language switch rebuilds the window: the choice holds
    assert not again.sidebar.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(old_menu))  # its Ctrl+B goes with it
    press_ctrl_b(qtbot, again)
    assert again.sidebar.isVisible()


@pytest.mark.parametrize(
    ("shown_now", "width", "choice"),
    [
        (False, 960, SidebarChoice.SHOWN),
        (True, 960, SidebarChoice.AUTO),
        (True, 1366, SidebarChoice.HIDDEN),
        (False, 1366, SidebarChoice.AUTO),
    ],
)
def test_a_toggle_is_remembered_only_where_it_differs_from_the_width(
    shown_now: bool, width: int, choice: SidebarChoice
) -> None:
    assert choice_after_toggle(shown_now, width) is choice
    assert sidebar_shown(choice, width) is not shown_now
