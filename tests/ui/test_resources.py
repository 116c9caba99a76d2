"""The shipped files reach the screen: the window has the app's icon at every size, the style sheets load."""

from __future__ import annotations

from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from teamlead.ui.main_window import MainWindow
from teamlead.ui.style import ICON_SIZES, SIDEBAR_STYLE, VIEW_STYLE


def test_the_window_has_the_app_icon_at_every_size(qtbot: QtBot) -> None:
    window = MainWindow(None)
    qtbot.addWidget(window)
    icon = window.windowIcon()
    assert not icon.isNull()
    assert sorted(size.width() for size in icon.availableSizes()) == sorted(ICON_SIZES)
    image = icon.pixmap(QSize(32, 32)).toImage()
    assert image.pixelColor(16, 2).blue() > image.pixelColor(16, 2).red()  # the city's blue, not a blank


def test_the_style_sheets_are_the_shipped_ones() -> None:
    assert "QListWidget#sidebar" in SIDEBAR_STYLE
    assert "QLabel#viewHeading" in VIEW_STYLE
