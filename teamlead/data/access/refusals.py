"""A refusal from the server, in words: what a user's role does not allow, never a traceback.

PostgreSQL answers ``insufficient_privilege`` (SQLSTATE 42501) both for a missing grant and for a row that
row-level security keeps out (``new row violates row-level security policy``). Services check the rights a
role lacks by design first (:func:`may`), so the user reads why; this is the net for everything else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from teamlead.errors import UserError
from teamlead.i18n import tr

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

INSUFFICIENT_PRIVILEGE = "42501"
# invalid_authorization_specification (no such role, no pg_hba entry) and invalid_password.
LOGIN_REFUSED = frozenset({"28000", "28P01"})


class AccessRefusedError(UserError):
    """The database refused: the user's role may not see or change this."""


def refusal(error: BaseException) -> AccessRefusedError | None:
    """The plain message for a database error that is a refusal of the user's rights; None for any other."""
    original = getattr(error, "orig", None)
    if getattr(original, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
        return None
    return AccessRefusedError(
        tr(
            "The database refused this: your role may not see or change these records (for instance those "
            "of another district). Nothing was saved. Ask your administrator if you need this."
        )
    )


def login_refused(error: BaseException) -> bool:
    """Whether connecting failed on who logs in (no password given, a wrong one, no such role), not on the
    server being away."""
    original = getattr(error, "orig", error)
    if getattr(original, "sqlstate", None) in LOGIN_REFUSED:
        return True
    text_of = str(original)
    return "no password supplied" in text_of or "password authentication failed" in text_of


def _ask(session: Session, sql: str, **values: Any) -> Any:
    """One value from the server. SQLAlchemy is imported here, not with the module: the app's task runner
    imports :func:`refusal` before the window's first paint, and SQLAlchemy (a third of a second) is
    loaded after it, in the worker that opens the database."""
    from sqlalchemy import text

    return session.scalar(text(sql), values)


def may(session: Session, privilege: str, table: str) -> bool:
    """Whether this session's user holds ``privilege`` on ``table`` (always on SQLite: one user)."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    return bool(_ask(session, "SELECT has_table_privilege(:t, :p)", t=table, p=privilege))


def refuse_erasure(session: Session) -> None:
    if not may(session, "DELETE", "person"):
        raise AccessRefusedError(
            tr("Your role may not erase persons. Ask a team lead or your administrator to erase this person.")
        )


def refuse_retention_change(session: Session) -> None:
    if not may(session, "UPDATE", "teamlead_meta"):
        raise AccessRefusedError(
            tr(
                "Your role may not change how long notes are kept. Ask a team lead or your administrator "
                "to change the retention period."
            )
        )


def refuse_other_district(session: Session, district_id: int | None) -> None:
    """A partner of another district that serves one of ours is shown, but only its own district changes it."""
    if session.get_bind().dialect.name != "postgresql":
        return
    if not _ask(session, "SELECT to_regprocedure('teamlead_may_read_district(integer)') IS NOT NULL"):
        return
    allowed = _ask(session, "SELECT teamlead_may_read_district(CAST(:d AS integer))", d=district_id)
    if allowed is False:
        raise AccessRefusedError(
            tr(
                "This partner belongs to another district: you may read it, but only that district's team "
                "can change it."
            )
        )


def refuse_shared_addition(session: Session, table: str, name: str) -> None:
    """Districts, domains, signal themes and offers are lists every district shares: only an administrator
    adds to them (a team lead adding a theme, or a roster import naming a domain not in the list yet, would
    otherwise end in the general refusal)."""
    if may(session, "INSERT", table):
        return
    if table == "district":
        message = tr(
            'Your role may not add districts ("{name}"): the districts are kept by your administrator. Ask '
            "them to add it, or choose one of the existing districts.",
            name=name,
        )
    elif table == "theme":
        message = tr(
            'Your role may not add themes ("{name}"): the list of signal themes is shared by every district '
            "and kept by your administrator. Ask them to add it, or use one of the existing themes.",
            name=name,
        )
    elif table == "offer":
        message = tr(
            'Your role may not add offers ("{name}"): the list of offers is shared by every district and kept '
            "by your administrator. Ask them to add it, or use one of the existing offers.",
            name=name,
        )
    else:
        message = tr(
            'Your role may not add domains ("{name}"): the list of domains is shared by every district and '
            "kept by your administrator. Ask them to add it, or use one of the existing domains.",
            name=name,
        )
    raise AccessRefusedError(message)


def refuse_shared_change(session: Session, table: str) -> None:
    """Renaming, merging or deleting an entry of a shared list (:func:`refuse_shared_addition`) is the
    administrator's too: it changes every district's records."""
    if may(session, "UPDATE", table):
        return
    if table == "district":
        message = tr(
            "Your role may not rename, merge or delete districts: they are kept by your administrator. Ask "
            "them to make this change."
        )
    elif table == "theme":
        message = tr(
            "Your role may not rename or delete themes: the list of signal themes is shared by every "
            "district and kept by your administrator. Ask them to make this change."
        )
    elif table == "offer":
        message = tr(
            "Your role may not rename or delete offers: the list of offers is shared by every district and "
            "kept by your administrator. Ask them to make this change."
        )
    else:
        message = tr(
            "Your role may not rename, merge or delete domains: the list of domains is shared by every "
            "district and kept by your administrator. Ask them to make this change."
        )
    raise AccessRefusedError(message)
