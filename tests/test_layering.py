"""Layering is one-way: everything outside ``teamlead.ui`` imports and runs where Qt's widgets cannot load.

A fresh interpreter gets an import hook that makes ``PySide6.QtWidgets`` and ``PySide6.QtGui`` fail, then
imports every module of the package except the UI (found with ``pkgutil.walk_packages``, so new modules are
covered without editing this test) and runs the CLI's non-GUI commands.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROBE = r"""
import importlib, importlib.abc, json, pkgutil, sys

BLOCKED = ("PySide6.QtWidgets", "PySide6.QtGui")

class Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in BLOCKED or name.startswith(tuple(blocked + "." for blocked in BLOCKED)):
            raise ImportError(f"{name} is blocked: this layer must not need Qt widgets")
        return None

sys.meta_path.insert(0, Blocker())

import teamlead

SKIPPED = ("teamlead.ui", "teamlead.__main__", "teamlead.data.migrations")
imported, failed = [], {}
for info in pkgutil.walk_packages(teamlead.__path__, "teamlead.", onerror=lambda name: None):
    if info.name.startswith(SKIPPED):
        continue
    try:
        importlib.import_module(info.name)
        imported.append(info.name)
    except Exception as error:
        failed[info.name] = f"{type(error).__name__}: {error}"

from teamlead import cli

database = sys.argv[1]
codes = {
    "help": None,
    "backup": cli.main(["--database", database, "backup", "-o", database + ".copy"]),
    "check": cli.main(["--database", database, "check"]),
}
try:
    cli.main(["--help"])
except SystemExit as exit:
    codes["help"] = exit.code
qt = sorted(name for name in sys.modules if name.startswith(BLOCKED))
print("RESULT " + json.dumps({"imported": imported, "failed": failed, "codes": codes, "qt": qt}))
"""


def test_everything_but_the_ui_imports_and_runs_without_qt_widgets(tmp_path: Path) -> None:
    database = tmp_path / "teamlead.sqlite3"
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(database)], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))
    found = json.loads(line.removeprefix("RESULT "))
    assert found["failed"] == {}, found["failed"]
    imported = set(found["imported"])
    for expected in (
        "teamlead.data.database",
        "teamlead.data.integrity",
        "teamlead.rules.locations",
        "teamlead.rules.logs",
        "teamlead.services.privacy",
        "teamlead.startup.opening",
        "teamlead.startup.autobackup",
        "teamlead.cli",
        "teamlead.commands.check",
    ):
        assert expected in imported
    assert not any(name.startswith("teamlead.ui") for name in imported)
    assert found["codes"] == {"help": 0, "backup": 0, "check": 0}, result.stderr
    assert found["qt"] == []
    assert Path(f"{database}.copy").exists()
