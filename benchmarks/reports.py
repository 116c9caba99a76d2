"""Reports at city scale (the city demo: 3,000 partners, 200,000 notes, 20,000 meetings, 30,000 agreements).

Targets (issue 6): the district report PDF under 3 s, and its writing within 2x reportlab's plain-table floor
for the same tables (plain LongTables of the same cells, same font, no styling or wrapping). Goal (issue 19):
the whole-database export (read + write) within 0.6x openpyxl's write-only floor for the same cells (the same
values appended from memory), on SQLite and, when ``TEAMLEAD_BENCH_POSTGRES_URL`` names a server, on
PostgreSQL beside it. Each line prints the measure beside its target as a ratio; compare within one run, the
machine is noisy.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks._city import TODAY, city_postgres, city_sqlite, postgres_server

DISTRICT = "Nieuw-West"
RUNS = 3
EXPORT_GOAL = 0.6
"""The export (read + write) against openpyxl's write-only floor (issue 19)."""
POSTGRES_GOAL = 1.5
"""PostgreSQL against SQLite for the same measure (issue 19)."""


def city_database() -> Path:
    """The city demo, the same cached file as the other benchmarks."""
    return city_sqlite()


def _median_seconds(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _line(name: str, seconds: float, target: float, unit: str = "s") -> None:
    print(f"{name}: {seconds:.2f} s | target {target:.2f} {unit} | ratio {seconds / target:.2f}", flush=True)


def _plain_floor(report: Any, target: Path) -> None:
    """reportlab at its plainest for the district report's tables: the same cells as strings, no styling."""
    from reportlab.platypus import LongTable, SimpleDocTemplate

    from teamlead.reports import pdf

    pdf.register_fonts()
    tables = [
        [[key, str(value)] for key, value in report.summary],
        [
            [name, *map(str, counts)]
            for name, counts in zip(report.network.domains, report.network.counts, strict=True)
        ],
        [[key, *map(str, values)] for key, values in report.trend.rows],
        [[str(m.day), m.kind, m.title, f"{m.present} / {m.invited}"] for m in report.meetings],
        *(
            [[a.text, a.organisations, str(a.made_on), str(a.due_on or ""), a.status] for a in lines]
            for lines in (report.agreements_made, report.agreements_done, report.agreements_overdue)
        ),
        [[r.title, r.goes_well, r.can_improve, r.do_ourselves, r.need_help] for r in report.reflections],
    ]
    style = [("FONT", (0, 0), (-1, -1), pdf.FONT, 8)]
    story = [LongTable(rows, repeatRows=1, style=style) for rows in tables if rows]
    SimpleDocTemplate(str(target)).build(story)


def bench_district_pdf(database: Any, folder: Path) -> None:
    from teamlead.reporting.district import gather_district_report
    from teamlead.reporting.districts import choose_one_district
    from teamlead.reporting.periods import last_full_quarter
    from teamlead.reports.district_pdf import write_district_pdf

    period = last_full_quarter(TODAY)
    made = datetime.now(UTC)
    with database.session() as session:
        district = choose_one_district(session, DISTRICT)
        gather = _median_seconds(lambda: gather_district_report(session, district, period, "city", made))
        report = gather_district_report(session, district, period, "city", made)
    write = _median_seconds(lambda: write_district_pdf(report, folder / "district.pdf"))
    floor = _median_seconds(lambda: _plain_floor(report, folder / "floor.pdf"))
    rows = len(report.meetings) + len(report.agreements_made) + len(report.agreements_done)
    rows += len(report.agreements_overdue)
    print(f"district report {DISTRICT} {period.label()}: {rows} detail rows", flush=True)
    _line("district report PDF, gather + write", gather + write, 3.0)
    _line(f"district report PDF, write (gather {gather:.2f} s) vs plain-table floor", write, 2 * floor)
    print(f"  floor {floor:.2f} s; write/floor {write / floor:.2f} (target <= 2.00)", flush=True)


def _floor_export(database: Any, target: Path) -> tuple[float, int]:
    """openpyxl's write-only floor: the same cells, fetched into memory first, appended without any care."""
    from openpyxl import Workbook
    from sqlalchemy import select

    from teamlead.data.export_format import export_tables

    sheets: list[tuple[str, list[str], list[tuple[object, ...]]]] = []
    with database.engine.connect() as connection:
        for table in export_tables():
            rows = [
                tuple(
                    v.astimezone(UTC).replace(tzinfo=None) if isinstance(v, datetime) and v.tzinfo else v
                    for v in row
                )
                for row in connection.execute(select(table))
            ]
            sheets.append((table.name, [c.name for c in table.columns], rows))
    cells = sum(len(rows) * len(headers) for _name, headers, rows in sheets)
    start = time.perf_counter()
    workbook = Workbook(write_only=True)
    for name, headers, rows in sheets:
        sheet = workbook.create_sheet(name)
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
    workbook.save(target)
    return time.perf_counter() - start, cells


def _export_seconds(database: Any, target: Path) -> float:
    """The median time of ``teamlead export``'s work (read + write) of ``database`` into ``target``."""
    from teamlead.producing.export import export_database

    return _median_seconds(lambda: export_database(database, target, datetime.now(UTC)))


def _megabytes(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:.1f} MB"


def bench_export(database: Any, folder: Path) -> None:
    mine = _export_seconds(database, folder / "export.xlsx")
    floor, cells = _floor_export(database, folder / "floor.xlsx")
    print(f"export: {cells:,} cells", flush=True)
    _line(
        f"export (read + write) vs openpyxl write-only floor x {EXPORT_GOAL:.1f}", mine, EXPORT_GOAL * floor
    )
    print(
        f"  floor {floor:.2f} s; export/floor {mine / floor:.2f} (goal <= {EXPORT_GOAL:.2f}); "
        f"file {_megabytes(folder / 'export.xlsx')}, floor's {_megabytes(folder / 'floor.xlsx')}",
        flush=True,
    )
    server = postgres_server()
    if server is None:
        print("  postgresql: skipped (set TEAMLEAD_BENCH_POSTGRES_URL to measure it)", flush=True)
        return
    from teamlead.data.database import open_database

    postgres = open_database(city_postgres(server))
    try:
        theirs = _export_seconds(postgres, folder / "export-postgresql.xlsx")
    finally:
        postgres.dispose()
    print(
        f"  postgresql: export {theirs:.2f} s; export/floor {theirs / floor:.2f} (goal <= {EXPORT_GOAL:.2f}); "
        f"postgresql/sqlite {theirs / mine:.2f} (goal <= {POSTGRES_GOAL:.2f}); "
        f"file {_megabytes(folder / 'export-postgresql.xlsx')}",
        flush=True,
    )


def bench_gui_stall(database: Any, folder: Path) -> None:
    """The longest the GUI thread goes without running its event loop while the app writes the report:
    the first report of a session (fonts and modules load) and the next one."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from teamlead.ui.context import AppContext
    from teamlead.ui.reports.view import ReportsView

    app = QApplication.instance() or QApplication([])
    view = ReportsView(AppContext(database, today=TODAY))
    runs: list[list[float]] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        runs[-1].append(now - last[0])
        last[0] = now

    def start() -> None:
        runs.append([])
        last[0] = time.perf_counter()
        view.make_report(folder / f"from-the-app-{len(runs)}.pdf")

    def written(_path: str) -> None:
        if len(runs) < 2:
            start()
        else:
            app.quit()

    def ready() -> None:
        view.district.setCurrentIndex(view.district.findText(DISTRICT))
        timer.start()
        start()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    view.loaded.connect(ready)
    view.report_written.connect(written)
    view.report_failed.connect(lambda message: (print(message), app.quit()))
    app.exec()
    timer.stop()
    for name, gaps in zip(("first report", "next report"), runs, strict=False):
        worst = max(gaps) * 1000 if gaps else float("nan")
        print(
            f"GUI thread while the app writes the district report ({name}): longest stall {worst:.0f} ms"
            f" | target 50 ms | ratio {worst / 50:.2f}",
            flush=True,
        )
    view.deleteLater()


def main() -> None:
    from teamlead.data.database import open_database

    database = open_database(city_database())
    try:
        with tempfile.TemporaryDirectory(prefix="teamlead-bench-reports-") as name:
            folder = Path(name)
            bench_district_pdf(database, folder)
            bench_gui_stall(database, folder)
            if os.environ.get("TEAMLEAD_BENCH_QUICK") != "1":
                bench_export(database, folder)
    finally:
        database.dispose()


if __name__ == "__main__":
    main()
