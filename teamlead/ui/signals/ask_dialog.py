"""Asking a partner about a signal, or correcting what was recorded: whom, how, when, and the answer.

Opened from Who to call's "Ask…" button (a new ask) and from the signal round's list (a correction). A new
ask is logged as a contact moment with the partner (call, visit or e-mail), so its stay-in-touch light follows;
the moment asked is editable, because a night's round is often typed in afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.vocabulary import ASKED_KINDS, Change
from teamlead.services.signal_rounds import ask_partner, edit_ask
from teamlead.ui.context import AppContext
from teamlead.ui.widgets.forms import FieldForm, show_save_error
from teamlead.ui.widgets.moment_field import MomentField


@dataclass(frozen=True)
class AskTarget:
    """Whom to ask about which signal: the partner and the people the screen offers (key contact first)."""

    note_id: int
    organisation_id: int
    organisation: str
    people: tuple[tuple[int, str], ...]
    person_id: int | None = None
    """The person clicked (else the first of ``people``)."""


@dataclass(frozen=True)
class AskEdit:
    """An ask already recorded, to correct its moment or answer."""

    ask_id: int
    organisation: str
    person: str
    asked_at: datetime
    answer: str | None
    version: int


class AskDialog(QDialog):
    """Record (or correct) one partner's answer about a signal."""

    def __init__(
        self, context: AppContext, target: AskTarget | AskEdit, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._target = target
        self.setObjectName("askDialog")
        self.setWindowTitle(tr("Ask a partner about the signal"))
        self.setMinimumWidth(440)
        self.form = FieldForm()
        editing = isinstance(target, AskEdit)
        self.partner = QLabel(target.organisation)
        self.partner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.person = QComboBox()
        self.kind = QComboBox()
        for kind in ASKED_KINDS:
            self.kind.addItem(words.note_kind(kind), str(kind))
        self.answer = QComboBox()
        for key, name in words.signal_answer_names().items():
            self.answer.addItem(name, str(key))
        self.answer.addItem(tr("No answer yet"), None)
        self.asked_at = MomentField(
            target.asked_at if isinstance(target, AskEdit) else context.now(), today=context.today
        )
        if isinstance(target, AskEdit):
            self.person.addItem(target.person or tr("No person"), None)
            self.person.setEnabled(False)
            self.kind.setEnabled(False)
            self.answer.setCurrentIndex(self.answer.findData(target.answer))
        else:
            for person_id, name in target.people:
                self.person.addItem(name, person_id)
            self.person.addItem(tr("The partner's general number"), None)
            self.person.setCurrentIndex(max(0, self.person.findData(target.person_id)))
        self.form.add_field("organisation_id", tr("Partner"), self.partner)
        self.form.add_field("person_id", tr("&Person"), self.person)
        self.form.add_field("kind", tr("&How"), self.kind)
        self.form.add_field("answer", tr("&Answer"), self.answer)
        self.form.add_field("asked_at", tr("Asked a&t"), self.asked_at)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            tr("&Save") if editing else tr("&Record answer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        (self.kind if self.kind.isEnabled() else self.answer).setFocus()

    def save(self) -> None:
        from teamlead.errors import ValidationError

        try:
            asked_at = self.asked_at.checked_value("asked_at")
        except ValidationError as refused:
            self.form.show_error(refused)
            return
        answer = self.answer.currentData()
        target = self._target
        self.save_button.setEnabled(False)
        if isinstance(target, AskEdit):
            self._context.write(
                lambda session: edit_ask(
                    session, target.ask_id, asked_at=asked_at, answer=answer, expected_version=target.version
                ),
                self._saved,
                changed=Change.NOTE,
                on_error=self._failed,
            )
            return
        person_id, kind = self.person.currentData(), self.kind.currentData()
        self._context.write(
            lambda session: ask_partner(
                session,
                target.note_id,
                target.organisation_id,
                person_id=person_id,
                kind=kind,
                answer=answer,
                asked_at=asked_at,
            ),
            self._saved,
            changed=Change.NOTE,
            on_error=self._failed,
        )

    def _saved(self, _result: object) -> None:
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_save_error(self.form, self._context.tasks, error)


def open_ask_dialog(
    context: AppContext, target: AskTarget | AskEdit, parent: QWidget | None = None
) -> AskDialog:
    """Open the dialog (window-modal, not blocking the event loop); it deletes itself when closed."""
    dialog = AskDialog(context, target, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
