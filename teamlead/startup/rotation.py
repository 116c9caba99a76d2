"""Which automatic backups to keep: the newest of each of the last days, weeks and months.

Modelled on the grandfather-father-son schemes of backup tools (restic's ``forget --keep-daily``): a backup is
kept when it is the newest of its day among the last ``daily`` days that have one, or of its ISO week among
the last ``weekly`` such weeks, or of its month among the last ``monthly`` months. Everything else in the
automatic-backup folder may go. Backups Teamlead made for another reason (before an upgrade, by hand) are
never touched: only files named :data:`AUTO_LABEL` take part.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

AUTO_LABEL = "auto"
_STAMP = re.compile(r"-(\d{4}-\d{2}-\d{2}-\d{6})(?:-\d+)?$")


@dataclass(frozen=True)
class Policy:
    """How many of the newest per period to keep (e.g. 12 days, 10 weeks, 9 months)."""

    daily: int = 12
    weekly: int = 10
    monthly: int = 9


@dataclass(frozen=True)
class BackupFile:
    """One backup on disk: where, when it was taken (from its name), how big, and whether it is automatic."""

    path: Path
    taken_at: datetime
    size: int
    automatic: bool
    written_ns: int = 0  # orders backups taken within the same second


def taken_at(path: Path) -> datetime | None:
    """The moment in a backup's name (``teamlead-auto-2026-03-02-081500.sqlite3``), or None."""
    match = _STAMP.search(path.stem)
    if match is None:
        return None
    try:
        return datetime.strptime(match.group(1), "%Y-%m-%d-%H%M%S")
    except ValueError:
        return None


def list_backups(folder: Path, database: Path) -> list[BackupFile]:
    """The backups of ``database`` in ``folder``, newest first (files named after the database, with a date)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if (
            not path.is_file()
            or not path.name.startswith(database.stem + "-")
            or path.suffix != database.suffix
        ):
            continue
        moment = taken_at(path)
        if moment is None:
            continue
        rest = path.stem[len(database.stem) + 1 :]
        try:
            info = path.stat()
        except OSError:
            continue
        found.append(
            BackupFile(path, moment, info.st_size, rest.startswith(AUTO_LABEL + "-"), info.st_mtime_ns)
        )
    return sorted(found, key=lambda backup: (backup.taken_at, backup.written_ns), reverse=True)


def _newest_per(backups: list[BackupFile], period: Callable[[datetime], object], count: int) -> set[Path]:
    """The newest backup of each of the ``count`` most recent periods that have one."""
    kept: set[Path] = set()
    seen: list[object] = []
    for backup in backups:  # newest first
        key = period(backup.taken_at)
        if key in seen:
            continue
        if len(seen) >= count:
            break
        seen.append(key)
        kept.add(backup.path)
    return kept


def _week(moment: datetime) -> object:
    return moment.isocalendar()[:2]


def _month(moment: datetime) -> object:
    return (moment.year, moment.month)


def _day(moment: datetime) -> date:
    return moment.date()


def to_keep(backups: Iterable[BackupFile], policy: Policy) -> set[Path]:
    """The automatic backups the policy keeps (the newest one is always among them)."""
    automatic = sorted(
        (backup for backup in backups if backup.automatic),
        key=lambda b: (b.taken_at, b.written_ns),
        reverse=True,
    )
    return (
        _newest_per(automatic, _day, policy.daily)
        | _newest_per(automatic, _week, policy.weekly)
        | _newest_per(automatic, _month, policy.monthly)
    )


def to_remove(backups: Iterable[BackupFile], policy: Policy) -> list[BackupFile]:
    """The automatic backups the policy lets go, oldest first; hand-made and upgrade backups never."""
    listed = list(backups)
    keep = to_keep(listed, policy)
    doomed = [backup for backup in listed if backup.automatic and backup.path not in keep]
    return sorted(doomed, key=lambda b: b.taken_at)


def prune(folder: Path, database: Path, policy: Policy, *, protect: Path | None = None) -> list[Path]:
    """Delete the automatic backups of ``database`` the policy lets go (never ``protect``, the one just
    written); return what was deleted."""
    removed = []
    for backup in to_remove(list_backups(folder, database), policy):
        if backup.path == protect:
            continue
        try:
            backup.path.unlink()
        except FileNotFoundError:
            continue
        removed.append(backup.path)
    return removed
