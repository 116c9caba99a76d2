"""``teamlead --exit-when-ready`` in a real process, as smoke tests and packaging checks run it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from teamlead.data.database import open_database
from tests.ui.conftest import seed


def run_teamlead(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TEAMLEAD_SETTINGS": str(home / "settings.json"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "teamlead", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_ready_on_the_welcome_page_of_a_new_database(tmp_path: Path) -> None:
    target = tmp_path / "new.sqlite3"
    result = run_teamlead("--database", str(target), "--exit-when-ready", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"ready in \d+ ms\n", result.stdout)
    assert target.stat().st_size > 0


def test_ready_on_the_dashboard_of_a_database_with_data(tmp_path: Path) -> None:
    target = tmp_path / "data.sqlite3"
    database = open_database(target)
    seed(database)
    database.dispose()
    result = run_teamlead("--database", str(target), "--exit-when-ready", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"ready in \d+ ms\n", result.stdout)


def test_a_damaged_database_asks_on_stderr_and_exits_1(tmp_path: Path) -> None:
    target = tmp_path / "damaged.sqlite3"
    content = b"SQLite format 3\x00" + b"\x07" * 4000
    target.write_bytes(content)
    result = run_teamlead("--database", str(target), "--exit-when-ready", home=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Open another database, or create a new one?" in result.stderr
    assert str(target) in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_bytes() == content


def test_the_question_follows_the_language(tmp_path: Path) -> None:
    target = tmp_path / "not-a-database.sqlite3"
    target.write_text("hello", encoding="utf-8")
    result = run_teamlead("--language", "nl", "--database", str(target), "--exit-when-ready", home=tmp_path)
    assert result.returncode == 1
    assert "Een andere database openen, of een nieuwe maken?" in result.stderr


def test_an_upgrade_does_not_hold_up_a_smoke_test(tmp_path: Path) -> None:
    """Opening a database of schema 0006 upgrades it; the app's message about it never blocks the exit."""
    import shutil

    target = tmp_path / "old.sqlite3"
    shutil.copyfile(Path(__file__).parents[1] / "data" / "fixtures" / "schema-0006.sqlite3", target)
    result = run_teamlead("--database", str(target), "--exit-when-ready", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"ready in \d+ ms\n", result.stdout)
