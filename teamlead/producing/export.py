"""``teamlead export``: the database's sheets (:mod:`teamlead.reporting.export`) streamed into a workbook
(:mod:`teamlead.reports.workbook_stream`), in the format of :mod:`teamlead.data.export_format`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from teamlead.data.database import Database
from teamlead.data.export_format import ABOUT
from teamlead.reporting.export import export_sheets, snapshot
from teamlead.reports.workbook_stream import StreamingWorkbook
from teamlead.rules.files import PRIVATE


def export_database(database: Database, target: Path, generated_at: datetime) -> dict[str, int]:
    """Write the export to ``target`` (atomically, for its owner only: it holds everything); returns the
    number of rows per table."""
    counts: dict[str, int] = {}
    with StreamingWorkbook(target, mode=PRIVATE) as workbook, snapshot(database) as connection:
        for sheet in export_sheets(connection, generated_at):
            written = workbook.add_sheet(sheet.name, sheet.headers, sheet.rows, sheet.widths)
            if sheet.name != ABOUT:
                counts[sheet.name] = written
    return counts
