"""``teamlead consolidate FILE... -o OUT``: districts' report workbooks combined into one city overview."""

from __future__ import annotations

import argparse
from typing import Any

from teamlead.i18n import tr


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "consolidate",
        help=tr("combine districts' report workbooks into one city overview"),
        description=tr(
            "Combine city-audience district report workbooks (.xlsx) of the same period into one city "
            "overview (.xlsx or .pdf): one column per district, in the order given, and a total."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help=tr("district report workbooks (.xlsx)"))
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help=tr("the file to write"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teamlead.commands.arguments import file_path
    from teamlead.producing.consolidate import write_city_overview
    from teamlead.producing.produce import now

    inputs = [file_path(name, "FILE") for name in args.files]
    print(write_city_overview(inputs, file_path(args.output, "-o"), now()))
    return 0
