"""Upgrades on a database with named users: only the migration owner migrates, and access follows the schema.

Anyone else who opens an older schema is told to ask their administrator, and nothing is attempted: a
half-tried migration as a user without the rights would only fail on the first ``ALTER TABLE``.

The installer is imported when an upgrade needs it: it brings PostgreSQL's dialect and the city's counting
functions, which opening an SQLite file (every start of a single user's app) never needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teamlead.errors import DatabaseError
from teamlead.i18n import tr

if TYPE_CHECKING:
    from sqlalchemy import Connection


def refuse_unless_owner(connection: Connection, name: str) -> None:
    """Raise when this connection may not upgrade a database whose users are limited by the server."""
    from teamlead.data.access.accounts import owns_tables
    from teamlead.data.access.install import access_installed

    if access_installed(connection) and not owns_tables(connection):
        raise DatabaseError(
            tr(
                "The database {name} has an older schema than this Teamlead. Ask your administrator to "
                "upgrade it; until then, use the Teamlead version it was made with.",
                name=name,
            )
        )


def after_upgrade(connection: Connection) -> None:
    """Cover the tables an upgrade added or recreated (in the same transaction as the migration)."""
    from teamlead.data.access.install import access_installed, install_access

    if access_installed(connection):
        install_access(connection)
