"""``teamlead demo``: fill an empty database with realistic demo data (see ``shared/interface.md``)."""

from __future__ import annotations

import argparse
from typing import Any

from teamlead.i18n import tr

SCALES = ("small", "district", "city")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help=tr("fill an empty database with realistic demo data"),
        description=tr(
            "Fill an empty database with realistic demo data: Amsterdam districts, partners, contact "
            "persons, two years of notes, signals, meetings and agreements, places and outcome figures per "
            "neighbourhood. The same seed and date always give the same data."
        ),
    )
    parser.add_argument("--scale", choices=SCALES, default="small", help=tr("how much data (default: small)"))
    parser.add_argument("--seed", type=int, default=1, help=tr("seed of the random data (default: 1)"))
    parser.add_argument("--today", metavar="DATE", help=tr("the date the data leads up to (default: today)"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teamlead.commands import open_from_args
    from teamlead.commands.arguments import parse_date
    from teamlead.demo import generate_demo

    today = parse_date(args.today, "--today") if args.today else None
    database = open_from_args(args)
    try:
        summary = generate_demo(database, args.scale, args.seed, today)
    finally:
        database.dispose()
    counts = summary.counts
    print(
        tr(
            "Demo data made in {seconds:.1f} s ({scale}, seed {seed}, up to {today}):",
            seconds=summary.seconds,
            scale=summary.scale,
            seed=summary.seed,
            today=summary.today.isoformat(),
        )
    )
    for key, label in (
        ("district", tr("districts")),
        ("neighbourhood", tr("neighbourhoods")),
        ("organisation", tr("partner organisations")),
        ("person", tr("contact persons")),
        ("role", tr("roles")),
        ("note", tr("notes")),
        ("signal_round", tr("signals followed up")),
        ("meeting", tr("meetings")),
        ("agreement", tr("agreements")),
        ("place", tr("places where young people spend their time")),
        ("indicator", tr("outcome figures (neighbourhood and year)")),
    ):
        print(f"  {counts.get(key, 0):>8}  {label}")
    return 0
