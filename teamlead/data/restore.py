"""Putting a backup in place of the database, in steps that a crash at any moment cannot leave half done.

The database's path is never empty. The backup is first copied beside the database
(``.~teamlead-<name>.restoring``) and checked; then a journal (``.~teamlead-<name>.restore``) says what comes
next; the current database gets a second name (a hard link ``<name>-replaced-<date>``, or a copy on a disk
without hard links); the files SQLite keeps beside it (``-wal``, ``-shm``, ``-journal``) move to that name,
whether or not the database itself exists, because a stale ``-wal`` would be replayed onto the restored file;
only then does the copy replace the database, in one rename. The journal goes last, once the result passed
its check.

Killed before the journal, the database is as it was, and the next opening or restore removes the copy.
Killed after it, the next opening or restore finishes what the journal says (:func:`finish_interrupted_restore`),
each step done only when it was not done yet. So after any crash the path holds the old database or the new one.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from teamlead.data.backup import aside_path, copy_into
from teamlead.data.integrity import (
    Inspection,
    State,
    file_in_use,
    inspect_sqlite,
    read_header,
    read_only,
    refusal,
    require_regular_file,
    sidecars,
)
from teamlead.errors import DatabaseError
from teamlead.i18n import tr
from teamlead.rules.files import PRIVATE, atomic_target, sync_folder, write_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Restored:
    """What a restore kept aside: the database it replaced (None when there was none) and every file that
    moved to that database's new name (with the ``-wal``, ``-shm`` or ``-journal`` found beside it)."""

    aside: Path | None
    kept: tuple[Path, ...]


def staged_path(database: Path) -> Path:
    """Where the copy of the backup waits beside ``database`` until it replaces it."""
    return database.with_name(f".~teamlead-{database.name}.restoring")


def journal_path(database: Path) -> Path:
    """The note saying that a restore of ``database`` has begun replacing it, and under which name the
    current database is kept."""
    return database.with_name(f".~teamlead-{database.name}.restore")


def _sound(inspection: Inspection) -> Inspection:
    """A Teamlead database with problems counts as damaged."""
    if inspection.state in (State.CURRENT, State.OLD) and not inspection.sound:
        return Inspection(State.DAMAGED, problems=inspection.problems + inspection.foreign_keys)
    return inspection


def _check_backup(backup: Path) -> None:
    inspection = _sound(inspect_sqlite(backup, thorough=True))
    if inspection.state is State.NEW:
        raise DatabaseError(tr("Not restored: {path} is empty, it holds no Teamlead data.", path=backup))
    if inspection.state not in (State.CURRENT, State.OLD):
        raise DatabaseError(tr("Not restored. {reason}", reason=refusal(str(backup), inspection)))


def _second_name(database: Path, aside: Path) -> None:
    """Give the current database the name ``aside`` too, keeping it at its own path until it is replaced. An
    ``aside`` already there is this restore's own (the journal chose a free name): a step done before a crash."""
    if aside.exists():
        return
    try:
        os.link(database, aside)
    except OSError:  # no hard links on this disk (FAT, some network shares): a copy, whole or not at all
        with atomic_target(aside, mode=PRIVATE) as partial:
            shutil.copyfile(database, partial)


def _free_name(path: Path) -> Path:
    number = 2
    while (candidate := path.with_name(f"{path.name}.{number}")).exists():
        number += 1
    return candidate


def _replace(database: Path, staged: Path, aside: Path) -> tuple[Path, ...]:
    """The steps after the journal, each done only when not done yet; returns what is kept aside."""
    kept: list[Path] = []
    if staged.exists() and database.exists():
        _second_name(database, aside)
    if aside.exists():
        kept.append(aside)
    if staged.exists():  # before the rename, the files beside the path belong to the database it replaces
        for sidecar, moved in zip(sidecars(database), sidecars(aside), strict=True):
            if sidecar.exists():
                target = moved if not moved.exists() else _free_name(moved)
                os.replace(sidecar, target)
        os.replace(staged, database)
        sync_folder(database.parent)
    kept += [moved for moved in sidecars(aside) if moved.exists()]
    return tuple(kept)


def _journal(database: Path) -> Path | None:
    """The name the current database is kept under, from an interrupted restore's journal (None: none)."""
    journal = journal_path(database)
    try:
        text = journal.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _unfinished(database, error) from error
    try:
        name = str(json.loads(text)["aside"])
    except (ValueError, KeyError, TypeError) as error:
        raise _unfinished(database, error) from error
    if Path(name).name != name or not name:
        raise _unfinished(database, ValueError(name))
    return database.with_name(name)


def _unfinished(database: Path, error: BaseException) -> DatabaseError:
    reason = error.strerror if isinstance(error, OSError) and error.strerror else error
    return DatabaseError(
        tr(
            "A restore of {path} was interrupted and cannot be finished: {reason}. The database it was "
            "replacing is still there; move the files named .~teamlead-… beside it away and try again.",
            path=database,
            reason=reason,
        )
    )


def finish_interrupted_restore(database: Path) -> Path | None:
    """Finish a restore of ``database`` that a crash interrupted (its journal is there), or remove the copy of
    one that had not begun replacing anything. Returns the name the replaced database is kept under, if a
    restore was finished."""
    if not database.parent.is_dir():
        return None
    aside = _journal(database)
    staged = staged_path(database)
    try:
        if aside is None:
            if staged.exists():  # never an unlink where there is nothing: a read-only disk refuses even that
                staged.unlink()
            return None
        _replace(database, staged, aside)
        journal_path(database).unlink(missing_ok=True)
    except OSError as error:
        raise _unfinished(database, error) from error
    log.info("an interrupted restore was finished")
    return aside


def _undo(database: Path, staged: Path, aside: Path, had_database: bool) -> None:
    """Put everything back as it was before the journal, after a step failed (as far as it is possible)."""
    for sidecar, moved in zip(sidecars(database), sidecars(aside), strict=True):
        if moved.exists() and not sidecar.exists():
            os.replace(moved, sidecar)
    if had_database and aside.exists():
        os.replace(aside, database)  # the same file, or a whole copy of it
    elif not had_database:
        database.unlink(missing_ok=True)
    staged.unlink(missing_ok=True)
    journal_path(database).unlink(missing_ok=True)


def restore_sqlite(backup: Path, database: Path) -> Restored:
    """Put ``backup`` in place of ``database``; the replaced database, and any ``-wal``, ``-shm`` or
    ``-journal`` beside the path, are kept under a new name (:class:`Restored`).

    The backup must be a sound Teamlead database no newer than this app (an older one is upgraded at the next
    opening). The current database may be damaged or missing; it must not be open in another program, since
    that program would go on writing to the file set aside. The result is checked before this returns.
    """
    if backup.absolute() == database.absolute():
        raise DatabaseError(tr("{path} is the database itself, not a backup of it.", path=backup))
    require_regular_file(database)
    finish_interrupted_restore(database)
    _check_backup(backup)
    if file_in_use(database):
        raise DatabaseError(
            tr(
                "Not restored: {path} is open in another program (Teamlead?). Close it and try again.",
                path=database,
            )
        )
    staged = staged_path(database)
    with read_only(backup, read_header(backup)) as source:
        copy_into(source, staged)
    had_database = database.exists()
    aside = aside_path(database)
    try:
        if _sound(inspect_sqlite(staged)).state not in (State.CURRENT, State.OLD):
            raise DatabaseError(tr("Not restored: the copy of {path} does not read back whole.", path=backup))
        write_text(journal_path(database), json.dumps({"aside": aside.name}), mode=PRIVATE)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    try:
        kept = _replace(database, staged, aside)
        _check_result(database)
    except (OSError, DatabaseError) as error:
        _undo(database, staged, aside, had_database)
        if isinstance(error, DatabaseError):
            raise
        raise DatabaseError(
            tr("Not restored: cannot replace {path}: {reason}", path=database, reason=error.strerror or error)
        ) from error
    journal_path(database).unlink(missing_ok=True)
    sync_folder(database.parent)
    return Restored(aside if had_database else None, kept)


def _check_result(database: Path) -> None:
    """The restored file, as anyone opening it now would read it (with whatever lies beside it)."""
    inspection = _sound(inspect_sqlite(database))
    if inspection.state not in (State.CURRENT, State.OLD):
        raise DatabaseError(
            tr(
                "Not restored: the restored file failed its check ({reason}); the database is as it was.",
                reason="; ".join(inspection.problems[:3]) or inspection.state,
            )
        )
