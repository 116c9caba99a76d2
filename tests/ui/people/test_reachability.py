"""When a person can be reached, ticked as a user ticks it: on their page (Alt+B reaches the first window) and
in the "Add a person" dialog; saved with the rest of the person, shown on their partner's page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from teamlead.data.roster import Person
from teamlead.ui.context import AppContext
from teamlead.ui.partners.people_model import PartnerPeopleModel
from teamlead.ui.partners.view import PartnersView
from teamlead.ui.people.dialogs import AddPersonDialog
from teamlead.ui.people.view import PeopleView
from tests.ui.partners.conftest import Seed, settle


def stored(context: AppContext, name: str) -> tuple[str, str]:
    with context.database.begin() as session:
        person = session.scalars(select(Person).where(Person.name == name)).one()
        return person.reachability, person.phone


def test_tick_windows_on_the_persons_page_and_save(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    view = PeopleView(context, host)
    view.resize(1300, 700)
    view.show()
    settle(qtbot, context)
    assert view.open_record("person", seed.police_officer)
    settle(qtbot, context)
    pane = view.pane
    boxes = pane.reachability.boxes
    assert [box.text() for box in boxes.values()] == [
        "Office hours (Mon–Fri 9–17)",
        "Evening (17–23)",
        "Night (23–7)",
        "Weekend",
    ]
    assert not any(box.isChecked() for box in boxes.values())
    assert not pane.save_button.isEnabled()

    label = next(label for label in pane.findChildren(QLabel) if label.buddy() is pane.reachability)
    assert label.text() == "Reacha&ble"  # Alt+B: a letter no menu and no other field of the page has
    pane.reachability.setFocus()  # what the mnemonic does: the first window gets the focus
    assert QApplication.focusWidget() is boxes["office"]
    qtbot.keyClick(boxes["office"], Qt.Key.Key_Space)
    qtbot.mouseClick(boxes["evening"], Qt.MouseButton.LeftButton)
    assert pane.save_button.isEnabled()
    pane.phone.setText("06 5555 9999")
    pane.phone.textEdited.emit(pane.phone.text())
    with qtbot.waitSignal(context.data_changed):
        qtbot.mouseClick(pane.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert stored(context, "Sanne de Vries") == ("office,evening", "06 5555 9999")
    assert [window for window, box in boxes.items() if box.isChecked()] == ["office", "evening"]
    assert not pane.save_button.isEnabled()

    # Cleared again: saved as "nobody said".
    qtbot.mouseClick(boxes["office"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(boxes["evening"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pane.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert stored(context, "Sanne de Vries")[0] == ""


def test_add_a_person_reachable_in_the_evening_shows_on_the_partners_page(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    view = PartnersView(context, host)
    view.resize(1300, 700)
    view.show()
    settle(qtbot, context)
    assert view.open_record("organisation", seed.youth_work)
    settle(qtbot, context)
    qtbot.mouseClick(view.pane.add_person_button, Qt.MouseButton.LeftButton)
    dialog = view.pane.findChild(AddPersonDialog)
    assert dialog is not None
    qtbot.keyClicks(dialog.name, "Karim El Amrani")
    qtbot.keyClicks(dialog.title, "Jongerenwerker")
    qtbot.mouseClick(dialog.reachability.boxes["evening"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.reachability.boxes["weekend"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert stored(context, "Karim El Amrani")[0] == "evening,weekend"
    roles = view.pane.roles
    # the partner's only person: its key contact at once
    assert roles.index(0, PartnerPeopleModel.PERSON).data() == "★ Karim El Amrani"
    assert roles.index(0, PartnerPeopleModel.REACHABLE).data() == "Evening (17–23), Weekend"
    # the only person now: the form offers them as key contact
    form = view.pane.editor
    assert [form.key_contact.itemText(i) for i in range(form.key_contact.count())] == [
        "(none chosen)",
        "Karim El Amrani",
    ]
