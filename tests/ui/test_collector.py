"""Garbage collection only on the GUI thread, in the app and in the test suite's application."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import ClassVar

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from teamlead.ui.collector import GuiCollector, collect_due
from tests.ui.conftest import app_environment


class _Cycle:
    """A reference cycle that notes on which thread the collector freed it."""

    freed_on: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.freed_on.append(threading.current_thread().name)


CYCLES = 5 * gc.get_threshold()[0]


def _make_garbage_in_a_worker() -> None:
    def work() -> None:
        for _ in range(
            CYCLES
        ):  # far past the youngest generation's threshold: an automatic collection runs here
            _Cycle()

    worker = threading.Thread(target=work, name="worker")
    worker.start()
    worker.join()


def test_the_suites_application_collects_on_the_gui_thread_only(qapp: QApplication) -> None:
    assert not gc.isenabled()
    assert isinstance(qapp.findChild(GuiCollector, "guiCollector"), GuiCollector)


def test_garbage_made_in_a_worker_thread_is_collected_on_the_gui_thread(qtbot: QtBot) -> None:
    _Cycle.freed_on.clear()
    _make_garbage_in_a_worker()
    assert "worker" not in _Cycle.freed_on
    qtbot.waitUntil(lambda: len(_Cycle.freed_on) >= CYCLES, timeout=5000)  # the collector's timer ticked
    assert set(_Cycle.freed_on) == {threading.main_thread().name}


def test_a_due_collection_runs_by_the_automatic_collectors_thresholds(qapp: QApplication) -> None:
    gc.collect()
    assert collect_due() is None  # nothing allocated since: nothing due
    keep = [[] for _ in range(gc.get_threshold()[0] + 10)]
    assert collect_due() == 0
    assert keep


def test_the_app_turns_automatic_collection_off(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import argparse, gc
        from PySide6.QtWidgets import QApplication
        from teamlead.ui.app import run
        from teamlead.ui.collector import GuiCollector
        code = run(argparse.Namespace(database={str(tmp_path / "db.sqlite3")!r}, exit_when_ready=True))
        collector = QApplication.instance().findChild(GuiCollector, "guiCollector")
        print(code, gc.isenabled(), collector is not None)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=app_environment(tmp_path),
        timeout=120,
        check=False,
    )
    assert result.stdout.splitlines()[-1:] == ["0 False True"], result.stderr
