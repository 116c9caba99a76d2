"""Teamlead's log file: errors and timings for whoever supports the app, never the data it holds.

A rotated file (:data:`MAX_BYTES` × :data:`BACKUP_COUNT`) in the platformdirs log folder. What is written
there is decided twice. First, our own code logs only kinds, counts and timings, never a note's text or a
person's name. Second, as a safety net, :class:`PrivacyFormatter` leaves out what a library might carry along:
an exception's message (SQLAlchemy puts the statement's parameters there, and a parameter may be a note's
text) is replaced by its type, a traceback keeps only file, line and function, and anything that looks like an
e-mail address or a phone number is masked.
"""

from __future__ import annotations

import contextlib
import logging
import re
import traceback
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from teamlead import APP_NAME
from teamlead.errors import without_sql

if TYPE_CHECKING:
    import logging.handlers

LOG_FILENAME = "teamlead.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LOG_ENV = "TEAMLEAD_LOG_DIR"

_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(\.[\w\-]+)+")
_PHONE = re.compile(r"(?<!\w)(\+31|0031|0)[\s\-]?(\d[\s\-]?){8,9}(?!\w)")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


def log_folder() -> Path:
    """``TEAMLEAD_LOG_DIR`` (tests), else the user's log folder (platformdirs, app name Teamlead)."""
    import os

    override = os.environ.get(LOG_ENV)
    if override:
        return Path(override)
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)


def mask(text: str) -> str:
    """Mask e-mail addresses and Dutch phone numbers in ``text``, and leave out SQL statements and their
    parameters (:func:`teamlead.errors.without_sql`)."""
    text = without_sql(text)
    text = _EMAIL.sub("<e-mail>", text)
    return _PHONE.sub("<phone>", text)


class PrivacyFormatter(logging.Formatter):
    """Formats records without personal data: see the module docstring."""

    def formatException(self, ei: ExcInfo) -> str:  # noqa: N802 - logging's name
        kind, _error, trace = ei
        lines = [f"{kind.__module__}.{kind.__qualname__}" if kind else "exception"]
        for frame in traceback.extract_tb(trace):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        return "\n".join(lines)

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        # The message alone: a statement cut from it takes nothing of the traceback appended after it.
        return without_sql(super().formatMessage(record))

    def format(self, record: logging.LogRecord) -> str:
        record.args = (
            tuple(
                f"<{type(arg).__name__}>" if isinstance(arg, BaseException) else arg
                for arg in (record.args if isinstance(record.args, tuple) else ())
            )
            or record.args
        )
        return mask(super().format(record))


class RotatedOnFirstRecord(logging.Handler):
    """The rotated log file, opened at its first record: :mod:`logging.handlers` (and the socket and pickle
    modules it brings) is imported then, not before the window's first paint."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.baseFilename = str(path)
        self._file: logging.handlers.RotatingFileHandler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            import logging.handlers

            self._file = logging.handlers.RotatingFileHandler(
                self.baseFilename, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
            )
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


_installed: RotatedOnFirstRecord | None = None

LIBRARIES = ("psycopg", "sqlalchemy")
"""Libraries whose warnings go to the file too: without a handler, Python prints them on stderr (psycopg's
"error ignored terminating <Pipeline>" when the server went away mid-import)."""


def setup_logging(folder: Path | None = None, *, level: int = logging.INFO) -> Path | None:
    """Send Teamlead's log records (logger ``teamlead``) and the libraries' warnings to the rotated file;
    return its path.

    Idempotent. A log folder that cannot be created leaves logging off rather than stopping the app.
    """
    global _installed
    if _installed is not None:
        return Path(_installed.baseFilename)
    folder = folder or log_folder()
    path = folder / LOG_FILENAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    handler = RotatedOnFirstRecord(path)
    handler.setFormatter(PrivacyFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("teamlead")
    logger.addHandler(handler)
    logger.setLevel(level)
    for library in LIBRARIES:
        logging.getLogger(library).addHandler(handler)
    _installed = handler
    return path


def teardown_logging() -> None:
    """Remove the file handler (tests, or before the log folder is removed)."""
    global _installed
    if _installed is not None:
        for name in ("teamlead", *LIBRARIES):
            logging.getLogger(name).removeHandler(_installed)
        _installed.close()
        _installed = None


@contextlib.contextmanager
def logging_to_file() -> Iterator[Path | None]:
    """:func:`setup_logging` for one run of a command; removed afterwards only if it was set up here (a
    test calling the command in-process keeps its own)."""
    owner = _installed is None
    path = setup_logging()
    try:
        yield path
    finally:
        if owner:
            teardown_logging()
