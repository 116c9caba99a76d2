"""The signal themes and the offers as the settings page lists them, each with what uses it.

The page shows how many signals have a theme and how many partners offer something, so the team lead sees
before deleting what would be refused (a theme in use) or taken off partners (an offer).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from teamlead.data.offers import Offer, organisation_offer
from teamlead.data.signals import Theme, signal_theme
from teamlead.rules import words
from teamlead.rules.vocabulary import DEFAULT_THEMES

DEFAULT_THEME_KEYS = frozenset(key for key, _english, _dutch in DEFAULT_THEMES)
"""The keys of the default themes: renamable, never deleted (their Summary keys stay)."""


@dataclass(frozen=True, slots=True)
class ThemeRow:
    id: int
    key: str
    name: str
    """As stored (what a rename starts from when it is not a default name)."""
    label: str
    """As shown: a default theme with its default name in the current language."""
    version: int
    signals: int
    """Signals that have this theme."""

    @property
    def is_default(self) -> bool:
        return self.key in DEFAULT_THEME_KEYS


@dataclass(frozen=True, slots=True)
class OfferRow:
    id: int
    name: str
    version: int
    partners: int
    """Partners that offer it."""


@dataclass(frozen=True, slots=True)
class SignalLists:
    themes: tuple[ThemeRow, ...]
    """In their order: the defaults first, then the user's own."""
    offers: tuple[OfferRow, ...]
    """In their order."""


def signal_lists(session: Session) -> SignalLists:
    """Every theme and offer with how much uses it (four statements)."""
    used: dict[int, int] = {
        theme_id: count
        for theme_id, count in session.execute(
            select(signal_theme.c.theme_id, func.count()).group_by(signal_theme.c.theme_id)
        )
    }
    themes = tuple(
        ThemeRow(id_, key, name, words.theme_name(key, name), version, used.get(id_, 0))
        for id_, key, name, version in session.execute(
            select(Theme.id, Theme.key, Theme.name, Theme.version).order_by(Theme.position, Theme.id)
        )
    )
    offered: dict[int, int] = {
        offer_id: count
        for offer_id, count in session.execute(
            select(organisation_offer.c.offer_id, func.count()).group_by(organisation_offer.c.offer_id)
        )
    }
    offers = tuple(
        OfferRow(id_, name, version, offered.get(id_, 0))
        for id_, name, version in session.execute(
            select(Offer.id, Offer.name, Offer.version).order_by(Offer.position, Offer.id)
        )
    )
    return SignalLists(themes, offers)
