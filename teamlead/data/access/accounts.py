"""The login roles of a database's users: read, create, change and end them in the server's catalogs.

Teamlead stores nothing about its users: a user *is* a login role ``<prefix>__<name>``, member of one role
group and of its districts' groups. A password is handed to the server already hashed (SCRAM, by psycopg's
own ``PQencryptPasswordConn``), so it is never in a statement, a log line or Teamlead's memory for long.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, text

from teamlead.data.access.names import (
    Group,
    district_of_role,
    district_role,
    group_role,
    quoted,
    user_of_role,
    user_role,
)


@dataclass(frozen=True)
class Account:
    """One user as the server knows them: name (without prefix), group, district ids; None when removed."""

    name: str
    group: Group | None
    district_ids: tuple[int, ...]
    can_login: bool


def accounts(connection: Connection, prefix: str) -> list[Account]:
    """Every user role of this database, by name (removed ones too: they keep their name for the audit)."""
    rows = connection.execute(
        text(
            "SELECT u.rolname, u.rolcanlogin, coalesce(array_agg(g.rolname) FILTER (WHERE g.rolname IS NOT NULL), "
            "'{}') FROM pg_roles AS u LEFT JOIN pg_auth_members AS m ON m.member = u.oid "
            "LEFT JOIN pg_roles AS g ON g.oid = m.roleid WHERE starts_with(u.rolname, :head) "
            "GROUP BY u.rolname, u.rolcanlogin ORDER BY u.rolname"
        ),
        {"head": user_role(prefix, "")},
    ).all()
    found = []
    groups = {group_role(prefix, group): group for group in Group}
    for role, can_login, member_of in rows:
        name = user_of_role(prefix, role)
        if name is None:
            continue
        group = next((groups[g] for g in member_of if g in groups), None)
        districts = sorted(d for d in (district_of_role(prefix, g) for g in member_of) if d is not None)
        found.append(Account(name, group, tuple(districts), bool(can_login)))
    return found


def _password_clause(connection: Connection, role: str, password: str | None) -> str:
    if password is None:
        return ""
    raw = connection.connection.driver_connection
    hashed: str = raw.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256").decode()  # type: ignore[union-attr]
    return " PASSWORD '" + hashed.replace("'", "''") + "'"


def create_account(
    connection: Connection,
    prefix: str,
    name: str,
    group: Group,
    district_ids: Sequence[int],
    password: str | None,
) -> None:
    role = user_role(prefix, name)
    exists = connection.scalar(text("SELECT count(*) FROM pg_roles WHERE rolname = :r"), {"r": role})
    verb = "ALTER" if exists else "CREATE"
    extra = " CREATEROLE" if group is Group.ADMIN else " NOCREATEROLE"
    clause = _password_clause(connection, role, password)
    # Only a superuser may even name SUPERUSER in ALTER ROLE: an administrator changing a user leaves it out.
    fixed = " NOSUPERUSER NOCREATEDB" if verb == "CREATE" else ""
    connection.exec_driver_sql(f"{verb} ROLE {quoted(role)} LOGIN{fixed}{extra}{clause}")
    set_membership(connection, prefix, name, group, district_ids)


def set_membership(
    connection: Connection, prefix: str, name: str, group: Group, district_ids: Sequence[int]
) -> None:
    """Make the user a member of exactly ``group`` and ``district_ids``' groups."""
    role = quoted(user_role(prefix, name))
    _leave_all(connection, prefix, name)
    wanted = [group_role(prefix, group), *(district_role(prefix, d) for d in district_ids)]
    for group_name in wanted:
        connection.exec_driver_sql(f"GRANT {quoted(group_name)} TO {role}")


def _leave_all(connection: Connection, prefix: str, name: str) -> None:
    role = user_role(prefix, name)
    member_of = connection.scalars(
        text(
            "SELECT g.rolname FROM pg_auth_members AS m JOIN pg_roles AS g ON g.oid = m.roleid "
            "JOIN pg_roles AS u ON u.oid = m.member WHERE u.rolname = :r AND starts_with(g.rolname, :p)"
        ),
        {"r": role, "p": prefix},
    ).all()
    for group_name in member_of:
        connection.exec_driver_sql(f"REVOKE {quoted(group_name)} FROM {quoted(role)}")


def end_account(connection: Connection, prefix: str, name: str) -> None:
    """No more access: out of every group, and no login. The role itself stays (its name is in the audit)."""
    role = user_role(prefix, name)
    _leave_all(connection, prefix, name)
    connection.exec_driver_sql(f"ALTER ROLE {quoted(role)} NOLOGIN PASSWORD NULL")


def end_sessions(connection: Connection, prefix: str, name: str) -> int:
    """End the user's open sessions now; returns how many."""
    role = user_role(prefix, name)
    ended = connection.scalars(
        text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :r AND pid <> pg_backend_pid()"
        ),
        {"r": role},
    ).all()
    return sum(1 for done in ended if done)


def current_role(connection: Connection) -> str:
    return str(connection.scalar(text("SELECT current_user")))


def owns_tables(connection: Connection) -> bool:
    """Whether this connection has the migration owner's rights (owner of the tables, or a superuser)."""
    return bool(
        connection.scalar(
            text(
                "SELECT pg_has_role(current_user, (SELECT c.relowner FROM pg_class AS c "
                "WHERE c.oid = 'teamlead_meta'::regclass), 'USAGE')"
            )
        )
    )


def may_manage(connection: Connection, prefix: str) -> bool:
    """Administrators (and the migration owner) manage users; they also need the right to create roles."""
    administrator = owns_tables(connection) or bool(
        connection.scalar(
            text("SELECT coalesce(pg_has_role(current_user, to_regrole(:admin), 'USAGE'), false)"),
            {"admin": group_role(prefix, Group.ADMIN)},
        )
    )
    creates_roles = connection.scalar(
        text("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")
    )
    return administrator and bool(creates_roles)
