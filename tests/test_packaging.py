"""What can be checked here of the packaging: the Windows workflow against the Actions schema, the Inno Setup
script's sanity, the Linux launcher, the version and licence metadata, and the bundle checks themselves.

The bundle is built and smoke-tested by ``make package`` and ``make smoke-bundle`` in ``.ci/run``, not here.
"""

from __future__ import annotations

import configparser
import importlib.metadata
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import teamlead
from scripts import build_bundle

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
INNO = ROOT / "packaging" / "windows" / "teamlead.iss"
DESKTOP = ROOT / "resources" / "desktop" / "teamlead.desktop"


def check_workflow(path: Path) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "check_jsonschema",
        "--builtin-schema",
        "vendor.github-workflows",
        str(path),
    ]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_the_windows_workflow_is_valid_against_the_actions_schema(tmp_path: Path) -> None:
    assert check_workflow(WORKFLOW).returncode == 0, check_workflow(WORKFLOW).stdout
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "runs_on:"), encoding="utf-8")
    assert check_workflow(broken).returncode != 0  # the check can fail


def test_the_windows_workflow_builds_installs_smoke_tests_and_uninstalls() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert 'python-version: "3.12"' in text
    for step in (
        "scripts\\build_bundle.py",
        "packaging\\windows\\teamlead.iss",
        "/VERYSILENT",
        "/CURRENTUSER",
        "scripts\\smoke_bundle.py --in-place",
        "unins000.exe",
        "uninstalling removed the user's data",
    ):
        assert step in text, step


def inno_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            assert re.fullmatch(r"#(ifndef \w+|define \w+ \"[^\"]*\"|endif)", line), line
            continue
        if line.startswith("["):
            assert re.fullmatch(r"\[\w+\]", line), line
            current = line[1:-1]
            sections.setdefault(current, [])
            continue
        assert current is not None, f"outside a section: {line}"
        sections[current].append(line)
    return sections


def test_the_inno_script_is_sane_and_keeps_the_users_data() -> None:
    text = INNO.read_text(encoding="utf-8")
    assert text.count("#ifndef") == text.count("#endif")
    sections = inno_sections(text)
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"  # no administrator rights
    assert setup["DefaultDirName"] == "{userpf}\\Teamlead"  # %LOCALAPPDATA%\Programs
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["OutputBaseFilename"] == "teamlead-{#AppVersion}-windows-x64-setup"
    for name in ("Files", "Icons", "Run", "InstallDelete", "UninstallDelete", "Languages", "Tasks"):
        for line in sections[name]:
            assert re.fullmatch(r'(\w+: ("[^"]*"|[^;"]+))(; \w+: ("[^"]*"|[^;"]+))*', line), line
    assert any(
        "{autoprograms}\\Teamlead" in line and "teamlead-app.exe" in line for line in sections["Icons"]
    )
    for line in sections["InstallDelete"] + sections["UninstallDelete"]:
        assert '"{app}' in line, "only the program folder may be deleted"
        assert "localappdata" not in line.casefold()
    source = re.search(r'#define SourceDir "([^"]+)"', text)
    assert source is not None
    assert (INNO.parent / source.group(1).replace("\\", "/")).resolve() == build_bundle.BUNDLE
    assert (INNO.parent / setup["LicenseFile"].replace("\\", "/")).resolve() == ROOT / "LICENSE"


def test_the_linux_launcher_follows_the_desktop_entry_spec() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    values = entry["Desktop Entry"]
    assert (values["Type"], values["Exec"], values["Icon"], values["Terminal"]) == (
        "Application",
        "teamlead",
        "teamlead",
        "false",
    )
    assert values["Categories"].endswith(";")
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_version_has_one_home_and_the_licence_is_an_spdx_expression() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project
    assert project["dynamic"] == ["version"]
    assert project["license"] == "EUPL-1.2"
    assert "LICENSE" in project["license-files"]
    assert (
        (ROOT / "LICENSE")
        .read_text(encoding="utf-8")
        .lstrip()
        .startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    )
    assert importlib.metadata.version("teamlead") == teamlead.__version__


def test_paths_that_differ_only_in_case_are_found(tmp_path: Path) -> None:
    (tmp_path / "_internal" / "Qt").mkdir(parents=True)
    (tmp_path / "_internal" / "Qt" / "Readme.txt").write_text("a")
    (tmp_path / "_internal" / "Qt" / "README.txt").write_text("b")
    (tmp_path / "_internal" / "qt").mkdir()
    clashes = build_bundle.case_clashes(tmp_path)
    assert ("_internal/Qt", "_internal/qt") in clashes
    assert ("_internal/Qt/README.txt", "_internal/Qt/Readme.txt") in clashes


def test_the_bundle_check_refuses_what_the_build_machine_left(tmp_path: Path) -> None:
    (tmp_path / "_internal" / "sqlalchemy" / "testing").mkdir(parents=True)
    problems = build_bundle.check_bundle(tmp_path)
    assert any("from the build machine: _internal/sqlalchemy/testing" in problem for problem in problems)
    assert any("Qt's Dutch translation missing" in problem for problem in problems)
