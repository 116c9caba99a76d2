"""The one way Teamlead writes a file: into a temporary file beside the target, synced, then renamed over it.

A reader (or the city's e-mail) never sees half a file, a failed run leaves the old file as it was, and a
power cut cannot leave an empty file under the old name. Reports, exports, calendars, settings, backups and
privacy exports all go through here.

The temporary file is named ``.~teamlead-<name>.<random>.partial`` and listed in the run's session
(:mod:`teamlead.rules.scratch`) before it exists, so what a killed run leaves beside a target is removed at
the next start. Permissions: :data:`PRIVATE` (owner only) for what holds personal data, which a writer asks
for with ``mode`` or, for every file of a block, :func:`private_outputs`; else the user's umask.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.rules import scratch

PRIVATE = 0o600
"""Owner only: databases, backups, exports, privacy exports and reports for the district audience."""
FULL_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
)  # no room left: the disk, the file size limit, the user's quota
NEARLY_FULL = 4 * 1024 * 1024
"""Bytes free below which a failed write counts as a full disk (SQLite's "disk I/O error" hides the cause)."""

WINDOWS_FORBIDDEN = frozenset('<>:"/\\|?*')
"""Characters Windows refuses in a file name (besides control characters)."""
WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
)
"""Names Windows reserves for devices, with any extension (``nul.pdf`` is the null device)."""


def file_name(text: str, replacement: str = "-") -> str:
    """``text`` (a district's name, a title) made into a file name that Windows, macOS and Linux all accept:
    forbidden and control characters become ``replacement``, trailing dots and spaces go, and a device name
    (``CON``, ``NUL``, ``COM1``…) gets an underscore. Suggested names and backup labels go through here."""
    cleaned = "".join(replacement if char in WINDOWS_FORBIDDEN or ord(char) < 32 else char for char in text)
    cleaned = cleaned.strip().rstrip(". ") or "teamlead"
    if cleaned.split(".")[0].strip().upper() in WINDOWS_RESERVED:
        cleaned = f"_{cleaned}"
    return cleaned


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()
"""Read once at import, before any worker thread exists (``os.umask`` can only be read by setting it)."""


def disk_full_message(name: object) -> str:
    """What to say when the disk holding ``name`` (a file or a database) has no room left."""
    return tr("The disk holding {name} is full. Make room and try again.", name=name)


def no_room(path: Path) -> bool:
    """Whether the disk holding ``path`` (a file, or a folder) is (nearly) full."""
    folder = path if path.is_dir() else path.parent
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL
    except OSError:
        return False


def cannot_write(target: Path, error: OSError) -> UserError:
    """The user's words for a failed write of ``target``: a full disk as such, else the system's reason."""
    if error.errno in FULL_ERRNOS:
        return UserError(disk_full_message(target))
    return UserError(
        tr(
            "Cannot write {path}: {reason}. Close the file if another program has it open, "
            "or choose another folder.",
            path=target,
            reason=error.strerror or error,
        )
    )


_private: ContextVar[bool] = ContextVar("private_outputs", default=False)


@contextlib.contextmanager
def private_outputs(private: bool = True) -> Iterator[None]:
    """Within the block, every file written without a ``mode`` is :data:`PRIVATE` (when ``private``): the
    producer that knows a report's audience decides, the writers of each format need not know it."""
    token = _private.set(private)
    try:
        yield
    finally:
        _private.reset(token)


def restrict(path: Path, mode: int) -> None:
    """Give ``path`` the permissions ``mode``. POSIX only: on Windows the user's profile folder (its access
    list) keeps others out, and a mode can only set the read-only flag."""
    if os.name != "posix":
        return
    os.chmod(path, mode)


def _new_partial(target: Path) -> Path:
    """Create the empty temporary file beside ``target`` (owner only), listed before it exists."""
    session = scratch.current()
    while True:
        partial = scratch.partial_path(target)
        if session is not None:
            with contextlib.suppress(OSError):  # a full data folder: written anyway, only not listed
                session.note_partial(partial)
        try:
            handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
        except FileExistsError:
            continue
        except OSError as error:
            raise cannot_write(target, error) from error
        os.close(handle)
        return partial


@contextlib.contextmanager
def atomic_target(target: Path, *, mode: int | None = None) -> Iterator[Path]:
    """A temporary path to write to; on success it replaces ``target``, on failure it is removed.

    The file gets ``mode`` (:data:`PRIVATE` for what holds personal data and stays with the user; inside
    :func:`private_outputs` that is the default), else the permissions of an ordinary new file (the umask).
    """
    target = Path(target)
    if target.is_dir():
        raise UserError(tr("{path} is a folder; give a file name.", path=target))
    if target.exists() and not target.is_file():
        # A device or a pipe (-o /dev/null): renaming over it would replace the device itself.
        raise UserError(tr("{path} is not a file (a device or a pipe?); give a file name.", path=target))
    if not target.parent.is_dir():
        # A typo in the folder should not quietly create folders and "succeed" somewhere unexpected.
        raise UserError(
            tr(
                "The folder {folder} does not exist. Create it first, or choose another.",
                folder=target.parent,
            )
        )
    if mode is None:
        mode = PRIVATE if _private.get() else 0o666 & ~_UMASK
    temporary = _new_partial(target)
    try:
        yield temporary
        restrict(temporary, mode)
        _sync(temporary)
        os.replace(temporary, target)
        sync_folder(target.parent)
    except OSError as error:
        raise cannot_write(target, error) from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _sync(path: Path) -> None:
    """Put the written bytes on disk before the rename, so a power cut cannot leave an empty report behind."""
    with open(path, "r+b") as stream:  # Windows syncs only a handle open for writing
        os.fsync(stream.fileno())


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut (POSIX; Windows has no folder handles to sync)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_bytes(target: Path, data: bytes, *, mode: int | None = None) -> None:
    """``data`` as the whole of ``target``, atomically."""
    with atomic_target(target, mode=mode) as temporary:
        temporary.write_bytes(data)


def write_text(target: Path, text: str, *, mode: int | None = None) -> None:
    """``text`` (UTF-8) as the whole of ``target``, atomically."""
    write_bytes(target, text.encode("utf-8"), mode=mode)
