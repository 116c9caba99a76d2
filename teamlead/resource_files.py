"""Where the files Teamlead ships live: the package ``teamlead.resources`` (the top-level ``resources/`` folder
of the checkout, mapped into the package by pyproject), found through :mod:`importlib.resources`.

One lookup for every caller (the PDF fonts, the icon, the translations, the style sheets), so the app finds
them the same way in a checkout, an installed wheel and the bundled app, whatever the working folder.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

PACKAGE = "teamlead.resources"


@cache
def resources_folder() -> Path:
    """The folder of the shipped files. Wheels and bundles unpack to disk, so it is a real folder (reportlab
    and Qt need file paths); the check says so plainly if an installation ever breaks that."""
    folder = Path(str(files(PACKAGE)))
    if not folder.is_dir():
        raise RuntimeError(f"Teamlead's resources are not a folder on disk: {folder}")
    return folder


def resource(*parts: str) -> Path:
    """A shipped file, e.g. ``resource("fonts", "DejaVuSans.ttf")``."""
    return resources_folder().joinpath(*parts)
