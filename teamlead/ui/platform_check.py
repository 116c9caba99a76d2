"""Before the QApplication: can Qt's platform plugin load? If not, say which system libraries are missing.

Qt aborts the process (a core dump, exit 134) when its platform plugin cannot load, and its message guesses
(it names ``xcb-cursor0`` whatever is missing). So on Linux, when Qt would use the ``xcb`` plugin (or
``wayland`` first, in a Wayland session), :func:`platform_problem` loads the plugin itself with the dynamic
loader, as Qt is about to. That costs nothing extra when it works: the libraries stay loaded for Qt. When it
fails, ``ldd`` on the plugin lists every dependency the loader cannot find, and the message names them with the
Debian/Ubuntu packages that hold them (by Debian's naming rule for shared libraries).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

from teamlead.i18n import tr

# Libraries whose Debian package does not follow the naming rule (policy 8.1: name + soname version).
PACKAGE_EXCEPTIONS = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libz.so.1": "zlib1g",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    "libGLdispatch.so.0": "libglvnd0",
}


def platforms_to_check(environ: Mapping[str, str]) -> list[str]:
    """The plugins Qt will try, in order; empty where no check is needed (not Linux, another platform)."""
    if not sys.platform.startswith("linux"):
        return []
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        return ["xcb"] if requested.split(":")[0] == "xcb" else []
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def plugin_folders(environ: Mapping[str, str]) -> list[Path]:
    """Where Qt looks for platform plugins, in its order."""
    folders = [
        Path(entry) for entry in environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if entry
    ]
    folders += [
        Path(entry) / "platforms" for entry in environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if entry
    ]
    from PySide6.QtCore import QLibraryInfo

    folders.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms")
    return folders


def find_plugin(name: str, folders: list[Path]) -> Path | None:
    for folder in folders:
        candidate = folder / f"libq{name}.so"
        if candidate.is_file():
            return candidate
    return None


def load_error(plugin: Path) -> str | None:
    """The dynamic loader's complaint about ``plugin``, or None when it loads (and stays loaded, for Qt).

    ``_ctypes.dlopen`` is what ``ctypes.CDLL`` calls, without importing all of ctypes at every start; lazy
    binding as Qt's own loading does: a library that is missing fails all the same.
    """
    from _ctypes import dlopen

    try:
        dlopen(str(plugin), os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError as error:
        return str(error)
    return None


def missing_libraries(plugin: Path, error: str) -> list[str]:
    """Every dependency of ``plugin`` the loader cannot find (``ldd``), else the one its error names."""
    import shutil
    import subprocess

    names: list[str] = []
    ldd = shutil.which("ldd")
    if ldd is not None:
        result = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=False)
        for line in result.stdout.splitlines():
            name, _, where = line.strip().partition(" => ")
            if where.strip() == "not found" and name not in names:
                names.append(name)
    if not names:
        found = re.search(r"(lib[^\s:/]+\.so[.\d]*): cannot open shared object file", error)
        if found:
            names.append(found.group(1))
    return names


def debian_package(library: str) -> str:
    """The Debian/Ubuntu package that holds the shared ``library`` (``libxcb-icccm.so.4`` → ``libxcb-icccm4``)."""
    if library in PACKAGE_EXCEPTIONS:
        return PACKAGE_EXCEPTIONS[library]
    found = re.fullmatch(r"(lib[^/]+?)\.so\.(\d+)(?:\.[\d.]+)?", library)
    if found is None:
        return library
    stem, number = found.group(1).lower(), found.group(2)
    return f"{stem}-{number}" if stem[-1].isdigit() else f"{stem}{number}"


def platform_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """What keeps Qt's platform plugin from loading, as a message for the user; None when nothing does."""
    environ = os.environ if environ is None else environ
    candidates = platforms_to_check(environ)
    if not candidates:
        return None
    folders = plugin_folders(environ)
    failures: list[tuple[str, Path, str]] = []
    for name in candidates:
        plugin = find_plugin(name, folders)
        if plugin is None:
            return None  # Qt says itself that it has no such plugin
        error = load_error(plugin)
        if error is None:
            return None
        failures.append((name, plugin, error))
    name, plugin, error = failures[-1]
    libraries = missing_libraries(plugin, error)
    if not libraries:
        return tr(
            "Teamlead cannot start its window: Qt's '{name}' platform plugin does not load ({error}).",
            name=name,
            error=error,
        )
    packages = sorted({debian_package(library) for library in libraries})
    return tr(
        "Teamlead cannot start its window: these system libraries are missing: {libraries}.\n"
        "On Debian or Ubuntu, install them with:\n    sudo apt-get install {packages}\n"
        "(on other systems, install the packages that provide these libraries). The commands work without them.",
        libraries=", ".join(libraries),
        packages=" ".join(packages),
    )
