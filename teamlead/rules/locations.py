"""Where Teamlead's database lives by default, and which places are risky for an SQLite file: folders that a
sync client copies (OneDrive, Dropbox, Google Drive, iCloud) and network shares.

A sync client uploads the database file while SQLite is writing it, and copies it back from another laptop as
it sees fit; WAL mode adds ``-wal`` and ``-shm`` files it may copy separately, or not at all, and its shared
memory does not work across a network. So there Teamlead warns and runs without WAL (a plain rollback
journal), which a copy of the lone file survives best (the SQLite FAQ on network filesystems; Anki and
KeePassXC warn for the same reason).

Beneath the data layer and free of SQLAlchemy: the app names its database (for the one-instance lock) before
the data layer is imported.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from teamlead import APP_NAME
from teamlead.i18n import tr

DATABASE_ENV = "TEAMLEAD_DATABASE"
DEFAULT_FILENAME = "teamlead.sqlite3"

# Folder names the sync clients create (compared case-insensitively, as a prefix for "OneDrive - Gemeente").
SYNC_FOLDERS: tuple[tuple[str, str], ...] = (
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("mijn drive", "Google Drive"),
    ("icloud drive", "iCloud"),
    ("icloud~", "iCloud"),
    ("mobile documents", "iCloud"),
    ("nextcloud", "Nextcloud"),
    ("box sync", "Box"),
)
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "fuse.sshfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "davfs",
        "fuse.rclone",
    }
)


def default_database_path() -> Path:
    """``teamlead.sqlite3`` in the user's data folder (platformdirs, app name Teamlead)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / DEFAULT_FILENAME


@dataclass(frozen=True)
class RiskyLocation:
    """Why a database file's place is risky: ``kind`` is ``sync`` or ``network``; ``service`` names it."""

    kind: str
    service: str

    def warning(self, path: Path) -> str:
        """The warning for the user, with the reason, in the current language."""
        if self.kind == "sync":
            return tr(
                "{path} is in a {service} folder. {service} may copy the database while Teamlead writes it, "
                "which can damage it or lose recent changes. Teamlead now works in its safest mode there, but "
                "a folder on this computer only (with backups) is better.",
                path=path,
                service=self.service,
            )
        return tr(
            "{path} is on a network drive ({service}). If the connection drops while Teamlead writes, the "
            "database can be damaged. Teamlead now works in its safest mode there, but a folder on this "
            "computer is better; for a team, use a shared PostgreSQL database.",
            path=path,
            service=self.service,
        )


def _sync_service(path: Path) -> str | None:
    for part in path.parts:
        folded = part.casefold()
        for prefix, service in SYNC_FOLDERS:
            if folded.startswith(prefix):
                return service
    return None


def _mount_type(path: Path, mounts: Path) -> str | None:
    """The filesystem type of the mount holding ``path`` (Linux ``/proc/mounts``), or None."""
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best: tuple[int, str] | None = None
    target = str(path)
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > best[0]):
            best = (len(point), fields[2])
    return best[1] if best else None


def risky_location(path: Path, *, mounts: Path = Path("/proc/mounts")) -> RiskyLocation | None:
    """Whether the SQLite file ``path`` lies in a sync folder or on a network share (None: a local folder)."""
    text = os.fspath(path)
    if text.startswith(("\\\\", "//")) and len(PureWindowsPath(text).parts) > 1:
        return RiskyLocation("network", tr("a shared folder"))
    absolute = path.absolute()
    service = _sync_service(absolute)
    if service is not None:
        return RiskyLocation("sync", service)
    filesystem = _mount_type(absolute.parent, mounts)
    if filesystem is not None and filesystem in NETWORK_FILESYSTEMS:
        return RiskyLocation("network", filesystem)
    return None


def wal_allowed(path: Path) -> bool:
    """WAL mode only in a local folder: its shared memory and extra files do not survive syncing or a share."""
    return risky_location(path) is None
