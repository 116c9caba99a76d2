"""One running Teamlead per database: a second start brings the first window to the front.

A :class:`QLockFile` per database (named after a hash of its path or URL, in the temp folder) says whether
one runs; a lock left by a crashed process is recognised by its dead process id and taken over. The running
one listens on a :class:`QLocalServer` of the same name; the second start sends it ``activate`` and exits.
The app takes the lock before its window shows and starts listening after the first paint (QtNetwork is
imported only then: it is not needed to paint).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

CONNECT_TIMEOUT_MS = 1000


def instance_name(database_key: str) -> str:
    digest = hashlib.sha256(database_key.encode("utf-8")).hexdigest()[:16]
    return f"teamlead-{digest}"


class SingleInstance(QObject):
    """Hold the lock for ``database_key``, or tell the one that holds it to come to the front."""

    activation_requested = Signal()
    """Another start for the same database asked this one to come to the front."""

    def __init__(
        self, database_key: str, parent: QObject | None = None, *, folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.name = instance_name(database_key)
        base = folder if folder is not None else Path(QDir.tempPath())
        self.lock_path = base / f"{self.name}.lock"
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, however long it ran
        self._server: QLocalServer | None = None

    def acquire(self, *, listen: bool = True) -> bool:
        """True when this is the only instance (a crashed one's lock is taken over); then start listening,
        or, with ``listen`` False, leave that to :meth:`listen`."""
        if not self._lock.tryLock(0):
            if self._lock.error() == QLockFile.LockError.LockFailedError and self._lock.removeStaleLockFile():
                if not self._lock.tryLock(0):
                    return False
            else:
                return False
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Answer a second start of the same database (once; only while holding the lock)."""
        if self._server is not None or not self._lock.isLocked():
            return
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self.name)  # a crashed instance's socket file
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self._server.listen(self.name)

    def activate_running(self) -> bool:
        """Ask the running instance to come to the front; False when it does not answer."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(b"activate\n")
        socket.flush()
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def _on_connection(self) -> None:
        """Read the one short message of a second start. It is written right after connecting, so the
        brief wait for it happens only when someone starts Teamlead again."""
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            arrived = socket.bytesAvailable() > 0 or socket.waitForReadyRead(CONNECT_TIMEOUT_MS)
            if arrived and bytes(socket.readAll().data()).startswith(b"activate"):
                self.activation_requested.emit()
            socket.disconnectFromServer()
            socket.deleteLater()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()


def bring_to_front(window: object) -> None:
    """Show, un-minimise and raise a window (as far as the window manager allows)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
