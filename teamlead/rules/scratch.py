"""Scratch files in a folder Teamlead owns, and what a killed Teamlead left behind, removed at its next start.

Libraries write temporary files, and the search-index check works on a copy of the database. In the system's
temp folder a crash leaves them for good, for anyone who may read that folder. So each run of
Teamlead (the app, a command) has a *session*: the folder ``<data>/scratch/<id>/`` (0700, in the 0700 data
folder of :func:`~teamlead.rules.locations.data_folder`). While :func:`run` is in effect Python's temporary
files go there, and the folder goes when the run ends.

The one writer (:mod:`teamlead.rules.files`) must put its last temporary file beside the target, as a rename is
atomic only within one disk. It names that file recognisably (:func:`partial_path`) and notes it in the
session's list before creating it. A session's process holds a lock on ``<data>/scratch/<id>.lock`` for as
long as it lives; the operating system lets go of it when the process dies, however it dies. At the next
start :func:`sweep` removes, for every session whose lock is free, the partial files its list names and its
folder. Sessions are made and swept under ``<data>/scratch/.sweep.lock``, so a sweep never mistakes a session
being born for a dead one.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import re
import shutil
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from teamlead.rules.locations import data_folder

log = logging.getLogger(__name__)

SCRATCH = "scratch"
PARTIALS = "partials"
SWEEP_LOCK = ".sweep.lock"
PARTIAL_PREFIX = ".~teamlead-"
PARTIAL_SUFFIX = ".partial"
PRIVATE_FOLDER = 0o700
NAME_MAX = 255
"""Bytes in a file name that most file systems take."""
_PARTIAL = re.compile(r"\.~teamlead-.*\.[0-9a-f]{8}\.partial", re.DOTALL)


def scratch_root() -> Path:
    """``<data>/scratch``: the sessions' folders and locks."""
    return data_folder() / SCRATCH


def private_folder(folder: Path) -> Path:
    """``folder`` (one of Teamlead's own, never one the user chose) made if missing, for its owner only."""
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if os.name == "posix" and folder.stat().st_mode & 0o077:
        os.chmod(folder, PRIVATE_FOLDER)
    return folder


def partial_path(target: Path) -> Path:
    """A new name beside ``target`` for the file that becomes it: ``.~teamlead-<name>.<random>.partial``
    (the name shortened to keep the whole within :data:`NAME_MAX` bytes)."""
    token = os.urandom(4).hex()
    room = NAME_MAX - len(f"{PARTIAL_PREFIX}.{token}{PARTIAL_SUFFIX}".encode())
    name = target.name.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")
    return target.with_name(f"{PARTIAL_PREFIX}{name}.{token}{PARTIAL_SUFFIX}")


def is_partial(path: Path) -> bool:
    """Whether ``path`` is named as :func:`partial_path` names: the only files a sweep removes beside targets."""
    return _PARTIAL.fullmatch(path.name) is not None


def _lock(handle: int, *, wait: bool) -> bool:
    """Take the exclusive lock on the open file ``handle``; False when another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(handle, 0, os.SEEK_SET)
        try:
            msvcrt.locking(handle, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


@contextlib.contextmanager
def _sweeping(root: Path) -> Iterator[None]:
    """Hold ``root``'s sweep lock: sessions are made and swept one at a time."""
    handle = os.open(root / SWEEP_LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _lock(handle, wait=True)
        yield
    finally:
        os.close(handle)  # lets go of the lock


def _clear(folder: Path) -> None:
    """Remove the partial files ``folder``'s list names (only names of :func:`partial_path`), then the folder."""
    try:
        lines = (folder / PARTIALS).read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for line in lines:
        try:
            path = Path(json.loads(line))
        except (ValueError, TypeError):
            continue
        if not is_partial(path):
            continue
        with contextlib.suppress(OSError):
            if stat.S_ISREG(path.lstat().st_mode):
                path.unlink()
    shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Session:
    """This run's scratch folder and the lock that says the run is alive."""

    root: Path
    name: str
    handle: int
    _guard: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def folder(self) -> Path:
        return self.root / self.name

    @property
    def lock_path(self) -> Path:
        return self.root / f"{self.name}.lock"

    def note_partial(self, path: Path) -> None:
        """Put ``path`` on the list before it is created, so the sweep after a crash finds it."""
        line = json.dumps(str(path.absolute())) + "\n"
        with self._guard, open(self.folder / PARTIALS, "a", encoding="utf-8") as stream:
            stream.write(line)

    def end(self) -> None:
        """The run is over: its partial files (a writer still busy in a thread) and its folder go."""
        _clear(self.folder)
        os.close(self.handle)
        with contextlib.suppress(OSError):
            self.lock_path.unlink()


def _start(root: Path) -> Session:
    private_folder(root.parent)
    private_folder(root)
    with _sweeping(root):
        name = f"{os.getpid()}-{os.urandom(4).hex()}"
        handle = os.open(root / f"{name}.lock", os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            _lock(handle, wait=False)
            (root / name).mkdir(mode=PRIVATE_FOLDER)
        except OSError:
            os.close(handle)
            (root / f"{name}.lock").unlink(missing_ok=True)
            raise
    return Session(root, name, handle)


_sessions: list[Session] = []
_unwritable: set[Path] = set()
_guard = threading.Lock()
_at_exit: list[bool] = []


def current() -> Session | None:
    """This run's session, made at the first need; None when Teamlead's data folder cannot be written (then
    temporary files stay where Python puts them, and partial files are not listed)."""
    root = scratch_root()
    with _guard:
        for session in _sessions:
            if session.root == root:
                return session
        if root in _unwritable:
            return None
        while _sessions:  # the data folder moved (only tests do that): the old session is over
            _sessions.pop().end()
        try:
            session = _start(root)
        except OSError as error:
            log.info(
                "no scratch folder (%s): temporary files stay in the system's folder", type(error).__name__
            )
            _unwritable.add(root)
            return None
        if not _at_exit:
            atexit.register(end)
            _at_exit.append(True)
        _sessions.append(session)
        return session


def end() -> None:
    """End this process's sessions (at the end of :func:`run`, else when Python exits)."""
    with _guard:
        while _sessions:
            _sessions.pop().end()
        _unwritable.clear()


def _gone(lock: Path) -> bool:
    """Whether the process that held ``lock`` is gone (its lock is free)."""
    try:
        handle = os.open(lock, os.O_RDWR)
    except OSError:
        return False
    try:
        return _lock(handle, wait=False)
    finally:
        os.close(handle)


def sweep() -> int:
    """Remove what runs that are gone left behind: their partial files and scratch folders. Returns how many
    sessions it cleared."""
    root = scratch_root()
    if not root.is_dir():
        return 0
    own = {session.name for session in _sessions}
    cleared = 0
    with _sweeping(root):
        for entry in list(root.iterdir()):
            name = entry.name.removesuffix(".lock")
            if entry.name.startswith(".") or name in own:
                continue
            if entry.name.endswith(".lock"):
                if _gone(entry):
                    _clear(root / name)
                    entry.unlink(missing_ok=True)
                    cleared += 1
            elif entry.is_dir() and not (root / f"{name}.lock").exists():
                _clear(entry)
                cleared += 1
    if cleared:
        log.info("cleared what %d earlier runs left behind", cleared)
    return cleared


@contextlib.contextmanager
def run() -> Iterator[Session | None]:
    """One run of Teamlead: clear what runs that are gone left, keep this run's temporary files (Python's
    :mod:`tempfile`, and so openpyxl's) in its session folder, and remove that folder when the run ends."""
    try:
        sweep()
    except OSError as error:
        log.info("could not clear earlier runs' files (%s)", type(error).__name__)
    session = current()
    before = tempfile.tempdir
    if session is not None:
        tempfile.tempdir = str(session.folder)
    try:
        yield session
    finally:
        tempfile.tempdir = before
        end()


def scratch_folder() -> Path:
    """A folder for this run's own scratch files: the session's, else the system's temp folder."""
    session = current()
    return session.folder if session is not None else Path(tempfile.gettempdir())
