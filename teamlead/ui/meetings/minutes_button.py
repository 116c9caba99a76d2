"""The meeting page's "Minutes…": the meeting's minutes as a PDF, made as ``teamlead report minutes`` makes
them (:func:`teamlead.producing.minutes.minutes_request`), in the background. A meeting that was not held (still
to come, or cancelled) has no minutes: the button is off and its tooltip says why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from teamlead.data.queries.meetings import MeetingRow
from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.producing.minutes import minutes_file_name, minutes_request
from teamlead.producing.produce import produce
from teamlead.rules.clock import local_day
from teamlead.rules.vocabulary import MeetingStatus
from teamlead.ui.context import AppContext


class MinutesButton(QPushButton):
    """Asks where to save, then writes the minutes of the meeting shown; off for a meeting not held."""

    written = Signal(str)
    """The minutes were saved at this path."""
    said = Signal(str, bool)
    """(text, trouble): what to tell the user: the file saved, or (trouble) why it was not."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("&Minutes…"), parent)
        self._context = context
        self._meeting: MeetingRow | None = None
        self._writing = False
        self._unsaved = False
        self.setObjectName("minutesButton")
        self.setEnabled(False)
        self.clicked.connect(self._choose_file)

    def set_meeting(self, meeting: MeetingRow | None) -> None:
        """The meeting on the page (None: none); the button is on only once it has been held."""
        self._meeting = meeting
        self._update()

    def set_unsaved(self, unsaved: bool) -> None:
        """The page has typing not saved yet: the minutes are made from what is saved, so not now."""
        self._unsaved = unsaved
        self._update()

    def not_held_reason(self) -> str:
        """Why the meeting on the page has no minutes; empty when it has."""
        meeting = self._meeting
        if meeting is None:
            return ""
        if meeting.status == MeetingStatus.CANCELLED:
            return tr("This meeting was cancelled, so it has no minutes.")
        if meeting.starts_at > self._context.now():
            return tr("Minutes can be made once the meeting has begun.")
        return ""

    def _update(self) -> None:
        reason = self.not_held_reason()
        if not reason and self._unsaved:
            reason = tr("Save or undo your changes first: the minutes are made from what is saved.")
        self.setEnabled(self._meeting is not None and not reason and not self._writing)
        self.setToolTip(reason or tr("The minutes of this meeting as a PDF, to send to the invitees"))

    def _choose_file(self) -> None:
        meeting = self._meeting
        if meeting is None or not self.isEnabled():
            return
        proposed = Path.home() / minutes_file_name(meeting.title, local_day(meeting.starts_at))
        path, _chosen = QFileDialog.getSaveFileName(
            self, tr("Save the minutes"), str(proposed), tr("Page to print or keep (*.pdf)")
        )
        if path:
            target = Path(path)
            self.save(target if target.suffix.lower() == ".pdf" else target.with_name(target.name + ".pdf"))

    def save(self, target: Path) -> None:
        """Write the minutes of the meeting shown to ``target`` (a ``.pdf``)."""
        meeting = self._meeting
        if meeting is None:
            return
        database, now = self._context.database, self._context.now()
        request = minutes_request(target, meeting.id, local_day(meeting.starts_at))
        self._writing = True
        self._update()
        self._context.tasks.run(
            lambda: produce(database, request, now),
            self._saved,
            key="meetings.minutes",
            on_error=self._failed,
        )

    def _saved(self, path: Path) -> None:
        self._writing = False
        self._update()
        self.said.emit(tr("Saved: {path}", path=path), False)
        self.written.emit(str(path))

    def _failed(self, error: BaseException) -> None:
        self._writing = False
        self._update()
        if not isinstance(error, UserError):
            self._context.tasks.report_error(error)
            return
        self.said.emit(error.message, True)
