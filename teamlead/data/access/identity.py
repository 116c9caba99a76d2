"""Who am I on this database: my role group, my districts, whether I administer it.

The screens ask this once per opened database, to show each role its own dashboard and to leave out what the
server would refuse anyway (the server still decides: this only spares the user a button that cannot work).
On an SQLite file the single user is everything, as before named users; so is the owner of a PostgreSQL
database, and anyone on one where no users were ever added (nothing limits them there).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from teamlead.data.access.names import DISTRICT_GROUPS, Group, database_prefix, group_role, user_of_role

# An administrator first: a superuser is a member of every group, and so is the owner by policy.
_ORDER = (Group.ADMIN, Group.TEAMLEAD, Group.COLLEAGUE, Group.CITY)


@dataclass(frozen=True, slots=True)
class Identity:
    """What the app knows about its user on the open database."""

    group: Group
    district_ids: tuple[int, ...] = ()
    """The districts a team lead or colleague works in; empty for those who see every district."""
    administrator: bool = True
    """Manages users and reads every change (File → Users…, File → Changes…)."""
    shared: bool = False
    """A PostgreSQL database with named users (an SQLite file has one user, who is everything)."""
    may_erase: bool = True
    may_change_retention: bool = True
    name: str = ""
    """The user name they logged in with (without the database's prefix); empty for the single user and owner."""

    @property
    def city(self) -> bool:
        """Counts and the city's reports only: never a note, a person, a meeting or a partner's page."""
        return self.group is Group.CITY

    @property
    def may_start_afresh(self) -> bool:
        """Whether an empty database offers this user demo data or an import (the welcome page): not on a shared
        database but to an administrator; a city user, who reads no records, would always find it empty."""
        return self.administrator or not self.shared


EVERYTHING = Identity(Group.ADMIN)
"""The single user of an SQLite file, and whoever owns (or is alone on) a PostgreSQL database."""


def _member(group: str) -> str:
    return f"coalesce(pg_has_role(current_user, to_regrole(:{group}), 'USAGE'), false)"


# One statement for all of it: the dashboard asks (through the default district) on every read.
_WHO = text(
    "SELECT to_regrole(:admin) IS NOT NULL, current_user, "
    "pg_has_role(current_user, (SELECT c.relowner FROM pg_class AS c WHERE c.oid = 'teamlead_meta'::regclass), "
    f"'USAGE'), {', '.join(_member(group) for group in _ORDER)}, "
    "has_table_privilege('person', 'DELETE'), has_table_privilege('teamlead_meta', 'UPDATE')"
)


def who_am_i(session: Session) -> Identity:
    """This session's user: :data:`EVERYTHING` on SQLite, for the owner and where access is not installed;
    else their group (a login in none of them is treated as a city user: it may read no district's records)."""
    if session.get_bind().dialect.name != "postgresql":
        return EVERYTHING
    connection = session.connection()
    prefix = database_prefix(connection)
    roles = {group.value: group_role(prefix, group) for group in _ORDER}
    installed, role, owner, *member, may_erase, may_change_retention = connection.execute(_WHO, roles).one()
    if not installed:
        return EVERYTHING
    if owner:  # a superuser too: pg_has_role says yes to them for every role
        return Identity(Group.ADMIN, shared=True)
    group = next((g for g, yes in zip(_ORDER, member, strict=True) if yes), Group.CITY)
    name = user_of_role(prefix, str(role)) or ""
    if group is Group.ADMIN:
        return Identity(Group.ADMIN, shared=True, name=name)
    districts: tuple[int, ...] = ()
    if group in DISTRICT_GROUPS:
        found = connection.scalar(text("SELECT teamlead_districts()")) or []
        districts = tuple(sorted(int(d) for d in found))
    return Identity(
        group,
        districts,
        administrator=False,
        shared=True,
        may_erase=bool(may_erase),
        may_change_retention=bool(may_change_retention),
        name=name,
    )
