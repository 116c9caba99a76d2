"""Automatic backups: when one is due, taking it consistently, and letting old ones go by the rotation policy.

The app takes one after a database is opened, one after the first changes of the session (a new database is
backed up empty at opening: the first real work would otherwise wait :data:`INTERVAL`), then at most every
:data:`INTERVAL` while the database changes, and one on close when something changed since the last. Whether it changed is read from the files themselves (size and modification time of the database and
its ``-wal``), so a backup is never taken of a database nobody touched. The clock is injectable: the rotation
tests run a year of backups in a second.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from teamlead.data.backup import BACKUP_FOLDER, backup_sqlite, default_backup_path
from teamlead.rules import settings
from teamlead.startup.rotation import AUTO_LABEL, Policy, list_backups, prune

log = logging.getLogger(__name__)

INTERVAL = timedelta(minutes=30)

Fingerprint = tuple[int, int, int, int]


def backup_folder(database: Path) -> Path:
    """Where the backups of ``database`` go: the folder the user chose in the Backups dialog, else
    ``backups/`` beside the database (where ``teamlead backup`` puts them too)."""
    chosen = settings.load().backup_folder
    if chosen:
        return Path(chosen)
    return database.parent / BACKUP_FOLDER


def fingerprint(database: Path) -> Fingerprint:
    """What changes whenever something is committed: the database's and its ``-wal``'s size and time."""

    def stat(path: Path) -> tuple[int, int]:
        try:
            info = path.stat()
        except OSError:
            return (0, 0)
        return (info.st_mtime_ns, info.st_size)

    return (*stat(database), *stat(database.with_name(database.name + "-wal")))


@dataclass(frozen=True)
class BackupDone:
    """A backup that was taken: where, how big, how long it took, and which old ones the rotation removed."""

    path: Path
    size: int
    seconds: float
    removed: tuple[Path, ...]


@dataclass
class AutoBackup:
    """The automatic backups of one SQLite database file."""

    database: Path
    folder: Path | None = None
    policy: Policy = field(default_factory=Policy)
    interval: timedelta = INTERVAL
    clock: Callable[[], datetime] = datetime.now
    last_at: datetime | None = None
    last_fingerprint: Fingerprint | None = None
    opened_as: Fingerprint | None = None
    """The database as it was when the session began (the first look)."""
    changes_kept: bool = False
    """A backup of this session holds changes made in it (the first-changes backup was taken)."""

    @property
    def target_folder(self) -> Path:
        return self.folder if self.folder is not None else backup_folder(self.database)

    def due(self) -> bool:
        """True when a backup should be taken now: after opening unless the newest backup already holds the
        database as it is; after the session's first changes; later only when it changed and the last backup
        is at least :attr:`interval` old."""
        current = fingerprint(self.database)
        if self.opened_as is None:
            self.opened_as = current
        if self.last_at is None:
            newest = next((b for b in list_backups(self.target_folder, self.database) if b.automatic), None)
            if newest is None:
                return True
            try:
                written = newest.path.stat().st_mtime_ns
            except OSError:
                return True
            return max(current[0], current[2]) > written
        if current == self.last_fingerprint:
            return False
        if not self.changes_kept:
            return True
        return self.clock() - self.last_at >= self.interval

    def due_on_close(self) -> bool:
        """True when the database changed since the last backup of this session (or was never backed up):
        closing is the last chance to keep the session's work, whatever the interval."""
        if self.last_at is None:
            return self.due()
        return fingerprint(self.database) != self.last_fingerprint

    def run(self) -> BackupDone:
        """Take a backup now (SQLite backup API: consistent while others write), then rotate.

        Raises :class:`~teamlead.errors.DatabaseError` in words when it fails (disk full, folder read-only):
        the caller reports it, a failed backup is never silent.
        """
        now = self.clock()
        before = fingerprint(self.database)
        started = time.perf_counter()
        try:
            target = default_backup_path(self.database, AUTO_LABEL, folder=self.target_folder, now=now)
            path = backup_sqlite(self.database, target)
        except Exception as error:
            log.error("automatic backup failed: %s", type(error).__name__)
            raise
        seconds = time.perf_counter() - started
        self.last_at = now
        self.last_fingerprint = before
        if self.opened_as is not None and before != self.opened_as:
            self.changes_kept = True
        size = path.stat().st_size
        removed = tuple(prune(self.target_folder, self.database, self.policy, protect=path))
        log.info("automatic backup: %d bytes in %.0f ms, %d old removed", size, seconds * 1000, len(removed))
        return BackupDone(path, size, seconds, removed)
