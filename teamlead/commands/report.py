"""``teamlead report KIND -o FILE``: any kind of the registry (:mod:`teamlead.producing.registry`)."""

from __future__ import annotations

import argparse
from typing import Any

from teamlead.i18n import tr


def register(subparsers: Any) -> None:
    from teamlead.producing.registry import AUDIENCES, KINDS, SUFFIXES

    parser = subparsers.add_parser(
        "report",
        help=tr("write a report (PDF, Excel or a picture)"),
        description=tr(
            "Write a report; the format follows the file's extension ({formats}). Without dates a report "
            "covers the last full calendar quarter.",
            formats=tr(" or ").join(SUFFIXES),
        ),
        epilog=tr(
            "contacts with --neighbourhood NAME is the pocket page of that neighbourhood, for the district only: "
            "the key contacts of the active partners serving it first, by domain, then the other contact "
            "persons, with phone numbers in large type and the day it was made; as .pdf or .xlsx, as .vcf "
            "(vCard 3.0, a card per person, for a phone) or as .zip (a .vcf per person, for classic Outlook, "
            "which imports only the first card of a file). .vcf and .zip need --neighbourhood."
        ),
    )
    parser.add_argument(
        "kind", choices=KINDS, metavar="KIND", help=tr("one of: {kinds}", kinds=", ".join(KINDS))
    )
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help=tr("the file to write"))
    parser.add_argument(
        "--from", dest="start", metavar="DATE", help=tr("first day of the period (YYYY-MM-DD)")
    )
    parser.add_argument("--to", dest="end", metavar="DATE", help=tr("last day of the period (YYYY-MM-DD)"))
    parser.add_argument("--district", metavar="NAME", help=tr("the district the report is about"))
    parser.add_argument(
        "--neighbourhood",
        metavar="NAME",
        help=tr(
            "the neighbourhood it is about (network map; contacts: its pocket page, also as .vcf or .zip), "
            "matched within --district"
        ),
    )
    parser.add_argument(
        "--audience", choices=AUDIENCES, help=tr("who may read it: city (safe to forward) or district")
    )
    parser.add_argument("--meeting", type=int, metavar="ID", help=tr("the meeting of a meeting pack"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teamlead.commands import open_from_args
    from teamlead.commands.arguments import file_path, parse_date, record_id
    from teamlead.producing.produce import ReportRequest, check_request, default_audience, now, produce
    from teamlead.reporting.periods import resolve_period

    start = parse_date(args.start, "--from") if args.start else None
    end = parse_date(args.end, "--to") if args.end else None
    today = now().date()
    request = ReportRequest(
        kind=args.kind,
        target=file_path(args.output, "-o"),
        period=resolve_period(start, end, today),
        audience=args.audience or default_audience(args.kind),
        district=args.district,
        meeting_id=record_id(args.meeting, "--meeting"),
        as_of=end or today,
        neighbourhood=args.neighbourhood,
    )
    check_request(request)
    database = open_from_args(args, only_reads=True)
    try:
        written = produce(database, request)
    finally:
        database.dispose()
    print(written)
    return 0
