"""``teamlead handover`` and File → Handover…: the folder a successor receives (``shared/interface.md``)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from teamlead.data.database import Database
from teamlead.data.export_format import ABOUT
from teamlead.reporting.district_export import district_export_sheets
from teamlead.reporting.export import snapshot
from teamlead.reports.workbook_stream import StreamingWorkbook
from teamlead.rules.files import PRIVATE


def export_district(
    database: Database, target: Path, generated_at: datetime, district_id: int
) -> dict[str, int]:
    """The export workbook of one district's handover (:mod:`teamlead.reporting.district_export`), written
    as :func:`teamlead.producing.export.export_database` writes the whole one; returns the rows per table."""
    counts: dict[str, int] = {}
    with StreamingWorkbook() as workbook:
        with snapshot(database) as connection:
            for sheet in district_export_sheets(connection, generated_at, district_id):
                written = workbook.add_sheet(sheet.name, sheet.headers, sheet.rows, sheet.widths)
                if sheet.name != ABOUT:
                    counts[sheet.name] = written
        workbook.save(target, mode=PRIVATE)
    return counts
