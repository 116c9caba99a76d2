"""A table's viewport is found without PySide6 loading every widget class: the dashboard's tables ask for
theirs before the window's first paint, where that search cost 15-20 ms."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot

from teamlead.ui.widgets.viewport import viewport_of

PROBE = """
import PySide6.QtWidgets as widgets
from PySide6.QtWidgets import QApplication, QTableView
from teamlead.ui.widgets.viewport import viewport_of
app = QApplication([])
table = QTableView()
viewport = viewport_of(table)
print("same" if viewport is table.viewport() else "other")
print("loaded" if "QWizard" in vars(widgets) else "not loaded")
QTableView().viewport()  # the plain call, on a table whose viewport has no wrapper yet
print("loaded" if "QWizard" in vars(widgets) else "not loaded")
"""


def test_the_viewport_is_the_one_qt_paints_rows_in(qtbot: QtBot) -> None:
    table = QTableView()
    qtbot.addWidget(table)
    assert viewport_of(table) is table.viewport()


def test_a_viewport_set_by_hand_is_found_too(qtbot: QtBot) -> None:
    table = QTableView()
    qtbot.addWidget(table)
    own = QWidget()
    table.setViewport(own)
    assert viewport_of(table) is own


def test_finding_it_loads_no_other_widget_class() -> None:
    """In a fresh process (this one has loaded them all long ago): the wizard's class stays unloaded by
    :func:`viewport_of`, and the plain ``viewport()`` on another table loads it, so the probe can tell."""
    environment = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=environment, timeout=60, check=True
    )
    assert result.stdout.split("\n")[:3] == ["same", "not loaded", "loaded"]
