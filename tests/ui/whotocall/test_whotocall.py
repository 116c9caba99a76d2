"""Who to call on a curfew night: type the neighbourhood, see every active partner there with its numbers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from teamlead.ui.context import AppContext
from teamlead.ui.notes.dialog import NoteDialog
from teamlead.ui.whotocall.view import WhoToCallView
from teamlead.ui.widgets.copy_label import CopyLabel
from tests.ui.partners.conftest import Seed, settle

# The completion popup asks the offscreen test platform for things it cannot do (raise, grab the keyboard).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_type_a_neighbourhood_and_call(qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed) -> None:
    view = WhoToCallView(context, host)
    view.show()
    settle(qtbot, context)
    assert view.summary.text().startswith("Choose a neighbourhood")
    qtbot.keyClicks(view.picker.line, "Wildemanbuurt")
    qtbot.keyClick(view.picker.line, Qt.Key.Key_Return)
    settle(qtbot, context)
    assert view.summary.text() == "2 active partners serve Wildemanbuurt."
    assert [(g.domain, [p.name for p in g.partners]) for g in view.groups] == [
        ("Social", ["Jongerenwerk Nieuw-West"]),
        ("Safety", ["Politie Team Slotervaart"]),
    ]
    phones = [label for label in view.findChildren(CopyLabel) if label.objectName() == "callPhone"]
    assert [label.value() for label in phones] == ["06 5555 1234"]
    qtbot.mouseClick(phones[0], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "06 5555 1234"

    qtbot.mouseClick(view.log_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    dialog = view.findChild(NoteDialog)
    assert dialog is not None
    assert dialog.kind.currentText() == "Signal"
    assert dialog.neighbourhood.line.text() == "Wildemanbuurt"
    dialog.reject()


def test_a_partner_that_left_is_not_called(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    from teamlead.services.organisations import archive_organisation

    with context.database.begin() as session:
        archive_organisation(session, seed.youth_work, expected_version=1)
    view = WhoToCallView(context, host)
    settle(qtbot, context)
    view.show_neighbourhood(seed.wildeman)
    settle(qtbot, context)
    assert [p.name for g in view.groups for p in g.partners] == ["Politie Team Slotervaart"]
