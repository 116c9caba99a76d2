"""One module per ``teamlead`` subcommand: ``register(subparsers)`` adds its parser, ``run(args)`` does it."""

from __future__ import annotations

import argparse

from teamlead.data.database import Database, open_database


def open_from_args(args: argparse.Namespace, *, create: bool = True) -> Database:
    """The database named by ``--database`` / ``TEAMLEAD_DATABASE`` / the default, opened per the rules."""
    return open_database(args.database, create=create)
