"""The Meetings and Agreements sections on demo data: open each view until its rows are on screen, open a
meeting's page, and apply the filters a team lead types.

Target (issue 5): with the district demo, the views open and filter within 100 ms. The register is also
measured on the city demo (30,000 agreements) when ``benchmarks/ui.py`` has made it. The database is a copy
(opening Meetings materialises series ahead), and each figure is the median of several runs.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

TODAY = date(2026, 3, 2)
CACHE = Path(os.environ.get("TEAMLEAD_BENCH_CACHE", Path(tempfile.gettempdir()) / "teamlead-bench"))
TARGET_MS = 100.0
RUNS = 5


def demo_database(scale: str, *, make: bool) -> Path | None:
    """The demo at ``scale`` (seed 1, today 2026-03-02), made once into the cache folder when ``make``."""
    path = CACHE / f"{scale}-seed1-{TODAY.isoformat()}.sqlite3"
    if path.exists() or not make:
        return path if path.exists() else None
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.sqlite3")
    partial.unlink(missing_ok=True)
    print(f"making the {scale} demo in {partial} (once)", flush=True)
    subprocess.run(
        [
            *(sys.executable, "-m", "teamlead", "--database", str(partial), "demo"),
            *("--scale", scale, "--seed", "1", "--today", TODAY.isoformat()),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    partial.rename(path)
    return path


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


def measure(path: Path, *, meetings: bool = True) -> None:
    from PySide6.QtWidgets import QApplication

    from teamlead.data.database import open_database
    from teamlead.ui.agreements.view import AgreementsView
    from teamlead.ui.context import AppContext

    _app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        database = open_database(copy)
        context = AppContext(database, today=TODAY)
        errors: list[str] = []
        context.tasks.error_reporter = errors.append
        figures: dict[str, list[float]] = {}

        def add(label: str, value: float) -> None:
            figures.setdefault(label, []).append(value)

        if meetings:
            from teamlead.ui.meetings.view import MeetingsView

            for _ in range(RUNS):
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

        rows = 0
        for _ in range(RUNS):
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
                _ms(
                    lambda r=register: r.table.sortByColumn(
                        2, r.table.horizontalHeader().sortIndicatorOrder()
                    )
                ),
            )
            _settle(context)
            register.close()
            register.deleteLater()
        from teamlead.data.queries.agreements_register import register_rows
        from teamlead.ui.agreements.model import AgreementTableModel

        for _ in range(RUNS):
            with database.session() as session:
                began = time.perf_counter()
                loaded = register_rows(session)
                add("agreements: read in the background (worker)", (time.perf_counter() - began) * 1000)
            model = AgreementTableModel(TODAY)
            add(
                "agreements: rows into the table (GUI thread)",
                _ms(lambda m=model, r=loaded: m.set_register(r)),
            )
        print(f"  ({rows} agreements)")
        for label, values in figures.items():
            _report(label, values)
        context.tasks.shutdown(wait=True)
        database.dispose()
        if errors:
            print(f"  errors: {errors}")


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    district = demo_database("district", make=True)
    assert district is not None
    print(f"district demo ({district.name}):")
    measure(district)
    city = demo_database("city", make=False)
    if city is None:
        print("city demo not made yet (benchmarks/ui.py makes it): register at city scale skipped")
        return
    print(f"city demo ({city.name}), the register only:")
    measure(city, meetings=False)


if __name__ == "__main__":
    main()
