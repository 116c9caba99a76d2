"""The Partners section: the roster (type-to-filter, filters, sortable columns), the partner's page beside."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.filter_choices import Choices, choices
from teamlead.data.queries.roster import roster
from teamlead.i18n import tr, trn
from teamlead.rules import words
from teamlead.rules.vocabulary import Change, RecordKind
from teamlead.ui.context import AppContext
from teamlead.ui.partners.detail import OrganisationPane
from teamlead.ui.partners.model import (
    Entry,
    Light,
    PartnerFilterProxy,
    PartnerTableModel,
    light_text,
    prepare,
)
from teamlead.ui.widgets.filter_bar import SEARCH_MIN_WIDTH, FlowLayout, labelled
from teamlead.ui.widgets.inputs import clear_on_escape
from teamlead.ui.widgets.key_column import KeyColumn
from teamlead.ui.widgets.loading import LoadingNote, count_or_loading
from teamlead.ui.widgets.splitter import DetailSplitter

PAGE_WIDTH = 420
"""The partner's page: wide enough for its form in Dutch; the roster takes the rest of the window."""
RELOAD_ON = frozenset(
    {Change.ORGANISATION, Change.PERSON, Change.NOTE, Change.AGREEMENT, Change.GEOGRAPHY, Change.ALL}
)


class PartnersView(QWidget):
    """The roster of partners; selecting one shows its page on the right."""

    loaded = Signal()
    """The roster rows are on screen (after each load)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._choices = Choices((), (), ())
        self._pending_select: int | None = None
        self.is_loaded = False
        """True once the first rows are on screen (the frame's ready check reads it)."""

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(tr("Type to filter by name, domain, neighbourhood or person"))
        self.filter_edit.setClearButtonEnabled(True)
        filter_label = QLabel(tr("&Filter:"))
        filter_label.setBuddy(self.filter_edit)
        self.filter_edit.setAccessibleName(tr("Filter partners"))
        self.district = QComboBox()
        self.domain = QComboBox()
        self.neighbourhood = QComboBox()
        self.status = QComboBox()
        self.new_button = QPushButton(tr("&New partner…"))
        self.count_label = QLabel()

        bar = FlowLayout()
        bar.add_widget(labelled(filter_label, self.filter_edit, min_width=SEARCH_MIN_WIDTH), 2)
        for text, combo, every in (
            (tr("Dis&trict:"), self.district, tr("All districts")),
            (tr("Do&main:"), self.domain, tr("All domains")),
            (tr("Neigh&bourhood:"), self.neighbourhood, tr("All neighbourhoods")),
            (tr("Stat&us:"), self.status, tr("Active and former")),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            combo.setAccessibleName(text.replace("&", "").rstrip(":"))
            # As wide as the choice it starts on ("Alle stadsdelen" was cut to "Alle stadsdeler"); a longer
            # name is elided, so a long neighbourhood never pushes the filter row wider.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(max(8, len(every)))
            bar.add_widget(labelled(label, combo))
        bar.add_widget(self.new_button)

        self.model = PartnerTableModel(self)
        self.proxy = PartnerFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("partnersTable")
        self.table.setAccessibleName(tr("Partners"))
        self.loading = LoadingNote(self.table, self.count_label)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PartnerTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._size_columns()
        self.key_column = KeyColumn(
            self.table, PartnerTableModel.NAME, keep=(PartnerTableModel.LAST_CONTACT,)
        )

        self.pane = OrganisationPane(context)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.count_label)
        splitter = DetailSplitter(left, self.pane, PAGE_WIDTH)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.filter_edit, self.district)
        self.setTabOrder(self.district, self.domain)
        self.setTabOrder(self.domain, self.neighbourhood)
        self.setTabOrder(self.neighbourhood, self.status)
        self.setTabOrder(self.status, self.new_button)
        self.setTabOrder(self.new_button, self.table)

        self.filter_edit.textChanged.connect(self.set_filter_text)
        clear_on_escape(self.filter_edit)
        self.filter_edit.returnPressed.connect(self._focus_table)
        for combo in (self.district, self.domain, self.neighbourhood, self.status):
            combo.activated.connect(self.reload)
        self.district.activated.connect(self._fill_neighbourhoods)
        self.new_button.clicked.connect(self.new_partner)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._edit_selected)  # Enter or a double click: on to the partner's form
        self.pane.saved.connect(self._select_after_save)
        context.data_changed.connect(self._data_changed)
        self._fill_status()
        self._reload_choices()
        self.reload()

    def title(self) -> str:
        return tr("Partners")

    def _size_columns(self) -> None:
        """Fixed widths that fit their headers in either language; the name takes the rest."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for column, width in ((1, 75), (2, 110), (3, 85), (4, 95), (5, 70)):
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(width, metrics.horizontalAdvance(text) + 28))
        lights = max(self.table.fontMetrics().horizontalAdvance(light_text(light)) for light in Light)
        header.resizeSection(PartnerTableModel.STAY_IN_TOUCH, max(header.sectionSize(4), lights + 40))

    # --- loading ----------------------------------------------------------------------------------------

    def _data_changed(self, what: Change) -> None:
        if what in RELOAD_ON:
            self.reload()
            self.pane.reload()
        if what in (Change.ALL, Change.ORGANISATION, Change.GEOGRAPHY):
            self._reload_choices()
        if what is Change.OFFERS:
            self.pane.reload_offers()

    def _reload_choices(self) -> None:
        self._context.read(choices, self._show_choices, key="partners.choices")

    def _show_choices(self, loaded: Choices) -> None:
        self._choices = loaded
        for combo, items, every in (
            (self.district, loaded.districts, tr("All districts")),
            (self.domain, loaded.domains, tr("All domains")),
        ):
            current = combo.currentData()
            combo.clear()
            combo.addItem(every, None)
            for choice in items:
                combo.addItem(choice.name, choice.id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self._fill_neighbourhoods()
        self.pane.set_choices(loaded)

    def _fill_neighbourhoods(self, *_args: object) -> None:
        district_id = self.district.currentData()
        current = self.neighbourhood.currentData()
        self.neighbourhood.clear()
        self.neighbourhood.addItem(tr("All neighbourhoods"), None)
        for choice in self._choices.neighbourhoods:
            if district_id is None or choice.group_id == district_id:
                self.neighbourhood.addItem(choice.name, choice.id)
        self.neighbourhood.setCurrentIndex(max(0, self.neighbourhood.findData(current)))

    def _fill_status(self) -> None:
        self.status.addItem(tr("Active and former"), None)
        for key, name in words.organisation_status_names().items():
            self.status.addItem(name, key)
        self.status.setCurrentIndex(self.status.findData("active"))

    def reload(self, *_args: object) -> None:
        """Ask the database for the partners matching the combos (SQL); the text filter stays in memory."""
        filters: dict[str, Any] = {
            "district_id": self.district.currentData(),
            "domain_id": self.domain.currentData(),
            "neighbourhood_id": self.neighbourhood.currentData(),
            "status": self.status.currentData(),
        }
        today = self._context.today()

        def load(session: Session) -> list[Entry]:
            return prepare(roster(session, today=today, **filters))  # folded here, off the GUI thread

        self._context.read(load, self._show_rows, key="partners.rows")

    def _show_rows(self, entries: list[Entry]) -> None:
        selected = self.pane.organisation_id()
        self.model.set_rows(entries)
        self.loading.done()
        self._update_count()
        wanted = self._pending_select or selected
        self._pending_select = None
        if wanted is not None:
            self.select_organisation(wanted, load=False)
        elif not self.is_loaded and self.proxy.rowCount():
            self.table.selectRow(0)  # a partner's page rather than an empty form to start with
        self.is_loaded = True
        self.loaded.emit()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            count_or_loading(
                self.loading,
                trn("{count} partner", "{count} partners", total)
                if shown == total
                else trn("{shown} of {count} partner", "{shown} of {count} partners", total, shown=shown),
            )
        )

    # --- filtering and selection ------------------------------------------------------------------------

    def set_filter_text(self, text: str) -> None:
        selected = self.table.selectionModel().selectedRows()
        organisation_id = selected[0].data(PartnerTableModel.IdRole) if selected else None
        self.proxy.set_text(text)
        if organisation_id is not None:  # still listed: selected again, its page left as it is
            source_row = self.model.source_row_of(organisation_id)
            index = (
                self.proxy.mapFromSource(self.model.index(source_row, 0)) if source_row is not None else None
            )
            if index is not None and index.isValid():
                self.table.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        self._update_count()

    def _focus_table(self) -> None:
        self.table.setFocus()
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            organisation_id = indexes[0].data(PartnerTableModel.IdRole)
            if organisation_id != self.pane.organisation_id():
                self.pane.show_organisation(organisation_id)

    def select_organisation(self, organisation_id: int, *, load: bool = True) -> bool:
        """Select the partner's row (clearing a text filter that hides it); False when it is not listed."""
        source_row = self.model.source_row_of(organisation_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        if load and self.pane.organisation_id() != organisation_id:
            self.pane.show_organisation(organisation_id)
        return True

    def open_record(self, kind: RecordKind, record_id: int) -> bool:
        """Show a partner, even when the combos hide it: they are reset."""
        if kind != RecordKind.ORGANISATION:
            return False
        if not self.select_organisation(record_id):
            for combo, default in ((self.district, None), (self.domain, None), (self.neighbourhood, None)):
                combo.setCurrentIndex(max(0, combo.findData(default)))
            self.status.setCurrentIndex(0)
            self._pending_select = record_id
            self.reload()
        self.pane.show_organisation(record_id)
        return True

    def _edit_selected(self, *_args: object) -> None:
        self.pane.tabs.setCurrentIndex(0)
        self.pane.editor.name.setFocus()

    def new_partner(self) -> None:
        self.table.clearSelection()
        self.pane.start_new(self.district.currentData())

    def _select_after_save(self, organisation_id: int) -> None:
        """Select the saved partner once the roster has reloaded (the save triggers the reload)."""
        self._pending_select = organisation_id
