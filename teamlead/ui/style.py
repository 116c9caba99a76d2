"""The app's few style rules: a calm sidebar, readable headings, cards on the dashboard.

Style sheets are slow to apply (every widget under one is re-polished through Qt's style-sheet style), so the
frame styles its own widgets with fonts and palette roles (:func:`heading`, :func:`mute`, :func:`card`),
keeps a style sheet on the sidebar only, and gives views that use the property-based rules below
(``viewHeading``, ``muted``, ``cardTitle``...) :data:`VIEW_STYLE` on the view itself. Colours come from the
palette, so the platform's look (and a dark theme) shows through. The style sheets and the icon are
shipped files (``resources/styles``, ``resources/icons``).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QIcon, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from teamlead.resource_files import resource

SIDEBAR_POINTS = 11
SIDEBAR_STYLE = resource("styles", "sidebar.qss").read_text(encoding="utf-8")
VIEW_STYLE = resource("styles", "views.qss").read_text(encoding="utf-8")


def heading(label: QLabel, points: float = 17, weight: QFont.Weight = QFont.Weight.DemiBold) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(points)
    font.setWeight(weight)
    label.setFont(font)
    return label


def mute(label: QLabel) -> QLabel:
    """Secondary text: the palette's placeholder colour."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    return label


def card(frame: QFrame) -> QFrame:
    """A panel on the base colour with a thin border, for the dashboard's lists and counts."""
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setBackgroundRole(QPalette.ColorRole.Base)
    frame.setAutoFillBackground(True)
    return frame


def uses_view_style(view: QWidget) -> bool:
    """Views style themselves unless they say otherwise (``styled_by_frame = False`` opts out)."""
    return bool(getattr(view, "styled_by_frame", True))


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@cache
def app_icon() -> QIcon:
    """The app's icon at every size it ships (PNG: no SVG plugin needed), for the application and its windows."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource("icons", f"teamlead-{size}.png")), QSize(size, size))
    return icon
