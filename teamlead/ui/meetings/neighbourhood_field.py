"""The meeting dialogs' optional neighbourhood: the neighbourhoods of the district the form shows, and "(none)".

A local reflection about one neighbourhood belongs to it (its answers show on that neighbourhood's page). When
the form's district changes, a neighbourhood of the old one is let go rather than refused at saving.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from teamlead.data.queries.districts import NeighbourhoodRef
from teamlead.data.queries.meeting_neighbourhood import NeighbourhoodChoices, meeting_neighbourhood_choices
from teamlead.i18n import tr
from teamlead.ui.context import AppContext


class NeighbourhoodField(QComboBox):
    """Pick the neighbourhood a meeting is about, among those of ``district_id``; None: about none."""

    loaded = Signal()
    """The neighbourhoods are in (tests and forms wait for it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("neighbourhoodField")
        self.setToolTip(tr("The neighbourhood this meeting is about, if one (a local reflection's)"))
        self._all: tuple[NeighbourhoodRef, ...] = ()
        self._district_id: int | None = None
        self._wanted: int | None = None
        self.is_loaded = False
        self._fill()
        self.activated.connect(self._picked)

    def start(self, context: AppContext, meeting_id: int | None = None) -> None:
        """Load the neighbourhoods (and the meeting's own) in the background."""
        context.read(
            lambda session: meeting_neighbourhood_choices(session, meeting_id),
            self._loaded,
            key=f"neighbourhood-field.{id(self)}",
        )

    def _loaded(self, choices: NeighbourhoodChoices) -> None:
        self._all = choices.neighbourhoods
        self._wanted = choices.current if self._wanted is None else self._wanted
        self.is_loaded = True
        self._fill()
        self.loaded.emit()

    def show_district(self, district_id: int | None) -> None:
        """Offer the neighbourhoods of ``district_id``; the one picked stays when it lies there."""
        self._district_id = district_id
        self._fill()

    def choose(self, neighbourhood_id: int | None) -> None:
        """Pick as the user would (a test, a form that knows it)."""
        self._wanted = neighbourhood_id
        self._fill()

    def neighbourhood_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def _picked(self, _index: int) -> None:
        self._wanted = self.neighbourhood_id()

    def _fill(self) -> None:
        blocked = self.blockSignals(True)
        self.clear()
        self.addItem(tr("(none)"), None)
        for ref in self._all:
            if ref.district_id == self._district_id:
                self.addItem(ref.name, ref.id)
        index = self.findData(self._wanted) if self._wanted is not None else 0
        self.setCurrentIndex(max(0, index))
        self.blockSignals(blocked)
