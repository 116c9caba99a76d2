"""A command killed (kill -9) while it writes leaves nothing for good: no personal data in the system's temp
folder at all, and its scratch files and half-written files gone at the next start."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from teamlead import cli
from teamlead.rules import scratch
from teamlead.rules.locations import data_folder

WORKER = Path(__file__).parents[1] / "halting_worker.py"
ROOT = Path(__file__).resolve().parents[2]


def sessions_files() -> list[Path]:
    """What running or killed runs keep in Teamlead's scratch folder, but their lists of partial files."""
    root = data_folder() / scratch.SCRATCH
    return [
        file
        for folder in root.iterdir()
        if folder.is_dir()
        for file in folder.iterdir()
        if file.name != scratch.PARTIALS
    ]


def the_next_start(database: Path) -> None:
    assert cli.main(["--database", str(database), "check"]) == 0
    root = data_folder() / scratch.SCRATCH
    assert [path.name for path in root.iterdir()] == [scratch.SWEEP_LOCK]


def test_an_export_killed_while_it_writes_its_sheets_leaves_no_notes_behind(
    filled: Path, tmp_path: Path
) -> None:
    database = tmp_path / "teamlead.sqlite3"
    shutil.copyfile(filled, database)
    system_temp = tmp_path / "tmp"
    system_temp.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    target = out / "alles.xlsx"
    with subprocess.Popen(  # closes the pipes when done
        [sys.executable, "-m", "teamlead", "--database", str(database), "export", "-o", str(target)],
        env={**os.environ, "TMPDIR": str(system_temp), "TEMP": str(system_temp), "TMP": str(system_temp)},
        cwd=ROOT,
    ) as export:
        deadline = time.monotonic() + 120
        # The sheets stream straight into the partial file beside the target: caught once it has grown.
        while not any(scratch.is_partial(path) and path.stat().st_size > 0 for path in out.iterdir()):
            assert export.poll() is None, "the export ended before it was caught writing"
            assert time.monotonic() < deadline
            time.sleep(0.002)
        export.send_signal(signal.SIGKILL)
        export.wait()
    assert list(system_temp.iterdir()) == []
    assert sessions_files() == []  # nothing in the scratch folder either
    the_next_start(database)
    assert list(out.iterdir()) == []
    assert list(system_temp.iterdir()) == []


@pytest.mark.parametrize(
    "command",
    [
        ["export", "-o", "{out}/alles.xlsx"],
        ["report", "contacts", "-o", "{out}/contacten.pdf"],
        ["report", "district", "-o", "{out}/stadsdeel.xlsx"],
        ["backup", "-o", "{out}/kopie.sqlite3"],
    ],
    ids=["export", "report-pdf", "report-xlsx", "backup"],
)
def test_a_command_killed_with_its_file_written_but_not_yet_in_place_leaves_no_partial_file(
    filled: Path, tmp_path: Path, command: list[str]
) -> None:
    database = tmp_path / "teamlead.sqlite3"
    shutil.copyfile(filled, database)
    out = tmp_path / "out"
    out.mkdir()
    argv = ["--database", str(database), *(part.format(out=out) for part in command)]
    with subprocess.Popen(  # closes the pipes when done
        [sys.executable, str(WORKER), "partial", *argv], stdout=subprocess.PIPE, text=True, cwd=ROOT
    ) as run:
        assert run.stdout is not None
        line = run.stdout.readline().strip()
        run.send_signal(signal.SIGKILL)
        run.wait()
    assert line.startswith("stopped"), line
    partial = Path(line.split(" ", 3)[3])
    assert partial.parent == out
    assert partial.name.startswith(".~teamlead-")
    assert [path.name for path in out.iterdir()] == [partial.name]
    the_next_start(database)
    assert list(out.iterdir()) == []
