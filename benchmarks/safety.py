"""Safety on the city demo (SQLite): an automatic backup, an erasure that leaves no bytes behind, the
personal-data check a note dialog runs.

- automatic backup (backup API, fsync, rotation) against its floor, a plain file copy of the same database
  made durable with fsync (which would not even be consistent while the app writes). Aim: ≤ 3× the copy. It runs in a worker thread
  after the first screen, so start-up does not wait for it.
- the check whether a backup is due (two ``stat`` calls, every minute): target under 1 ms.
- erasing one person and scrubbing the file (search index merged, VACUUM, WAL truncated) against a bare
  VACUUM of the same file. Aim: ≤ 2× the VACUUM.
- the BSN / date-of-birth check over a long note (2,000 characters), as the note dialog runs it when typing
  pauses: target under one frame (16 ms).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks._city import city_sqlite

BACKUP_AIM = 3.0
SCRUB_AIM = 2.0
FRAME_MS = 16.0


def _report(what: str, measured_ms: float, floor_ms: float, aim: float) -> None:
    ratio = measured_ms / floor_ms if floor_ms else float("inf")
    verdict = "ok" if ratio <= aim else "SLOW"
    print(f"{what:44} {measured_ms:9.1f} ms  floor {floor_ms:9.1f} ms  x{ratio:5.2f} (aim ≤ {aim}) {verdict}")


def _best_ms(work: object, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        best = min(best, (time.perf_counter() - started) * 1000)
    return best


def _backups(folder: Path, source: Path) -> None:
    from teamlead.startup.autobackup import AutoBackup

    copy_target = folder / "plain-copy.sqlite3"

    def durable_copy() -> None:
        shutil.copyfile(source, copy_target)
        with copy_target.open("rb+") as written:
            os.fsync(written.fileno())

    copy_ms = _best_ms(durable_copy)
    auto = AutoBackup(source, folder=folder / "backups")
    backup_ms = _best_ms(auto.run)
    _report("automatic backup (city, backup API + fsync)", backup_ms, copy_ms, BACKUP_AIM)
    started = time.perf_counter()
    for _ in range(1000):
        auto.due()
    print(
        f"{'is a backup due? (stat twice)':44} {(time.perf_counter() - started):9.4f} ms per check (target < 1 ms)"
    )


def _erasure(folder: Path, source: Path) -> None:
    from teamlead.data.database import open_database
    from teamlead.data.scrub import scrub
    from teamlead.services.erasure import erase_person, plan_erasure

    floor_copy = folder / "vacuum.sqlite3"
    shutil.copyfile(source, floor_copy)
    connection = sqlite3.connect(floor_copy, isolation_level=None)
    started = time.perf_counter()
    connection.execute("VACUUM")
    vacuum_ms = (time.perf_counter() - started) * 1000
    connection.close()
    target = folder / "erase.sqlite3"
    shutil.copyfile(source, target)
    database = open_database(target)
    try:
        started = time.perf_counter()
        with database.session() as session:
            plan_erasure(session, 1)
        plan_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        with database.begin() as session:
            erase_person(session, 1)
        erase_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        scrub(database)
        scrub_ms = (time.perf_counter() - started) * 1000
    finally:
        database.dispose()
    print(f"{'what erasing one person would change (plan)':44} {plan_ms:9.1f} ms")
    print(f"{'erase one person (every free text searched)':44} {erase_ms:9.1f} ms")
    _report("scrub the file after an erasure (city)", scrub_ms, vacuum_ms, SCRUB_AIM)


def _personal_data() -> None:
    from teamlead.services.personal_data import personal_data_warning

    text = ("Overleg met de wijkagent over overlast bij het winkelcentrum, tel 020 555 1234. " * 25)[:2000]
    text += " BSN 111222333, geb. 12-03-1954"
    per_check = _best_ms(lambda: personal_data_warning(text), repeat=50)
    print(
        f"{'personal-data check, 2,000-character note':44} {per_check:9.3f} ms  (target < {FRAME_MS:.0f} ms)"
    )


def main() -> None:
    source = city_sqlite()
    with tempfile.TemporaryDirectory(prefix="teamlead-bench-safety-") as name:
        folder = Path(name)
        working = folder / "city.sqlite3"
        shutil.copyfile(source, working)
        _backups(folder, working)
        _erasure(folder, working)
    _personal_data()


if __name__ == "__main__":
    main()
