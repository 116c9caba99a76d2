"""Benchmarks: ``make bench`` runs them and prints each measure against its floor and target."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def benchmark_modules(selected: list[str]) -> list[ModuleType]:
    """The benchmark modules to run (``selected`` by name, or all), in name order, those that say
    ``RUN_FIRST`` before the rest: start-up times suffer most from what ran before them (the kernel or a
    PostgreSQL server still writing back a bulk insert), so they run on a machine nothing else has used yet."""
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_") and (not selected or info.name in selected)
    )
    modules = [importlib.import_module(f"{__name__}.{name}") for name in names]
    return sorted(modules, key=lambda module: not getattr(module, "RUN_FIRST", False))
