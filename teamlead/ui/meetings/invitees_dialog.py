"""The invitee editor of a meeting's page: add and remove invited partners and people at a partner, for this
meeting or (in a series) for this and the later meetings that have not started. Who stays keeps their
attendance (:mod:`teamlead.services.meeting_invitees`)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from teamlead.data.queries.invitees import InviteeChoice, invitee_label
from teamlead.data.queries.meeting_page import MeetingPageData
from teamlead.i18n import tr
from teamlead.services.meeting_invitees import InviteeScope, change_invitees
from teamlead.ui.context import AppContext
from teamlead.ui.meetings.dialogs import WriteDialog
from teamlead.ui.meetings.invitee_picker import InviteePicker
from teamlead.ui.widgets.formatting import format_when
from teamlead.ui.widgets.keys import ctrl_enter_submits


class InviteesDialog(WriteDialog):
    """Change whom a meeting invites; OK saves (the page reloads), a refusal stays in the dialog."""

    def __init__(
        self,
        context: AppContext,
        data: MeetingPageData,
        choices: list[InviteeChoice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent, ok_text=tr("&Save"))
        self.setObjectName("inviteesDialog")
        self.setWindowTitle(tr("Invitees"))
        self.setMinimumWidth(520)
        meeting = data.detail.meeting
        self._meeting_id = meeting.id
        self._version = meeting.version
        heading = QLabel(f"<b>{escape(meeting.title)}</b><br>{format_when(meeting.starts_at)}")
        self.invitees = InviteePicker(tr("Type part of a partner's or a person's name"))
        self.invitees.set_choices(choices)
        self.invitees.set_invitees(
            InviteeChoice(row.organisation_id, row.person_id, invitee_label(row.organisation, row.person))
            for row in data.detail.invitees
        )
        self.invitees.refusal = tr("No partner or person is called {name}.")  # said under the field on Enter
        self.invitees.changed.connect(self.error.hide)
        caption = QLabel(tr("&Invite:"))
        caption.setBuddy(self.invitees)
        hint = QLabel(tr("Enter invites the one you typed; Delete removes the invitee selected in the list."))
        hint.setProperty("muted", True)
        hint.setWordWrap(True)
        self.this_one = QRadioButton(tr("For &this meeting only"))
        self.and_later = QRadioButton(
            tr("For this and the &later meetings of the series that have not started")
        )
        self.this_one.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.this_one)
        scope.addButton(self.and_later)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(caption)
        layout.addWidget(self.invitees, 1)
        layout.addWidget(hint)
        if meeting.series_id is not None:
            layout.addWidget(self.this_one)
            layout.addWidget(self.and_later)
        else:
            self.this_one.hide()
            self.and_later.hide()
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        ctrl_enter_submits(self, self.save)
        self.invitees.setFocus()

    def unfinished(self) -> str | None:
        pending = self.invitees.pending_text()
        return tr("No partner or person is called {name}.", name=pending) if pending else None

    def scope(self) -> InviteeScope:
        return InviteeScope.LATER if self.and_later.isChecked() else InviteeScope.THIS

    def work(self) -> Callable[[Session], Any]:
        meeting_id, version, refs, scope = self._meeting_id, self._version, self.invitees.refs(), self.scope()
        now = self._context.now()
        return lambda session: change_invitees(
            session, meeting_id, refs, scope=scope, expected_version=version, now=now
        )
