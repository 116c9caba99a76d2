"""Background work for the UI: run a function off the GUI thread, get its result back on the GUI thread.

The GUI thread never waits on the database or a report. Every view does its slow work through the one
:class:`TaskRunner` of its :class:`~teamlead.ui.context.AppContext` (modelled on Anki's ``taskman.py``)::

    # A query: the worker gets nothing, returns plain rows; on_done runs on the GUI thread with them.
    context.tasks.run(lambda: load_rows(database, text), self._show_rows, key="partners.filter")

    # Database work: prefer the context's helpers, which open a session *in the worker thread*.
    context.read(lambda session: query_rows(session, text), self._show_rows, key="partners.filter")
    context.write(lambda session: add_partner(session, form), self._saved, changed=Change.ORGANISATION)

    # Long work with progress and cancel: the worker gets a Progress, reports and checks it.
    def work(progress: Progress) -> int:
        for done, item in enumerate(items):
            progress.check()                      # raises Cancelled when the user cancelled
            ...
            progress.report(done + 1, len(items), tr("Writing notes"))
        return len(items)

    task = context.tasks.run_with_progress(work, self._finished, on_progress=self._bar.setValue...)
    cancel_button.clicked.connect(task.cancel)

Rules:

- **Hand back frozen rows** (frozen dataclasses, tuples), never live ORM objects: their session lives in the
  worker thread and is closed by the time ``on_done`` runs.
- **Stale results are dropped.** Give requests for the same view the same ``key`` (e.g. each keystroke of a
  filter): a newer request cancels the older one, and an older result that still arrives is never delivered.
- **Errors**: a :class:`~teamlead.errors.UserError` is shown to the user with its message; anything else
  is logged with its traceback and shown as a generic message. Pass ``on_error`` to handle errors yourself
  (it gets the exception, on the GUI thread). :attr:`TaskRunner.error_reporter` decides how messages are
  shown (a dialog; the app's ``--exit-when-ready`` mode prints them instead), and
  :attr:`TaskRunner.error_reported` fires with the text either way.
- A cancelled task calls ``on_cancelled`` (if given) instead of ``on_done``.
- No ``processEvents()`` loops anywhere: results arrive through a queued signal.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from teamlead.data.access.refusals import refusal
from teamlead.errors import UserError
from teamlead.i18n import tr

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

log = logging.getLogger(__name__)

# Progress reports closer together than this are merged, so a fast loop cannot flood the GUI thread.
PROGRESS_INTERVAL_S = 0.05


class Cancelled(Exception):  # noqa: N818 - reads as "the task was cancelled"
    """Raised by :meth:`Progress.check` in the worker once the task was cancelled or superseded."""


class Progress:
    """Handed to long work: report how far it is, and ask whether the user cancelled.

    Thread-safe; :meth:`report` is throttled, so calling it for every row is fine.
    """

    def __init__(self, task: Task) -> None:
        self._task = task
        self._last_sent = 0.0

    @property
    def cancelled(self) -> bool:
        return self._task.cancelled

    def check(self) -> None:
        """Stop the work (raise :class:`Cancelled`) if the task was cancelled."""
        if self._task.cancelled:
            raise Cancelled

    def report(self, done: int, total: int | None = None, label: str = "") -> None:
        """``done`` of ``total`` steps (``total`` None: unknown), with an optional line of text."""
        now = time.monotonic()
        finished = total is not None and done >= total
        if not finished and now - self._last_sent < PROGRESS_INTERVAL_S:
            return
        self._last_sent = now
        self._task._post_progress(done, total, label)

    def __call__(self, done: int, total: int | None = None, label: str = "") -> None:
        """A Progress is also a plain callback ``progress(done, total, label)``, for library code."""
        self.check()
        self.report(done, total, label)


@dataclass(eq=False)
class Task:
    """A handle on one piece of background work: cancel it, or ask whether it is done."""

    runner: TaskRunner
    number: int
    key: str | None
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int | None, str], None] | None
    on_cancelled: Callable[[], None] | None
    # The work itself lives here, not in the worker's frame, so it and everything its closure holds (often a
    # view) are released on the GUI thread by :meth:`_release`: a widget freed in a worker thread crashes Qt.
    work: Callable[[Progress], Any] | None = None
    _cancel: threading.Event = field(default_factory=threading.Event)
    finished: bool = False

    def _release(self) -> None:
        """Drop the work and the callbacks (on the GUI thread) once the outcome was delivered."""
        self.work = None
        self.on_done = self.on_error = self.on_progress = self.on_cancelled = None

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the work to stop; its result, if it still comes, is not delivered."""
        self._cancel.set()

    def _post_progress(self, done: int, total: int | None, label: str) -> None:
        if self.on_progress is not None and not self.cancelled:
            self.runner._post(self, "progress", (done, total, label))


class TaskRunner(QObject):
    """Runs functions on a small thread pool and calls back on the GUI thread.

    One per app (the context owns it). Call it from the GUI thread only.
    """

    error_reported = Signal(str)
    """The message shown for a failed task (after :attr:`error_reporter` showed it)."""

    idle = Signal()
    """No task is running any more (tests and the ``--exit-when-ready`` mode wait for it)."""

    def __init__(self, parent: QObject | None = None, *, max_workers: int = 3) -> None:
        super().__init__(parent)
        self._max_workers = max_workers
        self._executor: ThreadPoolExecutor | None = None
        """Made with the first task: the window makes its runner before its first paint, the pool can wait."""
        self._numbers = itertools.count(1)
        self._latest: dict[str, Task] = {}
        self._running: set[Task] = set()
        self._closed = False
        self.error_reporter: Callable[[str], None] = self.show_error_dialog
        # Queued: the slot runs on the thread this object lives in (the GUI thread), whoever emits. Workers
        # emit on the app-long courier, never on this runner, which may be deleted while they still work.
        _courier().delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    # --- starting work ------------------------------------------------------------------------------------

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        key: str | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Task:
        """Run ``work()`` in the background; ``on_done(result)`` on the GUI thread when it returns."""
        return self._start(lambda _progress: work(), on_done, key, on_error, None, on_cancelled)

    def run_with_progress(
        self,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        on_progress: Callable[[int, int | None, str], None] | None = None,
        key: str | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Task:
        """Run ``work(progress)``; ``on_progress(done, total, label)`` on the GUI thread as it reports."""
        return self._start(work, on_done, key, on_error, on_progress, on_cancelled)

    def _start(
        self,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None,
        key: str | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int | None, str], None] | None,
        on_cancelled: Callable[[], None] | None,
    ) -> Task:
        if self._closed:
            raise RuntimeError("the task runner was shut down")
        task = Task(self, next(self._numbers), key, on_done, on_error, on_progress, on_cancelled, work)
        if key is not None:
            older = self._latest.get(key)
            if older is not None:
                older.cancel()
            self._latest[key] = task
        self._running.add(task)
        if self._executor is None:
            if self._closed:
                raise RuntimeError("this task runner is shut down")  # as the pool would say
            from concurrent.futures import ThreadPoolExecutor

            self._executor = ThreadPoolExecutor(self._max_workers, thread_name_prefix="teamlead-task")
        self._executor.submit(self._work, task)
        return task

    def _work(self, task: Task) -> None:
        """In a worker thread: run the work and post what came of it (holding no reference to it afterwards)."""
        if task.cancelled or task.work is None:
            self._post(task, "cancelled", None)
            return
        try:
            result = task.work(Progress(task))
        except Cancelled:
            self._post(task, "cancelled", None)
        except BaseException as error:  # every failure goes back to the GUI thread
            self._post(task, "error", error)
        else:
            self._post(task, "done", result)

    def _post(self, task: Task, what: str, payload: object) -> None:
        # RuntimeError: the app is closing and the courier is gone; nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            _courier().delivered.emit(task, what, payload)

    # --- back on the GUI thread ---------------------------------------------------------------------------

    @Slot(object, str, object)
    def _on_delivered(self, task: Task, what: str, payload: Any) -> None:
        if task.runner is not self:
            return
        if what == "progress":
            if not task.cancelled and not task.finished and task.on_progress is not None:
                done, total, label = payload
                task.on_progress(done, total, label)
            return
        task.finished = True
        self._running.discard(task)
        if task.key is not None and self._latest.get(task.key) is task:
            del self._latest[task.key]
        try:
            if self._closed:
                return
            if task.cancelled or what == "cancelled":
                if callback_alive(task.on_cancelled):
                    task.on_cancelled()  # type: ignore[misc]
            elif what == "error":
                self._handle_error(task, payload)
            elif callback_alive(task.on_done):
                task.on_done(payload)  # type: ignore[misc]
        finally:
            task._release()
            # A result can arrive after the runner's owner (a dialog's context) was deleted: nobody to tell.
            if not self._running and isValid(self):
                self.idle.emit()

    def _handle_error(self, task: Task, error: BaseException) -> None:
        if task.on_error is not None:
            if callback_alive(task.on_error):
                task.on_error(error)
            return
        self.report_error(error)

    def report_error(self, error: BaseException) -> None:
        """Tell the user about ``error``: its own message for a UserError, else a generic one (and log it)."""
        self.report_message(message_for(error))

    def report_message(self, message: str) -> None:
        self.error_reporter(message)
        self.error_reported.emit(message)

    @staticmethod
    def show_error_dialog(message: str) -> None:
        """The default reporter: a window-modal message box that does not block the event loop."""
        parent = QApplication.activeWindow()
        box = QMessageBox(
            QMessageBox.Icon.Warning, tr("Teamlead"), message, QMessageBox.StandardButton.Ok, parent
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("taskErrorBox")
        if (
            parent is None
        ):  # no window of ours is active: nothing holds the box, Python would collect it at once
            _OPEN_BOXES.add(box)
            box.finished.connect(lambda _result: _OPEN_BOXES.discard(box))
        box.open()

    # --- state and shutdown -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return bool(self._running)

    @property
    def closed(self) -> bool:
        """Shut down: its database was closed (another one opened, the window closing); it runs nothing more."""
        return self._closed

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def shutdown(self, *, wait: bool = True) -> None:
        """Cancel everything and stop the pool; results still arriving are dropped."""
        self._closed = True
        self.cancel_all()
        if self._executor is not None:
            self._executor.shutdown(wait=wait, cancel_futures=True)


class _Courier(QObject):
    """Carries results from worker threads to the GUI thread; lives as long as the app."""

    delivered = Signal(object, str, object)  # task, what ("done", "error", "cancelled", "progress"), payload


_COURIER: list[_Courier] = []
_OPEN_BOXES: set[QMessageBox] = set()
"""Error boxes shown without a parent window, kept alive until answered."""


def _courier() -> _Courier:
    """The one courier, made on first use (from the GUI thread: a runner's constructor) and never deleted."""
    if not _COURIER:
        _COURIER.append(_Courier())
    return _COURIER[0]


def message_for(error: BaseException) -> str:
    """What the user reads for a failed task; bugs are logged with their traceback, and never shown raw."""
    if isinstance(error, UserError):
        return error.message
    refused = refusal(error)
    if refused is not None:
        return refused.message
    log.error("background task failed", exc_info=error)
    return tr("Something went wrong and the action was not completed. The details are in the log.")


def widget_alive(widget: QObject) -> bool:
    """Whether the C++ side of ``widget`` still exists (a result may arrive after its view was closed)."""
    return bool(isValid(widget))


def callback_alive(callback: Callable[..., Any] | None) -> bool:
    """A callback that is a method of a deleted widget is skipped: its view is gone, nobody waits for it."""
    if callback is None:
        return False
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or bool(isValid(owner))


__all__ = ["Cancelled", "Progress", "Task", "TaskRunner", "callback_alive", "message_for", "widget_alive"]
