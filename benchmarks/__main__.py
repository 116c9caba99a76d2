"""Run every benchmark module in this package that defines ``main``, in name order: ``python -m benchmarks
[name ...] [--option ...]``, options handed to the modules whose ``main`` takes them. ``--baseline=PATH``
compares with another checkout: the modules that do not compare themselves run in pairs with it
(:mod:`benchmarks._compare`)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from pathlib import Path

import benchmarks


def main() -> int:
    selected = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    options = [arg for arg in sys.argv[1:] if arg.startswith("--")]
    baseline = next((Path(o.split("=", 1)[1]) for o in options if o.startswith("--baseline=")), None)
    against_baseline: list[str] = []
    for info in sorted(pkgutil.iter_modules(benchmarks.__path__), key=lambda i: i.name):
        if info.name.startswith("_") or (selected and info.name not in selected):
            continue
        module = importlib.import_module(f"benchmarks.{info.name}")
        if not hasattr(module, "main"):
            continue
        if baseline is not None and not getattr(module, "COMPARES_ITSELF", False):
            against_baseline.append(info.name)  # run in pairs with the baseline (benchmarks._compare)
            continue
        print(f"== {info.name}", flush=True)
        # Options (``--city``, ``--baseline=PATH``) go to the modules that take arguments.
        if inspect.signature(module.main).parameters:
            module.main(options)
        else:
            module.main()
    if baseline is not None and against_baseline:
        from benchmarks._compare import compare

        compare(against_baseline, baseline, [o for o in options if not o.startswith("--baseline=")])
    return 0


raise SystemExit(main())
