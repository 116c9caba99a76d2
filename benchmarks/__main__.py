"""Run every benchmark module in this package that defines ``main``, in the order of
:func:`benchmarks.benchmark_modules`: ``python -m benchmarks [name ...] [--option ...]``, options handed to the
modules whose ``main`` takes them. ``--baseline=PATH`` compares with another checkout: the modules that do not
compare themselves run in pairs with it (:mod:`benchmarks._compare`)."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from benchmarks import benchmark_modules


def main() -> int:
    selected = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    options = [arg for arg in sys.argv[1:] if arg.startswith("--")]
    baseline = next((Path(o.split("=", 1)[1]) for o in options if o.startswith("--baseline=")), None)
    against_baseline: list[str] = []
    for module in benchmark_modules(selected):
        if not hasattr(module, "main"):
            continue
        name = module.__name__.rsplit(".", 1)[1]
        if baseline is not None and not getattr(module, "COMPARES_ITSELF", False):
            against_baseline.append(name)  # run in pairs with the baseline (benchmarks._compare)
            continue
        print(f"== {name}", flush=True)
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
