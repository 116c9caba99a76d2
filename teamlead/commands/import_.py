"""``teamlead import FILE [--dry-run] [--sheet NAME] [--district NAME]``: a roster or an export, all or nothing."""

from __future__ import annotations

import argparse
from typing import Any

from teamlead.errors import UsageError
from teamlead.i18n import tr


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help=tr("import a roster (.xlsx or .csv) or a workbook made by export"),
        description=tr(
            "Import a roster, one row per person (.xlsx or .csv), or read back a workbook made by "
            "export into an empty database. The import is one transaction: all of it, or nothing."
        ),
    )
    parser.add_argument("file", metavar="FILE", help=tr("the .xlsx or .csv file"))
    parser.add_argument("--dry-run", action="store_true", help=tr("report what would happen; change nothing"))
    parser.add_argument("--sheet", metavar="NAME", help=tr("the sheet to read (default: the first roster)"))
    parser.add_argument(
        "--district", metavar="NAME", help=tr("home district of the imported partners (created if new)")
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teamlead.commands import open_from_args
    from teamlead.commands.arguments import file_path
    from teamlead.importing.readers import read_file
    from teamlead.importing.session import import_source

    if args.district is not None and not args.district.strip():
        raise UsageError(tr("--district: give the name of a district, or leave the option out."))
    source = read_file(
        file_path(args.file, "FILE")
    )  # a bad file is refused before the database is even opened
    database = open_from_args(args)
    try:
        outcome = import_source(
            database, source, sheet=args.sheet, district=args.district, dry_run=args.dry_run
        )
    finally:
        database.dispose()
    for line in outcome.lines:
        print(line)
    return 0
