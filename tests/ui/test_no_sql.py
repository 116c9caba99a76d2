"""Screens read through the named queries of ``teamlead.data.queries`` and write through ``teamlead.services``:
no module under ``teamlead/ui`` imports SQLAlchemy (but for the type of the session it passes through) or the
ORM models, so no screen can build a select, insert or update of its own."""

from __future__ import annotations

import ast
from pathlib import Path

import teamlead.ui

ALLOWED = {("sqlalchemy.orm", "Session")}
"""The session a screen hands to a query or a service, named in a type hint."""


def imports(path: Path) -> list[tuple[str, str]]:
    """Every ``(module, name)`` a file imports (``import x`` gives ``(x, "")``)."""
    found: list[tuple[str, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names]
    return found


def test_no_screen_imports_sqlalchemy_or_the_models() -> None:
    root = Path(teamlead.ui.__file__).parent
    offending = [
        f"{path.relative_to(root)}: {module} {name}".strip()
        for path in sorted(root.rglob("*.py"))
        for module, name in imports(path)
        if (module.split(".")[0] == "sqlalchemy" and (module, name) not in ALLOWED)
        or module == "teamlead.data.models"
        or module in {"teamlead.data.roster", "teamlead.data.meetings", "teamlead.data.agreements"}
        or module in {"teamlead.data.notes", "teamlead.data.geography", "teamlead.data.admin"}
    ]
    assert offending == []
