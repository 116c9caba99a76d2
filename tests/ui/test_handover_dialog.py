"""File → Handover…: the dialog driven through its real widgets on the small demo, down to the folder written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database
from teamlead.demo import generate_demo
from teamlead.ui.handover_dialog import HandoverDialog
from teamlead.ui.main_window import MainWindow
from tests.reports.readback import pdf_text
from tests.ui.conftest import TODAY

WindowMaker = Callable[[Database], MainWindow]


@pytest.fixture
def demo(sqlite_database: Database) -> Database:
    generate_demo(sqlite_database, "small", seed=1, today=TODAY)
    return sqlite_database


def _open_dialog(qtbot: QtBot, window: MainWindow) -> HandoverDialog:
    action = window.findChild(QAction, "handover")
    assert action is not None
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()  # type: ignore[union-attr]
    action.trigger()
    found: list[HandoverDialog] = []

    def shown() -> bool:
        found[:] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, HandoverDialog) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=5_000)
    dialog = found[0]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.district.is_loaded and bool(dialog.name_edit.text()), timeout=10_000)
    return dialog


def test_the_dialog_writes_the_folder_and_opens_it(
    qtbot: QtBot,
    make_window: WindowMaker,
    demo: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(demo)
    dialog = _open_dialog(qtbot, window)
    district = dialog.district.currentText()
    assert district  # the user's (the database's only) district, chosen for them
    assert dialog.name_edit.text() == f"Handover {district} {TODAY.isoformat()}"
    out = tmp_path / "out"
    out.mkdir()
    dialog.parent_edit.setText(str(out))
    assert not dialog.open_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_writing, timeout=60_000) as written:
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    folder = out / f"Handover {district} {TODAY.isoformat()}"
    assert written.args is not None
    assert written.args[0].folder == folder
    names = sorted(path.name for path in folder.iterdir())
    assert len(names) == 4
    assert "README.txt" in names
    for name in names:
        assert name in dialog.status.text()
    assert "Who is who per neighbourhood" in pdf_text(next(folder.glob("*.pdf")))

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(folder)]

    # The same folder again: refused at once, the folder left as it was.
    with qtbot.waitSignal(dialog.failed, timeout=5_000) as failed:
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert failed.args is not None
    assert "already exists" in failed.args[0]
    assert sorted(path.name for path in folder.iterdir()) == names


def test_a_missing_parent_folder_is_refused_and_nothing_is_made(
    qtbot: QtBot, make_window: WindowMaker, demo: Database, tmp_path: Path
) -> None:
    window = make_window(demo)
    dialog = _open_dialog(qtbot, window)
    out = tmp_path / "out"
    out.mkdir()
    dialog.parent_edit.setText(str(out / "nowhere"))
    with qtbot.waitSignal(dialog.failed, timeout=5_000) as failed:
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert failed.args is not None
    assert "does not exist" in failed.args[0]
    assert list(out.iterdir()) == []
