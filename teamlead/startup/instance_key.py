"""Which database a start of the app names, as a stable string, before SQLAlchemy is imported.

The one-instance lock is taken before the window shows; importing the data layer then would slow every
start, so this repeats the few rules of :func:`teamlead.data.engine.resolve_url` that matter for a name (the
environment variable and the default file come from :mod:`teamlead.rules.locations`, as there).
"""

from __future__ import annotations

import os
from pathlib import Path

from teamlead.rules.locations import DATABASE_ENV, default_database_path


def database_key(target: str | None) -> str:
    """The absolute file path, or the URL as given (``--database``, else ``TEAMLEAD_DATABASE``, else the
    default file in the user's data folder). Paths in Windows' case-insensitive spelling (``normcase``), so
    ``C:\\Users\\Anna`` and ``c:/users/anna`` are one database, and one lock."""
    text = target or os.environ.get(DATABASE_ENV) or ""
    if not text:
        return os.path.normcase(default_database_path().absolute())
    if "://" in text:
        return text
    return os.path.normcase(Path(text).expanduser().absolute())
