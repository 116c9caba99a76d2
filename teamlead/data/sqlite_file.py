"""An SQLite file as the file system sees it: how to read it without changing it, and whether it changed.

No SQLAlchemy here: the app looks at its file (:mod:`teamlead.data.look_ahead`) before that is imported.
"""

from __future__ import annotations

from pathlib import Path

BUSY_TIMEOUT_MS = 5000

Fingerprint = tuple[int, int, bool]
"""Modification time (ns), size, and whether a ``-wal`` file lies beside it."""


def read_only_uri(path: Path, header: bytes, *, immutable: bool | None = None) -> str:
    """The URI of a connection that can neither change ``path`` nor leave files beside it. A quiet WAL-mode
    file (no ``-wal`` beside it, so no one has it open) is read as ``immutable``: even ``mode=ro`` would make
    ``-wal`` and ``-shm`` files, and cannot at all in a folder Teamlead may not write."""
    if immutable is None:
        immutable = header[18:19] == b"\x02" and not path.with_name(path.name + "-wal").exists()
    return f"{path.absolute().as_uri()}?{'immutable=1' if immutable else 'mode=ro'}"


def file_fingerprint(path: Path) -> Fingerprint:
    """What changes when anyone writes the file (a look taken between two equal fingerprints still holds)."""
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size, path.with_name(path.name + "-wal").exists()
