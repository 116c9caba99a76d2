"""make bench --baseline=PATH: the figures it compares and the checkout it runs against."""

from __future__ import annotations

from pathlib import Path

from benchmarks import benchmark_modules
from benchmarks._compare import figures, overlay


def test_figures_are_keyed_by_what_their_line_says_before_them() -> None:
    ours = figures(
        "sqlite: roster     135.1 ms; floor   131.7 ms; ratio  1.03x  (aim < 150 ms: ok)\nexport 1.5 s"
    )
    theirs = figures("sqlite: roster  99.0 ms; floor 98.2 ms; ratio 1.01x  (aim < 150 ms: over the aim)")
    assert ours["sqlite: roster # ms"] == 135.1
    assert ours["export # s"] == 1500.0  # seconds compare as milliseconds
    assert theirs["sqlite: roster # ms; floor # ms"] == 98.2
    assert ours.keys() & theirs.keys() == {
        "sqlite: roster # ms",
        "sqlite: roster # ms; floor # ms",
        "sqlite: roster # ms; floor # ms; ratio #x (aim < # ms",
    }


def test_counts_and_ratios_are_not_figures() -> None:
    assert figures("export: 6,900,000 cells; export/floor 0.55 (goal <= 0.60)") == {}


def test_the_overlay_runs_our_benchmarks_on_the_baselines_app(tmp_path: Path) -> None:
    (tmp_path / "teamlead").mkdir()
    (tmp_path / "teamlead" / "marker.py").write_text("BASELINE = True\n", encoding="utf-8")
    with overlay(tmp_path) as folder:
        assert (folder / "teamlead" / "marker.py").read_text(encoding="utf-8") == "BASELINE = True\n"
        assert (folder / "benchmarks" / "_compare.py").is_file()
    assert not folder.exists()


def test_the_start_up_benchmark_runs_before_the_others() -> None:
    names = [module.__name__ for module in benchmark_modules([])]
    assert names[0] == "benchmarks.ui"
    assert names[1:] == sorted(names[1:])
    assert "benchmarks.search" in names
    assert [module.__name__ for module in benchmark_modules(["search", "ui"])] == [
        "benchmarks.ui",
        "benchmarks.search",
    ]
