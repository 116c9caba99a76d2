"""A PostgreSQL server of a test's own (``.ci/pg-start`` on a free port), so stopping it disturbs no one else.

For the tests of what happens when the server goes away: stopped the normal way (``pg_ctl stop -m fast``, as
an administrator or a system shutdown does), mid-session or mid-command.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Server:
    url: URL
    """The database ``teamlead`` on it (empty)."""
    data: Path

    def stop(self, mode: str = "fast") -> None:
        """``pg_ctl stop``: ``fast`` ends the sessions with ``AdminShutdown``, as a normal shutdown does."""
        pg_ctl(self.data, "stop", "-m", mode)

    def start(self) -> None:
        subprocess.run(
            [str(ROOT / ".ci" / "pg-start"), str(self.data), str(self.url.port)],
            check=True,
            capture_output=True,
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def pg_ctl(data: Path, *args: str) -> None:
    binary = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))[-1]
    subprocess.run(
        ["runuser", "-u", "postgres", "--", str(binary), "-D", str(data), "-w", *args],
        check=False,
        capture_output=True,
    )


def throwaway_server() -> Iterator[Server]:
    """Start a server, yield it with an empty database ``teamlead``, and remove it afterwards."""
    if shutil.which("runuser") is None or not list(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")):
        pytest.skip("needs PostgreSQL's server binaries and root (.ci/pg-start)")
    data = Path(f"/tmp/teamlead-pg-{uuid.uuid4().hex[:8]}")
    started = subprocess.run(
        [str(ROOT / ".ci" / "pg-start"), str(data), str(free_port())],
        capture_output=True,
        text=True,
        check=False,
    )
    if started.returncode:
        pytest.skip(f"could not start a throw-away server: {started.stderr.strip()}")
    server = make_url(started.stdout.strip())
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text('CREATE DATABASE "teamlead"'))
    admin.dispose()
    try:
        yield Server(server.set(database="teamlead"), data)
    finally:
        pg_ctl(data, "stop", "-m", "immediate")
        shutil.rmtree(data, ignore_errors=True)
