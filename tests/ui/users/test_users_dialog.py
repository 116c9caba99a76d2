"""File → Users…: an administrator adds, changes and removes users on a real server, and sees the list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from teamlead.services import users
from teamlead.ui.users.dialog import UsersDialog
from tests.access_world import AccessWorld
from tests.ui.safety.conftest import Started
from tests.ui.users.test_rights import shot, started_as

pytestmark = pytest.mark.postgres


def lines(dialog: UsersDialog) -> list[tuple[str, str, str]]:
    model = dialog.model
    return [tuple(model.display(row, column) for column in range(3)) for row in model.rows()]  # type: ignore[misc]


def open_users(window: object, qtbot: QtBot) -> UsersDialog:
    from teamlead.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    action = window.actions_by_name["users"]
    assert action.isVisible()
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(UsersDialog) is not None, timeout=5000)
    dialog = window.findChild(UsersDialog)
    assert isinstance(dialog, UsersDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    return dialog


def test_an_administrator_adds_changes_and_removes_a_user(
    start_window: Callable[[str], Started], qtbot: QtBot, world: AccessWorld, tmp_path: Path
) -> None:
    window = started_as(start_window, qtbot, world, "boss")
    assert window.actions_by_name["changes"].isVisible()
    dialog = open_users(window, qtbot)
    assert lines(dialog) == [
        ("boss", "Administrator", "All districts"),
        ("colleague", "Colleague", "Noord"),
        ("lead", "Team lead", "Noord"),
        ("town", "City", "All districts"),
    ]

    form = dialog.add_user()
    form.name.setText("marit")
    form.check_district("Noord")
    form.password.setText("Geheim-2026")
    form.repeat.setText("Geheim-2025")
    form.save_button.click()
    assert form.problem.text() == "The two passwords differ: type the same password twice."
    form.repeat.setText("Geheim-2026")
    form.save_button.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "Added marit (Team lead).", timeout=10_000)
    qtbot.waitUntil(lambda: ("marit", "Team lead", "Noord") in lines(dialog), timeout=10_000)
    qtbot.waitUntil(lambda: not isValid(form), timeout=5000)  # closed and gone, its password with it
    with world.owner.engine.connect() as connection:
        verifier = connection.exec_driver_sql(
            "SELECT rolpassword FROM pg_authid WHERE rolname = %s", (f"{world.prefix}__marit",)
        ).scalar()
    assert str(verifier).startswith("SCRAM-SHA-256$")

    again = dialog.add_user()
    again.name.setText("marit")
    again.check_district("Noord")
    again.save_button.click()
    qtbot.waitUntil(lambda: again.problem.text() == "There is already a user called marit.", timeout=10_000)
    again.reject()

    dialog.select("marit")
    change = dialog.change_selected()
    assert change is not None
    assert not change.name.isEnabled() or change.name.isReadOnly()
    change.role.setCurrentIndex(change.role.findData("colleague"))
    change.save_button.click()
    qtbot.waitUntil(lambda: ("marit", "Colleague", "Noord") in lines(dialog), timeout=10_000)

    dialog.resize(760, 420)
    qtbot.wait(100)
    assert dialog.grab().save(shot("users.png", tmp_path))

    dialog.select("marit")
    box = dialog.remove_selected()
    assert isinstance(box, QMessageBox)
    assert box.text().startswith("Remove marit? They can no longer log in")
    cancel = next(b for b in box.buttons() if b.text() == "Cancel")
    cancel.click()
    qtbot.wait(200)
    assert ("marit", "Colleague", "Noord") in lines(dialog)
    dialog.select("marit")
    box = dialog.remove_selected()
    assert isinstance(box, QMessageBox)
    remove = next(b for b in box.buttons() if b.text() == "&Remove")
    remove.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "Removed marit; open sessions ended: 0.", timeout=10_000)
    qtbot.waitUntil(lambda: "marit" not in [line[0] for line in lines(dialog)], timeout=10_000)
    assert "marit" not in [line.name for line in users.list_users(world.owner)]
    dialog.reject()
    assert QApplication.activeModalWidget() is None or not isinstance(
        QApplication.activeModalWidget(), UsersDialog
    )
    window.context.tasks.shutdown(wait=True)


def test_the_form_asks_a_district_of_a_team_lead(
    start_window: Callable[[str], Started], qtbot: QtBot, world: AccessWorld
) -> None:
    window = started_as(start_window, qtbot, world, "boss")
    dialog = open_users(window, qtbot)
    form = dialog.add_user()
    form.name.setText("Marit")
    form.save_button.click()
    assert form.problem.text().startswith("A user name is a lower-case letter")
    form.name.setText("marit")
    form.save_button.click()
    assert (
        form.problem.text() == "A team lead or colleague works in one or more districts: tick at least one."
    )
    form.role.setCurrentIndex(form.role.findData("city"))
    assert not form.districts.isEnabled()
    form.reject()
    dialog.reject()
    window.context.tasks.shutdown(wait=True)
