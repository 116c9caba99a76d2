"""The one home of the names Teamlead gives database roles.

Roles are cluster-wide while a Teamlead database is one of many on a server, so every role of a database
carries that database's prefix: ``tl_`` and ten hex digits of a hash of its name. The name, because a person
logs in with their own NAME before anything in the database can be read: the login knows the database's name
and so the role (renaming a database therefore means adding its users again). Group roles are
``<prefix>_<group>`` (one underscore); a person's login role is ``<prefix>__<name>`` (two), so a user name never
clashes with a group and the audit finds the name after the first ``__``.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from teamlead.rules.audit import ROLE_PREFIX_SEPARATOR

if TYPE_CHECKING:  # the window's menus import the role words before SQLAlchemy loads, in the worker
    from sqlalchemy import Connection

PREFIX_WIDTH: Final = 20
USER_SEPARATOR: Final = ROLE_PREFIX_SEPARATOR
"""The one rule the audit also reads a user's name by (:func:`teamlead.rules.audit.user_from_role`)."""
NAME_PATTERN: Final = re.compile(r"[a-z][a-z0-9_.-]{0,40}")


class Group(StrEnum):
    """What a user is: the role groups of ``shared/domain.md``."""

    TEAMLEAD = "teamlead"
    COLLEAGUE = "colleague"
    CITY = "city"
    ADMIN = "admin"


DISTRICT_GROUPS: Final = (Group.TEAMLEAD, Group.COLLEAGUE)
"""The roles that work in districts: they need one or more; the others take none."""


def prefix_for(database: str) -> str:
    """``tl_`` + ten hex digits of the database's name: 13 characters, never containing ``__``."""
    import hashlib  # here: the window imports this module before its first paint, and hashlib loads OpenSSL

    return "tl_" + hashlib.sha256(database.encode()).hexdigest()[:10]


def database_prefix(connection: Connection) -> str:
    """The prefix of the database this connection is on."""
    return prefix_for(str(connection.exec_driver_sql("SELECT current_database()").scalar()))


def login_role(database: str, name: str) -> str | None:
    """The role a person who logs in to ``database`` as ``name`` connects as; None when ``name`` is not a
    Teamlead user name (``postgres``, say, is also tried as itself first)."""
    if NAME_PATTERN.fullmatch(name) is None or USER_SEPARATOR in name:
        return None
    return user_role(prefix_for(database), name)


def group_role(prefix: str, group: Group) -> str:
    return f"{prefix}_{group}"


def district_role(prefix: str, district_id: int) -> str:
    return f"{prefix}_d{district_id}"


def user_role(prefix: str, name: str) -> str:
    return f"{prefix}{USER_SEPARATOR}{name}"


def user_of_role(prefix: str, role: str) -> str | None:
    """The user name a login role of this database stands for; None for any other role."""
    head = f"{prefix}{USER_SEPARATOR}"
    return role[len(head) :] if role.startswith(head) and len(role) > len(head) else None


def district_of_role(prefix: str, role: str) -> int | None:
    head = f"{prefix}_d"
    tail = role[len(head) :]
    return int(tail) if role.startswith(head) and tail.isdigit() else None


def quoted(role: str) -> str:
    """A role name as an SQL identifier (every name Teamlead makes is safe; quoting keeps it so)."""
    return '"' + role.replace('"', '""') + '"'
