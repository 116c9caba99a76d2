"""A Qt platform plugin that cannot load: the app names the missing libraries and exits 1, never Qt's abort.

The broken plugin is a real one: a copy of PySide6's ``libqxcb.so`` whose dependency ``libxcb-util.so.1`` is
renamed to a library that exists nowhere (``scripts/smoke_bundle.py`` does the same against the bundle).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.smoke_bundle import ABSENT_LIBRARY, plugin_lacking
from teamlead.ui import platform_check
from teamlead.ui.platform_check import debian_package, platform_problem, platforms_to_check

FAMILIES = (
    "libxcb",
    "libxkb",
    "libX",
    "libEGL",
    "libGL",
    "libfontconfig",
    "libfreetype",
    "libdbus",
    "libglib",
)
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin is Linux's")


def qt_plugins() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))


def test_only_xcb_and_wayland_are_checked() -> None:
    expected = ["xcb"] if sys.platform.startswith("linux") else []
    assert platforms_to_check({}) == expected
    assert platforms_to_check({"QT_QPA_PLATFORM": "xcb"}) == expected
    assert platforms_to_check({"QT_QPA_PLATFORM": "offscreen"}) == []
    assert platforms_to_check({"QT_QPA_PLATFORM": "wayland"}) == []
    wayland = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    assert platforms_to_check(wayland) == (["wayland", "xcb"] if expected else [])


def test_offscreen_needs_no_check() -> None:
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


@linux_only
def test_a_plugin_that_loads_is_no_problem(tmp_path: Path) -> None:
    platforms = tmp_path / "platforms"
    platforms.mkdir()
    shutil.copy(qt_plugins() / "platforms" / "libqoffscreen.so", platforms / "libqxcb.so")
    (tmp_path / "lib").symlink_to(qt_plugins().parent / "lib")  # the copy's $ORIGIN/../../lib
    environ = {"QT_QPA_PLATFORM": "xcb", "QT_QPA_PLATFORM_PLUGIN_PATH": str(platforms)}
    assert (
        platform_check.find_plugin("xcb", platform_check.plugin_folders(environ)) == platforms / "libqxcb.so"
    )
    assert platform_problem(environ) is None


@linux_only
def test_a_missing_library_is_named_with_its_package(tmp_path: Path) -> None:
    platforms = plugin_lacking(qt_plugins() / "platforms" / "libqxcb.so", tmp_path)
    problem = platform_problem({"QT_QPA_PLATFORM_PLUGIN_PATH": str(platforms)})
    assert problem is not None
    assert ABSENT_LIBRARY in problem
    assert "sudo apt-get install" in problem
    assert debian_package(ABSENT_LIBRARY) in problem


@linux_only
def test_the_app_exits_1_naming_the_library_instead_of_aborting(tmp_path: Path) -> None:
    platforms = plugin_lacking(qt_plugins() / "platforms" / "libqxcb.so", tmp_path / "qt")
    environment = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    environment.update(
        QT_QPA_PLATFORM_PLUGIN_PATH=str(platforms), DISPLAY=":99", TEAMLEAD_LOG_DIR=str(tmp_path)
    )
    result = subprocess.run(
        [sys.executable, "-m", "teamlead", "--database", str(tmp_path / "t.sqlite3"), "--exit-when-ready"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr  # Qt's abort is -6 (SIGABRT), with a core dump
    assert ABSENT_LIBRARY in result.stderr
    assert "apt-get install" in result.stderr
    assert "could not be initialized" not in result.stderr
    assert not list(tmp_path.glob("core*"))
    assert not (tmp_path / "t.sqlite3").exists()


@pytest.mark.parametrize(
    ("library", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libEGL.so.1", "libegl1"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
    ],
)
def test_debian_package_names(library: str, package: str) -> None:
    assert debian_package(library) == package


@linux_only
@pytest.mark.skipif(shutil.which("dpkg") is None, reason="needs dpkg to ask which package holds a library")
def test_the_naming_rule_matches_the_packages_installed_here() -> None:
    """For the xcb plugin's own libraries present on this machine (X11, xcb, xkb, GL, fonts, GLib, D-Bus: what
    goes missing on a minimal system; their own dependencies come with their packages), dpkg agrees."""
    plugin = qt_plugins() / "platforms" / "libqxcb.so"
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    checked = 0
    for line in ldd.splitlines():
        name, _, where = line.strip().partition(" => ")
        where = where.split(" (")[0]
        if not where.startswith("/") or not name.startswith(FAMILIES):
            continue
        owner = subprocess.run(["dpkg", "-S", where], capture_output=True, text=True)
        if owner.returncode != 0:
            owner = subprocess.run(["dpkg", "-S", os.path.realpath(where)], capture_output=True, text=True)
        if owner.returncode != 0:
            continue
        package = owner.stdout.split(":")[0]
        assert debian_package(name) == package.removesuffix("t64"), (name, package)
        checked += 1
    assert checked >= 10
