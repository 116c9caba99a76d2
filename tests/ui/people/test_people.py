"""People and roles as a user handles them: change a role, end it, move someone, copy a number."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from teamlead.data.roster import Role
from teamlead.i18n import set_language
from teamlead.ui.context import AppContext
from teamlead.ui.people.dialogs import ChangeRoleDialog, EndRoleDialog, MovePersonDialog
from teamlead.ui.people.models import PeopleTableModel
from teamlead.ui.people.view import PeopleView
from tests.ui.partners.conftest import Seed, settle

# The completion popup asks the offscreen test platform for things it cannot do (raise, grab the keyboard).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def open_view(qtbot: QtBot, context: AppContext, host: QWidget, person_id: int) -> PeopleView:
    view = PeopleView(context, host)
    view.resize(1300, 700)
    view.show()
    settle(qtbot, context)
    assert view.open_record("person", person_id)
    settle(qtbot, context)
    view.pane.tabs.setCurrentIndex(1)
    view.pane.roles_view.selectRow(0)
    return view


def history(view: PeopleView) -> list[tuple[str, str, str, str]]:
    model = view.pane.roles
    return [
        tuple(model.index(r, c).data() for c in (model.TITLE, model.ORGANISATION, model.FROM, model.TO))  # type: ignore[misc]
        for r in range(model.rowCount())
    ]


def test_people_table_shows_current_roles_and_filters(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    view = open_view(qtbot, context, host, seed.police_officer)
    row = [view.model.index(0, c).data() for c in range(5)]
    assert row == [
        "Sanne de Vries",
        "Wijkagent",
        "Politie Team Slotervaart",
        "06 5555 1234",
        "sanne@politie.example",
    ]
    qtbot.keyClicks(view.filter_edit, "nobody")
    assert view.model.rowCount() == 0
    assert view.count_label.text() == "0 of 1 person"
    view.filter_edit.clear()
    qtbot.keyClicks(view.filter_edit, "wijkagent")
    assert view.model.index(0, PeopleTableModel.NAME).data() == "Sanne de Vries"


def test_change_a_role_keeps_the_old_one_in_the_history(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    view = open_view(qtbot, context, host, seed.police_officer)
    qtbot.mouseClick(view.pane.change_role_button, Qt.MouseButton.LeftButton)
    dialog = view.pane.findChild(ChangeRoleDialog)
    assert dialog is not None
    dialog.title.setText("Teamchef")
    dialog.on.line.selectAll()
    qtbot.keyClicks(dialog.on.line, "15 mrch")  # a typo: refused beside the field, nothing changed
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert dialog.form.error_text("started_on").startswith("“15 mrch” is not a date.")
    assert dialog.isVisible()
    assert history(view)[0][0] == "Wijkagent"
    dialog.on.line.selectAll()
    qtbot.keyClicks(dialog.on.line, "15 march")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert history(view) == [
        ("Teamchef", "Politie Team Slotervaart", "2026-03-15", "now"),
        ("Wijkagent", "Politie Team Slotervaart", "2025-06-04", "2026-03-14"),
    ]
    assert view.model.index(0, PeopleTableModel.ROLE).data() == "Teamchef"


def test_end_a_role_and_move_a_person(qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed) -> None:
    view = open_view(qtbot, context, host, seed.police_officer)
    qtbot.mouseClick(view.pane.move_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    dialog = view.pane.findChild(MovePersonDialog)
    assert dialog is not None
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # no organisation chosen yet
    settle(qtbot, context)
    assert dialog.form.error_text("organisation_id") == "Choose the organisation from the list."
    qtbot.keyClicks(dialog.organisation.line, "jongeren")
    qtbot.keyClick(dialog.organisation.line, Qt.Key.Key_Return)  # picks the first match
    assert dialog.organisation.value() == seed.youth_work
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert [(t, o, end) for t, o, _start, end in history(view)] == [
        ("Wijkagent", "Jongerenwerk Nieuw-West", "now"),
        ("Wijkagent", "Politie Team Slotervaart", "2026-03-30"),
    ]
    view.pane.roles_view.selectRow(0)
    qtbot.mouseClick(view.pane.end_role_button, Qt.MouseButton.LeftButton)
    ending = view.pane.findChild(EndRoleDialog)
    assert ending is not None
    qtbot.mouseClick(ending.ok, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert [end for _t, _o, _s, end in history(view)] == ["2026-03-31", "2026-03-30"]
    assert QApplication.activeModalWidget() is None


def open_move_dialog(qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed) -> MovePersonDialog:
    view = open_view(qtbot, context, host, seed.police_officer)
    qtbot.mouseClick(view.pane.move_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    dialog = view.pane.findChild(MovePersonDialog)
    assert dialog is not None
    return dialog


def roles_of_the_officer(context: AppContext, seed: Seed) -> int:
    with context.database.session() as session:
        return len(session.scalars(select(Role).where(Role.person_id == seed.police_officer)).all())


@pytest.mark.parametrize("language", ["en", "nl"])
def test_enter_in_move_picks_the_organisation_and_never_moves(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed, language: str
) -> None:
    set_language(language)  # the dialog is made in the language
    dialog = open_move_dialog(qtbot, context, host, seed)
    line = dialog.organisation.line
    assert dialog.organisation.offered() == [
        "Jongerenwerk Nieuw-West",
        "Montessori College Öztürk",
    ]  # not the police
    line.setFocus()
    qtbot.keyClicks(line, "NIEUW")
    popup = dialog.organisation.completer.popup()
    assert popup is not None
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert (line.text(), dialog.organisation.value()) == ("Jongerenwerk Nieuw-West", seed.youth_work)
    qtbot.keyClick(line, Qt.Key.Key_Return)  # one Enter too many: still only picks
    line.selectAll()
    qtbot.keyClicks(line, "bestaat niet")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    settle(qtbot, context)
    assert dialog.isVisible()
    assert dialog.organisation.value() is None
    assert (
        dialog.organisation.message.text()
        == {
            "en": "No organisation is called bestaat niet.",
            "nl": "Er is geen organisatie die bestaat niet heet.",
        }[language]
    )
    assert roles_of_the_officer(context, seed) == 1  # nobody moved


def test_enter_in_the_role_field_moves(qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed) -> None:
    dialog = open_move_dialog(qtbot, context, host, seed)
    dialog.organisation.line.setFocus()
    qtbot.keyClicks(dialog.organisation.line, "jongerenwerk nieuw-west")
    qtbot.keyClick(dialog.organisation.line, Qt.Key.Key_Return)
    dialog.title.setFocus()
    dialog.title.selectAll()
    qtbot.keyClicks(dialog.title, "Jongerenwerker")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)  # a single-line field: Enter presses Move
    settle(qtbot, context)
    assert roles_of_the_officer(context, seed) == 2  # the old role ended, the new one started


def test_click_a_number_to_copy_it(qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed) -> None:
    view = open_view(qtbot, context, host, seed.police_officer)
    assert view.pane.phone_copy.value() == "06 5555 1234"
    with qtbot.waitSignal(view.pane.phone_copy.copied):
        qtbot.mouseClick(view.pane.phone_copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "06 5555 1234"
    assert view.pane.phone_copy.text() == "Copied: 06 5555 1234"


def test_a_bad_email_is_refused_beside_the_field(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    view = open_view(qtbot, context, host, seed.police_officer)
    view.pane.tabs.setCurrentIndex(0)
    view.pane.email.clear()
    qtbot.keyClicks(view.pane.email, "sanne@@politie")
    qtbot.mouseClick(view.pane.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert view.pane.form.error_text("email") == "sanne@@politie is not a valid e-mail address."
    qtbot.mouseClick(view.pane.undo_button, Qt.MouseButton.LeftButton)
    assert view.pane.email.text() == "sanne@politie.example"
