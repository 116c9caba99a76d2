"""One agreement beside the register: what, with whom, by when; where it was made and discussed (each opens
the meeting); every status change with its comment; who changed what (the audit: values of codes and dates
only, never a text); and the form to change the status."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from teamlead.data.queries.agreements_register import AgreementDetail, MeetingRef
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.vocabulary import AgreementStatus, RecordKind
from teamlead.ui.history.model import ChangesModel, fit_columns, history_table
from teamlead.ui.widgets.formatting import format_date, format_when
from teamlead.ui.widgets.record_table import Column, RecordTable, RecordTableModel


def _history_columns() -> list[Column]:
    def change(row: object) -> str:
        before = getattr(row, "from_status")  # noqa: B009 - a StatusChangeRow
        after = words.agreement_status(getattr(row, "to_status"))  # noqa: B009
        return (
            tr("made ({status})", status=after)
            if before is None
            else f"{words.agreement_status(before)} → {after}"
        )

    return [
        Column(tr("When"), lambda r: format_when(r.changed_at)),
        Column(tr("Change"), change),
        Column(tr("Comment"), lambda r: r.comment, lambda r: r.comment),
    ]


def _meeting_columns() -> list[Column]:
    return [
        Column(tr("When"), lambda r: format_when(r.starts)),
        Column(tr("Meeting"), lambda r: r.title),
    ]


class AgreementPane(QWidget):
    """Shows an :class:`AgreementDetail`; :attr:`status_change_requested` carries the user's status change."""

    status_change_requested = Signal(str, str)
    """(new status, comment) for the agreement shown."""

    meeting_opened = Signal(int)
    """A meeting (made in, or discussed in) was opened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: AgreementDetail | None = None
        self.text = QLabel()
        self.text.setObjectName("agreementText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setProperty("cardTitle", True)
        self.partners = QLabel()
        self.partners.setWordWrap(True)
        self.responsible = QLabel()
        self.dates = QLabel()
        self.dates.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("agreementStatus")
        self.made_in = QPushButton()
        self.made_in.setObjectName("madeInMeeting")
        self.made_in.setFlat(True)
        self.made_in.setStyleSheet("text-align: left; color: palette(link); text-decoration: underline")
        self.made_in.clicked.connect(self._open_made_in)
        # A long meeting title must not widen the pane: the register beside it needs the room.
        self.made_in.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.discussed_model = RecordTableModel(
            _meeting_columns(), lambda r: (RecordKind.MEETING, r.id), self
        )
        self.discussed = RecordTable(self.discussed_model)
        self.discussed.setObjectName("discussedIn")
        self.discussed.setAccessibleName(tr("Discussed in"))
        self.discussed.setMaximumHeight(110)
        self.discussed.record_activated.connect(
            lambda _kind, meeting_id: self.meeting_opened.emit(meeting_id)
        )
        self.history_model = RecordTableModel(_history_columns(), lambda r: (RecordKind.AGREEMENT, 0), self)
        self.history = RecordTable(self.history_model)
        self.history.setObjectName("statusHistory")
        self.history.setAccessibleName(tr("History"))
        self.changes_model = ChangesModel(parent=self)
        self.changes = history_table(self.changes_model, tr("Who changed what"))
        self.changes.setObjectName("agreementChanges")
        for history in (self.history, self.changes):  # both fit a 960×600 window, a line or two each
            history.setMinimumHeight(3 * history.fontMetrics().height())
        self.new_status = QComboBox()
        self.new_status.setObjectName("newStatus")
        for status in AgreementStatus:
            self.new_status.addItem(words.agreement_status(status), str(status))
        self.comment = QLineEdit()
        self.comment.setObjectName("statusComment")
        self.comment.setPlaceholderText(tr("Why, or what was done"))
        self.comment.returnPressed.connect(self.request_change)
        self.change_button = QPushButton(tr("C&hange status"))
        self.change_button.setObjectName("changeStatus")
        self.change_button.clicked.connect(self.request_change)
        self.message = QLabel()
        self.message.setObjectName("paneMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: 600")
        self.message.hide()
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.request_change)
        self.setMinimumWidth(320)
        self._build()
        self.show_detail(None)

    def _build(self) -> None:
        facts = QFormLayout()
        facts.addRow(tr("Partners:"), self.partners)
        facts.addRow(tr("Responsible:"), self.responsible)
        facts.addRow(tr("Dates:"), self.dates)
        facts.addRow(tr("Status:"), self.status)
        facts.addRow(tr("Made in:"), self.made_in)
        discussed_caption = QLabel(tr("Dis&cussed in:"))
        discussed_caption.setBuddy(self.discussed)
        history_caption = QLabel(tr("H&istory:"))
        history_caption.setBuddy(self.history)
        changes_caption = QLabel(tr("Who chan&ged what:"))
        changes_caption.setBuddy(self.changes)
        change = QGroupBox(tr("Change the status"))
        form = QFormLayout(change)
        form.addRow(tr("New s&tatus:"), self.new_status)
        form.addRow(tr("C&omment:"), self.comment)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.change_button)
        form.addRow(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addLayout(facts)
        layout.addWidget(discussed_caption)
        layout.addWidget(self.discussed)
        layout.addWidget(history_caption)
        layout.addWidget(self.history, 1)
        layout.addWidget(changes_caption)
        layout.addWidget(self.changes, 1)
        layout.addWidget(change)
        layout.addWidget(self.message)

    def show_detail(self, detail: AgreementDetail | None) -> None:
        """Show an agreement (None: nothing selected); a comment being typed for the same one is kept."""
        same = detail is not None and self.detail is not None and self.detail.row.id == detail.row.id
        self.detail = detail
        self.setEnabled(detail is not None)
        self.message.hide()
        if detail is None:
            for label in (self.text, self.partners, self.responsible, self.dates, self.status):
                label.clear()
            self.text.setText(tr("Select an agreement to see its history."))
            self.made_in.setText("")
            self.made_in.setEnabled(False)
            self.discussed_model.set_rows([])
            self.history_model.set_rows([])
            self.changes_model.set_rows([])
            return
        row = detail.row
        self.text.setText(row.text)
        self.partners.setText(", ".join(row.organisations) or tr("(none)"))
        self.responsible.setText(row.responsible or tr("(nobody in particular)"))
        due = format_date(row.due_on) if row.due_on else tr("no due date")
        self.dates.setText(tr("made {made}, due {due}", made=format_date(row.made_on), due=due))
        self.status.setText(words.agreement_status(row.status))
        self.made_in.setEnabled(row.made_in is not None)
        self.made_in.setText(_meeting_text(row.made_in) if row.made_in else tr("(not made in a meeting)"))
        self.made_in.setToolTip(self.made_in.text())
        self.discussed_model.set_rows(detail.discussed)
        self.history_model.set_rows(detail.history)
        self.history.resizeColumnToContents(0)
        self.history.resizeColumnToContents(1)
        self.changes_model.set_rows(detail.changes)
        fit_columns(self.changes)
        if not same:
            self.comment.clear()
            following = {"open": "in_progress", "in_progress": "done"}.get(row.status, "open")
            self.new_status.setCurrentIndex(self.new_status.findData(following))

    def request_change(self) -> None:
        if self.detail is None:
            return
        self.status_change_requested.emit(str(self.new_status.currentData()), self.comment.text())

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    def _open_made_in(self) -> None:
        if self.detail is not None and self.detail.row.made_in is not None:
            self.meeting_opened.emit(self.detail.row.made_in.id)


def _meeting_text(meeting: MeetingRef) -> str:
    return f"{format_when(meeting.starts)}  {meeting.title}"
