"""Keeping PySide6 from reading the source of every module imported after it.

PySide6 replaces Python's ``__import__`` to support ``from __feature__ import snake_case``. For that it files
each newly imported module as "uses PySide6" or not, and finds out by reading the module's whole source
(``inspect.getsource``), which also keeps every line of it in :mod:`linecache` for the rest of the run. Teamlead
imports SQLAlchemy, its models and its screens after PySide6: about 400 modules, 18 MB of source lines held in
memory (a third of a bare PySide6 window) and their reading on the way to the first screen. Teamlead selects
no feature anywhere, so the answer never matters; it is given from the module's name instead.
"""

from __future__ import annotations

import sys
from types import ModuleType

OWN_QT_MODULES = ("teamlead.ui", "PySide6", "shiboken6")
"""Modules that call PySide6 and keep the switching default (0, "no feature"); all others are ignored (-1)."""


def file_modules_by_name() -> None:
    """Answer PySide6's "does this module use PySide6?" from the module's name, without reading its source.

    Call it once, after importing PySide6 and before the heavy imports. Harmless when PySide6 changes its
    internals: without the hook this finds, nothing is replaced.
    """
    feature = sys.modules.get("shibokensupport.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    if feature is None or not isinstance(known, dict) or not hasattr(feature, "feature_imported"):
        return

    def feature_imported(module: ModuleType) -> None:
        name = getattr(module, "__name__", None)
        if isinstance(name, str) and name not in known:
            known[name] = 0 if name.startswith(OWN_QT_MODULES) else -1

    setattr(feature, "feature_imported", feature_imported)  # noqa: B010 - PySide6 looks it up by this name
