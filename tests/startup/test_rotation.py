"""Automatic backups over a year with a fake clock: the rotation keeps 12 daily, 10 weekly, 9 monthly copies."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from teamlead.data.backup import default_backup_path
from teamlead.data.database import Database
from teamlead.errors import DatabaseError
from teamlead.startup.autobackup import AutoBackup
from teamlead.startup.rotation import Policy, list_backups, prune, to_keep


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def _touch_database(path: Path, n: int) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute(
            "INSERT OR REPLACE INTO teamlead_meta (key, value) VALUES (?, ?)", ("probe", str(n))
        )
        connection.commit()
    finally:
        connection.close()


def _small_database(path: Path) -> Path:
    """A small SQLite file: a year of backups of it runs in seconds (the rotation does not look inside)."""
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE teamlead_meta (key TEXT PRIMARY KEY, value TEXT)")
    return path


def test_a_year_of_daily_work_keeps_the_policy_and_nothing_else(tmp_path: Path) -> None:
    path = _small_database(tmp_path / "teamlead.sqlite3")
    start = datetime(2026, 1, 1, 8, 0)
    clock = FakeClock(start)
    auto = AutoBackup(path, clock=clock)
    manual = default_backup_path(path, now=datetime(2026, 2, 1, 12))  # by hand: never rotated away
    manual.parent.mkdir()
    manual.write_bytes(path.read_bytes())
    taken = 0
    for day in range(365):
        if day % 7 == 6:
            continue  # Sundays: nothing changes, so no backup
        for hour, minute in ((0, 0), (0, 10), (6, 0)):  # 08:10 is too soon after 08:00
            clock.now = start + timedelta(days=day, hours=hour, minutes=minute)
            _touch_database(path, day * 100 + hour * 10 + minute)
            if auto.due():
                auto.run()
                taken += 1
        clock.now += timedelta(hours=1)
        assert not auto.due()  # nothing changed since the 14:00 backup
    assert taken == (365 - 52) * 2 + 1  # and the first day's 08:10: the session's first changes
    backups = list_backups(path.parent / "backups", path)
    automatic = [b for b in backups if b.automatic]
    days = [b.taken_at.date() for b in automatic]
    assert len(days) == len(set(days))  # one a day at most
    assert all(b.taken_at.hour == 14 for b in automatic)  # the newest of its day
    last_working = [
        d for d in (start.date() + timedelta(days=n) for n in range(365)) if (d - start.date()).days % 7 != 6
    ]
    assert days[:12] == last_working[::-1][:12]
    weeks = [b.taken_at.isocalendar()[:2] for b in automatic]
    assert len(set(weeks)) >= 10
    months = {(b.taken_at.year, b.taken_at.month) for b in automatic}
    assert len(months) == 9
    assert (2026, 4) in months
    assert (2026, 3) not in months
    assert len(automatic) <= 12 + 10 + 9
    assert manual in [b.path for b in backups]
    with sqlite3.connect(automatic[-1].path) as oldest:  # the oldest kept is whole and holds its day's state
        assert oldest.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_opening_again_without_changes_takes_no_new_backup(sqlite_database: Database) -> None:
    path = sqlite_database.path
    assert path is not None
    sqlite_database.dispose()
    clock = datetime.now
    first = AutoBackup(path, clock=clock)
    time.sleep(0.01)
    assert first.due()
    first.run()
    assert not AutoBackup(path, clock=clock).due()  # the app opened again, nothing changed
    time.sleep(1.01)  # backup names carry whole seconds
    _touch_database(path, 1)
    assert AutoBackup(path, clock=clock).due()


def test_the_first_changes_of_a_session_are_backed_up_at_once_and_again_on_close(tmp_path: Path) -> None:
    path = _small_database(tmp_path / "teamlead.sqlite3")
    clock = FakeClock(datetime(2026, 1, 5, 9, 0))
    auto = AutoBackup(path, clock=clock)
    assert auto.due()  # opening: a new, empty database
    auto.run()
    assert not auto.due_on_close()  # nothing changed since
    clock.now += timedelta(seconds=1)
    _touch_database(path, 1)
    assert auto.due()  # the first changes: not 30 minutes later
    auto.run()
    clock.now += timedelta(minutes=5)
    _touch_database(path, 2)
    assert not auto.due()  # from now on, the interval
    assert auto.due_on_close()  # but closing keeps the last changes
    closing = auto.run()
    assert not auto.due_on_close()
    with sqlite3.connect(closing.path) as kept:  # (the rotation keeps only the newest of a day)
        assert kept.execute("SELECT value FROM teamlead_meta").fetchall() == [("2",)]


def test_policy_keeps_the_newest_even_with_zero_counts(tmp_path: Path) -> None:
    database = tmp_path / "teamlead.sqlite3"
    folder = tmp_path / "backups"
    folder.mkdir()
    for n in range(3):
        default_backup_path(database, "auto", folder=folder, now=datetime(2026, 5, 1 + n)).write_bytes(b"x")
    backups = list_backups(folder, database)
    assert to_keep(backups, Policy(daily=1, weekly=0, monthly=0)) == {backups[0].path}
    assert len(prune(folder, database, Policy(daily=1, weekly=0, monthly=0))) == 2


def _mount_tiny_tmpfs(folder: Path) -> bool:
    folder.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=32k", "tmpfs", str(folder)], capture_output=True, check=False
    )
    return result.returncode == 0


@pytest.mark.skipif(sys.platform != "linux", reason="needs a tiny tmpfs to fill the disk")
def test_a_full_disk_is_reported_and_leaves_nothing_behind(sqlite_database: Database, tmp_path: Path) -> None:
    path = sqlite_database.path
    assert path is not None
    folder = tmp_path / "full"
    if not _mount_tiny_tmpfs(folder):
        pytest.skip("mounting a tmpfs needs root: the disk-full case cannot be made here")
    try:
        auto = AutoBackup(path, folder=folder)
        with pytest.raises(DatabaseError, match="full"):
            auto.run()
        assert list(folder.iterdir()) == []  # no half-written backup
        assert auto.last_at is None  # still due: the next attempt tries again
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_backups_within_one_second_keep_the_newest(tmp_path: Path) -> None:
    path = _small_database(tmp_path / "teamlead.sqlite3")
    clock = FakeClock(datetime(2026, 5, 4, 9, 0, 0))
    auto = AutoBackup(path, clock=clock)
    written = []
    for n in range(4):  # same second each time: names get -2, -3 ... or reuse a freed name
        _touch_database(path, n)
        written.append(auto.run().path)
        assert written[-1].exists()
    kept = list_backups(path.parent / "backups", path)
    assert [b.path for b in kept] == [written[-1]]
    with sqlite3.connect(written[-1]) as copy:
        assert copy.execute("SELECT value FROM teamlead_meta WHERE key = 'probe'").fetchone() == ("3",)
