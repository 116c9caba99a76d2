"""When a person can be reached: one checkbox per window (office hours, evening, night, weekend)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from teamlead.i18n import tr
from teamlead.rules.words import reach_window_names


class ReachabilityField(QWidget):
    """The four windows as checkboxes, two by two; its label's mnemonic focuses the first one."""

    changed = Signal()
    """The user ticked or cleared a window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reachability")
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for number, (window, name) in enumerate(reach_window_names().items()):
            box = QCheckBox(name)
            box.setObjectName(f"reach_{window}")
            box.setToolTip(tr("Amsterdam time; Who to call shows who is reachable now"))
            box.toggled.connect(self.changed)
            grid.addWidget(box, number // 2, number % 2)
            self.boxes[str(window)] = box
        grid.setColumnStretch(2, 1)
        self.setFocusProxy(next(iter(self.boxes.values())))

    def windows(self) -> list[str]:
        """The ticked windows (:class:`~teamlead.rules.vocabulary.ReachWindow` values), in their order."""
        return [window for window, box in self.boxes.items() if box.isChecked()]

    def set_windows(self, windows: Iterable[str]) -> None:
        """Tick ``windows`` and clear the others, without announcing it as the user's change."""
        wanted = {str(window) for window in windows}
        for window, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(window in wanted)
            box.blockSignals(False)
