"""PySide6 files modules imported after it without reading their source (teamlead.ui.qt_imports)."""

from __future__ import annotations

import builtins
import linecache
import sys
from pathlib import Path

import pytest

from teamlead.ui.qt_imports import file_modules_by_name


def _import_fresh(folder: Path, name: str, source: str) -> None:
    (folder / f"{name}.py").write_text(source, encoding="utf-8")
    sys.path.insert(0, str(folder))
    try:
        builtins.__import__(name)  # as an import statement does: PySide6 hooks this, not importlib
    finally:
        sys.path.remove(str(folder))
        sys.modules.pop(name, None)


def test_a_module_imported_after_pyside_is_filed_without_its_source_being_read(
    tmp_path: Path, qapp: object
) -> None:
    file_modules_by_name()
    feature = sys.modules["shibokensupport.feature"]
    _import_fresh(tmp_path, "teamlead_probe_plain", "VALUE = 'PySide6 is only named here'\n")
    assert feature.pyside_feature_dict["teamlead_probe_plain"] == -1
    assert str(tmp_path / "teamlead_probe_plain.py") not in linecache.cache


def test_without_pysides_hook_nothing_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "shibokensupport.feature")
    file_modules_by_name()  # no hook to replace: returns quietly
