"""A person's access request (GDPR article 15) as files: the readable PDF and the complete JSON beside it.

Here, above the services and the pure writers, because it joins the two: the values come from
:func:`teamlead.services.privacy.access_report`, the PDF from :mod:`teamlead.reports.access_pdf`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from teamlead.reports.access_pdf import write_access_pdf
from teamlead.rules.files import private_outputs
from teamlead.services.privacy import write_access_report


def write_access_files(report: dict[str, Any], target: Path) -> tuple[Path, Path]:
    """Write the report both ways beside each other, named after ``target``: a PDF for the person to read
    and the JSON, the complete machine-readable copy (both made from the same values, so they never
    disagree). Both only for the user (personal data). Returns (PDF, JSON)."""
    readable, complete = target.with_suffix(".pdf"), target.with_suffix(".json")
    write_access_report(report, complete)
    with private_outputs():
        write_access_pdf(report, readable)
    return readable, complete
