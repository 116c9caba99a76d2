"""``make bench BENCH_ARGS="--baseline=PATH [name ...]"``: every benchmark against another commit's Teamlead.

``PATH`` is a checkout of the commit to compare with (``git worktree add PATH <commit>``). Each benchmark runs
as this checkout's code twice per round, once importing this Teamlead and once the baseline's, in turn (the
order flips every round), three rounds; the figures of each pair are compared on their own, so a noisy minute
weighs on both. A figure is every number with a unit of time or memory (``ms``, ``s``, ``MB``) on the lines
the benchmark prints, found at the same place of the same line in both runs: a figure is worse when the run on
this Teamlead took more than 10 % longer, and the goal is "never worse in 3 of 3 rounds". A benchmark that
needs something the baseline lacks says so and is left out.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 3
WORSE = 1.10
FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s?(ms|s|MB)\b")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
SPACES = re.compile(r"\s+")


@contextmanager
def overlay(baseline: Path) -> Iterator[Path]:
    """A folder where ``teamlead`` is the baseline's and ``benchmarks`` (with the ``tests`` helpers some of
    them use to make their input) is ours: run from there, the same measurement code meets the other app."""
    with tempfile.TemporaryDirectory(prefix="teamlead-bench-baseline-") as name:
        folder = Path(name)
        (folder / "teamlead").symlink_to(baseline.resolve() / "teamlead", target_is_directory=True)
        (folder / "benchmarks").symlink_to(ROOT / "benchmarks", target_is_directory=True)
        (folder / "tests").symlink_to(ROOT / "tests", target_is_directory=True)  # helpers some benchmarks use
        yield folder


def _run(module: str, root: Path, options: list[str]) -> str | None:
    """The module's output run from ``root``, or None when it failed (what it lacked on stderr)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", module, *options],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines()
        print(f"  {module} from {root}: failed ({lines[-1] if lines else result.returncode})", flush=True)
        return None
    return result.stdout


def figures(output: str) -> dict[str, float]:
    """Every time or memory figure of ``output``, keyed by what its line says before it (numbers blanked,
    spaces collapsed: the padding changes with the numbers' widths), in ms or MB."""
    found: dict[str, float] = {}
    for line in output.splitlines():
        for match in FIGURE.finditer(line):
            key = SPACES.sub(" ", NUMBER.sub("#", line[: match.end()])).strip()
            value, unit = float(match.group(1)), match.group(2)
            found[key] = value * 1000 if unit == "s" else value
    return found


def compare(modules: list[str], baseline: Path, options: list[str]) -> None:
    """Run each of ``modules`` (with ``options``) in ``ROUNDS`` interleaved pairs and print each figure's
    ratios."""
    with overlay(baseline) as other:
        for module in modules:
            print(f"== {module} against {baseline}", flush=True)
            ratios: dict[str, list[float]] = {}
            for round_ in range(ROUNDS):
                order = [("ours", ROOT), ("baseline", other)]
                runs = dict(
                    (name, _run(module, root, options))
                    for name, root in (order[::-1] if round_ % 2 else order)
                )
                ours, theirs = runs["ours"], runs["baseline"]
                if ours is None or theirs is None:
                    break
                mine, base = figures(ours), figures(theirs)
                for key in mine.keys() & base.keys():
                    if base[key] > 0:
                        ratios.setdefault(key, []).append(mine[key] / base[key])
            _report(module, ratios)


def _report(module: str, ratios: dict[str, list[float]]) -> None:
    if not ratios:
        print(f"  {module}: no figures to compare", flush=True)
        return
    worst = 0
    for key, values in sorted(ratios.items()):
        worse = sum(value > WORSE for value in values)
        worst = max(worst, worse)
        marks = " ".join(f"{value:.2f}" for value in values)
        flag = "  <- worse in every round" if worse == len(values) == ROUNDS else ""
        print(f"  {marks:16} {key}{flag}", flush=True)
    print(
        f"  {module}: {len(ratios)} figures; the most rounds any figure was over 10 % worse: {worst} of"
        f" {ROUNDS} (goal: never {ROUNDS} of {ROUNDS})",
        flush=True,
    )
