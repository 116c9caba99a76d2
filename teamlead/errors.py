"""Errors a user can act on, as opposed to bugs, and the one way an error's text is made fit to show.

A :class:`UserError` carries a message already in the user's language that says what went wrong and what to
do; the CLI prints it without a traceback and the UI shows it in a dialog. Anything else is a bug.

Database libraries put the failed statement and its parameters into their errors' text (SQLAlchemy appends
``[SQL: …]`` and ``[parameters: …]``, PostgreSQL adds ``DETAIL:`` and ``CONTEXT:`` lines with values), and a
parameter may be a note's text or a person's name. :func:`error_text` is the only way such text reaches a
message, and :func:`without_sql` the only way it reaches the log.
"""

from __future__ import annotations

import re


class UserError(Exception):
    """Something the user (or their environment) can fix: a bad file, a locked database, a wrong argument."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(UserError):
    """Wrong use of a command: exit code 2."""

    exit_code = 2


class DatabaseError(UserError):
    """The database cannot be used as it is: missing, damaged, foreign, newer than the app, unreachable."""


class ServerUnreachableError(DatabaseError):
    """The database server cannot be reached or went away mid-work (stopped, restarted, network gone):
    nothing was saved, and trying again once it is back is the remedy (the app keeps what was typed)."""


class LoginNeededError(DatabaseError):
    """The server wants a user name and password that the connection did not carry, or refused those given:
    the app asks for them (a login dialog); the command line takes them from the URL or ``PGPASSWORD``."""


class ValidationError(UserError):
    """Input that a service refuses. ``field`` names the offending field so a form can show it beside it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class ConflictError(UserError):
    """Someone else saved the same record since it was read (optimistic locking on a shared database)."""


# From SQLAlchemy's "[SQL: " or "[parameters: " to the end: the statement, its parameters, the link after them.
_STATEMENT = re.compile(r"\[(?:SQL|parameters): .*", re.DOTALL)
# PostgreSQL's detail lines quote values ("Key (name)=(Jan) already exists", "parameter $1 = '…'").
_DETAIL = re.compile(r"^\s*(?:DETAIL|CONTEXT|HINT|QUERY|STATEMENT): .*$\n?", re.MULTILINE)
# SQLAlchemy's prefix naming the driver's class: "(psycopg.errors.AdminShutdown) ".
_CLASS_PREFIX = re.compile(r"^\([\w.]+\) ")


def without_sql(text: str) -> str:
    """``text`` without a database error's statement, parameters and detail lines (for the log)."""
    return _DETAIL.sub("", _STATEMENT.sub("[SQL and parameters hidden]", text))


def error_text(error: BaseException) -> str:
    """What an error says, fit for a message: its first line, without the statement, its parameters or the
    library's class prefix. SQLAlchemy wraps the driver's error (``orig``), whose own words come first."""
    original = getattr(error, "orig", None)
    text = str(original if isinstance(original, BaseException) else error)
    text = _CLASS_PREFIX.sub("", without_sql(text).strip())
    first = text.splitlines()[0].strip() if text else ""
    return first.rstrip(".") or type(error).__name__
