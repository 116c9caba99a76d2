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

With a PostgreSQL server configured (:mod:`benchmarks._city`), planning and erasing the same person on a copy of
the city demo there, as a team lead of every district, beside the SQLite figures. The backups and the scrub are
the SQLite file's (a shared database is the server's to back up, and scrub has nothing to do there), and the
personal-data check reads no database.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks._city import city_postgres, city_sqlite, postgres_server
from benchmarks._postgres import SKIPPED, measure_beside

BACKUP_AIM = 3.0
SCRUB_AIM = 2.0
FRAME_MS = 16.0
PERSON_ID = 1
PLAN = "what erasing one person would change (plan)"
ERASE = "erase one person (every free text searched)"


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


def _erase(database: object) -> dict[str, float]:
    """Plan and erase one person on ``database`` (a copy); the milliseconds of each."""
    from teamlead.data.database import Database
    from teamlead.services.erasure import erase_person, plan_erasure

    assert isinstance(database, Database)
    started = time.perf_counter()
    with database.session() as session:
        plan_erasure(session, PERSON_ID)
    plan_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    with database.begin() as session:
        erase_person(session, PERSON_ID)
    return {PLAN: plan_ms, ERASE: (time.perf_counter() - started) * 1000}


def _erasure(folder: Path, source: Path) -> dict[str, float]:
    from teamlead.data.database import open_database
    from teamlead.data.scrub import scrub

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
        erased = _erase(database)
        started = time.perf_counter()
        scrub(database)
        scrub_ms = (time.perf_counter() - started) * 1000
    finally:
        database.dispose()
    for what, ms in erased.items():
        print(f"{what:44} {ms:9.1f} ms")
    _report("scrub the file after an erasure (city)", scrub_ms, vacuum_ms, SCRUB_AIM)
    return erased


def _erasure_postgres(on_sqlite: dict[str, float]) -> None:
    server = postgres_server()
    if server is None:
        print(SKIPPED)
        return
    measure_beside(server, city_postgres(server).database, on_sqlite, _erase)


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
        erased = _erasure(folder, working)
    _personal_data()
    _erasure_postgres(erased)


if __name__ == "__main__":
    main()
