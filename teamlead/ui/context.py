"""What every view is given: the open database, the background-task runner, today's date, and two signals.

A view is a ``QWidget`` constructed as ``View(context, parent=None)``, with a ``title()`` (its name in the
sidebar, translated at call time), and optionally:

- ``open_record(kind, id) -> bool``: show that record if this view is its home; the main window asks each view
  in turn when someone emits :attr:`AppContext.open_record` and switches to the first that says True.
- a ``loaded = Signal()`` emitted each time its data is on screen (the ``--exit-when-ready`` mode and the
  tests wait for the first one; a view without it counts as ready at once).

Loading data::

    class PartnersView(QWidget):
        def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
            super().__init__(parent)
            self._context = context
            context.data_changed.connect(self._on_data_changed)
            self.reload()

        def reload(self) -> None:
            # key: a newer reload supersedes an older one still running (see teamlead.ui.tasks)
            self._context.read(partner_rows, self._model.set_rows, key="partners.rows")

        def _on_data_changed(self, what: Change) -> None:
            if what in (Change.ORGANISATION, Change.PERSON, Change.NOTE, Change.ALL):
                self.reload()

Saving::

    self._context.write(lambda session: services.add_note(session, form), self._saved, changed=Change.NOTE)

``write`` runs in one transaction (``database.begin()``) in a worker thread, then emits
``data_changed(Change.NOTE)`` so every view showing notes reloads. What changed is a
:class:`~teamlead.rules.vocabulary.Change` (``Change.ALL``: a demo load, an import, another database) and the
record to open a :class:`~teamlead.rules.vocabulary.RecordKind`: enums, so a misspelt kind fails the type check
instead of quietly not refreshing a screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.vocabulary import Change
from teamlead.ui.tasks import Task, TaskRunner, callback_alive

if TYPE_CHECKING:  # imported for real by whoever opened the database; the window shows before that
    from sqlalchemy.orm import Session

    from teamlead.data.access.identity import Identity
    from teamlead.data.database import Database


class AppContext(QObject):
    """Shared by the main window and every view; one per open database."""

    data_changed = Signal(object)
    """Emitted after a write with what changed (a :class:`Change`), so the views showing it reload."""

    open_record = Signal(object, int)
    """Navigate to a record: (:class:`RecordKind`, id)."""

    def __init__(
        self,
        database: Database,
        *,
        tasks: TaskRunner | None = None,
        today: date | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.tasks = tasks if tasks is not None else TaskRunner(self)
        self._today = today
        self._now: datetime | None = None
        self.identity: Identity | None = None
        """Who the user is on this database (role, districts); None until the window's first read."""

    def today(self) -> date:
        """The date the app works with: the real date, or a fixed one (screenshots, tests)."""
        if self._now is not None:
            return self._now.astimezone(AMSTERDAM).date()
        return self._today if self._today is not None else date.today()

    def set_today(self, day: date) -> None:
        """Fix the app's date from here on (screenshots, and tests that walk through a quarter by hand): what
        is written afterwards is dated ``day``, at 08:00 in Amsterdam. Screens read it at their next load."""
        self._today, self._now = day, None

    def set_now(self, moment: datetime) -> None:
        """Fix the app's clock at an aware moment (who is reachable at 22:00 on a weekday)."""
        self._now = moment
        self._today = moment.astimezone(AMSTERDAM).date()

    def now(self) -> datetime:
        """The current moment (aware); with a fixed date, that day at 08:00 in Amsterdam."""
        if self._now is not None:
            return self._now
        if self._today is None:
            return datetime.now(UTC)
        return datetime.combine(self._today, time(8, 0), tzinfo=AMSTERDAM)

    def read(
        self,
        work: Callable[[Session], Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        key: str | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Run ``work(session)`` in a worker thread on a session of its own; ``on_done(result)`` on the GUI
        thread. Return frozen rows from ``work``, never ORM objects."""
        database = self.database

        def job() -> Any:
            with database.session() as session:
                return work(session)

        return self.tasks.run(job, on_done, key=key, on_error=on_error)

    def write(
        self,
        work: Callable[[Session], Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        changed: Change,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Run ``work(session)`` in one transaction in a worker thread; on success emit
        ``data_changed(changed)`` and call ``on_done(result)`` on the GUI thread."""
        database = self.database

        def job() -> Any:
            with database.begin() as session:
                return work(session)

        def done(result: Any) -> None:
            self.data_changed.emit(changed)
            if on_done is not None and callback_alive(on_done):
                on_done(result)

        return self.tasks.run(job, done, on_error=on_error)
