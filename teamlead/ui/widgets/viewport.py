"""A scroll area's viewport, asked for without making PySide6 load every widget class first.

``QAbstractScrollArea.viewport()`` returns a ``QWidget*`` that Qt made, so PySide6 has to find out which
Python class wraps it: it checks every subclass of ``QWidget`` (the wizard, the font dialog, the MDI area and
some 40 more), loading each with all its enums. The first such call cost 15-20 ms, and the dashboard's tables
made it before the window's first paint. Asked for by its type and name, the same widget comes wrapped as a
plain ``QWidget`` in a tenth of a millisecond; ``viewport()`` returns that wrapper from then on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

VIEWPORT_NAME = "qt_scrollarea_viewport"
"""The object name Qt gives the viewport it makes for every scroll area (``QAbstractScrollAreaPrivate``)."""


def viewport_of(area: QAbstractScrollArea) -> QWidget:
    """``area.viewport()``, without the class search when Qt made the viewport (see the module's note)."""
    found = area.findChild(QWidget, VIEWPORT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return found if isinstance(found, QWidget) else area.viewport()
