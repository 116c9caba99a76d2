"""``teamlead handover`` and File → Handover…: the folder a successor receives (``shared/interface.md``).

The folder holds the dossier (:mod:`teamlead.reports.dossier_pdf`), the district's records as an export
workbook (:mod:`teamlead.reporting.district_export`), a consistent copy of the database when that hands over
nothing but this district (SQLite, one district), and a read-me. It is written into a hidden sibling folder and
renamed at the end: the folder the user named is complete or absent, never half there.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from teamlead import __version__
from teamlead.data.backup import backup_database
from teamlead.data.database import Database
from teamlead.data.export_format import ABOUT
from teamlead.data.queries.districts import all_districts
from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.reporting.district_export import district_export_sheets
from teamlead.reporting.districts import DistrictRef, choose_one_district
from teamlead.reporting.export import snapshot
from teamlead.reporting.handover import gather_dossier
from teamlead.reports.dossier_pdf import write_dossier
from teamlead.reports.workbook_stream import StreamingWorkbook
from teamlead.rules import formatting
from teamlead.rules.files import PRIVATE, cannot_write, file_name, private_outputs, sync_folder, write_text

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class Handover:
    """What was written: the folder and each part in it (``copy`` None when no copy could be made)."""

    folder: Path
    dossier: Path
    workbook: Path
    copy: Path | None
    readme: Path
    no_copy_because: str
    """Why there is no copy of the database ("" when there is one)."""

    def paths(self) -> list[Path]:
        return [path for path in (self.dossier, self.workbook, self.copy, self.readme) if path is not None]


def default_folder_name(district: str, day: date) -> str:
    """The folder the app suggests: ``Handover Nieuw-West 2026-03-02`` (``Overdracht …`` in Dutch)."""
    return file_name(tr("Handover {district} {date}", district=district, date=day.isoformat()))


def readme_name(language: str) -> str:
    return "LEESMIJ.txt" if language == "nl" else "README.txt"


def check_folder(folder: Path) -> None:
    """FOLDER must not exist, and its parent must be a folder that does (exit 1 otherwise)."""
    if folder.exists() or folder.is_symlink():
        raise UserError(tr("{path} already exists; name a new folder for the handover.", path=folder))
    parent = folder.parent
    if not parent.exists():
        raise UserError(
            tr("The folder {folder} does not exist. Create it first, or choose another.", folder=parent)
        )
    if not parent.is_dir():
        raise UserError(tr("{path} is not a folder, so the handover cannot go into it.", path=parent))


def choose_district(database: Database, name: str | None) -> DistrictRef:
    """``--district`` as ``report district`` takes it (several districts and no name: exit 2)."""
    with database.session() as session:
        return choose_one_district(session, name)


def export_district(
    database: Database, target: Path, generated_at: datetime, district_id: int
) -> dict[str, int]:
    """The export workbook of one district's handover, written as :func:`teamlead.producing.export.
    export_database` writes the whole one (same sheets, same writer); returns the rows per table."""
    counts: dict[str, int] = {}
    with StreamingWorkbook(target, mode=PRIVATE) as workbook, snapshot(database) as connection:
        for sheet in district_export_sheets(connection, generated_at, district_id):
            written = workbook.add_sheet(sheet.name, sheet.headers, sheet.rows, sheet.widths)
            if sheet.name != ABOUT:
                counts[sheet.name] = written
    return counts


def no_copy_reason(database: Database, district: DistrictRef) -> str:
    """Why the folder gets no copy of the database; "" when it may (SQLite, this district alone)."""
    if database.path is None:
        return tr(
            "The database is on a server (PostgreSQL), which Teamlead does not copy; the workbook holds "
            "the district's records."
        )
    with database.session() as session:
        others = [d.name for d in all_districts(session) if d.id != district.id]
    if others:
        return tr(
            "The database also holds other districts ({districts}); a copy would hand those over too. "
            "The workbook holds this district's records only.",
            districts=", ".join(others),
        )
    return ""


def write_handover(
    database: Database,
    folder: Path,
    district: DistrictRef,
    generated_at: datetime,
    language: str,
    progress: Progress | None = None,
) -> Handover:
    """Write the handover of ``district`` into ``folder`` (which must not exist yet)."""
    report = progress or (lambda share, message: None)
    folder = folder.absolute()
    check_folder(folder)
    partial = folder.with_name(f".{folder.name}.partial-{secrets.token_hex(4)}")
    try:
        partial.mkdir(mode=0o700)
    except OSError as error:
        raise cannot_write(folder, error) from error
    try:
        with private_outputs():
            made = _write_parts(database, partial, folder, district, generated_at, language, report)
        report(0.98, tr("Putting the folder in place"))
        if folder.exists():
            raise UserError(tr("{path} already exists; name a new folder for the handover.", path=folder))
        try:
            os.rename(partial, folder)
            sync_folder(folder.parent)
        except OSError as error:
            raise cannot_write(folder, error) from error
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return made


def _write_parts(
    database: Database,
    partial: Path,
    folder: Path,
    district: DistrictRef,
    generated_at: datetime,
    language: str,
    report: Progress,
) -> Handover:
    """Write every part into ``partial``; the paths returned are those they will have inside ``folder``."""
    name = file_name(district.name)
    dossier = f"{file_name(tr('Handover dossier'))} {name}.pdf"
    workbook = f"{file_name(tr('Records'))} {name}.xlsx"
    copy = f"Teamlead {name}.sqlite3"
    report(0.05, tr("Writing the dossier"))
    with database.session() as session:
        gathered = gather_dossier(session, district, generated_at)
    write_dossier(gathered, partial / dossier)
    report(0.35, tr("Writing the workbook"))
    export_district(database, partial / workbook, generated_at, district.id)
    reason = no_copy_reason(database, district)
    if not reason:
        report(0.8, tr("Copying the database"))
        backup_database(database, partial / copy)
    readme = readme_name(language)
    text = readme_text(district.name, generated_at, (dossier, workbook, copy, readme), reason)
    write_text(partial / readme, text)
    return Handover(
        folder,
        folder / dossier,
        folder / workbook,
        None if reason else folder / copy,
        folder / readme,
        reason,
    )


def readme_text(
    district: str,
    generated_at: datetime,
    names: tuple[str, str, str, str],
    no_copy_because: str,
) -> str:
    """The read-me, in the language of the run: what the folder holds, that it is personal data, and how
    the successor opens it. ``names``: the dossier's, the workbook's, the copy's and the read-me's."""
    dossier, workbook, copy, readme = names
    lines = [
        tr("Handover of district {district}", district=district),
        tr(
            "Made by Teamlead {version} on {moment}.",
            version=__version__,
            moment=formatting.moment_text(generated_at),
        ),
        "",
        tr("THIS FOLDER HOLDS PERSONAL DATA"),
        tr(
            "Names, phone numbers, e-mail addresses and notes about partners and residents. Handle it as "
            "such: keep it where only you and your successor can read it (not in a shared or public folder, "
            "not as an e-mail attachment to others), hand it over in person or through a secure channel, and "
            "delete it once your successor has taken it over."
        ),
        "",
        tr("What is in it"),
        f"- {dossier}",
        "  "
        + tr(
            "The handover dossier to read first: the district at a glance, who is who per neighbourhood, "
            "the recurring meetings, the open agreements, the signals still waiting, the last local "
            "reflections and the narratives of the past two years."
        ),
        f"- {workbook}",
        "  "
        + tr(
            "The district's records (its partners and their people, notes, meetings, agreements, signals) "
            "in the format of 'teamlead export'. Organisations of other districts that its records name "
            "are in it by name, domain and neighbourhoods only."
        ),
    ]
    if no_copy_because:
        lines += [
            "- " + tr("No copy of the database:"),
            f"  {no_copy_because}",
        ]
    else:
        lines += [
            f"- {copy}",
            "  " + tr("A consistent copy of the whole database, which holds this district only."),
        ]
    lines += [
        f"- {readme}",
        "  " + tr("This text."),
        "",
        tr("How to open it"),
        "1. " + tr("Install Teamlead (the same version or a newer one)."),
    ]
    step = 2
    if not no_copy_because:
        lines += [
            f"{step}. "
            + tr(
                "Either open the copy: in the app with File → Open database…, or on the command line with "
                'teamlead --database "{copy}".',
                copy=copy,
            ),
            "   " + tr("Or read the workbook into a new, empty database:"),
        ]
    else:
        lines.append(f"{step}. " + tr("Read the workbook into a new, empty database:"))
    lines += [
        f'   teamlead --database "{tr("my-district")}.sqlite3" import "{workbook}"',
        "   "
        + tr(
            "(or in the app: File → New database…, then File → Import…). The import reads the workbook only "
            "into an empty database."
        ),
        "",
    ]
    return "\n".join(lines)
