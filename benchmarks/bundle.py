"""The packaged app beside the development environment: size on disk and start-up to the first painted screen.

Measures an existing bundle in ``dist/`` and builds nothing: run ``make package`` first (about three minutes),
or unpack the archive CI made (``dist/teamlead-VERSION-linux-ARCH.tar.gz``) so that ``dist/teamlead/`` holds
the ``teamlead`` program. Without one it says so and measures nothing.

Goals (issue 20): the bundle starts within 1.2x the virtual environment's start (``--exit-when-ready`` on the
same small demo database, offscreen; interleaved runs, medians), and the Linux archive stays under 150 MB.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "teamlead"
RUNS = 7
START_GOAL = 1.2
ARCHIVE_GOAL_MB = 150


def folder_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file() and not item.is_symlink())


def ready_ms(command: list[str], environment: dict[str, str]) -> int:
    result = subprocess.run(
        command, capture_output=True, text=True, env=environment, timeout=120, check=False
    )
    found = re.search(r"^ready in (\d+) ms$", result.stdout, re.MULTILINE)
    if result.returncode != 0 or found is None:
        raise RuntimeError(f"{command[0]} did not get ready: {result.stdout} {result.stderr}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    program = BUNDLE / ("teamlead.exe" if sys.platform == "win32" else "teamlead")
    if not program.is_file():
        print(
            f"no bundle in {BUNDLE}: run `make package` first (or unpack CI's archive there); nothing measured"
        )
        return 0
    venv = Path(sys.prefix)
    archives = sorted((ROOT / "dist").glob("teamlead-*.tar.gz"))
    print(
        f"size: bundle {folder_size(BUNDLE) / 1e6:.0f} MB, virtual environment {folder_size(venv) / 1e6:.0f} MB"
    )
    for archive in archives:
        megabytes = archive.stat().st_size / 1e6
        verdict = "ok" if megabytes < ARCHIVE_GOAL_MB else f"OVER {ARCHIVE_GOAL_MB} MB"
        print(f"archive: {archive.name} {megabytes:.1f} MB ({verdict})")
    with tempfile.TemporaryDirectory(prefix="teamlead-bench-bundle-") as temporary:
        home = Path(temporary)
        database = home / "small.sqlite3"
        environment = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            TEAMLEAD_LOG_DIR=str(home / "logs"),
        )
        environment.pop("TEAMLEAD_DATABASE", None)
        subprocess.run(
            [sys.executable, "-m", "teamlead", "--database", str(database), "demo", "--scale", "small"],
            check=True,
            capture_output=True,
            env=environment,
        )
        commands = {
            "venv": [sys.executable, "-m", "teamlead", "--database", str(database), "--exit-when-ready"],
            "bundle": [str(program), "--database", str(database), "--exit-when-ready"],
        }
        for command in commands.values():  # warm the file cache
            ready_ms(command, environment)
        times: dict[str, list[int]] = {name: [] for name in commands}
        for _ in range(RUNS):
            for name, command in commands.items():
                times[name].append(ready_ms(command, environment))
    medians = {name: statistics.median(values) for name, values in times.items()}
    ratio = medians["bundle"] / medians["venv"]
    verdict = "ok" if ratio <= START_GOAL else f"OVER {START_GOAL}x"
    for name in commands:
        print(f"start-up ({name}): ready in {medians[name]:.0f} ms (median of {RUNS}: {times[name]})")
    print(f"start-up: bundle / venv = {ratio:.2f} (goal <= {START_GOAL}: {verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
