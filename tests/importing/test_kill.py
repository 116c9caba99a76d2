"""``kill -9`` at any moment of a 20,000-row import leaves all of it or none of it, and a sound database.

Each round starts ``teamlead import`` in its own process on a copy of a database that already holds a roster,
kills it after a random delay (from start-up to the end of the import), then checks the database with
``teamlead check`` and by its counts: exactly as before, or exactly as after a complete import.
A few rounds run in ``make test``; ``make stress`` (``TEAMLEAD_STRESS=1``) runs 40.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from teamlead.data import models  # noqa: F401 - every table on the metadata
from teamlead.data.base import Base
from teamlead.data.database import open_database
from tests.importing.big import write_big_roster
from tests.importing.rosters import MESSY_ROSTER, write_xlsx

COUNTED = ("district", "neighbourhood", "domain", "organisation", "person", "role", "note", "audit_entry")


def teamlead(*args: str) -> list[str]:
    return [sys.executable, "-m", "teamlead", *args]


def counts(path: Path) -> dict[str, int]:
    database = open_database(path, create=False)
    try:
        with database.engine.connect() as connection:
            return {
                name: connection.scalar(select(func.count()).select_from(Base.metadata.tables[name])) or 0
                for name in COUNTED
            }
    finally:
        database.dispose()


class Scene:
    """A database holding a small roster, a 20,000-row roster to import into it, and the counts before and
    after a complete import."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.template = folder / "template.sqlite3"
        small = write_xlsx(folder / "small.xlsx", {"Lijst": MESSY_ROSTER})
        subprocess.run(
            teamlead("--database", str(self.template), "import", str(small)), check=True, capture_output=True
        )
        self.roster = write_big_roster(folder / "big.xlsx", 20_000)
        self.before = counts(self.template)
        complete = folder / "complete.sqlite3"
        shutil.copy(self.template, complete)
        began = time.perf_counter()
        subprocess.run(
            teamlead("--database", str(complete), "import", str(self.roster), "--district", "Nieuw-West"),
            check=True,
            capture_output=True,
        )
        self.duration = time.perf_counter() - began
        self.after = counts(complete)
        assert self.after["person"] == self.before["person"] + 20_000

    def kill_round(self, number: int, chance: random.Random) -> str:
        target = self.folder / f"round{number}.sqlite3"
        shutil.copy(self.template, target)
        process = subprocess.Popen(
            teamlead("--database", str(target), "import", str(self.roster), "--district", "Nieuw-West"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(chance.uniform(0.2, self.duration * 1.05))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        check = subprocess.run(teamlead("--database", str(target), "check"), capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
        found = counts(target)
        assert found in (self.before, self.after), found
        target.unlink()
        return "none" if found == self.before else "all"


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Scene:
    return Scene(tmp_path_factory.mktemp("kill"))


def run_rounds(scene: Scene, rounds: int) -> list[str]:
    chance = random.Random(7)
    return [scene.kill_round(number, chance) for number in range(rounds)]


@pytest.mark.slow
def test_killed_imports_leave_all_or_nothing(scene: Scene) -> None:
    outcomes = run_rounds(scene, 3)
    assert set(outcomes) <= {"none", "all"}


@pytest.mark.stress
@pytest.mark.skipif(os.environ.get("TEAMLEAD_STRESS") != "1", reason="40 kill rounds run in make stress")
def test_forty_killed_imports_leave_all_or_nothing(scene: Scene) -> None:
    outcomes = run_rounds(scene, 40)
    assert "none" in outcomes  # the delays do reach into the import, not only past its end
