"""The Agreements section: the register of every agreement with filters (status, due, partner, meeting, text),
sortable columns, overdue ones in red, and the selected agreement's history and status change beside it.

Rows load once in the background and filter in memory, so a keystroke in a filter never waits on the database.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.agreements_register import (
    AgreementDetail,
    Register,
    agreement_detail,
    register_rows,
)
from teamlead.errors import UserError
from teamlead.i18n import tr, trn
from teamlead.rules import words
from teamlead.rules.vocabulary import OPEN_AGREEMENT_STATUSES, AgreementStatus, Change, RecordKind
from teamlead.ui.agreements.model import (
    COLUMNS,
    DUE_ANY,
    DUE_NONE,
    DUE_OVERDUE,
    DUE_TWO_WEEKS,
    AgreementFilter,
    AgreementTableModel,
    RegisterFilter,
)
from teamlead.ui.agreements.pane import AgreementPane
from teamlead.ui.context import AppContext
from teamlead.ui.widgets.filter_bar import FIELD_MIN_WIDTH, SEARCH_MIN_WIDTH, FlowLayout, labelled
from teamlead.ui.widgets.key_column import KeyColumn
from teamlead.ui.widgets.loading import LoadingNote, count_or_loading

RELOAD_ON = frozenset({Change.AGREEMENT, Change.MEETING, Change.ORGANISATION, Change.PERSON, Change.ALL})


class AgreementsView(QWidget):
    """Filters above the register; the selected agreement's pane on the right."""

    loaded = Signal()
    """The register's rows are on screen (after each load)."""

    filtered = Signal()
    """The filters were applied (the rows shown changed)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.is_loaded = False
        self._pending_select: int | None = None
        self._pane_id: int | None = None
        self.model = AgreementTableModel(context.today(), self)
        self.proxy = AgreementFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("agreementsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for column, width in ((0, 118), (1, 80), (3, 150), (4, 120), (5, 140)):
            header.resizeSection(column, width)
        # The responsible person shows in the pane (and is found by the words filter): room for the text.
        self.table.setColumnHidden(4, True)
        self.key_column = KeyColumn(self.table, COLUMNS.index("text"), keep=(COLUMNS.index("due"),))
        self.table.setAccessibleName(tr("Agreements"))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Words in the text, a partner or a person"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(tr("Open and in progress"), "open_all")
        self.status.addItem(tr("All"), None)
        for status in AgreementStatus:
            self.status.addItem(words.agreement_status(status), str(status))
        self.due = QComboBox()
        for text, value in (
            (tr("Any"), DUE_ANY),
            (tr("Overdue"), DUE_OVERDUE),
            (tr("Due within 2 weeks"), DUE_TWO_WEEKS),
            (tr("No due date"), DUE_NONE),
        ):
            self.due.addItem(text, value)
        self.partner = QLineEdit()
        self.partner.setPlaceholderText(tr("Partner"))
        self.partner.setClearButtonEnabled(True)
        self.meeting = QLineEdit()
        self.meeting.setPlaceholderText(tr("Meeting title"))
        self.meeting.setClearButtonEnabled(True)
        self._meeting_id: int | None = None
        self.clear_button = QPushButton(tr("Show a&ll"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.summary = QLabel()
        self.loading = LoadingNote(self.table, self.summary)
        self.summary.setObjectName("agreementsSummary")
        self.pane = AgreementPane()
        self.pane.status_change_requested.connect(self.change_status)
        self.pane.meeting_opened.connect(
            lambda meeting_id: context.open_record.emit(RecordKind.MEETING, meeting_id)
        )
        self.table.activated.connect(lambda _index: self.pane.comment.setFocus())
        self._build()
        for widget in (self.search, self.partner, self.meeting):
            widget.textChanged.connect(self.apply_filters)
        for combo in (self.status, self.due):
            combo.currentIndexChanged.connect(self.apply_filters)
        find = QShortcut(QKeySequence("Ctrl+F"), self)
        find.activated.connect(self.search.setFocus)
        context.data_changed.connect(self._on_data_changed)
        self.apply_filters()
        self.reload()

    def title(self) -> str:
        return tr("Agreements")

    def _build(self) -> None:
        filters = FlowLayout()
        for label, field, stretch in (
            (tr("&Find:"), self.search, 3),
            (tr("&Status:"), self.status, 0),
            (tr("&Due:"), self.due, 0),
            (tr("&Partner:"), self.partner, 2),
            (tr("&Meeting:"), self.meeting, 2),
        ):
            caption = QLabel(label)
            caption.setBuddy(field)
            field.setAccessibleName(label.replace("&", "").rstrip(":"))
            wanted = SEARCH_MIN_WIDTH if field is self.search else FIELD_MIN_WIDTH if stretch else 0
            filters.add_widget(labelled(caption, field, min_width=wanted), stretch)
        filters.add_widget(self.clear_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.summary)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([770, 370])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    # --- loading ------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self._context.read(register_rows, self._show, key="agreements.rows")

    def _show(self, register: Register) -> None:
        selected = self.selected_id() if self._pending_select is None else self._pending_select
        self.model.set_register(register)
        self.loading.done()
        self._update_summary()
        self.is_loaded = True
        if selected is not None and not self.select_agreement(selected) and selected == self._pane_id:
            # Filtered out by its own change (closed while showing open ones): the pane keeps showing it.
            self._load_detail(selected)
        self.loaded.emit()

    def _on_data_changed(self, what: Change) -> None:
        if what in RELOAD_ON:
            self.reload()

    # --- filters ------------------------------------------------------------------------------------------

    def current_filter(self) -> RegisterFilter:
        status = self.status.currentData()
        statuses = (
            frozenset(str(s) for s in OPEN_AGREEMENT_STATUSES)
            if status == "open_all"
            else (None if status is None else frozenset({status}))
        )
        return RegisterFilter(
            today=self._context.today(),
            statuses=statuses,
            due=str(self.due.currentData()),
            text=self.search.text(),
            partner=self.partner.text(),
            meeting=self.meeting.text(),
            meeting_id=self._meeting_id,
        )

    def apply_filters(self) -> None:
        self.proxy.set_filter(self.current_filter())
        self._update_summary()
        self.filtered.emit()

    def clear_filters(self) -> None:
        """Every agreement, whatever its status (the filters' fields emptied)."""
        self._meeting_id = None
        for widget in (self.search, self.partner, self.meeting):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        for combo in (self.status, self.due):
            combo.blockSignals(True)
        self.status.setCurrentIndex(1)
        self.due.setCurrentIndex(0)
        for combo in (self.status, self.due):
            combo.blockSignals(False)
        self.apply_filters()

    def _update_summary(self) -> None:
        self.summary.setText(
            count_or_loading(
                self.loading,
                trn(
                    "{shown} of {count} agreement · {overdue} overdue",
                    "{shown} of {count} agreements · {overdue} overdue",
                    self.model.total,
                    shown=self.proxy.rowCount(),
                    overdue=self.model.overdue_total,
                ),
            )
        )

    # --- selection and the pane ---------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.proxy.row_at(indexes[0].row()).id if indexes else None

    def select_agreement(self, agreement_id: int) -> bool:
        row = self.proxy.proxy_row_of(agreement_id)
        if row is None:
            return False
        self._pending_select = None
        index = self.proxy.index(row, 0)
        self.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def open_record(self, kind: RecordKind, record_id: int) -> bool:
        """An agreement opens here, selected (the filters are cleared when they hide it)."""
        if kind != RecordKind.AGREEMENT:
            return False
        if not self.is_loaded:
            self._pending_select = record_id
            return True
        if not self.select_agreement(record_id):
            self.clear_filters()
            if not self.select_agreement(record_id):
                self._pending_select = record_id
                self.reload()
        return True

    def show_meeting(self, meeting_id: int) -> None:
        """Only the agreements made or discussed in one meeting."""
        self.clear_filters()
        self._meeting_id = meeting_id
        self.apply_filters()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        agreement_id = self.selected_id()
        if agreement_id is None:
            return
        self._load_detail(agreement_id)

    def _load_detail(self, agreement_id: int) -> None:
        self._pane_id = agreement_id
        self._context.read(
            lambda session: agreement_detail(session, agreement_id),
            self._show_detail,
            key="agreements.detail",
            on_error=self._detail_failed,
        )

    def _show_detail(self, detail: AgreementDetail) -> None:
        if detail.row.id == self._pane_id:
            self.pane.show_detail(detail)

    def _detail_failed(self, error: BaseException) -> None:
        if not isinstance(error, UserError):
            self._context.tasks.report_error(error)
            return
        self.pane.show_error(error.message)

    # --- changing ---------------------------------------------------------------------------------------

    def change_status(self, status: str, comment: str) -> None:
        """Move the selected agreement to ``status`` with the comment; the history shows it once saved."""
        from teamlead.services.agreements import change_status

        detail = self.pane.detail
        if detail is None:
            return
        agreement_id, version, now = detail.row.id, detail.row.version, self._context.now()

        def work(session: Session) -> None:
            change_status(session, agreement_id, status, expected_version=version, comment=comment, now=now)

        self.pane.change_button.setEnabled(False)
        self._pending_select = agreement_id
        self._context.write(
            work, self._status_changed, changed=Change.AGREEMENT, on_error=self._change_failed
        )

    def _status_changed(self, _result: object) -> None:
        self.pane.change_button.setEnabled(True)
        self.pane.comment.clear()

    def _change_failed(self, error: BaseException) -> None:
        self.pane.change_button.setEnabled(True)
        self._pending_select = None
        if not isinstance(error, UserError):
            self._context.tasks.report_error(error)
            return
        self.pane.show_error(error.message)
