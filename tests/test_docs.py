"""The docs stay true and self-contained: the command reference matches the program's own argument
definitions, and the README and docs/ link only to files inside the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.command_reference import TARGET, render

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_the_command_reference_is_up_to_date() -> None:
    assert TARGET.read_text(encoding="utf-8") == render(), (
        "docs/commands.md is out of date: run .venv/bin/python scripts/command_reference.py"
    )


def test_the_command_reference_names_every_command() -> None:
    from teamlead.cli import COMMANDS

    text = render()
    for module in COMMANDS:
        assert f"## teamlead {module.rstrip('_')}\n" in text


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(ROOT).as_posix())
def test_pages_link_only_inside_the_repository(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "shared/" not in text, "users have no shared/ folder: point into docs/ instead"
    for target in LINK.findall(text):
        if target.startswith(("http://", "https://", "mailto:", "#")):
            continue
        path = (page.parent / target.split("#")[0]).resolve()
        assert path.is_relative_to(ROOT), f"{target} points outside the repository"
        assert path.exists(), f"{target} does not exist"


@pytest.mark.parametrize("page", ["README.md", "docs/reports/README.md"])
def test_the_summary_keys_listed_are_the_codes_own(page: str) -> None:
    from teamlead.reporting.summary_keys import documented_keys

    text = (ROOT / page).read_text(encoding="utf-8")
    assert f"```\n{documented_keys()}\n```" in text, f"{page}: the Summary list differs from summary_keys.py"
