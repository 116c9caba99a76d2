"""Errors a user can act on, as opposed to bugs.

A :class:`UserError` carries a message already in the user's language that says what went wrong and what to
do; the CLI prints it without a traceback and the UI shows it in a dialog. Anything else is a bug.
"""

from __future__ import annotations


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


class ValidationError(UserError):
    """Input that a service refuses. ``field`` names the offending field so a form can show it beside it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class ConflictError(UserError):
    """Someone else saved the same record since it was read (optimistic locking on a shared database)."""
