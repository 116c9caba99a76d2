"""The district field of every form that makes or edits a record (partner, note, meeting, series, agreement).

It shows the district the record will be stored in, by the one precedence of ``shared/interface.md``
("Districts"), the same rule the services apply (:func:`~teamlead.data.queries.default_district.district_for`
with the user's default): a form never shows "(none)" while the database has a district to offer. The user may
pick another; from then on the suggestions of the form (a neighbourhood or a partner picked later) no longer
move it. The form passes :meth:`DistrictField.district_id` to its service as the chosen district.

Use::

    self.district = DistrictField()
    form.add_field("district_id", tr("Dis&trict"), self.district)
    self.district.start(context, screen_district_id=view_district)      # districts + first suggestion
    self.district.suggest_from(context, organisation_ids=picked_ids)    # when an input of the rule changed
    ... district_id=self.district.district_id() ...
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from teamlead.data.queries.default_district import DistrictChoice, district_choice
from teamlead.i18n import tr
from teamlead.ui.context import AppContext


class _Named(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...


class DistrictField(QComboBox):
    """A district picker pre-filled by the precedence; "(no district)" only while there is nothing to show."""

    picked = Signal(object)
    """The user chose a district (its id)."""

    suggested = Signal(object)
    """A suggestion arrived (the id shown, or None); tests and forms wait for it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("districtField")
        self.user_picked = False
        """The user chose the district in this form: suggestions no longer change it."""
        self._kept = False  # the record's own district is shown: suggestions do not change it either
        self.is_loaded = False
        """The districts are in (until then the field shows what it was given, or nothing)."""
        self._wanted: int | None = None
        self.setToolTip(tr("The district this record counts in"))
        self._sync_items(())
        self.activated.connect(self._activated)

    # --- filling -------------------------------------------------------------------------------------------

    def set_districts(self, districts: Iterable[_Named]) -> None:
        """Offer these districts (by name), keeping the one shown."""
        self._sync_items(tuple((district.id, district.name) for district in districts))
        self.is_loaded = True

    def _sync_items(self, districts: Sequence[tuple[int, str]]) -> None:
        blocked = self.blockSignals(True)
        self.clear()
        for district_id, name in districts:
            self.addItem(name, district_id)
        self.blockSignals(blocked)
        self._show(self._wanted)

    def _show(self, district_id: int | None) -> None:
        """Show ``district_id``; a "(no district)" item exists only while nothing (known) is shown."""
        self._wanted = district_id
        none_index = self.findData(None)
        index = self.findData(district_id) if district_id is not None else -1
        if index < 0:
            if none_index < 0:
                self.insertItem(0, tr("(no district)"), None)
            self.setCurrentIndex(0)
        else:
            if none_index >= 0:
                self.removeItem(none_index)
            self.setCurrentIndex(self.findData(district_id))

    # --- what the record has, what the rule suggests, what the user picks ---------------------------------

    def set_district(self, district_id: int | None) -> None:
        """Show the district a record has (a form loading it, None for a new record or one without): a
        record's own district stays until the user picks another; without one, suggestions fill it in."""
        self.user_picked = False
        self._kept = district_id is not None
        self._show(district_id)

    def suggest(self, district_id: int | None) -> None:
        """Show what the precedence gives, unless the user picked a district or the record has its own."""
        if not (self.user_picked or self._kept):
            self._show(district_id)
        self.suggested.emit(self.district_id())

    def choose(self, district_id: int) -> None:
        """Pick a district as the user would (a test, a keyboard shortcut)."""
        self.user_picked = True
        self._show(district_id)
        self.picked.emit(district_id)

    def district_id(self) -> int | None:
        """The district shown: what the form passes to its service as the chosen one."""
        value = self.currentData()
        return int(value) if value is not None else None

    def _activated(self, _index: int) -> None:
        value = self.district_id()
        if value is not None:
            self.choose(value)

    # --- reading in the background -------------------------------------------------------------------------

    def start(
        self,
        context: AppContext,
        *,
        neighbourhood_id: int | None = None,
        screen_district_id: int | None = None,
        organisation_ids: Sequence[int] = (),
    ) -> None:
        """Load the districts and show what the precedence gives for these inputs."""
        self._read(context, neighbourhood_id, screen_district_id, organisation_ids)

    def suggest_from(
        self,
        context: AppContext,
        *,
        neighbourhood_id: int | None = None,
        screen_district_id: int | None = None,
        organisation_ids: Sequence[int] = (),
    ) -> None:
        """An input of the rule changed (a neighbourhood or partner picked): show what it gives now, unless
        the user picked a district. A newer call supersedes one still running."""
        self._read(context, neighbourhood_id, screen_district_id, organisation_ids)

    def _read(
        self,
        context: AppContext,
        neighbourhood_id: int | None,
        screen_district_id: int | None,
        organisation_ids: Sequence[int],
    ) -> None:
        ids = tuple(organisation_ids)
        context.read(
            lambda session: district_choice(
                session,
                neighbourhood_id=neighbourhood_id,
                screen_district_id=screen_district_id,
                organisation_ids=ids,
            ),
            self._loaded,
            key=f"district-field.{id(self)}",
        )

    def _loaded(self, choice: DistrictChoice) -> None:
        self.set_districts(choice.districts)
        self.suggest(choice.suggested)
