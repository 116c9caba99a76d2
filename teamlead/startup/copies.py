"""Every copy Teamlead keeps of an SQLite database, for an erasure to name the ones that still hold a person.

Three kinds, in two places: the backups (automatic and by hand) in the backup folder (the one chosen in
File ▸ Backups…, else ``backups/`` beside the database); the copies made before an upgrade, always in
``backups/`` beside the database; and the databases a restore set aside, beside the database itself
(``<name>-replaced-<date>``).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from teamlead.data.backup import BACKUP_FOLDER, replaced_copies
from teamlead.startup.autobackup import backup_folder
from teamlead.startup.rotation import list_backups


class CopyKind(StrEnum):
    BACKUP = "backup"
    BEFORE_UPGRADE = "before_upgrade"
    REPLACED = "replaced"


def copy_kind(path: Path) -> CopyKind:
    """Which kind of copy ``path`` is, from its name."""
    if "-replaced-" in path.name:
        return CopyKind.REPLACED
    if "before-upgrade" in path.name:
        return CopyKind.BEFORE_UPGRADE
    return CopyKind.BACKUP


def kept_copies(database: Path) -> list[Path]:
    """The backups, before-upgrade copies and set-aside databases of ``database``, each once (by its resolved
    path: a backup folder chosen to be the database's own folder lists the set-aside ones too)."""
    folders = dict.fromkeys(
        folder.resolve() for folder in (backup_folder(database), database.parent / BACKUP_FOLDER)
    )
    found = [backup.path for folder in folders for backup in list_backups(folder, database)]
    found += replaced_copies(database)
    own = database.resolve()
    return [path for path in dict.fromkeys(path.resolve() for path in found) if path != own]
