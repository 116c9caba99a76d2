"""Settings › Districts, neighbourhoods and domains: the lists a team lead keeps, and what changes them.

Every change is written at once, in one transaction through :mod:`teamlead.services.geography` and
:mod:`teamlead.services.geography_merge`, and announced as ``Change.GEOGRAPHY`` so every picker and filter in
the app offers the new names at once. Before a merge or a delete the page says what will move or why it
cannot; nothing in use is deleted, and default domains are renamed only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from teamlead.data.queries.geography import (
    DistrictRow,
    DomainRow,
    Geography,
    NeighbourhoodRow,
    geography,
    in_use_message,
)
from teamlead.i18n import tr
from teamlead.rules.text import identity_key
from teamlead.rules.vocabulary import Change
from teamlead.services import geography as places
from teamlead.services import geography_merge
from teamlead.ui.context import AppContext
from teamlead.ui.geography.dialogs import MergeDialog, NameDialog, show_refusal
from teamlead.ui.geography.models import DistrictModel, DomainModel, NeighbourhoodModel, default_domain_note
from teamlead.ui.geography.panel import ListPanel
from teamlead.ui.geography.rights import limit_buttons
from teamlead.ui.style import mute
from teamlead.ui.widgets.forms import confirm
from teamlead.ui.widgets.keys import tab_order

Row = DistrictRow | NeighbourhoodRow | DomainRow


@dataclass(frozen=True)
class _Kind:
    """What one list's actions call: the services, and the dialogs' titles."""

    add_title: str
    rename_title: str
    add: Callable[[Session, str, int | None, datetime], int]
    rename: Callable[[Session, Any, str, int | None, datetime], None]
    merge: Callable[[Session, Any, int, datetime], None]
    delete: Callable[[Session, Any, datetime], None]


class GeographyPage(QWidget):
    """Three lists side by side: districts, neighbourhoods (of the chosen district, or all) and domains."""

    loaded = Signal()
    """The lists are on screen (after each load)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("geographyPage")
        self._context = context
        self.data = Geography((), (), ())
        self.is_loaded = False
        self._pending: tuple[ListPanel, int] | None = None
        self._loading = False
        self.districts = ListPanel(tr("Dis&tricts"), DistrictModel(self), "districts")
        self.neighbourhoods = ListPanel(tr("&Neighbourhoods"), NeighbourhoodModel(self), "neighbourhoods")
        self.domains = ListPanel(tr("D&omains"), DomainModel(self), "domains")
        self.district_filter = QComboBox()
        self.district_filter.setObjectName("neighbourhoodDistrict")
        self.district_filter.setAccessibleName(tr("Neighbourhoods of district"))
        self.district_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        filter_label = QLabel(tr("Distr&ict:"))
        filter_label.setBuddy(self.district_filter)
        self.neighbourhoods.bar.addWidget(filter_label)
        self.neighbourhoods.bar.addWidget(self.district_filter)
        self._kinds = {
            self.districts: _Kind(
                tr("Add a district"),
                tr("Rename district"),
                lambda s, name, _d, now: places.add_district(s, name, now=now),
                lambda s, row, name, _d, now: places.rename_district(
                    s, row.id, name, expected_version=row.version, now=now
                ),
                lambda s, row, target, now: geography_merge.merge_districts(
                    s, row.id, target, expected_version=row.version, now=now
                ),
                lambda s, row, now: places.delete_district(s, row.id, expected_version=row.version, now=now),
            ),
            self.neighbourhoods: _Kind(
                tr("Add a neighbourhood"),
                tr("Rename or move neighbourhood"),
                lambda s, name, district, now: places.add_neighbourhood(s, district or 0, name, now=now),
                lambda s, row, name, district, now: places.rename_neighbourhood(
                    s, row.id, name, district_id=district, expected_version=row.version, now=now
                ),
                lambda s, row, target, now: geography_merge.merge_neighbourhoods(
                    s, row.id, target, expected_version=row.version, now=now
                ),
                lambda s, row, now: places.delete_neighbourhood(
                    s, row.id, expected_version=row.version, now=now
                ),
            ),
            self.domains: _Kind(
                tr("Add a domain"),
                tr("Rename domain"),
                lambda s, name, _d, now: places.add_domain(s, name, now=now),
                lambda s, row, name, _d, now: places.rename_domain(
                    s, row.id, name, expected_version=row.version, now=now
                ),
                lambda s, row, target, now: geography_merge.merge_domains(
                    s, row.id, target, expected_version=row.version, now=now
                ),
                lambda s, row, now: places.delete_domain(s, row.id, expected_version=row.version, now=now),
            ),
        }
        hint = mute(
            QLabel(
                tr(
                    "Changes here are saved at once. A rename keeps every link; a merge moves everything "
                    "to the other one; what is in use cannot be deleted."
                )
            )
        )
        hint.setWordWrap(True)
        lists = QHBoxLayout()
        lists.addWidget(self.districts, 3)
        lists.addWidget(self.neighbourhoods, 5)
        lists.addWidget(self.domains, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(lists, 1)
        for panel in self._kinds:
            panel.add_button.clicked.connect(lambda _c=False, p=panel: self.add(p))
            panel.rename_button.clicked.connect(lambda _c=False, p=panel: self.rename(p))
            panel.merge_button.clicked.connect(lambda _c=False, p=panel: self.merge(p))
            panel.delete_button.clicked.connect(lambda _c=False, p=panel: self.delete(p))
            panel.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.districts.table.selectionModel().selectionChanged.connect(self._district_picked)
        self.district_filter.activated.connect(self._show_neighbourhoods)
        tab_order(  # column by column, as read: each list, then its buttons
            *self.districts.inputs(),
            self.district_filter,
            *self.neighbourhoods.inputs(),
            *self.domains.inputs(),
        )
        context.data_changed.connect(self._data_changed)
        self._update_buttons()
        self.reload()

    # --- loading --------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self._context.read(geography, self._show, key="settings.geography")

    def _data_changed(self, what: Change) -> None:
        if what not in (Change.SETTINGS, Change.CALENDAR):  # the counts change with partners, notes, ...
            self.reload()

    def _show(self, loaded: Geography) -> None:
        self.data = loaded
        pending = self._pending
        self._pending = None

        def keep(panel: ListPanel) -> int | None:
            return pending[1] if pending is not None and pending[0] is panel else None

        self._loading = True  # restoring the selection is not the user picking a district
        self.districts.set_rows(loaded.districts, keep(self.districts))
        self._loading = False
        self._fill_filter()
        if pending is not None and pending[0] is self.neighbourhoods:
            self._filter_to_district_of(pending[1])
        self._show_neighbourhoods(keep=keep(self.neighbourhoods))
        self.domains.set_rows(loaded.domains, keep(self.domains))
        if pending is not None:
            pending[0].table.setFocus()
        self._update_buttons()
        self.is_loaded = True
        self.loaded.emit()

    def _fill_filter(self) -> None:
        current = self.district_filter.currentData()
        self.district_filter.clear()
        self.district_filter.addItem(tr("All districts"), None)
        for district in self.data.districts:
            self.district_filter.addItem(district.name, district.id)
        self.district_filter.setCurrentIndex(max(0, self.district_filter.findData(current)))

    def _filter_to_district_of(self, neighbourhood_id: int) -> None:
        found = next((n for n in self.data.neighbourhoods if n.id == neighbourhood_id), None)
        if found is not None and self.district_filter.currentData() not in (None, found.district_id):
            self.district_filter.setCurrentIndex(self.district_filter.findData(found.district_id))

    def _district_picked(self, *_args: object) -> None:
        """Choosing a district in its list shows its neighbourhoods beside it."""
        district_id = self.districts.current_id()
        if district_id is not None and not self._loading:
            self.district_filter.setCurrentIndex(max(0, self.district_filter.findData(district_id)))
            self._show_neighbourhoods()

    def _show_neighbourhoods(self, *_args: object, keep: int | None = None) -> None:
        district_id = self.district_filter.currentData()
        shown = [n for n in self.data.neighbourhoods if district_id is None or n.district_id == district_id]
        self.neighbourhoods.set_rows(shown, keep)
        self.neighbourhoods.table.setColumnHidden(1, district_id is not None)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        for panel, everything in (
            (self.districts, self.data.districts),
            (self.neighbourhoods, self.data.neighbourhoods),
            (self.domains, self.data.domains),
        ):
            row = panel.current()
            fixed = isinstance(row, DomainRow) and row.is_default
            panel.rename_button.setEnabled(row is not None)
            panel.merge_button.setEnabled(row is not None and not fixed and len(everything) > 1)
            panel.delete_button.setEnabled(row is not None and not fixed)
            for button in (panel.merge_button, panel.delete_button):
                button.setToolTip(default_domain_note() if fixed else panel.hints[button])
        has_district = bool(self.data.districts)
        self.neighbourhoods.add_button.setEnabled(has_district)
        add = self.neighbourhoods.add_button
        add.setToolTip(
            self.neighbourhoods.hints[add]
            if has_district
            else tr("Add a district first: a neighbourhood lies in one.")
        )
        selected = self.neighbourhoods.current()
        limit_buttons(
            self._context.identity,
            (self.districts, self.domains),
            self.neighbourhoods,
            selected.district_id if isinstance(selected, NeighbourhoodRow) else None,
        )

    # --- actions --------------------------------------------------------------------------------------------

    def _district_choices(self) -> list[tuple[int, str]]:
        """The districts a neighbourhood may be put in: a team lead's or colleague's own (the server refuses
        others), every district for anyone else."""
        own = self._context.identity.district_ids if self._context.identity is not None else ()
        return [(d.id, d.name) for d in self.data.districts if not own or d.id in own]

    def add(self, panel: ListPanel) -> NameDialog:
        kind = self._kinds[panel]
        now = self._context.now()
        district: int | None = None
        if panel is self.neighbourhoods:
            district = self.district_filter.currentData() or self.districts.current_id()
            if district is None and self.data.districts:
                district = self.data.districts[0].id

        def work(name: str, chosen: int | None) -> Callable[[Session], Any]:
            return lambda session: kind.add(session, name, chosen, now)

        dialog = NameDialog(
            self._context,
            kind.add_title,
            tr("&Add"),
            work,
            districts=self._district_choices() if panel is self.neighbourhoods else None,
            district_id=district,
            parent=self,
        )
        dialog.saved.connect(lambda new_id: self._select_later(panel, new_id))
        dialog.open()
        return dialog

    def rename(self, panel: ListPanel) -> NameDialog | None:
        row = panel.current()
        if row is None:
            return None
        kind = self._kinds[panel]
        now = self._context.now()

        def work(name: str, chosen: int | None) -> Callable[[Session], Any]:
            return lambda session: kind.rename(session, row, name, chosen, now)

        dialog = NameDialog(
            self._context,
            kind.rename_title,
            tr("&Rename"),
            work,
            name=row.label if isinstance(row, DomainRow) else row.name,
            districts=self._district_choices() if isinstance(row, NeighbourhoodRow) else None,
            district_id=row.district_id if isinstance(row, NeighbourhoodRow) else None,
            parent=self,
        )
        dialog.saved.connect(lambda _result: self._select_later(panel, row.id))
        dialog.open()
        return dialog

    def merge(self, panel: ListPanel) -> MergeDialog | None:
        row = panel.current()
        if row is None:
            return None
        kind = self._kinds[panel]
        targets = [(other.id, self._label(other)) for other in self._all(panel) if other.id != row.id]
        if isinstance(row, NeighbourhoodRow):  # its own district's neighbourhoods first
            home = {n.id for n in self.data.neighbourhoods if n.district_id == row.district_id}
            targets.sort(key=lambda target: target[0] not in home)
        dialog = MergeDialog(
            tr("Merge {name}", name=self._label(row)),
            targets,
            lambda target: self.merge_text(row, target),
            parent=self,
        )

        def chosen(target: int) -> None:
            now = self._context.now()
            confirm(
                self,
                tr(
                    "Merge {name} into {target}?", name=self._label(row), target=self._label_of(panel, target)
                ),
                f"{self.merge_text(row, target)} {tr('This cannot be undone.')}",
                tr("&Merge"),
                lambda: self._write(lambda session: kind.merge(session, row, target, now), panel, target),
            )

        dialog.chosen.connect(chosen)
        dialog.open()
        return dialog

    def merge_text(self, row: Row, target_id: int) -> str:
        """What a merge of ``row`` into ``target_id`` moves, in words (the merge dialog and its question)."""
        panel = self._panel_of(row)
        target = self._label_of(panel, target_id)
        name = self._label(row)
        if row.usage.in_use:
            text = tr(
                "Everything that uses {name} moves to {target} ({what}); then {name} is removed.",
                name=name,
                target=target,
                what=row.usage.describe(),
            )
        else:
            text = tr("Nothing uses {name}; it is removed.", name=name)
        if isinstance(row, DistrictRow):
            theirs = {identity_key(n.name) for n in self.data.neighbourhoods if n.district_id == target_id}
            namesakes = [
                n.name
                for n in self.data.neighbourhoods
                if n.district_id == row.id and identity_key(n.name) in theirs
            ]
            if namesakes:
                text += " " + tr(
                    "Neighbourhoods of the same name in both become one: {names}.", names=", ".join(namesakes)
                )
        return text

    def delete(self, panel: ListPanel) -> QMessageBox | None:
        row = panel.current()
        if row is None:
            return None
        kind = self._kinds[panel]
        name = self._label(row)
        if row.usage.in_use:
            return self._refuse_delete(panel, row)
        now = self._context.now()
        return confirm(
            self,
            tr("Delete {name}?", name=name),
            tr("Nothing uses {name}. Delete it? This cannot be undone.", name=name),
            tr("&Delete"),
            lambda: self._write(lambda session: kind.delete(session, row, now), panel, None),
        )

    def _refuse_delete(self, panel: ListPanel, row: Row) -> QMessageBox:
        """In use: say what uses it, and offer the merge instead."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            tr("{name} is in use", name=self._label(row)),
            in_use_message(self._label(row), row.usage),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("geographyInUse")
        merge = box.addButton(tr("&Merge into…"), QMessageBox.ButtonRole.AcceptRole)
        merge.setEnabled(panel.merge_button.isEnabled())
        close = box.addButton(tr("&Close"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(merge if merge.isEnabled() else close)
        box.setEscapeButton(close)

        def finished() -> None:
            if box.clickedButton() is merge:
                self.merge(panel)

        box.finished.connect(finished)
        box.open()
        return box

    # --- writing --------------------------------------------------------------------------------------------

    def _write(self, work: Callable[[Session], Any], panel: ListPanel, select: int | None) -> None:
        def done(_result: Any) -> None:
            if select is not None:
                self._select_later(panel, select)

        self._context.write(work, done, changed=Change.GEOGRAPHY, on_error=self._refused)

    def _refused(self, error: BaseException) -> None:
        """A refusal (in use, changed meanwhile) in words; a bug through the app's error report."""
        if show_refusal(self, self._context, error, "geographyRefused"):
            self.reload()

    def _select_later(self, panel: ListPanel, record_id: int | None) -> None:
        """Select ``record_id`` in ``panel`` once the reload this write caused is on screen."""
        if record_id is not None:
            self._pending = (panel, int(record_id))
            if not self._context.tasks.busy:
                self.reload()

    # --- names ----------------------------------------------------------------------------------------------

    def _panel_of(self, row: Row) -> ListPanel:
        if isinstance(row, DistrictRow):
            return self.districts
        return self.neighbourhoods if isinstance(row, NeighbourhoodRow) else self.domains

    def _all(self, panel: ListPanel) -> tuple[Row, ...]:
        if panel is self.districts:
            return self.data.districts
        return self.data.neighbourhoods if panel is self.neighbourhoods else self.data.domains

    def _label(self, row: Row) -> str:
        """A row's name as lists show it; a neighbourhood with its district when there are several."""
        if isinstance(row, DomainRow):
            return row.label
        if isinstance(row, NeighbourhoodRow) and len(self.data.districts) > 1:
            return f"{row.name} ({row.district})"
        return row.name

    def _label_of(self, panel: ListPanel, record_id: int) -> str:
        found = next((row for row in self._all(panel) if row.id == record_id), None)
        return self._label(found) if found is not None else str(record_id)
