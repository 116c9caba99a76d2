"""``teamlead meetings``: the meetings of a period, one a line, for scripts and ``report meeting``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from teamlead.i18n import tr


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "meetings",
        help=tr("list meetings: id, start, kind, title"),
        description=tr(
            "List the meetings (not cancelled) sorted by start, one a line, tab-separated: id, start in "
            "Amsterdam time, kind, title. Without --from: from today on."
        ),
    )
    parser.add_argument(
        "--from", dest="start", metavar="DATE", help=tr("first day (YYYY-MM-DD); default today")
    )
    parser.add_argument("--to", dest="end", metavar="DATE", help=tr("last day (YYYY-MM-DD)"))
    parser.add_argument("--district", metavar="NAME", help=tr("only this district's meetings"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teamlead.calendar.listing import ensure_materialised, meeting_lines, series_left_out
    from teamlead.commands import open_from_args
    from teamlead.commands.arguments import parse_date
    from teamlead.reporting.districts import find_district
    from teamlead.reporting.periods import amsterdam_today, check_order

    today = amsterdam_today()
    start = parse_date(args.start, "--from") if args.start else today
    end = parse_date(args.end, "--to") if args.end else None
    check_order(start, end)
    database = open_from_args(args, only_reads=True)
    try:
        with database.session() if database.read_only else database.begin() as session:
            left_out = series_left_out(session)
            if not database.read_only:  # a read-only file lists the meetings its series already have
                ensure_materialised(session, today, end)
            ids = None if args.district is None else [find_district(session, args.district).id]
            lines = meeting_lines(session, start, end, ids)
    finally:
        database.dispose()
    for warning in left_out:
        print(f"teamlead: {warning}", file=sys.stderr)
    for line in lines:
        print(line.as_text())
    return 0
