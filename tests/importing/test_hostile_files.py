"""Hostile files against the real ``teamlead import``: refused with a message, never a traceback or an abort,
each refusal under 512 MB and 30 s, the database as it was.

``make test`` runs a sample of every kind of trick; ``make stress`` (``TEAMLEAD_STRESS=1``) runs 2,200 files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from teamlead.data.database import open_database
from tests.importing.hostile import hostile_files

ROOT = Path(__file__).resolve().parents[2]
MAX_MB = 512
MAX_SECONDS = 30


@dataclass
class Outcome:
    reports: list[dict[str, object]] = field(default_factory=list)
    died_on: list[str] = field(default_factory=list)


def run_all(files: list[Path], template: Path, work: Path) -> Outcome:
    """Feed the files to a worker process, starting a new one whenever one dies (and noting the file)."""
    outcome = Outcome()
    pending = [str(path) for path in files]
    while pending:
        listing = work / "files.txt"
        listing.write_text("\n".join(pending), encoding="utf-8")
        current = None
        with subprocess.Popen(
            [sys.executable, "-m", "tests.importing.hostile_worker", str(template), str(work), str(listing)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        ) as worker:
            assert worker.stdout is not None
            for line in worker.stdout:
                message = json.loads(line)
                if "start" in message:
                    current = message["start"]
                else:
                    outcome.reports.append(message)
                    pending.remove(str(message["path"]))
                    current = None
        if current is not None:  # the worker died on this file
            outcome.died_on.append(current)
            pending.remove(current)
    return outcome


def check(outcome: Outcome) -> None:
    assert outcome.died_on == [], f"the process died on {outcome.died_on}"
    problems = []
    for report in outcome.reports:
        name = Path(str(report["path"])).name
        if report["escaped"] or "Traceback" in str(report["stderr"]) or report["code"] not in (0, 1):
            problems.append(f"{name}: {report['code']} {report['escaped']} {report['stderr'][:300]}")
        elif report["code"] == 1:
            if not str(report["stderr"]).startswith("teamlead: "):
                problems.append(f"{name}: refusal without a message: {report['stderr'][:200]}")
            if not report["unchanged"]:
                problems.append(f"{name}: the database changed although the import was refused")
        if int(report["peak_mb"]) >= MAX_MB:  # type: ignore[call-overload]
            problems.append(f"{name}: {report['peak_mb']} MB")
        if float(report["seconds"]) >= MAX_SECONDS:  # type: ignore[arg-type]
            problems.append(f"{name}: {report['seconds']} s")
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "template.sqlite3"
    open_database(path).dispose()
    return path


@pytest.mark.slow
def test_a_sample_of_every_trick_is_refused_cleanly(template: Path, tmp_path: Path) -> None:
    files = list(hostile_files(tmp_path, 66, seed=7))
    outcome = run_all(files, template, tmp_path)
    check(outcome)
    assert sum(1 for report in outcome.reports if report["code"] == 1) > 40


@pytest.mark.stress
@pytest.mark.skipif(os.environ.get("TEAMLEAD_STRESS") != "1", reason="2,200 files run in make stress")
def test_two_thousand_hostile_files(template: Path, tmp_path: Path) -> None:
    files = list(hostile_files(tmp_path, 2_200, seed=2026))
    outcome = run_all(files, template, tmp_path)
    check(outcome)
    refused = [report for report in outcome.reports if report["code"] == 1]
    print(
        f"\n{len(outcome.reports)} files: {len(refused)} refused, "
        f"{len(outcome.reports) - len(refused)} read; peak {max(int(r['peak_mb']) for r in outcome.reports)} MB, "  # type: ignore[call-overload]
        f"slowest {max(float(r['seconds']) for r in outcome.reports):.1f} s"  # type: ignore[arg-type]
    )
