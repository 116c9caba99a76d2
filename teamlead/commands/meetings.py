"""``teamlead meetings``: the meetings of a period, one a line, for scripts and ``report meeting``."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

from teamlead.errors import UsageError
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


def amsterdam_today() -> date:
    return datetime.now(ZoneInfo("Europe/Amsterdam")).date()


def parse_day(text: str, option: str) -> date:
    """An ISO date from the command line, or a usage error naming the option."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            tr(
                "{option}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31.",
                option=option,
                value=text,
            )
        ) from None


def district_ids(session: Session, name: str | None) -> list[int] | None:
    """``--district``: the matching district's id, or a usage error listing the districts; None for all."""
    from sqlalchemy import select

    from teamlead.data.geography import District
    from teamlead.services.geography import find_district

    if name is None:
        return None
    found = find_district(session, name)
    if found is not None:
        return [found.id]
    names = session.scalars(select(District.name).order_by(District.name)).all()
    if not names:
        raise UsageError(
            tr("There is no district called {name!r}: the database has no districts yet.", name=name)
        )
    raise UsageError(
        tr(
            "There is no district called {name!r}. Districts: {districts}.",
            name=name,
            districts=", ".join(names),
        )
    )


def run(args: argparse.Namespace) -> int:
    from teamlead.calendar.listing import ensure_materialised, meeting_lines
    from teamlead.commands import open_from_args

    today = amsterdam_today()
    start = parse_day(args.start, "--from") if args.start else today
    end = parse_day(args.end, "--to") if args.end else None
    if end is not None and start > end:
        raise UsageError(
            tr(
                "--from ({start}) is after --to ({end}); swap them.",
                start=start.isoformat(),
                end=end.isoformat(),
            )
        )
    database = open_from_args(args)
    try:
        with database.begin() as session:
            ensure_materialised(session, today, end)
            lines = meeting_lines(session, start, end, district_ids(session, args.district))
    finally:
        database.dispose()
    for line in lines:
        print(line.as_text())
    return 0
