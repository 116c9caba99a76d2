"""The meeting page's "Send invitation…" and "Send minutes…": a mail draft (``.eml``, marked unsent) that the
desktop opens in the user's mail program, who checks it and sends it. Teamlead itself never sends mail.

The drafts are the ones the command line writes (:func:`teamlead.calendar.outgoing.write_invitation`,
``teamlead report minutes -o FILE.eml``), written in the background into the app's own drafts folder
(:func:`drafts_folder`), readable by the user only. For an occurrence of a series the user chooses: this
meeting, or the whole series.

:attr:`OutgoingButtons.opener` is the one seam to the desktop: a test puts its own function there to see the
path handed over; everything before it runs as in the app.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

from teamlead.calendar.invitation import Organizer, organizer_from
from teamlead.data.database import Database
from teamlead.data.queries.meetings import MeetingRow
from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.rules import settings
from teamlead.rules.clock import local_day
from teamlead.rules.files import file_name, private_outputs
from teamlead.rules.locations import data_folder
from teamlead.rules.scratch import private_folder
from teamlead.rules.vocabulary import MeetingStatus
from teamlead.ui.context import AppContext

Opener = Callable[[Path], object]
"""Hands a file to the desktop, which opens it in the program made for it (an ``.eml``: the mail program)."""


def open_on_desktop(path: Path) -> bool:
    """The desktop's opener: ``QDesktopServices.openUrl`` with the file's URL."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def drafts_folder() -> Path:
    """``Drafts`` in the app's data folder: kept out of the user's documents, not removed at once (the mail
    program may read the file after Teamlead handed it over), and private, as the drafts name people."""
    return private_folder(data_folder() / "Drafts")


def draft_path(title: str, day: datetime, what: str) -> Path:
    """``Drafts/Uitnodiging Netwerkoverleg 2026-03-10.eml``: a new draft replaces the last one of the same."""
    return drafts_folder() / f"{file_name(f'{what} {title} {local_day(day).isoformat()}')}.eml"


def organizer_in_settings() -> Organizer:
    """The organizer from Settings, or a :class:`UserError` saying where to set it."""
    values = settings.load()
    if not (values.organizer_email or "").strip():
        raise UserError(
            tr(
                "An invitation names you as its organizer: first set your name and e-mail address under "
                "Settings (General)."
            )
        )
    return organizer_from(values.organizer_name, values.organizer_email)


def write_invitation_draft(
    database: Database, meeting: MeetingRow, organizer: Organizer, whole_series: bool, now: datetime
) -> Path:
    """The invitation's mail draft in the drafts folder, in the language for partners."""
    from teamlead.calendar.outgoing import write_invitation

    target = draft_path(meeting.title, meeting.starts_at, tr("Invitation"))
    with private_outputs():
        write_invitation(
            database,
            meeting.id,
            organizer,
            target,
            whole_series=whole_series,
            partner_language=settings.partner_language(settings.load()),
            now=now,
        )
    return target


def write_minutes_draft(database: Database, meeting: MeetingRow, now: datetime) -> Path:
    """The minutes' mail draft (the PDF attached) in the drafts folder, as ``report minutes -o FILE.eml``."""
    from teamlead.i18n import trp
    from teamlead.producing.minutes import minutes_request
    from teamlead.producing.produce import produce

    target = draft_path(meeting.title, meeting.starts_at, trp("report", "Minutes"))
    return produce(database, minutes_request(target, meeting.id, local_day(meeting.starts_at)), now)


class OutgoingButtons(QWidget):
    """The two buttons; a draft written is handed to :attr:`opener`."""

    said = Signal(str, bool)
    """(text, trouble): what to tell the user: the draft opened, or (trouble) why there is none."""
    opened = Signal(str)
    """A draft was handed to the desktop: its path."""

    def __init__(
        self,
        context: AppContext,
        not_held: Callable[[], str] = str,
        parent: QWidget | None = None,
    ) -> None:
        """``not_held``: why the meeting shown has no minutes yet ("" when it has), asked as the page's
        Minutes… button asks it (:meth:`~teamlead.ui.meetings.minutes_button.MinutesButton.not_held_reason`)."""
        super().__init__(parent)
        self._context = context
        self._not_held = not_held
        self._meeting: MeetingRow | None = None
        self._busy = False
        self._unsaved = False
        self.opener: Opener = open_on_desktop
        self.choice: QMessageBox | None = None
        """The question "this meeting or the whole series?" while it is open."""
        self.invite_button = QPushButton(tr("Send invitation…"))
        self.invite_button.setObjectName("sendInvitation")
        self.invite_button.clicked.connect(self.send_invitation)
        self.minutes_button = QPushButton(tr("Send minutes…"))
        self.minutes_button.setObjectName("sendMinutes")
        self.minutes_button.clicked.connect(self.send_minutes)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.invite_button)
        row.addWidget(self.minutes_button)
        self._update()

    def set_meeting(self, meeting: MeetingRow | None) -> None:
        self._meeting = meeting
        self._update()

    def set_unsaved(self, unsaved: bool) -> None:
        """The page has typing not saved yet: minutes are sent as saved, so not now."""
        self._unsaved = unsaved
        self._update()

    def _update(self) -> None:
        meeting = self._meeting
        self.invite_button.setEnabled(meeting is not None and not self._busy)
        cancelled = meeting is not None and meeting.status == MeetingStatus.CANCELLED
        self.invite_button.setToolTip(
            tr("A mail draft to the invitees that cancels the meeting in their calendars")
            if cancelled
            else tr("A mail draft to the invitees with the invitation for their calendars")
        )
        reason = self._not_held() if meeting is not None else ""
        if not reason and self._unsaved:
            reason = tr("Save or undo your changes first: the minutes are made from what is saved.")
        self.minutes_button.setEnabled(meeting is not None and not self._busy and not reason)
        self.minutes_button.setToolTip(
            reason or tr("A mail draft to the invitees with the minutes attached as PDF")
        )

    # --- invitation ------------------------------------------------------------------------------------------

    def send_invitation(self) -> None:
        """Ask "this meeting or the whole series?" for an occurrence of a series, then write the draft."""
        meeting = self._meeting
        if meeting is None or self._busy:
            return
        if meeting.series_id is None:
            self.write_invitation(whole_series=False)
            return
        box = QMessageBox(QMessageBox.Icon.Question, tr("Send invitation"), "", parent=self)
        box.setObjectName("invitationChoice")
        box.setText(tr("“{title}” is a meeting of a series. Invite to:", title=meeting.title))
        box.setInformativeText(
            tr(
                "This meeting: only this date. The whole series: every date, with the cancelled ones left out "
                "and changed ones as they are."
            )
        )
        this = box.addButton(tr("This meeting"), QMessageBox.ButtonRole.AcceptRole)
        this.setObjectName("thisMeeting")
        whole = box.addButton(tr("The whole series"), QMessageBox.ButtonRole.AcceptRole)
        whole.setObjectName("wholeSeries")
        box.addButton(tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(this)
        this.clicked.connect(self._this_meeting)
        whole.clicked.connect(self._whole_series)
        box.finished.connect(self._choice_closed)
        self.choice = box
        box.open()

    def _this_meeting(self) -> None:
        self.write_invitation(whole_series=False)

    def _whole_series(self) -> None:
        self.write_invitation(whole_series=True)

    def _choice_closed(self) -> None:
        self.choice = None

    def write_invitation(self, *, whole_series: bool) -> None:
        meeting = self._meeting
        if meeting is None:
            return
        try:
            organizer = organizer_in_settings()
        except UserError as error:
            self.said.emit(error.message, True)
            return
        database, now = self._context.database, self._context.now()
        self._start(lambda: write_invitation_draft(database, meeting, organizer, whole_series, now))

    # --- minutes ---------------------------------------------------------------------------------------------

    def send_minutes(self) -> None:
        meeting = self._meeting
        if meeting is None or not self.minutes_button.isEnabled():
            return
        database, now = self._context.database, self._context.now()
        self._start(lambda: write_minutes_draft(database, meeting, now))

    # --- both ------------------------------------------------------------------------------------------------

    def _start(self, work: Callable[[], Path]) -> None:
        self._busy = True
        self._update()
        self._context.tasks.run(work, self._written, key="meetings.outgoing", on_error=self._failed)

    def _written(self, path: Path) -> None:
        self._busy = False
        self._update()
        self.opener(path)
        self.opened.emit(str(path))
        self.said.emit(tr("The draft opens in your mail program: {path}", path=path), False)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self._update()
        if not isinstance(error, UserError):
            self._context.tasks.report_error(error)
            return
        self.said.emit(error.message, True)
