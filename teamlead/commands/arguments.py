"""What the command line takes, checked at its edge: ids and file paths (dates: :func:`parse_date`).

A value the layers below could not hold (an id beyond 64 bits, a name the file system refuses for its length)
is wrong usage: exit 2 with the option named, before the database is opened or a file touched.
"""

from __future__ import annotations

import os
from pathlib import Path

from teamlead.errors import UsageError
from teamlead.i18n import tr
from teamlead.reporting.periods import parse_date
from teamlead.rules.limits import MAX_ID, path_too_long

__all__ = ["file_path", "parse_date", "record_id"]

SHOWN = 60
"""How much of an over-long path a message repeats."""


def record_id(value: int | None, option: str) -> int | None:
    """An id as given, or a usage error when no record can have it (beyond :data:`MAX_ID`; a database query
    would fail on it). An id that could exist but does not is for the command to say (exit 1)."""
    if value is not None and not -MAX_ID - 1 <= value <= MAX_ID:
        raise UsageError(tr("{option}: {value} is not an id.", option=option, value=_shortened(str(value))))
    return value


def file_path(value: str | os.PathLike[str], option: str) -> Path:
    """A file path as given, or a usage error when the file system would refuse it for its length."""
    path = Path(value)
    problem = path_too_long(os.path.abspath(path))
    if problem is not None:
        raise UsageError(
            tr(
                "{option}: {path} is too long: {problem}.",
                option=option,
                path=_shortened(str(path)),
                problem=problem,
            )
        )
    return path


def _shortened(text: str) -> str:
    return text if len(text) <= SHOWN else f"{text[: SHOWN // 2]}…{text[-SHOWN // 2 :]}"
