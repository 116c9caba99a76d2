"""Decisions become agreements in one step: what was agreed, with which partners, who is responsible, by
when — made in this meeting. Below the form, the agreements made here, each opening in the register."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.meeting_page import MeetingPageData
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.clock import amsterdam_today
from teamlead.rules.vocabulary import RecordKind
from teamlead.ui.context import AppContext
from teamlead.ui.widgets.completion_list import CompletionField
from teamlead.ui.widgets.date_field import DateField
from teamlead.ui.widgets.district_field import DistrictField
from teamlead.ui.widgets.formatting import format_date, one_line
from teamlead.ui.widgets.record_table import Column, RecordTable, RecordTableModel


def _made_columns() -> list[Column]:
    return [
        Column(tr("Agreement"), lambda r: one_line(r.text, 80), lambda r: r.text),
        Column(tr("Responsible"), lambda r: r.responsible_person),
        Column(tr("Due"), lambda r: format_date(r.due_on)),
        Column(tr("Status"), lambda r: words.agreement_status(r.status)),
    ]


class DecisionForm(QWidget):
    """The decision form and the list of agreements made in the meeting."""

    write_requested = Signal(object, str)
    """(work(session), "agreement"): the page runs it, as for the agenda editor."""

    record_opened = Signal(object, int)
    """(kind, id): an agreement made here was opened."""

    def __init__(self, context: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._data: MeetingPageData | None = None
        self._now: Callable[[], Any] = lambda: None
        self.text = QPlainTextEdit()
        self.text.setObjectName("decisionText")
        self.text.setPlaceholderText(
            tr("Who does what: e.g. Youth work and the police walk the square on Fridays")
        )
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(80)
        self.organisations = QListWidget()
        self.organisations.setObjectName("decisionPartners")
        self.organisations.setMaximumHeight(90)
        self.responsible = CompletionField[int](tr("(nobody in particular)"))
        self.responsible.setObjectName("decisionResponsible")
        self.responsible.refusal = tr("No person is called {name}.")
        self.has_due = QCheckBox(tr("Du&e date:"))
        self.due = DateField(today=context.today if context is not None else amsterdam_today)
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.district = DistrictField()
        self.district.setObjectName("decisionDistrict")
        self.organisations.itemChanged.connect(self._suggest_district)
        self.make_button = QPushButton(tr("&Make agreement"))
        self.make_button.setObjectName("makeAgreement")
        self.make_button.setToolTip(tr("Ctrl+Enter"))
        self.make_button.clicked.connect(self.make_agreement)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.make_agreement)
        self.made_model = RecordTableModel(_made_columns(), lambda r: (RecordKind.AGREEMENT, r.id), self)
        self.made = RecordTable(self.made_model)
        self.made.setObjectName("agreementsMadeHere")
        self.made.setAccessibleName(tr("Agreements made in this meeting"))
        self.made.record_activated.connect(self.record_opened)
        self.made_label = QLabel()
        self.made_label.setProperty("cardTitle", True)
        self.made_label.setBuddy(self.made)
        self._build()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(tr("De&cision:"), self.text)
        form.addRow(tr("&With partners:"), self.organisations)
        form.addRow(tr("Responsi&ble:"), self.responsible)
        due = QHBoxLayout()
        due.addWidget(self.due)
        due.addStretch(1)
        form.addRow(self.has_due, due)
        form.addRow(tr("Dist&rict:"), self.district)
        self.due.setAccessibleName(tr("Due date"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.make_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.made_label)
        layout.addWidget(self.made, 1)

    def show_data(self, data: MeetingPageData, now: Callable[[], Any], today: date) -> None:
        """Fill the choices from the meeting (partners all ticked: a decision usually binds the table)."""
        same_meeting = self._data is not None and self._data.detail.meeting.id == data.detail.meeting.id
        ticked = self.ticked_ids() if same_meeting else None
        self._data = data
        self._now = now
        self.organisations.clear()
        for organisation_id, name in data.organisations:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, organisation_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = ticked is None or organisation_id in ticked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.organisations.addItem(item)
        self.responsible.set_choice_values((name, person_id, person_id) for person_id, name in data.persons)
        if not same_meeting:
            self.responsible.set_value(None)  # nobody in particular, until a name is picked
        if not same_meeting:
            self.text.clear()
            self.has_due.setChecked(False)
            self.due.set_value(today + timedelta(days=28))
            self.district.set_district(data.detail.meeting.district_id)  # made here: the meeting's district
            self._suggest_district()
        self.made_model.set_rows(data.made_here)
        self.made_label.setText(tr("Agreements made in this meeting ({count})", count=len(data.made_here)))

    def _suggest_district(self, *_args: object) -> None:
        """A meeting without a district: the agreement's is its first partner's, the default, the only one."""
        if self._context is not None:
            self.district.suggest_from(self._context, organisation_ids=self.ticked_ids())

    def ticked_ids(self) -> list[int]:
        items = (self.organisations.item(i) for i in range(self.organisations.count()))
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def make_agreement(self) -> None:
        """Turn the decision into an agreement made in this meeting (refusals show on the page)."""
        from teamlead.services.agreements import agreement_from_decision

        if self._data is None:
            return
        meeting_id = self._data.detail.meeting.id
        text = self.text.toPlainText()
        organisation_ids = self.ticked_ids()
        pending = self.responsible.pending_text()
        if pending:
            self.responsible.refuse(pending)
            return
        person = self.responsible.value()
        due: date | None = None
        wrong_due: ValidationError | None = None
        if self.has_due.isChecked():
            try:
                due = self.due.checked_value("due_on")
            except ValidationError as refused:
                wrong_due = refused
        district_id = self.district.district_id()
        now = self._now()

        def work(session: Session) -> int:
            if wrong_due is not None:  # refused as the service's refusals are: on the page, nothing made
                raise wrong_due
            return agreement_from_decision(
                session,
                meeting_id,
                text,
                organisation_ids=organisation_ids,
                responsible_person_id=person,
                due_on=due,
                district_id=district_id,
                now=now,
            )

        self.write_requested.emit(work, "agreement")

    def made_one(self) -> None:
        """The agreement was made: clear the form for the next decision."""
        self.text.clear()
        self.has_due.setChecked(False)
        self.text.setFocus()
