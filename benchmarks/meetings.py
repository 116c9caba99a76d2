"""The Meetings and Agreements sections on demo data: open each view until its rows are on screen, open a
meeting's page, and apply the filters a team lead types.

Targets: with the district demo, the views open and filter within 100 ms (issue 5); on the city demo (26,000
meetings, 30,000 agreements) the rows are on screen within 1.5x their query alone (issue 19). The database is
a copy (opening Meetings materialises series ahead), and each figure is the median of several runs.

With a PostgreSQL server configured (:mod:`benchmarks._city`), the same on a copy of each demo there, as a team
lead of every district of the demo (the same rows, each through row-level security), beside the SQLite figures.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks._city import TODAY, demo_postgres, demo_sqlite, postgres_server
from benchmarks._postgres import SKIPPED, measure_beside

TARGET_MS = 100.0
RUNS = 5


def _wait(signal: Any, timeout_s: float = 60.0) -> None:
    """Run the event loop until ``signal`` fires (the view's data is on screen)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def _settle(context: Any) -> None:
    """Let background work of the last run finish (a view's series extension) before the next run."""
    if context.tasks.busy:
        _wait(context.tasks.idle)


def _ms(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return (time.perf_counter() - began) * 1000


def _report(label: str, values: list[float]) -> None:
    median = statistics.median(values)
    print(f"  {label:<52} {median:7.1f} ms  ({median / TARGET_MS:.2f} of the {TARGET_MS:.0f} ms target)")


def measure_sqlite(path: Path, *, meetings: bool = True) -> dict[str, float]:
    """:func:`measure` on a copy of the SQLite file ``path``."""
    from teamlead.data.database import open_database

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        database = open_database(copy)
        try:
            return measure(database, meetings=meetings)
        finally:
            database.dispose()


def measure(database: Any, *, meetings: bool = True) -> dict[str, float]:
    """Open the sections on ``database`` (a copy: opening Meetings writes) and print the figures; their
    medians by label."""
    from PySide6.QtWidgets import QApplication

    from teamlead.data.access.identity import who_am_i
    from teamlead.rules.text import forget_folded
    from teamlead.ui.agreements.view import AgreementsView
    from teamlead.ui.context import AppContext

    _app = QApplication.instance() or QApplication([])
    context = AppContext(database, today=TODAY)
    with database.session() as session:
        context.identity = who_am_i(session)  # as the window learns it beside its first read
    errors: list[str] = []
    context.tasks.error_reporter = errors.append
    figures: dict[str, list[float]] = {}

    def add(label: str, value: float) -> None:
        figures.setdefault(label, []).append(value)

    from teamlead.data.queries.agreements_register import register_rows
    from teamlead.data.queries.meeting_list import meeting_list
    from teamlead.ui.agreements.model import AgreementTableModel

    # Each "query alone" right after the opening it is compared with, run by run: on a shared machine the
    # speed drifts, and two series measured a minute apart compared the drift as much as the screens.
    def meetings_alone() -> None:
        with database.session() as session:
            add("meetings: the list's query alone", _ms(lambda s=session: meeting_list(s)))

    def agreements_alone() -> None:
        forget_folded()
        with database.session() as session:
            began = time.perf_counter()
            loaded = register_rows(session)
            add("agreements: read in the background (worker)", (time.perf_counter() - began) * 1000)
        model = AgreementTableModel(TODAY)
        add(
            "agreements: rows into the table (GUI thread)",
            _ms(lambda m=model, r=loaded: m.set_register(r)),
        )

    if meetings:
        from teamlead.ui.meetings.view import MeetingsView

        for _ in range(RUNS):
            forget_folded()  # each run as the section's first opening in a session
            began = time.perf_counter()
            view = MeetingsView(context)
            view.resize(1366, 768)
            view.show()
            _wait(view.loaded)
            add("meetings: open, rows on screen", (time.perf_counter() - began) * 1000)
            add("meetings: show past", _ms(lambda v=view: v.period.setCurrentIndex(1)))
            add("meetings: kind = network", _ms(lambda v=view: v.kind.setCurrentIndex(1)))
            add(
                "meetings: type a partner 'jongerenwerk'",
                _ms(lambda v=view: v.search.setText("jongerenwerk")),
            )
            meeting_id = view.visible_rows()[0].id if view.visible_rows() else view.model.row_at(0).id
            began = time.perf_counter()
            view.open_meeting(meeting_id)
            _wait(view.page.loaded)
            add("meeting page: open, data on screen", (time.perf_counter() - began) * 1000)
            _settle(context)
            view.close()
            view.deleteLater()
            meetings_alone()

    rows = 0
    for _ in range(RUNS):
        forget_folded()
        began = time.perf_counter()
        register = AgreementsView(context)
        register.resize(1366, 768)
        register.show()
        _wait(register.loaded)
        add("agreements: open, rows on screen", (time.perf_counter() - began) * 1000)
        rows = register.model.total
        add("agreements: status = all", _ms(lambda r=register: r.status.setCurrentIndex(1)))
        add("agreements: due = overdue", _ms(lambda r=register: r.due.setCurrentIndex(1)))
        add("agreements: partner typed 'j'", _ms(lambda r=register: r.partner.setText("j")))
        add(
            "agreements: partner typed 'jongerenwerk'",
            _ms(lambda r=register: r.partner.setText("jongerenwerk")),
        )
        add("agreements: words typed 'buurt'", _ms(lambda r=register: r.search.setText("buurt")))
        add("agreements: show all", _ms(register.clear_filters))
        add(
            "agreements: sort by text",
            _ms(lambda r=register: r.table.sortByColumn(2, r.table.horizontalHeader().sortIndicatorOrder())),
        )
        _settle(context)
        register.close()
        register.deleteLater()
        agreements_alone()
    print(f"  ({rows} agreements)")
    for label, values in figures.items():
        _report(label, values)
    # Issue 19: rows on screen within 1.5x the query alone (a loading note meanwhile).
    for name, alone in (
        ("meetings", "meetings: the list's query alone"),
        ("agreements", "agreements: read in the background (worker)"),
    ):
        shown = figures.get(f"{name}: open, rows on screen")
        if shown and figures.get(alone):
            ratio = statistics.median(shown) / statistics.median(figures[alone])
            # On the district demo the view's fixed cost (~50 ms) weighs against a 30 ms query: shown, no goal.
            print(f"  {name}: rows on screen / query alone {ratio:.2f}  (target <= 1.50 on the city demo)")
    context.tasks.shutdown(wait=True)
    if errors:
        print(f"  errors: {errors}")
    return {label: statistics.median(values) for label, values in figures.items()}


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    server = postgres_server()
    for scale in ("district", "city"):
        path = demo_sqlite(scale)
        print(f"{scale} demo ({path.name}):")
        on_sqlite = measure_sqlite(path)
        if server is None:
            print(f"  {SKIPPED}")
            continue
        measure_beside(
            server, demo_postgres(server, scale).database, on_sqlite, measure, f"{scale} demo on postgresql"
        )


if __name__ == "__main__":
    main()
