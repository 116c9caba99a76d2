"""Runs ``teamlead import`` on one file after another, as listed in a file, and reports each on stdout as JSON.

Started by :mod:`tests.importing.test_hostile_files` in a process of its own: if a file kills the process
(an abort, a segfault, the memory cap), the parent knows which file it was from the last ``start`` line.
Per file it reports the exit code, stderr, the seconds taken, the peak resident memory (Linux resets the
peak when asked to through ``/proc/self/clear_refs``) and whether a refused file left the database as it was.
"""

from __future__ import annotations

import contextlib
import io
import json
import resource
import shutil
import sqlite3
import sys
import time
from pathlib import Path

GUARD_BYTES = 4 << 30
"""A hard cap on the address space, far above the 512 MB a refusal may use: only there to stop a runaway."""


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def peak_kilobytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (GUARD_BYTES, GUARD_BYTES))
    from teamlead.cli import main as teamlead

    template, work, listing = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    before = dump(template)
    for path in listing.read_text(encoding="utf-8").splitlines():
        print(json.dumps({"start": path}), flush=True)
        database = work / "teamlead.sqlite3"
        for leftover in work.glob("teamlead.sqlite3*"):
            leftover.unlink()
        shutil.copyfile(template, database)
        Path("/proc/self/clear_refs").write_text("5")
        out, err = io.StringIO(), io.StringIO()
        started = time.perf_counter()
        escaped = ""
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = teamlead(["--database", str(database), "--language", "en", "import", path])
        except BaseException as error:
            code, escaped = -1, f"{type(error).__name__}: {error}"[:300]
        seconds = time.perf_counter() - started
        report = {
            "path": path,
            "code": code,
            "stderr": err.getvalue()[:2000],
            "escaped": escaped,
            "seconds": round(seconds, 3),
            "peak_mb": peak_kilobytes() // 1024,
            "unchanged": code != 1 or dump(database) == before,
        }
        print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
