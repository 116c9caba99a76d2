"""Writing a report file atomically: into a temporary file beside the target, then replacing it.

A reader (or the city's e-mail) never sees half a report, and a failed run leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from teamlead.errors import UserError
from teamlead.i18n import tr


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
def atomic_target(target: Path) -> Iterator[Path]:
    """A temporary path to write to; on success it replaces ``target``, on failure it is removed."""
    target = Path(target)
    if target.is_dir():
        raise UserError(tr("{path} is a folder; give a file name.", path=target))
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
        os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp makes it private; a report is an ordinary file
        _sync(temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise _cannot_write(target, error) from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _sync(path: Path) -> None:
    """Put the written bytes on disk before the rename, so a power cut cannot leave an empty report behind."""
    with open(path, "r+b") as stream:  # Windows syncs only a handle open for writing
        os.fsync(stream.fileno())
