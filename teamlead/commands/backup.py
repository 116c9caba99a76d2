"""``teamlead backup [-o FILE]``: a consistent copy of the SQLite database, even while it is in use."""

from __future__ import annotations

import argparse
from typing import Any

from teamlead.i18n import tr


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "backup",
        help=tr("make a consistent copy of the database, even while it is in use"),
        description=tr(
            "Make a consistent copy of the SQLite database, even while Teamlead or another process uses it, "
            "and print its path. Without -o, into the folder 'backups' beside the database, named with the "
            "date and time."
        ),
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help=tr("where to write the copy (a file or a folder)")
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teamlead.data.backup import backup_database, refuse_server
    from teamlead.data.engine import resolve_url

    refuse_server(resolve_url(args.database), tool="pg_dump")
    from teamlead.commands import open_from_args
    from teamlead.commands.arguments import file_path

    output = None if args.output is None else file_path(args.output, "-o")
    database = open_from_args(args)
    try:
        print(backup_database(database, output))
    finally:
        database.dispose()
    return 0
