"""The app's few style rules: a calm sidebar, readable headings, cards on the dashboard.

Style sheets are slow to apply (every widget under one is re-polished through Qt's style-sheet style), so the
frame styles its own widgets with fonts and palette roles (:func:`heading`, :func:`mute`, :func:`card`),
keeps a style sheet on the sidebar only, and gives views that use the property-based rules below
(``viewHeading``, ``muted``, ``cardTitle``...) :data:`VIEW_STYLE` on the view itself. Colours come from the
palette, so the platform's look (and a dark theme) shows through.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QWidget

SIDEBAR_POINTS = 11
SIDEBAR_STYLE = """
QListWidget#sidebar {
    border: none;
    border-right: 1px solid palette(mid);
    background: palette(window);
    padding-top: 10px;
    font-size: 11pt;
    outline: 0;
}
QListWidget#sidebar::item {
    padding: 9px 16px;
    margin: 1px 8px;
    border-radius: 5px;
}
QListWidget#sidebar::item:selected {
    background: palette(highlight);
    color: palette(highlighted-text);
}
"""

VIEW_STYLE = """
QLabel#welcomeHeading, QLabel#viewHeading {
    font-size: 17pt;
    font-weight: 600;
}
QFrame#welcomeCard {
    background: palette(base);
    border: 1px solid palette(mid);
    border-radius: 8px;
}
QFrame[card="true"] {
    background: palette(base);
    border: 1px solid palette(midlight);
    border-radius: 6px;
}
QLabel[cardTitle="true"] {
    font-weight: 600;
    font-size: 11pt;
}
QLabel[countValue="true"] {
    font-size: 18pt;
    font-weight: 600;
}
QLabel[muted="true"] {
    color: palette(placeholder-text);
}
"""


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
