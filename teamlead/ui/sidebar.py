"""The main window's sidebar of sections, and when it shows.

The sidebar takes some 190-215 pixels; beside Outlook on half a laptop screen (960 pixels) that is room a
list needs more. So it hides by itself when the window is narrower than :data:`NARROW_WIDTH`, and comes back
when the window is wide again, unless the user said otherwise with View ▸ Show sidebar (Ctrl+B). That choice
is remembered only while it differs from what the width would do: hiding it again in a narrow window (where
it would be hidden anyway) hands the decision back to the width. The sections stay one key away either way
(Ctrl+1…9 and the Go menu).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from teamlead.i18n import tr
from teamlead.ui.style import SIDEBAR_POINTS, SIDEBAR_STYLE

NARROW_WIDTH = 1100
"""Below this window width the sidebar hides by itself."""
SETTING = "window/sidebar"


class SidebarChoice(StrEnum):
    """What the user chose for the sidebar; ``AUTO`` lets the window's width decide."""

    AUTO = "auto"
    SHOWN = "shown"
    HIDDEN = "hidden"


def sidebar_shown(choice: SidebarChoice, window_width: int) -> bool:
    if choice is SidebarChoice.AUTO:
        return window_width >= NARROW_WIDTH
    return choice is SidebarChoice.SHOWN


def choice_after_toggle(shown_now: bool, window_width: int) -> SidebarChoice:
    """The user flipped the sidebar: a choice the width would make anyway is no choice (back to AUTO)."""
    wanted = not shown_now
    if wanted == sidebar_shown(SidebarChoice.AUTO, window_width):
        return SidebarChoice.AUTO
    return SidebarChoice.SHOWN if wanted else SidebarChoice.HIDDEN


def load_choice(qsettings: QSettings) -> SidebarChoice:
    value = str(qsettings.value(SETTING, SidebarChoice.AUTO.value))
    return SidebarChoice(value) if value in SidebarChoice._value2member_map_ else SidebarChoice.AUTO


def save_choice(qsettings: QSettings, choice: SidebarChoice) -> None:
    qsettings.setValue(SETTING, choice.value)


def apply_choice(sidebar: QListWidget, choice: SidebarChoice, window_width: int) -> bool:
    """Show or hide the sidebar as the choice and the window's width say; whether it is shown."""
    shown = sidebar_shown(choice, window_width)
    # Left to the width, the sidebar never holds the window wide: asked for 960 pixels, it gets them and the
    # sidebar hides (it is only shown from NARROW_WIDTH on, where it has its full width).
    # (1, not 0: a minimum of 0 means "the list's own minimum size hint").
    sidebar.setMinimumWidth(1 if choice is SidebarChoice.AUTO else sidebar.maximumWidth())
    if shown == sidebar.isHidden():
        sidebar.setVisible(shown)
    return shown


def make_sidebar(titles: list[str]) -> QListWidget:
    """The list of sections, as wide as its longest title in its own font."""
    sidebar = QListWidget()
    sidebar.setObjectName("sidebar")
    sidebar.setStyleSheet(SIDEBAR_STYLE)
    sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    sidebar.setAccessibleName(tr("Sections"))
    sidebar.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    for title in titles:
        QListWidgetItem(title, sidebar)
    sidebar.setFixedWidth(sidebar_width(sidebar, titles))
    return sidebar


def sidebar_width(sidebar: QListWidget, titles: list[str]) -> int:
    """Wide enough for the longest title in the sidebar's own font (the style sheet sets 11 pt), plus the
    item's padding and margins, so Dutch titles are never cut off."""
    font = QFont(sidebar.font())
    font.setPointSizeF(SIDEBAR_POINTS)
    metrics = QFontMetrics(font)
    widest = max((metrics.horizontalAdvance(title) for title in titles), default=100)
    return max(180, widest + 2 * 16 + 2 * 8 + 24)
