"""Opening a database the safe way for the app: WAL only in a local folder, a removed drive not re-created,
and what can be offered when a file cannot be opened (the latest good backup among them).

Plain Python, run in the worker thread that opens the database; the questions are asked by
:mod:`teamlead.ui.safety.damaged`.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from teamlead.data.database import Database, open_database
from teamlead.data.engine import resolve_url, sqlite_path
from teamlead.data.integrity import State, inspect_sqlite
from teamlead.errors import DatabaseError
from teamlead.i18n import tr
from teamlead.rules.locations import default_database_path
from teamlead.startup.autobackup import backup_folder
from teamlead.startup.rotation import BackupFile, list_backups

log = logging.getLogger(__name__)


@dataclass
class Opened:
    """A database the app opened (a class of its own, so more can be said about an opening later)."""

    database: Database


def _check_drive(path: Path) -> None:
    """A database whose folder is gone (a USB stick pulled out, a network drive not connected) is not created
    again in an empty folder of the same name: that would look like a database with everything lost."""
    if path.exists() or path.parent.is_dir():
        return
    if path == default_database_path():
        return
    raise DatabaseError(
        tr(
            "The folder of {path} is not there: is the drive or network share it is on disconnected? "
            "Connect it and try again, or open another database.",
            path=path,
        )
    )


def open_for_app(target: str | None, login: tuple[str, str] | None = None) -> Opened:
    """Open ``target`` as the app does (WAL is left off in risky places by :func:`open_database` itself).
    ``login``: the user name and password a person typed for a server (kept in memory only, in the engine's
    URL, for as long as the database is open). Raises :class:`DatabaseError` in words."""
    started = time.perf_counter()
    url = resolve_url(target)
    if login is not None:
        url = url.set(username=login[0], password=login[1])
    path = sqlite_path(url)
    if path is not None:
        _check_drive(path)
    database = open_database(url)
    log.info("database opened in %.0f ms", (time.perf_counter() - started) * 1000)
    return Opened(database)


def latest_good_backup(path: Path) -> BackupFile | None:
    """The newest backup of ``path`` that is a sound Teamlead database this app can open (read-only look)."""
    folders = [backup_folder(path), path.parent / "backups"]
    seen: set[Path] = set()
    for folder in folders:
        if folder in seen:
            continue
        seen.add(folder)
        for backup in list_backups(folder, path):
            try:
                inspection = inspect_sqlite(backup.path)
            except DatabaseError:
                continue
            if inspection.state in (State.CURRENT, State.OLD):
                return backup
    return None


def file_problem(target: str | None) -> tuple[Path | None, bool]:
    """(the SQLite file, whether it is damaged) for a failed opening: a damaged file, or one that is no SQLite
    file at all, may be replaced by a backup or moved aside; a newer, foreign, locked or read-only one not."""
    try:
        path = sqlite_path(resolve_url(target))
    except Exception:
        return None, False
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return path, False
    try:
        state = inspect_sqlite(path).state
    except DatabaseError:  # locked, unreadable: not damage
        return path, False
    return path, state in (State.DAMAGED, State.NOT_SQLITE)


def move_aside(path: Path) -> Path:
    """Rename a damaged file (and the files SQLite keeps beside it) to ``<name>-damaged-<date>``; never
    deletes. Only called after the user agreed."""
    import os
    from datetime import datetime

    from teamlead.data.integrity import sidecars

    stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
    target = path.with_name(f"{path.stem}-damaged-{stamp}{path.suffix}")
    number = 2
    while target.exists():
        target = path.with_name(f"{path.stem}-damaged-{stamp}-{number}{path.suffix}")
        number += 1
    try:
        os.replace(path, target)
        for sidecar, moved in zip(sidecars(path), sidecars(target), strict=True):
            if sidecar.exists():
                os.replace(sidecar, moved)
    except OSError as error:
        raise DatabaseError(
            tr("Cannot move {path} aside: {reason}", path=path, reason=error.strerror or error)
        ) from error
    log.info("a damaged database was moved aside at the user's request")
    return target
