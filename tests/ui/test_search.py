"""Global search: the results model without widgets, and the popup driven from the keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database
from teamlead.data.search import search
from teamlead.ui.main_window import MainWindow
from teamlead.ui.search.model import HEADER_ROLE, HTML_ROLE, TARGETS_ROLE, SearchResultsModel
from tests.ui.conftest import TODAY, seed

WindowMaker = Callable[[Database], MainWindow]


def test_results_are_grouped_by_kind_with_the_match_in_bold(database: Database) -> None:
    seeded = seed(database)
    with database.session() as session:
        results = search(session, "jongeren", today=TODAY)
    model = SearchResultsModel()
    model.set_results(results)
    rows = [
        (model.index(r).data(HEADER_ROLE), model.index(r).data(Qt.ItemDataRole.DisplayRole))
        for r in range(model.rowCount())
    ]
    assert rows[0] == (True, "Partners")
    assert rows[1][0] is False
    assert rows[1][1].startswith("Jongerenwerk Nieuw-West")
    assert "<b>Jongeren" in model.index(1).data(HTML_ROLE)
    assert model.index(1).data(TARGETS_ROLE)[0] == ("organisation", seeded.youth_work)
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.hit_rows()[0] == 1


def test_a_role_leads_to_its_person_then_its_organisation(database: Database) -> None:
    seeded = seed(database)
    with database.session() as session:
        results = search(session, "jongerenwerker", today=TODAY)
    model = SearchResultsModel()
    model.set_results(results)
    headings = [model.index(r).data() for r in range(model.rowCount()) if model.index(r).data(HEADER_ROLE)]
    assert "Roles" in headings
    role_row = next(r for r in model.hit_rows() if model.index(r).data(TARGETS_ROLE)[0][0] == "person")
    assert model.index(role_row).data(TARGETS_ROLE)[-1] == ("organisation", seeded.youth_work)


def test_ctrl_k_search_and_enter_opens_the_partner(
    qtbot: QtBot, make_window: WindowMaker, sqlite_database: Database
) -> None:
    seeded = seed(sqlite_database)
    window = make_window(sqlite_database)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup = window.search_popup
    assert popup is not None
    assert popup.isVisible()
    assert popup.input.hasFocus()
    with qtbot.waitSignal(popup.searched, timeout=5_000):
        qtbot.keyClicks(popup.input, "politie")
    assert popup.model.hit_rows()
    with qtbot.waitSignal(popup.opened) as opened:
        qtbot.keyClick(popup.input, Qt.Key.Key_Return)
    assert opened.args == ["organisation", seeded.police]
    assert not popup.isVisible()
    assert window.section_keys()[window.sidebar.currentRow()] == "partners"


def test_arrows_move_between_hits_and_escape_closes(
    qtbot: QtBot, make_window: WindowMaker, sqlite_database: Database
) -> None:
    seed(sqlite_database)
    window = make_window(sqlite_database)
    window.actions_by_name["search"].trigger()
    popup = window.search_popup
    assert popup is not None
    with qtbot.waitSignal(popup.searched, timeout=5_000):
        qtbot.keyClicks(popup.input, "nieuw")
    hits = popup.model.hit_rows()
    assert len(hits) >= 2
    assert popup.results.currentIndex().row() == hits[0]
    qtbot.keyClick(popup.input, Qt.Key.Key_Down)
    assert popup.results.currentIndex().row() == hits[1]
    qtbot.keyClick(popup.input, Qt.Key.Key_Up)
    qtbot.keyClick(popup.input, Qt.Key.Key_Up)
    assert popup.results.currentIndex().row() == hits[0]
    qtbot.keyClick(popup.input, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_nothing_found_says_so(qtbot: QtBot, make_window: WindowMaker, sqlite_database: Database) -> None:
    seed(sqlite_database)
    window = make_window(sqlite_database)
    window.open_search()
    popup = window.search_popup
    assert popup is not None
    with qtbot.waitSignal(popup.searched, timeout=5_000):
        qtbot.keyClicks(popup.input, "xyzzy")
    assert popup.model.rowCount() == 0
    assert popup.status.text() == "Nothing found."


def test_all_results_of_a_kind_are_one_enter_away(
    qtbot: QtBot, make_window: WindowMaker, database: Database
) -> None:
    """Nine partners match, six are shown: Down past them reaches "Show all results for Partners…", Enter
    lists all nine under a heading that says so."""
    from teamlead.services.organisations import OrganisationInput, add_organisation
    from teamlead.ui.search.model import EXPAND_ROLE

    seed(database)
    with database.begin() as session:
        for number in range(1, 10):
            add_organisation(session, OrganisationInput(name=f"Speeltuin Zwaluw {number}"), today=TODAY)
    window = make_window(database)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup = window.search_popup
    assert popup is not None
    with qtbot.waitSignal(popup.searched, timeout=5_000):
        qtbot.keyClicks(popup.input, "zwaluw")
    model = popup.model
    assert len(model.hit_rows()) == 6
    for _ in range(6):
        qtbot.keyClick(popup.input, Qt.Key.Key_Down)
    current = popup.results.currentIndex()
    assert current.data() == "Show all results for Partners…"
    assert current.data(EXPAND_ROLE) is not None
    with qtbot.waitSignal(popup.searched, timeout=5_000):
        qtbot.keyClick(popup.input, Qt.Key.Key_Return)
    headings = [model.index(r).data() for r in range(model.rowCount()) if model.index(r).data(HEADER_ROLE)]
    assert headings == ["Partners: all 9"]
    assert len(model.hit_rows()) == 9
    assert popup.isVisible()
