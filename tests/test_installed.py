"""An installed Teamlead finds what it ships, wherever it is started: the wheel built from this checkout,
installed into a fresh virtual environment and run from another folder, reads its icon, style sheets, fonts
and translations from inside the installation (never from the checkout), makes a PDF report and opens its
window.

The fresh environment takes the dependencies from the development one (a ``.pth`` line, not its editable
install of Teamlead), so the test builds and installs only Teamlead itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = (
    ("icons", "teamlead.svg"),
    ("icons", "teamlead-256.png"),
    ("icons", "teamlead.ico"),
    ("styles", "sidebar.qss"),
    ("styles", "views.qss"),
    ("fonts", "DejaVuSans.ttf"),
    ("desktop", "teamlead.desktop"),
    ("desktop", "nl.teamlead.Teamlead.metainfo.xml"),
    ("translations", "nl", "LC_MESSAGES", "teamlead.mo"),
)


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment with the wheel of this checkout installed; its Python."""
    folder = tmp_path_factory.mktemp("installed")
    built = run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder / "wheel"), str(ROOT)],
        folder,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (folder / "wheel").glob("teamlead-*.whl")
    venv.create(folder / "env", with_pip=False)
    python = folder / "env" / "bin" / "python"
    install = run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
        folder,
    )
    assert install.returncode == 0, install.stderr
    site = run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], folder
    ).stdout.strip()
    # The running environment's packages (and any folder a .pth of it adds, as a worktree's venv borrowing
    # another's packages does), never the checkout itself.
    borrowed = [sysconfig.get_path("purelib"), *(p for p in sys.path if p.endswith("site-packages"))]
    Path(site, "development-dependencies.pth").write_text(
        "\n".join(dict.fromkeys(borrowed)) + "\n", encoding="utf-8"
    )
    return python


@pytest.mark.slow
def test_the_installed_app_finds_its_resources_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    check = "\n".join(
        [
            "import teamlead",
            "from teamlead.resource_files import resource, resources_folder",
            "from teamlead.i18n import set_language, tr, trn",
            "set_language('nl')",
            "assert tr('There is no database at {name}.', name='x') == 'Er is geen database op x.'",
            "assert trn('{count} person', '{count} people', 1) == '1 persoon'",
            "print(teamlead.__file__)",
            "print(resources_folder())",
            *(f"assert resource{parts!r}.is_file(), {parts!r}" for parts in SHIPPED),
        ]
    )
    found = run([str(installed), "-c", check], tmp_path)
    assert found.returncode == 0, found.stderr
    package, resources = found.stdout.split()
    for path in (package, resources):
        assert not Path(path).resolve().is_relative_to(ROOT), path  # the installed copy, not the checkout
    database = tmp_path / "district.sqlite3"
    teamlead = [str(installed.parent / "teamlead"), "--database", str(database)]
    assert run([*teamlead, "demo", "--scale", "small"], tmp_path).returncode == 0
    report = run([*teamlead, "report", "district", "-o", str(tmp_path / "r.pdf")], tmp_path)
    assert report.returncode == 0, report.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    window = run([*teamlead, "--exit-when-ready"], tmp_path)
    assert window.returncode == 0, window.stderr
    assert window.stdout.startswith("ready in"), window.stdout
