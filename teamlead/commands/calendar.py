"""``teamlead calendar -o FILE.ics``: the meetings as iCalendar, for Outlook and other calendars."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from teamlead.errors import UsageError
from teamlead.i18n import tr


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "calendar",
        help=tr("export meetings as an iCalendar file (.ics)"),
        description=tr(
            "Export the meetings from --from (default: today) as iCalendar for Outlook, Google Calendar or "
            "Thunderbird. Importing a newer export updates the same events."
        ),
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE.ics", help=tr("the .ics file to write")
    )
    parser.add_argument(
        "--from", dest="start", metavar="DATE", help=tr("first day (YYYY-MM-DD); default today")
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teamlead.calendar.export import build_calendar, write_calendar
    from teamlead.calendar.listing import ensure_materialised, series_left_out
    from teamlead.commands import open_from_args
    from teamlead.commands.arguments import file_path, parse_date
    from teamlead.reporting.periods import amsterdam_today

    target = file_path(args.output, "-o")
    if target.suffix.lower() != ".ics":
        raise UsageError(
            tr("{path}: a calendar is written as an .ics file; give a name ending in .ics.", path=target)
        )
    today = amsterdam_today()
    start = parse_date(args.start, "--from") if args.start else today
    database = open_from_args(args, only_reads=True)
    try:
        if database.read_only:  # the meetings its series already have; its identity, if it has one
            with database.session() as session:
                left_out = series_left_out(session)
                calendar = build_calendar(session, start, store_identity=False)
        else:
            with database.begin() as session:
                left_out = series_left_out(session)
                ensure_materialised(session, today, None)
                calendar = build_calendar(session, start)
    finally:
        database.dispose()
    for warning in left_out:
        print(f"teamlead: {warning}", file=sys.stderr)
    write_calendar(calendar, target)
    print(target)
    return 0
