"""``teamlead handover -o FOLDER [--district NAME]``: the folder a successor receives (``shared/interface.md``)."""

from __future__ import annotations

import argparse
from typing import Any

from teamlead.i18n import tr


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "handover",
        help=tr("write a district's handover folder for a successor"),
        description=tr(
            "Write the handover of one district into a new folder: the dossier (PDF), the district's records "
            "as a workbook that 'teamlead import' reads into an empty database, a copy of the database when "
            "it is an SQLite file holding this district only, and a read-me. The folder holds personal data. "
            "It must not exist yet; it appears complete or not at all. Prints the paths."
        ),
    )
    parser.add_argument("-o", "--output", required=True, metavar="FOLDER", help=tr("the new folder to write"))
    parser.add_argument(
        "--district", metavar="NAME", help=tr("the district to hand over (needed when there are several)")
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teamlead.commands import open_from_args
    from teamlead.commands.arguments import file_path
    from teamlead.i18n import current_language
    from teamlead.producing.handover import check_folder, choose_district, write_handover
    from teamlead.producing.produce import now

    folder = file_path(args.output, "-o")
    check_folder(folder.absolute())
    database = open_from_args(args, only_reads=True)
    try:
        district = choose_district(database, args.district)
        written = write_handover(database, folder, district, now(), current_language())
    finally:
        database.dispose()
    for path in written.paths():
        print(path)
    return 0
