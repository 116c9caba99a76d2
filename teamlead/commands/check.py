"""``teamlead check``: integrity and schema state of the database; changes nothing."""

from __future__ import annotations

import argparse
from typing import Any

from teamlead.errors import DatabaseError
from teamlead.i18n import tr


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help=tr("check the database's integrity and schema state (changes nothing)"),
        description=tr(
            "Check the database's integrity and schema state, changing nothing. Exit 0 when it is sound "
            "and current or upgradable; exit 1, saying what, when it is missing, damaged, not a Teamlead "
            "database or newer than this Teamlead."
        ),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teamlead.data.health import check_database

    report = check_database(args.database)
    for line in report.lines():
        print(line)
    if not report.ok:
        raise DatabaseError(report.verdict())
    return 0
