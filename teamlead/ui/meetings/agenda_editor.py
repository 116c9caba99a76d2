"""The agenda editor of a meeting's page: add, reorder and remove points, and the "open agreements" block.

Every change to the structure is saved at once: add and remove through :mod:`teamlead.services.agenda`, reorder
against the meeting's version. A point's details are typing, like the minutes: kept here per point until the
page's Save, which writes them against the version of each point the user saw. The open agreements with the
invited partners are proposed beside the agenda until they are on it, so nothing agreed is forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.meeting_page import MeetingPageData, ProposedAgreement
from teamlead.data.queries.meetings import AgendaRow
from teamlead.i18n import tr
from teamlead.rules.vocabulary import RecordKind
from teamlead.services.agenda import carry_forward_and_link
from teamlead.ui.meetings.page_models import AgendaModel
from teamlead.ui.widgets.formatting import format_date, one_line
from teamlead.ui.widgets.record_table import Column, RecordTable, RecordTableModel


def _proposed_columns() -> list[Column]:
    return [
        Column(tr("Due"), lambda r: format_date(r.due_on) + (" ⚠" if r.overdue else "")),
        Column(
            tr("Agreement"),
            lambda r: one_line(r.text, 120),
            lambda r: f"{r.text}\n{', '.join(r.organisations)}",
        ),
    ]


class AgendaEditor(QWidget):
    """Agenda table with its buttons, and the proposed open agreements below it."""

    write_requested = Signal(object, str)
    """(work(session), what): a change for the page to run, ``agenda`` or ``reorder`` (which raises the
    meeting's version); the page reloads afterwards."""

    record_opened = Signal(object, int)
    """(kind, id): the user opened an agreement from the proposals or the agenda."""

    details_edited = Signal()
    """The user typed in a point's details (the page then has unsaved changes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: MeetingPageData | None = None
        self._now: Callable[[], Any] = lambda: None
        self.busy = False
        self.model = AgendaModel(self)
        self.table = QTableView()
        self.table.setObjectName("agendaTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(tr("Agenda"))
        self.table.activated.connect(self._open_item)
        self.table.selectionModel().selectionChanged.connect(self._show_details)
        self.details = QPlainTextEdit()
        self.details.setObjectName("agendaDetails")
        self.details.setTabChangesFocus(True)
        self.details.setAccessibleName(tr("Details of the point"))
        self.details.setPlaceholderText(
            tr("What the point is about, or what came of it (printed in the minutes)")
        )
        self.details.setEnabled(False)
        self.details.textChanged.connect(self._details_typed)
        self._details: dict[int, _Typed] = {}
        """Item id → the details typed for it and what they were typed over (not saved yet)."""
        self._details_item: int | None = None
        self._filling = False
        self.new_item = QLineEdit()
        self.new_item.setObjectName("newAgendaItem")
        self.new_item.setPlaceholderText(tr("A new point, then Enter"))
        self.new_item.returnPressed.connect(self.add_item)
        self.add_button = QPushButton(tr("A&dd"))
        self.add_button.clicked.connect(self.add_item)
        self.up_button = QPushButton(tr("Move &up"))
        self.up_button.setToolTip(tr("Ctrl+Up"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(tr("Move dow&n"))
        self.down_button.setToolTip(tr("Ctrl+Down"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button = QPushButton(tr("&Remove"))
        self.remove_button.setToolTip(tr("Delete"))
        self.remove_button.clicked.connect(self.remove_selected)
        for keys, slot in (
            ("Ctrl+Up", lambda: self.move_selected(-1)),
            ("Ctrl+Down", lambda: self.move_selected(1)),
            ("Delete", self.remove_selected),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.proposed_model = RecordTableModel(
            _proposed_columns(), lambda r: (RecordKind.AGREEMENT, r.id), self
        )
        self.proposed = RecordTable(self.proposed_model)
        self.proposed.setObjectName("proposedAgreements")
        self.proposed.setAccessibleName(tr("Open agreements with the invited partners"))
        self.proposed.record_activated.connect(self.record_opened)
        self.carry_button = QPushButton(tr("Put &all on the agenda"))
        self.carry_button.setObjectName("carryForward")
        self.carry_button.clicked.connect(self.carry_forward)
        self.proposed_box = QGroupBox()
        self._build()

    def _build(self) -> None:
        caption = QLabel(tr("New &point:"))
        caption.setBuddy(self.new_item)
        adding = QHBoxLayout()
        adding.addWidget(caption)
        adding.addWidget(self.new_item, 1)
        adding.addWidget(self.add_button)
        moving = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            moving.addWidget(button)
        moving.addStretch(1)
        details_caption = QLabel(tr("Details of the p&oint:"))
        details_caption.setBuddy(self.details)
        heading = QLabel(tr("A&genda"))
        heading.setBuddy(self.table)
        heading.setProperty("cardTitle", True)
        box = QVBoxLayout(self.proposed_box)
        box.addWidget(self.proposed, 1)
        box.addWidget(self.carry_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.table, 3)
        layout.addLayout(adding)
        layout.addLayout(moving)
        layout.addWidget(details_caption)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.proposed_box, 2)

    def show_data(self, data: MeetingPageData, now: Callable[[], Any], *, keep_typing: bool = False) -> None:
        """Show the agenda and the proposals of freshly loaded page data, keeping the selected point; with
        ``keep_typing``, the details typed and not saved yet stay (else they are dropped)."""
        selected = self.selected_id()
        self._data = data
        self._now = now
        self._details = _kept(self._details, data.detail.agenda) if keep_typing else {}
        self._details_item = None
        self.model.set_rows(data.detail.agenda)
        self.proposed_model.set_rows(data.proposed)
        self.proposed.resizeColumnToContents(0)
        self.proposed_box.setTitle(
            tr("Open agreements with the invited partners ({count})", count=len(data.proposed))
        )
        self.carry_button.setEnabled(bool(data.proposed))
        if selected is not None:
            self.select_item(selected)
        self._show_details()

    def proposals(self) -> list[ProposedAgreement]:
        return [self.proposed_model.row_at(i) for i in range(self.proposed_model.rowCount())]

    def selected_row(self) -> int | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].row() if indexes else None

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return None if row is None else self.model.row_at(row).id

    def select_item(self, item_id: int) -> None:
        ids = self.model.item_ids()
        if item_id in ids:
            self.table.selectRow(ids.index(item_id))

    def details_changes(self) -> dict[int, tuple[int, str]]:
        """The details typed and not saved yet: item id → (the item's version the user saw, the text)."""
        return {
            item_id: (typed.version, typed.text)
            for item_id, typed in self._details.items()
            if typed.text.strip() != typed.loaded.strip()
        }

    def _show_details(self) -> None:
        """Put the selected point's details (as typed, else as saved) in the details field."""
        item_id = self.selected_id()
        self._details_item = item_id
        row = None if item_id is None else self.model.row_at(self.model.item_ids().index(item_id))
        typed = self._details.get(item_id) if item_id is not None else None
        self._filling = True
        self.details.setPlainText(typed.text if typed is not None else row.details if row is not None else "")
        self._filling = False
        self.details.setEnabled(row is not None)

    def _details_typed(self) -> None:
        item_id = self._details_item
        if self._filling or item_id is None:
            return
        row = self.model.row_at(self.model.item_ids().index(item_id))
        typed = self._details.get(item_id)
        loaded, version = (typed.loaded, typed.version) if typed is not None else (row.details, row.version)
        self._details[item_id] = _Typed(self.details.toPlainText(), loaded, version)
        self.details_edited.emit()

    def _request(self, work: Callable[[Session], Any], what: str = "agenda") -> None:
        if self._data is None or self.busy:
            return
        self.busy = True
        self.write_requested.emit(work, what)

    def add_item(self) -> None:
        from teamlead.services.agenda import add_agenda_item

        title = self.new_item.text().strip()
        if self._data is None or not title:
            return
        meeting_id, now = self._data.detail.meeting.id, self._now()
        self.new_item.clear()
        self._request(lambda session: add_agenda_item(session, meeting_id, title, now=now))

    def move_selected(self, step: int) -> None:
        """Move the selected point up (-1) or down (+1); the selection follows it."""
        from teamlead.services.agenda import reorder_agenda

        row = self.selected_row()
        if self._data is None or row is None or self.busy or not 0 <= row + step < self.model.rowCount():
            return
        ids = self.model.item_ids()
        ids[row], ids[row + step] = ids[row + step], ids[row]
        meeting = self._data.detail.meeting
        now = self._now()
        self.model.set_rows([self.model.row_at(self.model.item_ids().index(i)) for i in ids])
        self.table.selectRow(row + step)
        self._request(
            lambda session: reorder_agenda(
                session, meeting.id, ids, expected_version=meeting.version, now=now
            ),
            what="reorder",
        )

    def remove_selected(self) -> None:
        from teamlead.services.agenda import remove_agenda_item

        item_id = self.selected_id()
        if item_id is None:
            return
        now = self._now()
        self._request(lambda session: remove_agenda_item(session, item_id, now=now))

    def carry_forward(self) -> None:
        if self._data is None or not self._data.proposed:
            return
        meeting_id, now = self._data.detail.meeting.id, self._now()
        self._request(lambda session: carry_forward_and_link(session, meeting_id, now=now))

    def _open_item(self) -> None:
        row = self.selected_row()
        if row is not None and self.model.row_at(row).agreement_id is not None:
            self.record_opened.emit(RecordKind.AGREEMENT, self.model.row_at(row).agreement_id)


@dataclass(frozen=True)
class _Typed:
    """A point's details as typed, over the text and version loaded when typing began."""

    text: str
    loaded: str
    version: int


def _kept(typed: dict[int, _Typed], rows: tuple[AgendaRow, ...]) -> dict[int, _Typed]:
    """The typing still meant for the points now loaded. A point whose details are still what the typing began
    from takes its new version (our own reorder raised it); one changed by someone else keeps the old version,
    so the save is a conflict rather than an overwrite."""
    loaded = {row.id: row for row in rows}
    kept = {}
    for item_id, entry in typed.items():
        row = loaded.get(item_id)
        if row is None:
            continue
        version = row.version if row.details == entry.loaded else entry.version
        kept[item_id] = _Typed(entry.text, entry.loaded, version)
    return kept
