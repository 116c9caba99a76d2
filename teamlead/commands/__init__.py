"""One module per ``teamlead`` subcommand: ``register(subparsers)`` adds its parser, ``run(args)`` does it.

Modules here import only argparse-level things at the top: building the parser must stay cheap, because the
desktop app starts through it too. Database, report and UI code is imported inside ``run``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from teamlead.data.database import Database


def open_from_args(args: argparse.Namespace, *, create: bool = True, only_reads: bool = False) -> Database:
    """The database named by ``--database`` / ``TEAMLEAD_DATABASE`` / the default, opened per the rules.
    ``only_reads``: a command that changes nothing in it opens a read-only file read-only, instead of refusing
    it."""
    import sys

    from teamlead.data.database import open_database

    database = open_database(args.database, create=create, only_reads=only_reads)
    if database.upgrade is not None:
        for line in database.upgrade.lines():
            print(f"teamlead: {line}", file=sys.stderr)
    return database
