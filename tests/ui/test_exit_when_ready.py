"""``teamlead --exit-when-ready`` in a real process, as smoke tests and packaging checks run it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from teamlead.data.database import open_database
from tests.ui.conftest import app_environment, seed


def run_teamlead(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "teamlead", *args],
        capture_output=True,
        text=True,
        env=app_environment(home),
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


FIRST_PAINT_PROBE = r"""
import json, sys
from teamlead.ui import main_window

seen = {}
built = main_window.MainWindow.__init__

def init(self, *args, **kwargs):
    built(self, *args, **kwargs)
    self.window_painted.connect(lambda: seen.setdefault("painted", sorted(sys.modules)))
    self.screen_ready.connect(lambda: seen.setdefault("ready", sorted(sys.modules)))

main_window.MainWindow.__init__ = init
from teamlead.cli import main
code = main(["--database", sys.argv[1], "--exit-when-ready"])
print("RESULT " + json.dumps({"code": code, **seen}))
"""

HEAVY = (
    "sqlalchemy",
    "openpyxl",
    "reportlab",
    "psycopg",
    "teamlead.data.access.install",
    "teamlead.reporting.model",
)


def test_the_window_is_painted_before_sqlalchemy_and_the_report_libraries_load(tmp_path: Path) -> None:
    """They take half a second on a laptop: the window shows first, the database opens behind it (a role's
    words or a refusal's message imported by the window once pulled SQLAlchemy in before the first paint,
    and doubled the time to it)."""
    target = tmp_path / "data.sqlite3"
    database = open_database(target)
    seed(database)
    database.dispose()
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_PROBE, str(target)],
        capture_output=True,
        text=True,
        env=app_environment(tmp_path),
        timeout=120,
        check=False,
    )
    line = next((line for line in result.stdout.splitlines() if line.startswith("RESULT ")), None)
    assert line is not None, result.stderr
    found = json.loads(line.removeprefix("RESULT "))
    assert found["code"] == 0
    painted = set(found["painted"])
    loaded_first = sorted(name for name in painted if name.split(".")[0] in HEAVY or name in HEAVY)
    assert loaded_first == []
    assert "sqlalchemy" in found["ready"]  # the dashboard, with its data, came after it
    assert "teamlead.data.access.install" not in found["ready"]  # PostgreSQL's alone, not an SQLite file's
