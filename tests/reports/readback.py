"""Reading report files back as a reader would: PDF text with pypdf, every cell and XML part of a workbook."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader


def pdf_text(path: Path) -> str:
    """All text of a PDF, whitespace collapsed so wrapped lines read as one."""
    reader = PdfReader(path)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


def pdf_fonts(path: Path) -> set[str]:
    """Base names of the fonts embedded in the PDF (with a file of their own)."""
    names = set()
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None and any(
                    k in descriptor.get_object() for k in ("/FontFile2", "/FontFile")
                ):
                    names.add(str(font["/BaseFont"]))
    return names


def workbook_xml(path: Path) -> str:
    """Every XML part of the .xlsx, to find a value wherever it hides (shared strings, charts, properties)."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def sheet_rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    return list(load_workbook(path)[sheet].iter_rows(values_only=True))
