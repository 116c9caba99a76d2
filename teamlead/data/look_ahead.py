"""The file's quick check, started as soon as the window is painted, beside the imports that follow.

Before the app writes to its SQLite file it checks it (:func:`teamlead.data.integrity.inspect_sqlite`:
``PRAGMA quick_check`` reads every page, 420 ms for the city demo). SQLite runs that without Python's lock,
so on a second core it fits in the half second the worker spends importing SQLAlchemy and the models.
:func:`start` runs it in a thread of its own with only :mod:`sqlite3`; the inspection then takes its answer
(:func:`taken`) when the file did not change from before that look to now, and else checks again itself.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from teamlead.data.sqlite_file import BUSY_TIMEOUT_MS, Fingerprint, file_fingerprint, read_only_uri
from teamlead.rules.locations import DATABASE_ENV, default_database_path

HEADER = b"SQLite format 3\x00"
WAIT_S = 30.0
"""How long an inspection waits for a look still running (then it checks itself)."""


@dataclass
class _Look:
    done: threading.Event = field(default_factory=threading.Event)
    before: Fingerprint | None = None
    after: Fingerprint | None = None
    lines: list[str] | None = None


_looks: dict[Path, _Look] = {}
_lock = threading.Lock()


def file_for(target: str | None) -> Path | None:
    """The SQLite file of ``--database`` (a path; else ``TEAMLEAD_DATABASE``, else the default file), as
    :func:`teamlead.data.engine.resolve_url` finds it, without SQLAlchemy; None for a URL."""
    text = target or os.environ.get(DATABASE_ENV) or str(default_database_path())
    return None if "://" in text else Path(text).expanduser()


def start_for(target: str | None) -> None:
    """:func:`start` for ``--database``'s file; nothing for a URL (a server checks its own files)."""
    path = file_for(target)
    if path is not None:
        start(path)


def start(path: Path) -> None:
    """Begin the quick check of the SQLite file ``path`` (nothing for anything else, or when one runs)."""
    key = path.absolute()
    with _lock:
        if key in _looks:
            return
        look = _looks[key] = _Look()
    threading.Thread(target=_run, args=(key, look), name="teamlead-look-ahead", daemon=True).start()


def _run(path: Path, look: _Look) -> None:
    try:
        if not path.is_file():
            return
        with path.open("rb") as handle:
            header = handle.read(100)
        if not header.startswith(HEADER) or len(header) < 100:
            return
        look.before = file_fingerprint(path)
        connection = sqlite3.connect(
            read_only_uri(path, header), uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
        try:
            look.lines = [str(row[0]) for row in connection.execute("PRAGMA quick_check(20)")]
        finally:
            connection.close()
        look.after = file_fingerprint(path)
    except (OSError, sqlite3.Error):
        look.lines = None  # the inspection looks itself, and says what is wrong in words
    finally:
        look.done.set()


def taken(path: Path) -> list[str] | None:
    """The quick check's lines for ``path`` when one was started and the file is as it was before it; else
    None. Each look is used once."""
    with _lock:
        look = _looks.pop(path.absolute(), None)
    if look is None or not look.done.wait(WAIT_S) or look.lines is None:
        return None
    try:
        now = file_fingerprint(path)
    except OSError:
        return None
    return look.lines if look.before == look.after == now else None
