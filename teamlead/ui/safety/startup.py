"""The app's start with its safety nets: one instance per database, a safe opening (WAL only in a local
folder, a warning for sync folders and network drives), the damaged-database question, automatic backups and
the log file. :func:`teamlead.ui.app.run` calls :func:`claim_instance` and :class:`SafeStart`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from teamlead.errors import LoginNeededError, UserError
from teamlead.i18n import tr
from teamlead.ui.safety.autobackups import AutoBackups
from teamlead.ui.safety.single_instance import SingleInstance, bring_to_front

if TYPE_CHECKING:
    from teamlead.startup.opening import Opened
    from teamlead.ui.main_window import MainWindow
    from teamlead.ui.tasks import TaskRunner


def already_running_message() -> str:
    return tr(
        "This database is already open in another Teamlead window; that window was brought to the front."
    )


def claim_instance(target: str | None, *, exit_when_ready: bool) -> SingleInstance | int:
    """The lock for this database, or the exit code when another Teamlead has it open (it is asked to come
    to the front; with ``--exit-when-ready`` that is said on stderr and the code is 1)."""
    from teamlead.startup.instance_key import database_key

    instance = SingleInstance(database_key(target))
    if instance.acquire(listen=False):  # SafeStart listens once the window is painted
        return instance
    answered = instance.activate_running()
    if exit_when_ready or not answered:
        print(
            tr("This database is already open in another Teamlead window.")
            if answered
            else tr(
                "This database is locked by another Teamlead that does not answer; close it and try again."
            ),
            file=sys.stderr,
            flush=True,
        )
        return 1
    print(already_running_message(), file=sys.stderr, flush=True)
    return 0


class SafeStart(QObject):
    """Opens the database for the window in the background, and handles what can go wrong."""

    def __init__(
        self,
        window: MainWindow,
        tasks: TaskRunner,
        target: str | None,
        *,
        exit_when_ready: bool,
        finish: Callable[[int], None],
        instance: SingleInstance | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._tasks = tasks
        self._target = target
        self._exit_when_ready = exit_when_ready
        self._finish = finish
        self.location_warning: str | None = None
        self.backups = AutoBackups(window, interactive=not exit_when_ready, enabled=not exit_when_ready)
        self._warned: set[Path] = set()
        window.screen_ready.connect(self.check_location)
        window.safety_backups = self.backups  # type: ignore[attr-defined]
        self._instance = instance
        if instance is not None:
            instance.setParent(self)
            instance.activation_requested.connect(lambda: bring_to_front(window))

    def start(self, login: tuple[str, str] | None = None) -> None:
        target = self._target
        if self._instance is not None:
            self._instance.listen()
        if login is None:
            from teamlead.data.look_ahead import start_for

            start_for(target)  # the file's check, beside the imports below (it runs outside Python's lock)

        def open_it() -> Opened:
            # Imported here, in the worker: the opening brings SQLAlchemy and the models (half a second on
            # a busy laptop), during which the window, already painted, keeps answering.
            from teamlead.startup.opening import open_for_app

            return open_for_app(target, login)

        self._tasks.run(open_it, self._opened, on_error=self._failed)

    def ask_login(self, error: LoginNeededError) -> None:
        """The server wants a user name and password: ask, then open again with them (Cancel: no database)."""
        from teamlead.data.engine import display_name, resolve_url
        from teamlead.ui.safety.login import LoginDialog

        url = resolve_url(self._target)
        dialog = LoginDialog(display_name(url), url.username or "", error.message, self._window)
        dialog.logged_in.connect(lambda name, password: self.start((name, password)))
        dialog.rejected.connect(lambda: self._finish(0))
        dialog.open()

    def _opened(self, opened: Opened) -> None:
        from teamlead.ui.context import AppContext

        self._window.set_context(AppContext(opened.database, tasks=self._tasks))

    def check_location(self) -> None:
        """Each database the window shows (at start or from File ▸ Open): warn once about a risky place."""
        from teamlead.rules.locations import risky_location

        if self._window.has_context:
            path = self._window.context.database.path
        else:  # a kept dashboard is on screen before the database is open: warn about the file all the same
            from teamlead.data.look_ahead import file_for

            path = file_for(self._target)
        if path is None or path in self._warned:
            return
        risky = risky_location(path)
        if risky is not None:
            self._warned.add(path)
            self.location_warning = risky.warning(path)
            self.warn_about_location(self.location_warning)

    def warn_about_location(self, warning: str) -> None:
        self._window.statusBar().showMessage(warning.split(". ")[0], 30_000)
        if self._exit_when_ready:
            print(warning, file=sys.stderr, flush=True)
            return
        from PySide6.QtWidgets import QMessageBox  # rarely shown: not loaded before the first paint

        box = QMessageBox(
            QMessageBox.Icon.Warning, tr("Risky place for a database"), warning, parent=self._window
        )
        box.setObjectName("locationWarning")
        box.open()

    def _failed(self, error: BaseException) -> None:
        from teamlead.ui.database_dialogs import failure_message
        from teamlead.ui.safety.damaged import recover

        if not isinstance(error, UserError):
            self._tasks.report_error(error)
            self._finish(1)
            return
        if isinstance(error, LoginNeededError) and not self._exit_when_ready:
            self.ask_login(error)
            return
        opened = recover(
            failure_message(error), self._target, self._window, exit_when_ready=self._exit_when_ready
        )
        if opened is None:
            self._finish(1 if self._exit_when_ready else 0)
        else:
            self._opened(opened)
