"""Schema state and upgrades through Alembic, run programmatically on a live connection.

Alembic itself costs about half a second to import, so it is only imported to actually migrate: telling
which schema a database has, and whether it is current, reads the revision ids straight from the scripts.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _script_revisions() -> dict[str, str | None]:
    """``revision -> down_revision`` of every migration script, read without importing them."""
    links: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        values: dict[str, object] = {}
        for node in ast.parse(script.read_text(encoding="utf-8")).body:
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id in ("revision", "down_revision")
            ):
                values[node.targets[0].id] = ast.literal_eval(node.value)
        revision, down = values.get("revision"), values.get("down_revision")
        if isinstance(revision, str) and (down is None or isinstance(down, str)):
            links[revision] = down
    return links


@cache
def known_revisions() -> frozenset[str]:
    """Every schema this app can upgrade from (cached: the scripts do not change while it runs)."""
    return frozenset(_script_revisions())


@cache
def head_revision() -> str:
    """The newest schema this app knows: the one revision no other script builds on."""
    links = _script_revisions()
    heads = set(links) - {down for down in links.values() if down is not None}
    if len(heads) != 1:
        raise RuntimeError(f"migrations must form one line, found heads {sorted(heads)}")
    return heads.pop()


def current_revision(connection: Connection) -> str | None:
    """The schema revision stamped in the database, or None when it has no Alembic table."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(connection: Connection, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), revision)
