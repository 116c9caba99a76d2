"""The copies of a database an erasure looks in: backups in the chosen folder, before-upgrade copies in
``backups/`` beside the database, and the databases a restore set aside beside it; each once, never the
database itself, its ``-wal`` or another database's copies."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from teamlead.data.backup import aside_path, default_backup_path
from teamlead.rules import settings
from teamlead.startup.copies import CopyKind, copy_kind, kept_copies

WHEN = datetime(2026, 3, 2, 9, 15)


def _file(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"SQLite format 3\x00")
    return path


def test_every_kind_of_copy_is_found_once_and_named_by_kind(tmp_path: Path) -> None:
    database = _file(tmp_path / "wijk.sqlite3")
    chosen = tmp_path / "elders"
    settings.update(backup_folder=str(chosen))
    backup = _file(default_backup_path(database, "auto", folder=chosen, now=WHEN))
    upgrade = _file(default_backup_path(database, "before-upgrade-from-0006", now=WHEN))
    replaced = _file(aside_path(database, now=WHEN))
    _file(replaced.with_name(replaced.name + "-wal"))  # beside the copy, not a copy of its own
    _file(default_backup_path(tmp_path / "ander.sqlite3", folder=chosen, now=WHEN))  # another database's
    found = kept_copies(database)
    assert sorted(found) == sorted(path.resolve() for path in (backup, upgrade, replaced))
    assert {path.name: copy_kind(path) for path in found} == {
        backup.name: CopyKind.BACKUP,
        upgrade.name: CopyKind.BEFORE_UPGRADE,
        replaced.name: CopyKind.REPLACED,
    }


def test_a_backup_folder_that_is_the_databases_own_lists_nothing_twice(tmp_path: Path) -> None:
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    (tmp_path / "snelkoppeling").symlink_to(folder)  # the database opened by another path to its folder
    database = _file(tmp_path / "snelkoppeling" / "wijk.sqlite3")
    settings.update(backup_folder=str(folder))
    backup = _file(default_backup_path(database, folder=folder, now=WHEN))
    replaced = _file(aside_path(database, now=WHEN))
    found = kept_copies(database)
    assert sorted(found) == sorted(path.resolve() for path in (backup, replaced))


def test_a_database_without_a_suffix_has_its_copies_found_without_their_wal(tmp_path: Path) -> None:
    database = _file(tmp_path / "wijk")
    replaced = _file(aside_path(database, now=WHEN))
    _file(replaced.with_name(replaced.name + "-wal"))
    _file(database.with_name(database.name + "-wal"))
    assert kept_copies(database) == [replaced.resolve()]
