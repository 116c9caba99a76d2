"""``teamlead export`` when its file cannot grow (a full disk; here a file size limit, which fails the same writes
without needing a disk to fill): one message naming the file, exit 1, no "Exception ignored" noise from the
half-written workbook, and nothing left behind."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from teamlead.cli import main
from tests.importing.big import write_big_roster

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="file size limits are POSIX")

LIMIT = 64 * 1024


def _small_files_only() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))  # Python ignores SIGXFSZ: writes fail EFBIG


def test_an_export_whose_file_cannot_grow_says_so(tmp_path: Path) -> None:
    database = tmp_path / "teamlead.sqlite3"
    roster = write_big_roster(tmp_path / "roster.xlsx", 1_000)
    assert main(["--database", str(database), "import", str(roster), "--district", "Nieuw-West"]) == 0
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    target = tmp_path / "export.xlsx"
    result = subprocess.run(
        [sys.executable, "-m", "teamlead", "--database", str(database), "export", "-o", str(target)],
        capture_output=True,
        text=True,
        env={**os.environ, "TMPDIR": str(scratch)},
        preexec_fn=_small_files_only,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    # The sheets stream straight into the file beside the target (no scratch files): the message names it.
    assert result.stderr == f"teamlead: The disk holding {target} is full. Make room and try again.\n"
    assert list(scratch.iterdir()) == []
    assert sorted(path.name for path in tmp_path.iterdir()) == ["roster.xlsx", "teamlead.sqlite3", "tmp"]
