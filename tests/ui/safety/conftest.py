"""Helpers for the safety dialogs: answer a modal dialog the way a user would, start the real window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from teamlead.ui.main_window import MainWindow
from teamlead.ui.safety.startup import SafeStart
from teamlead.ui.tasks import TaskRunner


def answer_modal[W: QWidget](
    kind: type[W], act: Callable[[W], Any], seen: list[Any] | None = None, *, name: str | None = None
) -> list[Any]:
    """When a modal ``kind`` (with object name ``name``, if given) shows, call ``act`` on it (which should
    close it); what ``act`` returns is appended to the returned list."""
    results: list[Any] = [] if seen is None else seen

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible() and name in (None, widget.objectName()):
            results.append(act(widget))
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return results


@dataclass
class Started:
    window: MainWindow
    start: SafeStart
    codes: list[int] = field(default_factory=list)

    def finished(self) -> bool:
        return bool(self.codes) or self.window.has_context


@pytest.fixture
def start_window(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[[str], Started]]:
    """Start the real main window on a database as the app does (SafeStart), not waiting for the result."""
    made: list[Started] = []

    def start(target: str) -> Started:
        settings = QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(None, qsettings=settings)
        qtbot.addWidget(window)
        tasks = TaskRunner()
        started = Started(
            window, SafeStart(window, tasks, target, exit_when_ready=False, finish=lambda c: None)
        )
        started.start._finish = started.codes.append
        window.show()
        started.start.start()
        made.append(started)
        return started

    yield start
    for started in made:
        if started.window.has_context:
            started.window.context.tasks.shutdown(wait=True)
            started.window.context.database.dispose()
