"""Settings › Signal themes and offers, driven by keyboard and mouse: add and rename a theme (its report key
stays), a default theme cannot be deleted (the button says why; the service's refusal is shown in words), an
offer is deleted only after the page said which partners lose it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.offers import Offer, organisation_offer
from teamlead.data.signals import Theme
from teamlead.rules.vocabulary import Change
from teamlead.services import key_contacts, signal_lists
from teamlead.ui.context import AppContext
from teamlead.ui.geography.dialogs import NameDialog
from teamlead.ui.geography.panel import ListPanel
from teamlead.ui.geography.signal_lists_page import SignalListsPage
from teamlead.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import seed
from tests.ui.geography.driving import answer, press, settle, showing

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@dataclass(frozen=True)
class Open:
    dialog: SettingsDialog
    page: SignalListsPage
    context: AppContext
    youth_work: int


@pytest.fixture
def opened(qtbot: QtBot, sqlite_database: Database) -> Iterator[Open]:
    """Settings on its third tab; youth work offers a room."""
    seeded = seed(sqlite_database)
    with sqlite_database.begin() as session:
        room = signal_lists.add_offer(session, "Ruimte voor overleg")
        signal_lists.add_offer(session, "Tolk")
        key_contacts.set_offers(session, seeded.youth_work, [room], expected_version=1)
    errors: list[str] = []
    context = AppContext(sqlite_database)
    context.tasks.error_reporter = errors.append
    host = QWidget()
    host.resize(1366, 768)
    host.show()
    dialog = SettingsDialog(context, host)
    dialog.show_tab(SettingsDialog.SIGNAL_LISTS)
    dialog.show()
    settle(qtbot, context)
    yield Open(dialog, dialog.signal_lists, context, seeded.youth_work)
    context.tasks.shutdown()
    host.close()
    assert errors == []


def cells(panel: ListPanel, column: int = 0) -> list[str]:
    return [str(panel.model.index(row, column).data()) for row in range(panel.model.rowCount())]


def pick(panel: ListPanel, name: str) -> None:
    panel.select(next(row.id for row in panel.model.rows() if name in (row.name, getattr(row, "label", ""))))


def test_add_and_rename_a_theme_its_key_stays(qtbot: QtBot, opened: Open) -> None:
    page = opened.page
    themes = page.themes
    assert cells(themes) == [
        "Unrest",
        "Drugs",
        "Weapons",
        "School absence",
        "Online",
        "Exploitation",
        "Nuisance",
        "Other",
    ]  # the default themes, in English

    press(qtbot, themes, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = showing(page, NameDialog)
    assert dialog.windowTitle() == "Add a theme"
    qtbot.keyClicks(dialog.name, "Vuurwerk")
    with qtbot.waitSignal(opened.context.data_changed) as changed:
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert changed.args == [Change.THEMES]
    settle(qtbot, opened.context)
    assert themes.current() is not None
    assert themes.current().label == "Vuurwerk"
    assert cells(themes, 1)[-1] == "signals_theme_vuurwerk"

    press(qtbot, themes, Qt.Key.Key_F2)
    dialog = showing(page, NameDialog)
    assert dialog.windowTitle() == "Rename theme"
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Vuurwerk en explosieven")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    settle(qtbot, opened.context)
    assert cells(themes)[-1] == "Vuurwerk en explosieven"
    assert cells(themes, 1)[-1] == "signals_theme_vuurwerk"  # the district report's key stays
    with opened.context.database.begin() as session:
        assert session.scalar(select(Theme.name).where(Theme.key == "vuurwerk")) == "Vuurwerk en explosieven"

    # A user-made theme no signal has is deleted after a question.
    assert themes.delete_button.isEnabled()
    press(qtbot, themes, Qt.Key.Key_Delete)
    text = answer(qtbot, page, "confirmBox", "Delete")
    assert "No signal has Vuurwerk en explosieven" in text
    settle(qtbot, opened.context)
    assert "Vuurwerk en explosieven" not in cells(themes)


def test_a_default_theme_is_renamed_but_not_deleted(qtbot: QtBot, opened: Open) -> None:
    page = opened.page
    themes = page.themes
    drugs = next(row for row in themes.model.rows() if row.key == "drugs")
    themes.select(drugs.id)
    assert not themes.delete_button.isEnabled()
    assert "can be renamed but not deleted" in themes.delete_button.toolTip()
    assert themes.rename_button.isEnabled()

    # Asked anyway (a click cannot reach a disabled button; the page's own action can): refused in words.
    page.delete(themes)
    settle(qtbot, opened.context)
    box = next(
        b for b in page.findChildren(QMessageBox) if b.isVisible() and b.objectName() == "signalListRefused"
    )
    assert "Drugs is one of the default themes" in box.text()
    box.close()
    with opened.context.database.begin() as session:
        assert session.scalar(select(Theme.id).where(Theme.key == "drugs")) == drugs.id

    press(qtbot, themes, Qt.Key.Key_Return)  # Enter renames
    dialog = showing(page, NameDialog)
    assert dialog.name.text() == "Drugs"
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Drugs en dealen")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    settle(qtbot, opened.context)
    assert "Drugs en dealen" in cells(themes)


def test_add_an_offer_and_delete_one_a_partner_has_after_confirming(qtbot: QtBot, opened: Open) -> None:
    page = opened.page
    offers = page.offers
    assert cells(offers) == ["Ruimte voor overleg", "Tolk"]
    assert cells(offers, 1) == ["1", "0"]

    press(qtbot, offers, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = showing(page, NameDialog)
    assert dialog.windowTitle() == "Add an offer"
    qtbot.keyClicks(dialog.name, "tolk")  # the same name: refused beside the field, the dialog stays
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    settle(qtbot, opened.context)
    assert dialog.form.error_text("name") == "There is already an offer called Tolk."
    dialog.name.clear()
    with qtbot.waitSignal(opened.context.data_changed) as changed:
        qtbot.keyClicks(dialog.name, "Straatpresentie")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert changed.args == [Change.OFFERS]
    settle(qtbot, opened.context)
    assert cells(offers) == ["Ruimte voor overleg", "Tolk", "Straatpresentie"]

    pick(offers, "Ruimte voor overleg")
    press(qtbot, offers, Qt.Key.Key_Delete)
    box = next(b for b in page.findChildren(QMessageBox) if b.isVisible() and b.objectName() == "confirmBox")
    assert "1 partner offers Ruimte voor overleg" in box.text()
    answer(qtbot, page, "confirmBox", "Cancel")  # not yet
    settle(qtbot, opened.context)
    assert "Ruimte voor overleg" in cells(offers)
    press(qtbot, offers, Qt.Key.Key_Delete)
    answer(qtbot, page, "confirmBox", "Delete")
    settle(qtbot, opened.context)
    assert cells(offers) == ["Tolk", "Straatpresentie"]
    with opened.context.database.begin() as session:
        assert session.scalar(select(Offer.id).where(Offer.name == "Ruimte voor overleg")) is None
        assert list(session.execute(select(organisation_offer))) == []


def test_default_themes_read_in_dutch(qtbot: QtBot, opened: Open) -> None:
    from teamlead.i18n import set_language

    set_language("nl")
    opened.page.reload()
    settle(qtbot, opened.context)
    assert cells(opened.page.themes)[:4] == ["Onrust", "Drugs", "Wapens", "Schoolverzuim"]
