"""``teamlead calendar``: the meetings as iCalendar for Outlook and other calendars (publish), or an invitation
for one meeting or series (``--invite``) as an ``.ics`` or a mail draft (``.eml``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from teamlead.errors import UsageError
from teamlead.i18n import tr


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "calendar",
        help=tr("export meetings as an iCalendar file (.ics), or write an invitation"),
        description=tr(
            "Export the meetings from --from (default: today) as iCalendar for Outlook, Google Calendar or "
            "Thunderbird. Importing a newer export updates the same events. With --meeting and --invite: an "
            "invitation to that meeting (or with --whole-series its series) for its invitees, as an .ics file "
            "or as a mail draft (.eml) that your mail program opens."
        ),
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help=tr("the .ics file to write (.eml: a mail draft)"),
    )
    parser.add_argument(
        "--from", dest="start", metavar="DATE", help=tr("first day (YYYY-MM-DD); default today")
    )
    parser.add_argument("--meeting", type=int, metavar="ID", help=tr("the meeting to invite to"))
    parser.add_argument(
        "--whole-series", action="store_true", help=tr("invite to the meeting's whole series")
    )
    parser.add_argument("--invite", action="store_true", help=tr("write an invitation (METHOD:REQUEST)"))
    parser.add_argument(
        "--organizer",
        metavar='"NAME <EMAIL>"',
        help=tr("the invitation's organizer; default: your name and e-mail address in Settings"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teamlead.commands.arguments import file_path

    target = file_path(args.output, "-o")
    if args.invite or args.meeting is not None or args.whole_series or args.organizer is not None:
        return _invite(args, target)
    return _publish(args, target)


def _publish(args: argparse.Namespace, target: Path) -> int:
    from teamlead.calendar.export import build_calendar, write_calendar
    from teamlead.calendar.listing import ensure_materialised, series_left_out
    from teamlead.commands import open_from_args
    from teamlead.commands.arguments import parse_date
    from teamlead.reporting.periods import amsterdam_today

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


def _invite(args: argparse.Namespace, target: Path) -> int:
    from teamlead.calendar.invitation import Organizer, organizer_from, parse_organizer
    from teamlead.calendar.outgoing import write_invitation
    from teamlead.commands import open_from_args
    from teamlead.commands.arguments import record_id
    from teamlead.errors import ValidationError
    from teamlead.rules import settings

    if not args.invite:
        raise UsageError(tr("--meeting, --whole-series and --organizer go with --invite."))
    meeting_id = record_id(args.meeting, "--meeting")
    if meeting_id is None:
        raise UsageError(tr("--invite needs the meeting: --meeting ID ('teamlead meetings' lists the ids)."))
    if args.start:
        raise UsageError(tr("--from goes with the calendar export, not with --invite."))
    if target.suffix.lower() not in (".ics", ".eml"):
        raise UsageError(
            tr("{path}: an invitation is written as an .ics file or an .eml mail draft.", path=target)
        )
    organizer: Organizer
    if args.organizer is not None:
        try:
            organizer = parse_organizer(args.organizer)
        except ValidationError as error:
            raise UsageError(f"--organizer: {error}") from error
    else:
        values = settings.load()
        organizer = organizer_from(values.organizer_name, values.organizer_email)
    database = open_from_args(args, only_reads=True)
    try:
        written = write_invitation(
            database,
            meeting_id,
            organizer,
            target,
            whole_series=args.whole_series,
            partner_language=settings.partner_language(settings.load()),
        )
    finally:
        database.dispose()
    for name in written.unreached:
        print(tr("teamlead: {name} has no e-mail address and is not addressed.", name=name), file=sys.stderr)
    print(target)
    return 0
