"""Smoke tests against the built app, as a user gets it: outside the checkout, without the project's Python.

    python scripts/smoke_bundle.py [dist/teamlead-VERSION-linux-ARCH.tar.gz | dist/teamlead | INSTALLED_FOLDER]

An archive is unpacked, a folder copied, into a temporary folder (``--in-place`` runs an installed folder
where it is). Each program runs with a cleaned environment: PATH without the virtual environment or the
checkout, no PYTHONPATH/PYTHONHOME/VIRTUAL_ENV/TEAMLEAD_*, and HOME, the data, config and cache folders (on
Windows APPDATA, LOCALAPPDATA, USERPROFILE) in the temporary folder. Qt runs offscreen.

The steps: ``--version``; ``demo --scale small`` into the default database; ``--exit-when-ready``; ``report
district`` to PDF and XLSX; ``import`` of a roster into a new database; Dutch help; ``check``; ``backup``; and on Linux, a
Qt platform plugin lacking a library gives exit 1 naming it (no abort, no core dump). Every step must pass;
the script prints one line per step and a closing ``N passed, N failed``.

Only the standard library: it runs on the Windows runner with any Python 3.12.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROSTER = ROOT / "packaging" / "smoke" / "roster.csv"
WINDOWS = sys.platform == "win32"
# The demo's district and a full quarter inside its two years of data (demo --today fixes both).
DEMO_TODAY = "2026-03-15"
PERIOD = ("2025-10-01", "2025-12-31")
DISTRICT = "Nieuw-West"
TIMEOUT = 180


def version() -> str:
    text = (ROOT / "teamlead" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    return found.group(1) if found else ""


def unpack(source: Path, into: Path) -> Path:
    """The app folder: ``source`` unpacked or copied into ``into``."""
    if source.is_file():
        with tarfile.open(source) as archive:
            archive.extractall(into, filter="data")
        (folder,) = [path for path in into.iterdir() if path.is_dir()]
        return folder
    target = into / "teamlead"
    shutil.copytree(source, target, symlinks=True)
    return target


def clean_environment(home: Path) -> dict[str, str]:
    """The environment of a user without our Python: see the module docstring."""
    checkout = str(ROOT).casefold()
    virtual = os.environ.get("VIRTUAL_ENV", "").casefold()
    prefix = sys.prefix.casefold() if sys.prefix != sys.base_prefix else ""

    def foreign(entry: str) -> bool:
        folded = entry.casefold()
        return any(mark and folded.startswith(mark) for mark in (checkout, virtual, prefix))

    path = os.pathsep.join(
        entry for entry in os.environ.get("PATH", "").split(os.pathsep) if not foreign(entry)
    )
    dropped = ("PYTHON", "VIRTUAL_ENV", "TEAMLEAD_", "QT_", "XDG_", "LD_LIBRARY_PATH", "CONDA")
    environment = {key: value for key, value in os.environ.items() if not key.startswith(dropped)}
    environment.update(PATH=path, HOME=str(home), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    for key, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_RUNTIME_DIR", "runtime"),
        ("APPDATA", "AppData/Roaming"),
        ("LOCALAPPDATA", "AppData/Local"),
        ("USERPROFILE", "."),
        ("TEMP", "temp"),
        ("TMP", "temp"),
    ):
        (home / folder).mkdir(parents=True, exist_ok=True, mode=0o700)
        environment[key] = str(home / folder)
    return environment


class Smoke:
    """The steps, run against one app folder with one cleaned environment."""

    def __init__(self, app: Path, home: Path) -> None:
        self.program = app / ("teamlead.exe" if WINDOWS else "teamlead")
        self.home = home
        self.work = home / "work"
        self.work.mkdir(parents=True)
        self.environment = clean_environment(home)
        self.passed: list[str] = []
        self.failed: list[str] = []

    def run(self, *args: str, environment: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.program), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=environment or self.environment,
            cwd=self.work,
            timeout=TIMEOUT,
        )

    def step(self, name: str, check: Callable[[], str | None]) -> None:
        started = time.perf_counter()
        try:
            problem = check()
        except Exception as error:  # a smoke step reports whatever went wrong
            problem = f"{type(error).__name__}: {error}"
        seconds = time.perf_counter() - started
        if problem is None:
            self.passed.append(name)
            print(f"ok    {name} ({seconds:.1f} s)", flush=True)
        else:
            self.failed.append(name)
            print(f"FAIL  {name} ({seconds:.1f} s): {problem}", flush=True)

    def expect(self, result: subprocess.CompletedProcess[str], code: int = 0) -> str | None:
        if result.returncode != code:
            return f"exit {result.returncode} (expected {code}); stdout: {result.stdout[-800:]!r} stderr: {result.stderr[-800:]!r}"
        return None

    # -- the steps ------------------------------------------------------------------------------------

    def version(self) -> str | None:
        result = self.run("--version")
        expected = f"teamlead {version()}"
        return self.expect(result) or (
            None if result.stdout.strip() == expected else f"printed {result.stdout!r}"
        )

    def demo(self) -> str | None:
        return self.expect(self.run("demo", "--scale", "small", "--today", DEMO_TODAY))

    def ready(self) -> str | None:
        result = self.run("--exit-when-ready")
        if problem := self.expect(result):
            return problem
        return (
            None
            if re.search(r"^ready in \d+ ms$", result.stdout, re.MULTILINE)
            else f"printed {result.stdout!r}"
        )

    def report(self, suffix: str) -> str | None:
        target = self.work / f"district{suffix}"
        arguments = ["report", "district", "-o", str(target), "--district", DISTRICT]
        result = self.run(*arguments, "--from", PERIOD[0], "--to", PERIOD[1])
        if problem := self.expect(result):
            return problem
        if suffix == ".pdf":
            head = target.read_bytes()[:5]
            return None if head == b"%PDF-" and target.stat().st_size > 10_000 else "not a PDF"
        with zipfile.ZipFile(target) as workbook:
            sheets = workbook.read("xl/workbook.xml").decode("utf-8")
        return None if 'name="Summary"' in sheets else "no Summary sheet"

    def import_roster(self) -> str | None:
        database = self.work / "imported.sqlite3"
        result = self.run("--database", str(database), "import", str(ROSTER), "--district", DISTRICT)
        if problem := self.expect(result):
            return problem
        summary = re.search(r"organisations: 2 added, 0 merged; persons: 3 added", result.stdout)
        return None if summary else f"summary: {result.stdout!r}"

    def dutch(self) -> str | None:
        """The Dutch translations (resources/translations/nl/LC_MESSAGES/teamlead.mo) are found inside the bundle."""
        result = self.run("--language", "nl", "--help")
        return self.expect(result) or (
            None if "gebiedsnetwerk" in result.stdout else f"printed {result.stdout!r}"
        )

    def check(self) -> str | None:
        return self.expect(self.run("check"))

    def backup(self) -> str | None:
        result = self.run("backup")
        if problem := self.expect(result):
            return problem
        written = Path(result.stdout.strip().splitlines()[-1])
        if not written.is_file():
            return f"no file at {written}"
        if set(written.name) & set('<>:"/\\|?*'):
            return f"{written.name} is not a valid file name on Windows"
        return None

    def missing_library(self) -> str | None:
        """The xcb plugin with one dependency renamed to a library that exists nowhere: exit 1, named."""
        plugin = next(self.program.parent.rglob("platforms/libqxcb.so"))
        folder = plugin_lacking(plugin, self.home / "broken-plugin")
        environment = {key: value for key, value in self.environment.items() if key != "QT_QPA_PLATFORM"}
        environment.update(QT_QPA_PLATFORM_PLUGIN_PATH=str(folder), DISPLAY=":99")
        result = self.run("--exit-when-ready", environment=environment)
        if problem := self.expect(result, 1):
            return problem
        if ABSENT_LIBRARY not in result.stderr or "apt-get install" not in result.stderr:
            return f"message: {result.stderr!r}"
        return None if not list(self.work.glob("core*")) else "a core file appeared"


ABSENT_LIBRARY = "libtl-absnt.so.1"
"""The name a copied plugin's dependency ``libxcb-util.so.1`` is changed to (same length, found nowhere)."""


def plugin_lacking(plugin: Path, folder: Path) -> Path:
    """A ``platforms`` folder holding a copy of the Qt platform ``plugin`` whose dependency on
    ``libxcb-util.so.1`` reads :data:`ABSENT_LIBRARY`: to the dynamic loader, a library that is not there.

    The copy's ``$ORIGIN/../../lib`` points at the Qt libraries of the original, so only that one is missing.
    """
    platforms = folder / "plugins" / "platforms"
    platforms.mkdir(parents=True, exist_ok=True)
    data = plugin.read_bytes()
    original = b"libxcb-util.so.1\x00"
    assert original in data, f"{plugin} does not depend on libxcb-util.so.1"
    (platforms / plugin.name).write_bytes(data.replace(original, ABSENT_LIBRARY.encode() + b"\x00"))
    lib = folder / "lib"
    if not lib.exists():
        lib.symlink_to(plugin.resolve().parent.parent.parent / "lib", target_is_directory=True)
    return platforms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke tests against the built app.")
    parser.add_argument("app", nargs="?", type=Path, help="archive or folder (default: the newest in dist/)")
    parser.add_argument("--in-place", action="store_true", help="run the folder where it is (installed app)")
    args = parser.parse_args(argv)
    source = args.app or default_source()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="teamlead-smoke-") as temporary:
        place = Path(temporary)
        app = source if args.in_place else unpack(source, place)
        print(f"Smoke tests of {source} in {app}", flush=True)
        smoke = Smoke(app, place / "home")
        smoke.step("--version", smoke.version)
        smoke.step("demo --scale small", smoke.demo)
        smoke.step("--exit-when-ready", smoke.ready)
        smoke.step("report district .pdf", lambda: smoke.report(".pdf"))
        smoke.step("report district .xlsx", lambda: smoke.report(".xlsx"))
        smoke.step("import roster.csv", smoke.import_roster)
        smoke.step("--language nl", smoke.dutch)
        smoke.step("check", smoke.check)
        smoke.step("backup", smoke.backup)
        if sys.platform.startswith("linux"):
            smoke.step("missing system library named", smoke.missing_library)
    print(f"smoke: {time.perf_counter() - started:.0f} s")
    print(f"{len(smoke.passed)} passed, {len(smoke.failed)} failed")
    return 1 if smoke.failed else 0


def default_source() -> Path:
    archives = sorted((ROOT / "dist").glob("teamlead-*.tar.gz"), key=lambda path: path.stat().st_mtime)
    return archives[-1] if archives else ROOT / "dist" / "teamlead"


if __name__ == "__main__":
    raise SystemExit(main())
