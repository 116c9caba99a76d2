"""kill -9 at random moments of a process that edits and backs up: every time the database passes
``teamlead check`` and holds exactly the committed changes, and every backup left is sound."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from teamlead.data.database import Database
from teamlead.data.integrity import State, inspect_sqlite
from teamlead.startup.rotation import list_backups

WORKER = Path(__file__).with_name("crash_worker.py")
ROOT = Path(__file__).resolve().parents[2]


def _committed_names(path: Path) -> set[int]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT name FROM organisation WHERE name LIKE 'crash-%'").fetchall()
    finally:
        connection.close()
    return {int(name.removeprefix("crash-")) for (name,) in rows}


def _one_round(path: Path, rng: random.Random, before: set[int]) -> set[int]:
    start = max(before | {0})
    printed: list[int] = []
    with subprocess.Popen(  # closes the pipe when done
        [sys.executable, str(WORKER), str(path), str(start)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ) as worker:
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "ready"
        reader = threading.Thread(target=lambda: printed.extend(int(line) for line in worker.stdout))  # type: ignore[union-attr]
        reader.start()
        time.sleep(rng.uniform(0.05, 0.8))
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
        reader.join()
    check = subprocess.run(
        [sys.executable, "-m", "teamlead", "--database", str(path), "check"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert check.returncode == 0, check.stdout + check.stderr
    found = _committed_names(path)
    confirmed = set(range(start + 1, (printed[-1] if printed else start) + 1))
    assert set(printed) == confirmed
    in_flight = (printed[-1] if printed else start) + 1
    # Exactly the committed changes: every confirmed one, and at most the one whose commit had returned
    # but whose line was not printed yet.
    assert found - before in (confirmed, confirmed | {in_flight})
    for backup in list_backups(path.parent / "backups", path):
        assert inspect_sqlite(backup.path).state is State.CURRENT, backup.path.name
    return found


def _rounds(database: Database, count: int, seed: int) -> None:
    path = database.path
    assert path is not None
    database.dispose()
    rng = random.Random(seed)
    committed: set[int] = set()
    for _ in range(count):
        committed = _one_round(path, rng, committed)
    assert len(list_backups(path.parent / "backups", path)) >= 1


def test_kill_9_while_editing_and_backing_up(sqlite_database: Database) -> None:
    _rounds(sqlite_database, 3, seed=8)


@pytest.mark.stress
def test_kill_9_forty_times(sqlite_database: Database) -> None:
    _rounds(sqlite_database, 40, seed=40)
