"""The city overview (``teamlead consolidate``): districts' report workbooks in, one file out.

Not a kind of :mod:`teamlead.producing.registry`: it reads workbooks, not the database, and is made only from
the command line. It has a title and a writer per format the same way, and the same check of the target.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from teamlead.i18n import tr
from teamlead.producing.produce import check_target, titled
from teamlead.producing.registry import Format

FORMATS = (
    Format(".pdf", "consolidation", "write_consolidation_pdf"),
    Format(".xlsx", "consolidation", "write_consolidation_xlsx"),
)


def title() -> str:
    return tr("City overview")


def write_city_overview(paths: list[Path], target: Path, generated_at: datetime) -> Path:
    """Read the districts' workbooks, combine them and write ``target`` (checked first: its extension, and that
    it is none of the inputs); returns it."""
    from teamlead.reporting.consolidation import check_output, consolidate

    suffix = check_target(target, (form.suffix for form in FORMATS))
    check_output(paths, target)
    consolidation = consolidate(paths, generated_at)
    writer = next(form for form in FORMATS if form.suffix == suffix).writer()
    writer(titled(consolidation, title()), target)
    return target
