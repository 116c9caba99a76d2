"""Output the console cannot encode is replaced, not a traceback (Windows pipes use the ANSI code page)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_dutch_help_through_an_ascii_pipe_prints_without_a_traceback(tmp_path: Path) -> None:
    environment = dict(os.environ, PYTHONIOENCODING="ascii", TEAMLEAD_LOG_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "teamlead", "--language", "nl", "--help"],
        capture_output=True,
        env=environment,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("ascii", "replace")
    assert b"Traceback" not in result.stderr
    assert b"?" in result.stdout  # the letters ASCII lacks
