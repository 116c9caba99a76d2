"""The two editable lists of this part of the work: signal themes and what partners can offer.

Themes follow the rules of domains (``shared/interface.md``, "Keys of user-made domains and themes"): a name is
unique by the identity rule (a default theme with its default name goes by its name in both languages); a
user-made theme gets its Summary key (``signals_theme_<key>``) when made and keeps it through renames; the
default themes can be renamed but never deleted; a theme a signal has is not deleted. Offers are free words: a
deleted offer is taken off the partners that had it (the caller confirms first).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from teamlead.data.access.refusals import refuse_shared_addition, refuse_shared_change
from teamlead.data.offers import Offer, organisation_offer
from teamlead.data.queries.signal_lists import DEFAULT_THEME_KEYS
from teamlead.data.signals import Theme, signal_theme
from teamlead.errors import UserError, ValidationError
from teamlead.i18n import tr, trn
from teamlead.rules import words
from teamlead.rules.limits import Width
from teamlead.rules.text import identity_key, report_key
from teamlead.rules.vocabulary import DEFAULT_THEMES, AuditAction
from teamlead.services._common import apply_changes, audit, audit_row, flush, for_edit, required_text

# --- themes ---------------------------------------------------------------------------------------------


def _theme_names(key: str, name: str) -> set[str]:
    names = {name}
    for default_key, english, dutch in DEFAULT_THEMES:
        if default_key == key and name in (english, dutch):
            names |= {english, dutch}
    return {identity_key(each) for each in names}


def _unique_theme_name(session: Session, name: str, exclude_id: int | None) -> None:
    wanted = identity_key(name)
    for other in session.scalars(select(Theme)):
        if other.id != exclude_id and wanted in _theme_names(other.key, other.name):
            raise ValidationError(
                "name",
                tr("There is already a theme called {name}.", name=words.theme_name(other.key, other.name)),
            )


def add_theme(session: Session, name: str, *, now: datetime | None = None) -> int:
    """A new theme, listed after the others, with its Summary key made from its name now."""
    name = required_text("name", tr("Name"), name, Width.PLACE_NAME)
    _unique_theme_name(session, name, None)
    refuse_shared_addition(session, "theme", name)
    taken = set(session.scalars(select(Theme.key))) | DEFAULT_THEME_KEYS
    last = session.scalar(select(func.max(Theme.position))) or 0
    theme = Theme(name=name, key=report_key(name, taken), position=last + 1)
    session.add(theme)
    flush(session)
    audit(session, theme, AuditAction.CREATE, ["key", "name", "position"], now=now)
    return theme.id


def rename_theme(
    session: Session, theme_id: int, name: str, *, expected_version: int, now: datetime | None = None
) -> None:
    """Rename a theme; its key stays, so reports still count it under the same Summary key."""
    theme = for_edit(session, Theme, theme_id, expected_version)
    refuse_shared_change(session, "theme")
    name = required_text("name", tr("Name"), name, Width.PLACE_NAME)
    _unique_theme_name(session, name, theme.id)
    changed = apply_changes(theme, {"name": name})
    flush(session)
    if changed:
        audit(session, theme, AuditAction.UPDATE, changed, now=now)


def delete_theme(
    session: Session, theme_id: int, *, expected_version: int, now: datetime | None = None
) -> None:
    """Remove a user-made theme no signal has."""
    theme = for_edit(session, Theme, theme_id, expected_version)
    refuse_shared_change(session, "theme")
    shown = words.theme_name(theme.key, theme.name)
    if theme.key in DEFAULT_THEME_KEYS:
        raise UserError(
            tr(
                "{name} is one of the default themes, which the district report counts; "
                "rename it instead of deleting it.",
                name=shown,
            )
        )
    used = session.scalar(
        select(func.count()).select_from(signal_theme).where(signal_theme.c.theme_id == theme.id)
    )
    if used:
        raise UserError(
            trn(
                "{name} cannot be deleted: {count} signal has this theme. Rename it instead.",
                "{name} cannot be deleted: {count} signals have this theme. Rename it instead.",
                used,
                name=shown,
            )
        )
    session.delete(theme)
    flush(session)
    audit_row(session, "theme", theme_id, AuditAction.DELETE, now=now)


# --- offers ---------------------------------------------------------------------------------------------


def _unique_offer_name(session: Session, name: str, exclude_id: int | None) -> None:
    wanted = identity_key(name)
    for other_id, other_name in session.execute(select(Offer.id, Offer.name)):
        if other_id != exclude_id and identity_key(other_name) == wanted:
            raise ValidationError("name", tr("There is already an offer called {name}.", name=other_name))


def add_offer(session: Session, name: str, *, now: datetime | None = None) -> int:
    """A new kind of help partners can offer, listed after the others."""
    name = required_text("name", tr("Name"), name, Width.PLACE_NAME)
    _unique_offer_name(session, name, None)
    refuse_shared_addition(session, "offer", name)
    last = session.scalar(select(func.max(Offer.position))) or 0
    offer = Offer(name=name, position=last + 1)
    session.add(offer)
    flush(session)
    audit(session, offer, AuditAction.CREATE, ["name", "position"], now=now)
    return offer.id


def rename_offer(
    session: Session, offer_id: int, name: str, *, expected_version: int, now: datetime | None = None
) -> None:
    offer = for_edit(session, Offer, offer_id, expected_version)
    refuse_shared_change(session, "offer")
    name = required_text("name", tr("Name"), name, Width.PLACE_NAME)
    _unique_offer_name(session, name, offer.id)
    changed = apply_changes(offer, {"name": name})
    flush(session)
    if changed:
        audit(session, offer, AuditAction.UPDATE, changed, now=now)


def delete_offer(
    session: Session, offer_id: int, *, expected_version: int, confirmed: bool, now: datetime | None = None
) -> None:
    """Remove an offer and take it off every partner that had it; the caller asked the user first."""
    if not confirmed:
        raise UserError(tr("Deleting an offer takes it off every partner; confirm to delete it."))
    offer = for_edit(session, Offer, offer_id, expected_version)
    refuse_shared_change(session, "offer")
    session.execute(delete(organisation_offer).where(organisation_offer.c.offer_id == offer.id))
    session.delete(offer)
    flush(session)
    audit_row(session, "offer", offer_id, AuditAction.DELETE, now=now)
