"""Where the files Teamlead ships live: the package ``teamlead.resources`` (the top-level ``resources/`` folder
of the checkout, mapped into the package by pyproject), found through :mod:`importlib.resources`.

One lookup for every caller (the PDF fonts, the icon, the translations, the style sheets), so the app finds
them the same way in a checkout, an installed wheel and the bundled app, whatever the working folder.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

PACKAGE = "teamlead.resources"


@cache
def resources_folder() -> Path:
    """The folder of the shipped files. Wheels and bundles unpack to disk, so it is a real folder (reportlab
    and Qt need file paths); the check says so plainly if an installation ever breaks that."""
    spec = importlib.util.find_spec(PACKAGE)  # the import system's own answer: importlib.resources costs
    places = list(spec.submodule_search_locations or ()) if spec is not None else []  # 5 ms to import
    folder = Path(places[0]) if places else None
    if folder is None or not folder.is_dir():
        from importlib.resources import files  # a frozen or zipped layout: let it find the files

        folder = Path(str(files(PACKAGE)))
    if not folder.is_dir():
        raise RuntimeError(f"Teamlead's resources are not a folder on disk: {folder}")
    return folder


def resource(*parts: str) -> Path:
    """A shipped file, e.g. ``resource("fonts", "DejaVuSans.ttf")``."""
    return resources_folder().joinpath(*parts)
