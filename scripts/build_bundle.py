"""``make package``: the self-contained app for this platform, checked, with what it weighs.

    .venv/bin/python scripts/build_bundle.py [--no-archive]

1. The icon from ``resources/icons/`` (SVG, 256 px PNG, ICO).
2. PyInstaller with ``packaging/teamlead.spec`` → ``dist/teamlead/`` (``teamlead``; on Windows also
   ``teamlead-app.exe``).
3. Checks on the folder users get (:func:`check_bundle`): no two paths differing only in case, nothing of the
   build machine (tests, developer tools), Qt's Dutch translations, the fonts and the licence inside.
4. On Linux: the libraries the bundle takes from the system, by package (``ldd``, ``dpkg -S``), and
   ``dist/teamlead-VERSION-linux-ARCH.tar.gz`` with the launcher, the icon, the desktop entry and
   its AppStream metadata, and ``install.sh``.
5. The sizes: the folder, the archive, and what each large dependency adds.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUNDLE = DIST / "teamlead"
BUILD = ROOT / "build"
ICONS = BUILD / "icons"
SPEC = ROOT / "packaging" / "teamlead.spec"
ICON_FOLDER = ROOT / "resources" / "icons"
DESKTOP_FOLDER = ROOT / "resources" / "desktop"
ARCHIVE_LIMIT_MB = 150
WINDOWS = sys.platform == "win32"

# Names that mean something of the build machine came along (compared case-insensitively, per path part).
FORBIDDEN_PARTS = frozenset(
    {"tests", "test", "testing", "pytest", "_pytest", "hypothesis", "mypy", "ruff", "pip", "setuptools",
     "pyinstaller", "tkinter", "idlelib", "ensurepip", "site-packages", ".venv"}
)  # fmt: skip


def version() -> str:
    text = (ROOT / "teamlead" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    assert found, "teamlead/__init__.py has no __version__"
    return found.group(1)


def prepare_icons(folder: Path = ICONS) -> dict[str, Path]:
    """``teamlead.svg``, ``.png`` (256 px) and ``.ico`` in ``folder``, copied from ``resources/icons/``
    (``scripts/make_icons.py`` renders them from the SVG)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, suffix in (("teamlead.svg", ".svg"), ("teamlead-256.png", ".png"), ("teamlead.ico", ".ico")):
        shutil.copyfile(ICON_FOLDER / name, folder / f"teamlead{suffix}")
    return {suffix: folder / f"teamlead{suffix}" for suffix in (".svg", ".png", ".ico")}


def run_pyinstaller() -> float:
    started = time.perf_counter()
    environment = dict(os.environ, TEAMLEAD_ICON_DIR=str(ICONS))
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"), str(SPEC)]
    subprocess.run(command, check=True, env=environment, cwd=ROOT)
    return time.perf_counter() - started


def case_clashes(folder: Path) -> list[tuple[str, str]]:
    """Pairs of paths under ``folder`` that differ only in case (one would overwrite the other on Windows)."""
    seen: dict[str, str] = {}
    clashes = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        key = relative.casefold()
        if key in seen:
            clashes.append((seen[key], relative))
        else:
            seen[key] = relative
    return clashes


def check_bundle(folder: Path = BUNDLE) -> list[str]:
    """What is wrong with the bundle in ``folder`` (empty: nothing)."""
    problems = [f"differ only in case: {a} and {b}" for a, b in case_clashes(folder)]
    for path in folder.rglob("*"):
        parts = {part.casefold() for part in path.relative_to(folder).parts}
        if parts & FORBIDDEN_PARTS:
            problems.append(f"from the build machine: {path.relative_to(folder).as_posix()}")
    internal = folder / "_internal"
    expected = {  # the top-level resources/ is the package teamlead.resources
        "Qt's Dutch translation": "PySide6/Qt/translations/qtbase_nl.qm",
        "Teamlead's Dutch translation": "teamlead/resources/translations/nl/LC_MESSAGES/teamlead.mo",
        "the PDF fonts": "teamlead/resources/fonts/DejaVuSans.ttf",
        "the app icon": "teamlead/resources/icons/teamlead-256.png",
        "the style sheets": "teamlead/resources/styles/views.qss",
        "the migrations": "teamlead/data/migrations/env.py",
        "the licence": "LICENSE",
    }
    for what, pattern in expected.items():
        if not any(path.is_file() for path in internal.glob(pattern)):
            problems.append(f"{what} missing: _internal/{pattern}")
    programs = ["teamlead.exe", "teamlead-app.exe"] if WINDOWS else ["teamlead"]
    problems += [f"program missing: {name}" for name in programs if not (folder / name).is_file()]
    return problems


def system_libraries(folder: Path = BUNDLE) -> dict[str, set[str]]:
    """The libraries the bundle's binaries take from the system, by Debian package (``ldd``, ``dpkg -S``).

    ``not found`` libraries are listed under ``MISSING``: the bundle needs them and this machine lacks them.
    """
    internal = folder / "_internal"
    environment = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    found: dict[str, str] = {}
    for path in [folder / "teamlead", *internal.rglob("*.so*")]:
        if not path.is_file() or path.is_symlink():
            continue
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=environment)
        for line in result.stdout.splitlines():
            name, _, where = line.strip().partition(" => ")
            where = where.split(" (")[0].strip()
            if where == "not found":
                found[name] = "MISSING"
            elif where.startswith("/") and not where.startswith(str(folder)):
                found.setdefault(name, where)
    packages: dict[str, set[str]] = defaultdict(set)
    for name, where in found.items():
        package = "MISSING"
        if where != "MISSING":
            package = "?"
            for candidate in (where, os.path.realpath(where), "/usr" + where):  # dpkg knows one spelling
                result = subprocess.run(
                    ["dpkg", "-S", candidate], capture_output=True, text=True, check=False
                )
                if result.returncode == 0:
                    package = result.stdout.split(":")[0]
                    break
        packages[package].add(name)
    return dict(packages)


def make_archive(folder: Path, icons: dict[str, Path]) -> Path:
    """``teamlead-VERSION-linux-ARCH.tar.gz``: the bundle, the launcher and icon, and ``install.sh``."""
    name = f"teamlead-{version()}-linux-{platform.machine()}"
    target = DIST / f"{name}.tar.gz"
    extras = {
        "share/applications/teamlead.desktop": DESKTOP_FOLDER / "teamlead.desktop",
        "share/metainfo/nl.teamlead.Teamlead.metainfo.xml": DESKTOP_FOLDER
        / "nl.teamlead.Teamlead.metainfo.xml",
        "share/icons/hicolor/256x256/apps/teamlead.png": icons[".png"],
        "share/icons/hicolor/scalable/apps/teamlead.svg": icons[".svg"],
        "install.sh": ROOT / "packaging" / "linux" / "install.sh",
        "LICENSE": ROOT / "LICENSE",
    }
    partial = target.with_suffix(".partial")
    with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
        archive.add(folder, arcname=name)
        for inside, source in extras.items():
            archive.add(source, arcname=f"{name}/{inside}")
    partial.replace(target)
    return target


def size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file() and not item.is_symlink())


def dependency_sizes(folder: Path = BUNDLE) -> dict[str, int]:
    """Bytes each dependency adds: its files in ``_internal`` plus its compiled modules in the program."""
    internal = folder / "_internal"
    totals: dict[str, int] = defaultdict(int)
    for path in internal.rglob("*"):
        if path.is_file() and not path.is_symlink():
            totals[_owner(path.relative_to(internal).parts[0])] += path.stat().st_size
    for module, length in _archived_modules(folder):
        totals[_owner(module.split(".")[0])] += length
    return dict(totals)


def _owner(first: str) -> str:
    """The dependency a top-level file or module belongs to (libraries by their family)."""
    name = first.split(".")[0].removesuffix(".libs")
    families = {
        "PySide6": "PySide6 (Qt)", "shiboken6": "PySide6 (Qt)", "libQt6": "PySide6 (Qt)", "libicu": "PySide6 (Qt)",
        "libpython3": "Python", "python3": "Python", "base_library": "Python", "lib-dynload": "Python",
        "PIL": "Pillow", "pillow": "Pillow", "psycopg": "psycopg", "psycopg_binary": "psycopg", "libpq": "psycopg",
    }  # fmt: skip
    for prefix, family in families.items():
        if name.startswith(prefix):
            return family
    if name.startswith("lib"):
        return "system libraries"
    return name


def _archived_modules(folder: Path) -> list[tuple[str, int]]:
    """(module, compressed bytes) of the pure-Python modules inside the program's archive."""
    try:
        from PyInstaller.archive.readers import CArchiveReader
    except ImportError:
        return []
    program = folder / ("teamlead.exe" if WINDOWS else "teamlead")
    reader = CArchiveReader(str(program))
    pyz_names = [name for name in reader.toc if name.endswith(".pyz") or name == "PYZ.pyz"]
    modules: list[tuple[str, int]] = []
    for name in pyz_names:
        archive = reader.open_embedded_archive(name)
        for module, entry in archive.toc.items():
            modules.append((module, entry[2]))
    if not modules and (folder / "_internal" / "PYZ.pyz").exists():  # newer layouts keep it beside
        from PyInstaller.archive.readers import ZlibArchiveReader

        archive = ZlibArchiveReader(str(folder / "_internal" / "PYZ.pyz"))
        modules = [(module, entry[2]) for module, entry in archive.toc.items()]
    return modules


def megabytes(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-archive", action="store_true", help="skip the .tar.gz (Linux)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    icons = prepare_icons()
    seconds = run_pyinstaller()
    print(f"PyInstaller: {seconds:.0f} s")
    problems = check_bundle()
    if problems:
        print("The bundle is not right:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    print(f"Bundle: {BUNDLE} ({megabytes(size(BUNDLE))})")
    for name, count in sorted(dependency_sizes().items(), key=lambda item: -item[1])[:14]:
        print(f"  {megabytes(count):>9}  {name}")
    if sys.platform.startswith("linux"):
        libraries = system_libraries()
        print("From the system (Debian packages the bundle needs):")
        for package, names in sorted(libraries.items()):
            print(f"  {package}: {' '.join(sorted(names))}")
        if not args.no_archive:
            archive = make_archive(BUNDLE, icons)
            archive_size = size(archive)
            print(f"Archive: {archive} ({megabytes(archive_size)})")
            if archive_size > ARCHIVE_LIMIT_MB * 1_000_000:
                print(f"The archive is over {ARCHIVE_LIMIT_MB} MB", file=sys.stderr)
                return 1
    print(f"make package: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
