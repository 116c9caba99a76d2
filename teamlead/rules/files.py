"""The one way Teamlead writes a file: into a temporary file beside the target, synced, then renamed over it.

A reader (or the city's e-mail) never sees half a file, a failed run leaves the old file as it was, and a
power cut cannot leave an empty file under the old name. Reports, exports, calendars, settings and privacy
exports all go through here.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from teamlead.errors import UserError
from teamlead.i18n import tr

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


def _cannot_write(target: Path, error: OSError) -> UserError:
    return UserError(
        tr(
            "Cannot write {path}: {reason}. Close the file if another program has it open, "
            "or choose another folder.",
            path=target,
            reason=error.strerror or error,
        )
    )


@contextlib.contextmanager
def atomic_target(target: Path, *, mode: int | None = None) -> Iterator[Path]:
    """A temporary path to write to; on success it replaces ``target``, on failure it is removed.

    The file gets ``mode`` (``0o600`` for what holds personal data and stays with the user), else the
    permissions of an ordinary new file (the user's umask).
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
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix, dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise _cannot_write(target, error) from error
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, mode if mode is not None else 0o666 & ~_UMASK)  # mkstemp makes it 0600
        _sync(temporary)
        os.replace(temporary, target)
        sync_folder(target.parent)
    except OSError as error:
        raise _cannot_write(target, error) from error
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
