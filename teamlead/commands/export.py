"""``teamlead export -o FILE.xlsx``: the whole database as one workbook that ``teamlead import`` reads back."""

from __future__ import annotations

import argparse
from typing import Any

from teamlead.i18n import tr


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help=tr("write the whole database as one Excel workbook"),
        description=tr("Write the whole database as one workbook, a sheet per kind of record."),
    )
    parser.add_argument("-o", "--output", required=True, metavar="FILE.xlsx", help=tr("the file to write"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teamlead.commands import open_from_args
    from teamlead.commands.arguments import file_path
    from teamlead.producing.export import export_database
    from teamlead.producing.produce import check_target, now

    target = file_path(args.output, "-o")
    check_target(target, (".xlsx",))
    database = open_from_args(args, only_reads=True)
    try:
        export_database(database, target, now())
    finally:
        database.dispose()
    print(target)
    return 0
