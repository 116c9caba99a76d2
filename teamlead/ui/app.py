"""Starting the desktop app: ``teamlead`` without a command lands in :func:`run`.

Start-up is kept short: the window shows first, data loads in the background, and heavy modules (reportlab,
openpyxl, the demo generator) are imported only when used. ``--exit-when-ready`` follows
``shared/interface.md``: once the first screen is painted with its data, print ``ready in N ms`` (from
process start) and exit 0; where the app would ask something, print the question on stderr and exit 1; it
never waits for a person.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

STARTED = time.perf_counter()
TIMINGS_ENV = "TEAMLEAD_TIMINGS"
READY_TIMEOUT_MS = 120_000


def process_started() -> float:
    """The ``time.perf_counter()`` value at which this process started (Linux: from /proc; else our import).

    ``perf_counter`` and ``CLOCK_MONOTONIC`` share a clock on Linux, and /proc gives the start in clock ticks
    since boot on that same clock, so the interpreter's own start-up is counted too.
    """
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        started = int(fields[19]) / ticks  # field 22 of stat: starttime, in ticks since boot
        monotonic_now = time.clock_gettime(time.CLOCK_BOOTTIME)
        age = monotonic_now - started
    except (OSError, ValueError, IndexError, AttributeError):
        return STARTED
    return time.perf_counter() - age if 0 <= age < 3600 else STARTED


def run(args: argparse.Namespace) -> int:
    """Open the main window on ``--database`` (or the default) and run until it closes.

    The window is shown first and the database opened in the background (its checks and SQLAlchemy's import
    take longer than drawing the window); a database that fails to open leads to the question what to do.
    """
    started = process_started()
    exit_when_ready = bool(getattr(args, "exit_when_ready", False))
    from teamlead.ui.platform_check import platform_problem

    problem = platform_problem()  # Qt would abort with a guess; name the missing libraries instead
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtCore import Qt, QTimer, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from teamlead.ui.qt_imports import file_modules_by_name

    file_modules_by_name()  # before the heavy imports: PySide6 would read each one's source
    from teamlead.i18n import tr
    from teamlead.ui.database_dialogs import ask_on_stderr, ask_with_dialog
    from teamlead.ui.main_window import QSETTINGS_APPLICATION, QSETTINGS_ORGANISATION, MainWindow
    from teamlead.ui.tasks import TaskRunner

    qInstallMessageHandler(_quiet_offscreen_notes)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(QSETTINGS_ORGANISATION)
    app.setApplicationName(QSETTINGS_APPLICATION)
    app.setApplicationDisplayName(tr("Teamlead"))
    from teamlead.ui.collector import install_gui_collector

    install_gui_collector(app)  # no collection in worker threads: Qt objects freed there crash the app
    app.setDesktopFileName("teamlead")  # the desktop entry (resources/desktop), so a taskbar finds the icon
    from teamlead.ui.style import app_icon

    app.setWindowIcon(app_icon())
    from teamlead.ui.qt_language import apply_qt_language

    apply_qt_language()  # Qt's own buttons and dialogs in the language of --language (or the settings)

    from teamlead.rules.logs import setup_logging
    from teamlead.ui.safety.startup import SafeStart, claim_instance

    setup_logging()
    instance = claim_instance(args.database, exit_when_ready=exit_when_ready)  # one Teamlead per database
    if isinstance(instance, int):
        return instance
    ask = ask_on_stderr if exit_when_ready else ask_with_dialog(None)
    from teamlead.data.kept_dashboard import kept_at_start

    # The dashboard as the last read left it, when nothing was written since: on screen with the first paint.
    window = MainWindow(None, ask=ask, kept=kept_at_start(args.database))
    tasks = TaskRunner()
    outcome = {"code": 0}

    def finish(code: int) -> None:
        outcome["code"] = code
        window.close()
        app.exit(code)

    if os.environ.get(TIMINGS_ENV):
        window.window_painted.connect(
            lambda: print(f"window painted in {_elapsed_ms(started)} ms", file=sys.stderr, flush=True)
        )
    if exit_when_ready:

        def ready() -> None:
            ready_ms = _elapsed_ms(started)

            def report() -> None:
                # Fixed English: smoke tests and benchmarks read this line.
                print(f"ready in {ready_ms} ms", flush=True)
                finish(0)

            # A dashboard kept from the last read is on screen before the database is open: the moment is
            # taken now, but the exit waits for the opening, so its checks and questions happen as always.
            if window.has_first_read:
                report()
            else:
                window.first_read_done.connect(report, Qt.ConnectionType.SingleShotConnection)

        def failed(message: str) -> None:
            print(message, file=sys.stderr, flush=True)
            finish(1)

        def too_slow() -> None:
            failed(tr("The first screen was not ready within {s} seconds.", s=READY_TIMEOUT_MS // 1000))

        window.screen_ready.connect(ready)
        tasks.error_reporter = failed
        QTimer.singleShot(READY_TIMEOUT_MS, too_slow)

    # Open once the window is on screen: a worker importing SQLAlchemy would compete with the first paint.
    # SafeStart adds the safety nets: no WAL in sync folders, the damaged-database question, backups.
    start = SafeStart(
        window, tasks, args.database, exit_when_ready=exit_when_ready, finish=finish, instance=instance
    )
    # A turn later: a dashboard kept from the last read is painted in the same pass, and is reported first.
    window.window_painted.connect(lambda: QTimer.singleShot(0, start.start))
    window.show()
    code = app.exec()
    instance.release()
    tasks.shutdown(wait=False)
    if window.has_context:
        window.context.tasks.shutdown(wait=False)
        window.context.database.dispose()
    return code or outcome["code"]


def _elapsed_ms(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)


def _quiet_offscreen_notes(_kind: Any, _context: Any, message: str) -> None:
    """Qt's own messages go to stderr as usual, except the offscreen platform's note about size hints,
    which says nothing to a user and would clutter ``--exit-when-ready`` output."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)
