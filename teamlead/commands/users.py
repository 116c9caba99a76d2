"""``teamlead users``: the people who connect to a shared PostgreSQL database and what they may see."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from teamlead.i18n import tr

ROLES = ("teamlead", "colleague", "city", "admin")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "users",
        help=tr("manage who connects to a shared PostgreSQL database (administrators)"),
        description=tr(
            "The people who connect to a shared PostgreSQL database, their role and their districts. The "
            "server itself limits each user to their districts' records. Administrators only."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=tr("list the users: name, role, districts"))
    listing.set_defaults(run=run)
    add = actions.add_parser("add", help=tr("add a user"))
    add.add_argument("name", metavar="NAME", help=tr("the name the user logs in with"))
    add.add_argument("--role", choices=ROLES, required=True, help=tr("what the user may do and see"))
    add.add_argument(
        "--district",
        action="append",
        default=[],
        metavar="NAME",
        help=tr("a district the user works in (repeat for several; teamlead and colleague only)"),
    )
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help=tr("read the user's password from standard input (else the server's own authentication)"),
    )
    add.set_defaults(run=run)
    change = actions.add_parser("change", help=tr("change a user's role or districts"))
    change.add_argument("name", metavar="NAME")
    change.add_argument("--role", choices=ROLES, help=tr("the new role"))
    change.add_argument(
        "--district",
        action="append",
        default=None,
        metavar="NAME",
        help=tr("the user's districts from now on (replaces them; repeat for several)"),
    )
    change.set_defaults(run=run)
    remove = actions.add_parser(
        "remove", help=tr("revoke a user's access and end their open sessions at once")
    )
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(run=run)


def _district_ids(database: Any, names: list[str]) -> list[int]:
    from teamlead.reporting.districts import find_district

    with database.session() as session:
        return sorted({find_district(session, name).id for name in names})


def _password() -> str:
    from teamlead.errors import UsageError

    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise UsageError(tr("--password-stdin: standard input held no password."))
    return password


def run(args: argparse.Namespace) -> int:
    from teamlead.commands import open_from_args
    from teamlead.data.access.names import Group
    from teamlead.data.engine import is_sqlite, resolve_url
    from teamlead.services import users

    users.require_server(is_sqlite(resolve_url(args.database)))
    password = _password() if getattr(args, "password_stdin", False) else None
    database = open_from_args(args, create=False)
    try:
        if args.action == "list":
            for line in users.list_users(database):
                print(line.line())
        elif args.action == "add":
            users.check_name(args.name)
            group = Group(args.role)
            users.check_districts(group, args.district)
            users.add_user(database, args.name, group, _district_ids(database, args.district), password)
            print(tr("Added {name} ({role}).", name=args.name, role=args.role))
        elif args.action == "change":
            ids = None if args.district is None else _district_ids(database, args.district)
            users.change_user(database, args.name, Group(args.role) if args.role else None, ids)
            print(tr("Changed {name}.", name=args.name))
        else:
            ended = users.remove_user(database, args.name)
            print(tr("Removed {name}; open sessions ended: {count}.", name=args.name, count=ended))
    finally:
        database.dispose()
    return 0
