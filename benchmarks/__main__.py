"""Run every benchmark module in this package that defines ``main``, in name order: ``python -m benchmarks
[name ...] [--option ...]``, options handed to the modules whose ``main`` takes them."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys

import benchmarks


def main() -> int:
    selected = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    options = [arg for arg in sys.argv[1:] if arg.startswith("--")]
    for info in sorted(pkgutil.iter_modules(benchmarks.__path__), key=lambda i: i.name):
        if info.name.startswith("_") or (selected and info.name not in selected):
            continue
        module = importlib.import_module(f"benchmarks.{info.name}")
        if hasattr(module, "main"):
            print(f"== {info.name}", flush=True)
            # Options (``--city``) go to the modules that take arguments.
            if inspect.signature(module.main).parameters:
                module.main(options)
            else:
                module.main()
    return 0


raise SystemExit(main())
