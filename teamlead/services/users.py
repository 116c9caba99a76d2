"""Who connects to a shared PostgreSQL database, and in which role and districts: ``teamlead users``.

A user is a login role in the server (:mod:`teamlead.data.access`), so these actions run on a connection of
their own, as the administrator who gives them: the server checks their right to create roles, Teamlead
only says plainly when they lack it. Each action first (re)installs the groups and policies, so the first
``users add`` turns a shared database into one where the server limits every user to their districts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, text

from teamlead.data.access.accounts import (
    Account,
    accounts,
    create_account,
    end_account,
    end_sessions,
    may_manage,
    owns_tables,
)
from teamlead.data.access.install import access_installed, create_groups, install_access
from teamlead.data.access.names import DISTRICT_GROUPS, NAME_PATTERN, Group, database_prefix
from teamlead.data.database import Database
from teamlead.errors import UsageError, UserError
from teamlead.i18n import tr

ALL_DISTRICTS = "*"


@dataclass(frozen=True)
class UserLine:
    """One line of ``users list``: the name people log in with, their role, their districts' names."""

    name: str
    role: str
    districts: tuple[str, ...]

    def line(self) -> str:
        return "\t".join((self.name, self.role, ";".join(self.districts)))


def require_server(database_is_sqlite: bool) -> None:
    if database_is_sqlite:
        raise UserError(
            tr(
                "Users exist only on a shared PostgreSQL database; this database is an SQLite file, "
                "which only you open. Give --database a postgresql:// URL."
            )
        )


def check_name(name: str) -> None:
    if NAME_PATTERN.fullmatch(name) is None:
        raise UsageError(
            tr(
                "{name!r} cannot be a user name: use a lower-case letter followed by up to 40 lower-case "
                "letters, digits, '_', '.' or '-'.",
                name=name,
            )
        )


def check_districts(group: Group, district_ids: Sequence[object]) -> None:
    """``--district`` is required for the roles that work in districts and refused for the others."""
    if group in DISTRICT_GROUPS and not district_ids:
        raise UsageError(
            tr("The role {role} works in districts: give one or more with --district.", role=str(group))
        )
    if group not in DISTRICT_GROUPS and district_ids:
        raise UsageError(
            tr("The role {role} sees every district: --district does not apply to it.", role=str(group))
        )


def _prepared(connection: Connection) -> str:
    """The database's prefix, after checking this connection may manage users and installing access."""
    prefix = database_prefix(connection)
    if not may_manage(connection, prefix):
        raise UserError(
            tr(
                "Only an administrator can manage the users of this database. Ask your administrator, "
                "or connect as one."
            )
        )
    if owns_tables(connection):
        install_access(connection)
    elif not access_installed(connection):
        raise UserError(
            tr("The first user must be added by the database's owner (the account that created its tables).")
        )
    else:
        create_groups(connection, prefix)  # districts added since the owner last installed access
    return prefix


def _district_names(connection: Connection) -> dict[int, str]:
    return {row.id: row.name for row in connection.execute(text("SELECT id, name FROM district"))}


def _line(account: Account, names: dict[int, str]) -> UserLine:
    group = account.group
    if group is not None and group not in DISTRICT_GROUPS:
        districts: tuple[str, ...] = (ALL_DISTRICTS,)
    else:
        districts = tuple(sorted(names.get(d, str(d)) for d in account.district_ids))
    return UserLine(account.name, str(group) if group is not None else "", districts)


def list_users(database: Database) -> list[UserLine]:
    """The users who may connect (removed ones are not listed)."""
    with database.engine.begin() as connection:
        prefix = _prepared(connection)
        names = _district_names(connection)
        return [_line(a, names) for a in accounts(connection, prefix) if a.can_login]


def _find(connection: Connection, prefix: str, name: str) -> Account | None:
    return next((a for a in accounts(connection, prefix) if a.name == name and a.can_login), None)


def _refuse_last_administrator(connection: Connection, prefix: str, name: str) -> None:
    administrators = [a.name for a in accounts(connection, prefix) if a.can_login and a.group is Group.ADMIN]
    if administrators == [name]:
        raise UserError(
            tr(
                "{name} is the last administrator of this database: add another administrator first, "
                "so that someone can still manage its users and upgrades.",
                name=name,
            )
        )


def add_user(
    database: Database, name: str, group: Group, district_ids: Sequence[int], password: str | None
) -> None:
    check_name(name)
    check_districts(group, district_ids)
    with database.engine.begin() as connection:
        prefix = _prepared(connection)
        if _find(connection, prefix, name) is not None:
            raise UserError(tr("There is already a user called {name}.", name=name))
        create_account(connection, prefix, name, group, district_ids, password)


def _existing(connection: Connection, prefix: str, name: str) -> Account:
    found = _find(connection, prefix, name)
    if found is None:
        raise UserError(tr("There is no user called {name}. See teamlead users list.", name=name))
    return found


def change_user(
    database: Database,
    name: str,
    group: Group | None,
    district_ids: Sequence[int] | None,
    password: str | None = None,
) -> None:
    """A new role, a new set of districts, a new password, or several; what is not given stays (districts
    that no longer apply to the new role are dropped)."""
    with database.engine.begin() as connection:
        prefix = _prepared(connection)
        account = _existing(connection, prefix, name)
        new_group = group or account.group or Group.COLLEAGUE
        if new_group is not Group.ADMIN and account.group is Group.ADMIN:
            _refuse_last_administrator(connection, prefix, name)
        if district_ids is None:
            district_ids = account.district_ids if new_group in DISTRICT_GROUPS else ()
        check_districts(new_group, district_ids)
        create_account(connection, prefix, name, new_group, district_ids, password)


def remove_user(database: Database, name: str) -> int:
    """Revoke the user's access and end their open sessions at once; returns how many were ended."""
    with database.engine.begin() as connection:
        prefix = _prepared(connection)
        _existing(connection, prefix, name)
        _refuse_last_administrator(connection, prefix, name)
        end_account(connection, prefix, name)
    with database.engine.begin() as connection:  # once nobody can log in as them again
        return end_sessions(connection, prefix, name)
