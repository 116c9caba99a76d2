"""The roles' names as people read them (the server's groups are the codes of :class:`Group`)."""

from __future__ import annotations

from teamlead.data.access.names import Group
from teamlead.i18n import tr


def role_title(group: Group | str) -> str:
    titles = {
        Group.TEAMLEAD: tr("Team lead"),
        Group.COLLEAGUE: tr("Colleague"),
        Group.CITY: tr("City"),
        Group.ADMIN: tr("Administrator"),
    }
    return titles.get(Group(group), str(group)) if group in set(Group) else str(group)


def role_help(group: Group) -> str:
    """What the role may do, in a line (the form shows it under the choice)."""
    helps = {
        Group.TEAMLEAD: tr(
            "Reads and writes their districts' records; may erase persons and set the retention."
        ),
        Group.COLLEAGUE: tr(
            "Reads and writes their districts' records; may not erase persons or set the retention."
        ),
        Group.CITY: tr("Counts and the city's reports of every district; no notes, persons or partners."),
        Group.ADMIN: tr("Everything, in every district: users, districts, upgrades, the shared lists."),
    }
    return helps[group]
