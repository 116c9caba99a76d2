"""Where Teamlead's database lives by default, and which places are risky for an SQLite file: folders that a
sync client copies (OneDrive, Dropbox, Google Drive, iCloud) and network shares.

A sync client uploads the database file while SQLite is writing it, and copies it back from another laptop as
it sees fit; WAL mode adds ``-wal`` and ``-shm`` files it may copy separately, or not at all, and its shared
memory does not work across a network. So there Teamlead warns and runs without WAL (a plain rollback
journal), which a copy of the lone file survives best (the SQLite FAQ on network filesystems; Anki and
KeePassXC warn for the same reason).

On Windows, OneDrive's folder need not be named after it: the user may move it, and a SharePoint library synced
by OneDrive lands in a folder named after the organisation (``C:\\Users\\anna\\Gemeente Amsterdam\\Team -
Documenten``). So the roots OneDrive announces count too: the ``OneDrive``, ``OneDriveCommercial`` and
``OneDriveConsumer`` environment variables and, from the registry, each account's ``UserFolder`` and each synced
library's ``MountPoint``. A drive letter mapped to a network share (``H:``) is a network share.

Beneath the data layer and free of SQLAlchemy: the app names its database (for the one-instance lock) before
the data layer is imported.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePath, PureWindowsPath
from typing import NamedTuple

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
ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
ONEDRIVE_KEYS = (
    (r"Software\Microsoft\OneDrive\Accounts", "UserFolder"),
    (r"Software\SyncEngines\Providers\OneDrive", "MountPoint"),
)
DRIVE_REMOTE = 4  # GetDriveTypeW: a drive letter mapped to a network share
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


def data_folder() -> Path:
    """Teamlead's own folder for its data (platformdirs, app name Teamlead): the default database, its scratch
    files (:mod:`teamlead.rules.scratch`). Only Teamlead's own user may enter it (0700 on POSIX)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    """``teamlead.sqlite3`` in the user's data folder (:func:`data_folder`)."""
    return data_folder() / DEFAULT_FILENAME


class RiskyLocation(NamedTuple):
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


def sync_service(path: PurePath, roots: Iterable[PurePath] = ()) -> str | None:
    """The sync client whose folder holds ``path``: by a folder's name, or below one of OneDrive's ``roots``."""
    for part in path.parts:
        folded = part.casefold()
        for prefix, service in SYNC_FOLDERS:
            if folded.startswith(prefix):
                return service
    inside = [part.casefold() for part in path.parts]
    for root in roots:
        parts = [part.casefold() for part in root.parts]
        if parts and inside[: len(parts)] == parts:
            return "OneDrive"
    return None


def onedrive_roots(
    environ: Mapping[str, str], registry_folders: Sequence[str] = (), *, flavour: type[PurePath] = PurePath
) -> list[PurePath]:
    """The folders OneDrive syncs, from its environment variables and the registry's folders (as paths of
    ``flavour``: this system's, or Windows' in a test elsewhere)."""
    found = [environ.get(name, "") for name in ONEDRIVE_VARIABLES]
    return [flavour(folder) for folder in [*found, *registry_folders] if folder.strip()]


def _registry_folders() -> list[str]:
    """OneDrive's account folders and synced libraries from the current user's registry (Windows only)."""
    if sys.platform != "win32":
        return []
    import winreg

    folders: list[str] = []
    for key_path, value_name in ONEDRIVE_KEYS:
        try:
            parent = winreg.OpenKey(winreg.HKEY_CURRENT_USER, key_path)
        except OSError:
            continue
        with parent:
            index = 0
            while True:
                try:
                    name = winreg.EnumKey(parent, index)
                except OSError:
                    break
                index += 1
                try:
                    with winreg.OpenKey(parent, name) as child:
                        value, _kind = winreg.QueryValueEx(child, value_name)
                except OSError:
                    continue
                if isinstance(value, str) and value:
                    folders.append(value)
    return folders


def _windows_network_drive(path: Path) -> bool:
    """Whether ``path`` lies on a drive letter mapped to a network share (Windows only)."""
    if sys.platform != "win32":
        return False
    import ctypes

    drive = PureWindowsPath(path).drive
    if not drive or drive.startswith("\\\\"):
        return False
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE)


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
    service = sync_service(absolute, onedrive_roots(os.environ, _registry_folders()))
    if service is not None:
        return RiskyLocation("sync", service)
    if _windows_network_drive(absolute):
        return RiskyLocation("network", tr("a shared folder"))
    filesystem = _mount_type(absolute.parent, mounts)
    if filesystem is not None and filesystem in NETWORK_FILESYSTEMS:
        return RiskyLocation("network", filesystem)
    return None


def wal_allowed(path: Path) -> bool:
    """WAL mode only in a local folder: its shared memory and extra files do not survive syncing or a share."""
    return risky_location(path) is None
