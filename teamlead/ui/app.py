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

STARTED = time.perf_counter()
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
    """Open the main window on ``--database`` (or the default) and run until it closes."""
    started = process_started()
    exit_when_ready = bool(getattr(args, "exit_when_ready", False))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from teamlead.i18n import tr
    from teamlead.ui.context import AppContext
    from teamlead.ui.database_dialogs import ask_on_stderr, ask_with_dialog, open_with_recovery
    from teamlead.ui.main_window import QSETTINGS_APPLICATION, QSETTINGS_ORGANISATION, MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(QSETTINGS_ORGANISATION)
    app.setApplicationName(QSETTINGS_APPLICATION)
    app.setApplicationDisplayName(tr("Teamlead"))

    ask = ask_on_stderr if exit_when_ready else ask_with_dialog(None)
    database = open_with_recovery(args.database, None, ask)
    if database is None:
        return 1 if exit_when_ready else 0
    context = AppContext(database)
    window = MainWindow(context, ask=ask)
    outcome = {"code": 0}

    if exit_when_ready:

        def ready() -> None:
            # Fixed English: smoke tests and benchmarks read this line.
            print(f"ready in {round((time.perf_counter() - started) * 1000)} ms", flush=True)
            window.close()
            app.exit(0)

        def failed(message: str) -> None:
            print(message, file=sys.stderr, flush=True)
            outcome["code"] = 1
            window.close()
            app.exit(1)

        def too_slow() -> None:
            failed(tr("The first screen was not ready within {s} seconds.", s=READY_TIMEOUT_MS // 1000))

        window.screen_ready.connect(ready)
        context.tasks.error_reporter = failed
        QTimer.singleShot(READY_TIMEOUT_MS, too_slow)

    window.show()
    code = app.exec()
    window.context.tasks.shutdown(wait=False)
    window.context.database.dispose()
    return code or outcome["code"]
