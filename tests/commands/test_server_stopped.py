"""PostgreSQL stopped the normal way (``pg_ctl stop -m fast``) while ``import`` or ``export`` works: exit 1
saying the server cannot be reached. No traceback, and never a statement or its parameters (a person's name,
a note) on stderr or in the log."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from teamlead.cli import main
from teamlead.rules.logs import LOG_ENV, LOG_FILENAME
from tests.importing.big import FIRST, LAST, write_big_roster
from tests.throwaway_server import Server

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

ROWS = 2_500


def _busy(server: Server, statement: str) -> bool:
    """Whether the command's session runs ``statement`` (a prefix), or ran it last and is still in its
    transaction."""
    admin = create_engine(server.url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            return bool(
                connection.scalar(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = 'teamlead' "
                        "AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND query LIKE :statement"
                    ),
                    {"statement": f"{statement}%"},
                )
            )
    finally:
        admin.dispose()


def _stopped_while(server: Server, statement: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``teamlead ARGS`` on the server's database; stop the server the normal way while it runs
    ``statement``."""
    process = subprocess.Popen(
        [sys.executable, "-m", "teamlead", "--database", server.url.render_as_string(), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while process.poll() is None and not _busy(server, statement):
        assert time.monotonic() < deadline, "the command never ran the statement"
        time.sleep(0.01)
    server.stop("fast")
    out, err = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _assert_told_without_data(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("teamlead: Cannot reach the database server"), result.stderr
    log = Path(os.environ[LOG_ENV]) / LOG_FILENAME
    told = result.stderr + (log.read_text(encoding="utf-8") if log.exists() else "")
    for leak in (
        "Traceback",
        "Exception ignored",
        "[SQL",
        "parameters",
        "Aanspreekpunt",
        "persoon",
        "06 5555",
    ):
        assert leak not in told, leak
    for name in FIRST + LAST:
        assert name not in told, name


def test_an_import_stopped_by_a_server_shutdown_says_so_without_data(
    throwaway_server: Server, tmp_path: Path
) -> None:
    roster = write_big_roster(tmp_path / "roster.xlsx", ROWS)
    result = _stopped_while(throwaway_server, "INSERT INTO person", "import", str(roster))
    _assert_told_without_data(result)


def test_an_export_stopped_by_a_server_shutdown_says_so_without_data(
    throwaway_server: Server, tmp_path: Path
) -> None:
    roster = write_big_roster(tmp_path / "roster.xlsx", ROWS)
    assert main(["--database", throwaway_server.url.render_as_string(), "import", str(roster)]) == 0
    target = tmp_path / "export.xlsx"
    result = _stopped_while(throwaway_server, "FETCH", "export", "-o", str(target))
    _assert_told_without_data(result)
    assert not target.exists()
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".export")] == []
