"""A database with the demo's small world (partners, people, notes, meetings), made once per module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed SQLite file filled by ``teamlead demo``, as a user would fill it; copy it before changing it."""
    path = tmp_path_factory.mktemp("filled") / "teamlead.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "teamlead", "--database", str(path), "demo"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return path
