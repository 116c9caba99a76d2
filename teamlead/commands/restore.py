"""``teamlead restore FILE``: put a backup in place of the database, keeping the current file aside."""

from __future__ import annotations

import argparse
from typing import Any

from teamlead.i18n import tr


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "restore",
        help=tr("put a backup in place of the database (the current one is kept aside)"),
        description=tr(
            "Put a backup in place of the database, even a damaged or missing one. The current database is "
            "first renamed aside, never deleted, and its new name printed."
        ),
    )
    parser.add_argument("file", metavar="FILE", help=tr("the backup to restore"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teamlead.commands.arguments import file_path
    from teamlead.data.backup import refuse_server
    from teamlead.data.engine import resolve_url, sqlite_path
    from teamlead.data.restore import restore_sqlite

    url = resolve_url(args.database)
    refuse_server(url, tool="pg_restore")
    path = sqlite_path(url)
    assert path is not None
    backup = file_path(args.file, "FILE")
    restored = restore_sqlite(backup, path)
    print(tr("Restored {backup} as {path}.", backup=backup, path=path))
    if restored.aside is not None:  # the -wal, -shm or -journal it had went along, under its new name
        print(tr("The database it replaced is kept as {aside}", aside=restored.aside))
    elif restored.kept:
        print(
            tr(
                "There was no database to keep aside; the files SQLite had left beside it are kept as {files}",
                files=", ".join(str(path) for path in restored.kept),
            )
        )
    else:
        print(tr("There was no database to keep aside."))
    return 0
