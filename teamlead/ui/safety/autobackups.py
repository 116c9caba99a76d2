"""Automatic backups while the app runs: the first once the first screen is painted, the next within a minute
of the session's first changes, then at most every 30 minutes while the database changes, always in a worker
thread; and one on close, on the GUI thread (the window is going away), when anything changed since the
last. A failure is shown, never swallowed."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from teamlead.i18n import tr

if TYPE_CHECKING:
    from teamlead.startup.autobackup import AutoBackup, BackupDone
    from teamlead.ui.main_window import MainWindow

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 60_000  # looking costs two stat() calls; the 30-minute rule is AutoBackup's


class AutoBackups(QObject):
    """Attached to the main window; follows whichever database it shows."""

    backup_done = Signal(str)
    """A backup was written (its path)."""

    backup_failed = Signal(str)
    """A backup failed (the message shown to the user)."""

    def __init__(self, window: MainWindow, *, interactive: bool = True, enabled: bool = True) -> None:
        """``enabled`` False (``--exit-when-ready``, which exits at the first screen): no backups, so smoke
        tests and start-up benchmarks neither wait for one nor leave copies behind."""
        super().__init__(window)
        self.setObjectName("autoBackups")
        self._window = window
        self._interactive = interactive
        self._auto: AutoBackup | None = None
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        if enabled:
            window.screen_ready.connect(self.follow_database)
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Before the window closes (its database is still open): the closing backup."""
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.back_up_on_close()
        return super().eventFilter(watched, event)

    def back_up_on_close(self) -> None:
        """Keep the session's last changes: a backup now, unless one is running or nothing changed."""
        auto = self._auto
        if auto is None or self._running or not self._window.has_context:
            return
        self._timer.stop()
        try:
            done = auto.run() if auto.due_on_close() else None
        except Exception as error:  # shown like any failed backup
            self._failed(error)
            return
        if done is not None:
            self.backup_done.emit(str(done.path))

    @property
    def auto(self) -> AutoBackup | None:
        return self._auto

    def follow_database(self) -> None:
        """The window shows a database (again): back it up if due, and keep watching it (SQLite only)."""
        from teamlead.startup.autobackup import AutoBackup

        path = self._window.context.database.path if self._window.has_context else None
        if path is None:
            self._auto = None
            self._timer.stop()
            return
        if self._auto is None or self._auto.database != path:
            self._auto = AutoBackup(path)
        self._timer.start()
        self.check()

    def check(self) -> None:
        """Take a backup in the background when one is due."""
        auto = self._auto
        if auto is None or self._running or not self._window.has_context:
            return
        tasks = self._window.context.tasks
        self._running = True

        def work() -> BackupDone | None:
            return auto.run() if auto.due() else None

        try:
            tasks.run(work, self._finished, on_error=self._failed)
        except RuntimeError:  # the window is closing and its runner was shut down: nothing to back up now
            self._running = False
            self._timer.stop()

    def _finished(self, done: BackupDone | None) -> None:
        self._running = False
        if done is not None:
            self.backup_done.emit(str(done.path))

    def _failed(self, error: BaseException) -> None:
        self._running = False
        from teamlead.ui.tasks import message_for

        message = tr("The automatic backup failed: {reason}", reason=message_for(error))
        self._window.statusBar().showMessage(message.splitlines()[0], 15_000)
        self.backup_failed.emit(message)
        if self._interactive:
            box = QMessageBox(QMessageBox.Icon.Warning, tr("Backup failed"), message, parent=self._window)
            box.setObjectName("backupFailedBox")
            box.open()
