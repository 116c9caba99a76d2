"""What the partner form and page show of key contacts: who it is, when the partner's people can be reached,
what the partner offers, and the offers to tick.

Read beside :mod:`.partner_page` (which stays about fields, roles and timeline); a fixed number of statements.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.offers import Offer, organisation_offer
from teamlead.data.roster import Person, Role, key_contact
from teamlead.rules.reachability import windows_of
from teamlead.rules.vocabulary import ReachWindow


@dataclass(frozen=True, slots=True)
class OfferOption:
    """An offer the partner form's checklist shows, in the list's order."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class KeyContactPage:
    """A partner's key contact (None: none chosen), its people's reachability, and its offers (ids)."""

    key_contact_id: int | None
    reachability: dict[int, tuple[ReachWindow, ...]]
    """Per person who ever held a role there: the windows they can be reached in (empty: nobody said)."""
    offer_ids: frozenset[int]
    offers: tuple[OfferOption, ...]
    """Every offer, in order (the form's checklist; the ticked ones are ``offer_ids``)."""

    def offered(self) -> tuple[str, ...]:
        """The names of what the partner offers, in the list's order."""
        return tuple(offer.name for offer in self.offers if offer.id in self.offer_ids)


def offer_options(session: Session) -> tuple[OfferOption, ...]:
    """Every offer in its position order."""
    return tuple(
        OfferOption(offer_id, name)
        for offer_id, name in session.execute(select(Offer.id, Offer.name).order_by(Offer.position, Offer.id))
    )


def key_contact_page(session: Session, organisation_id: int | None) -> KeyContactPage:
    """The partner's key contact, reachability of its people and offers; for None (a new partner) the
    offers to choose from only."""
    offers = offer_options(session)
    if organisation_id is None:
        return KeyContactPage(None, {}, frozenset(), offers)
    chosen = session.scalar(
        select(key_contact.c.person_id).where(key_contact.c.organisation_id == organisation_id)
    )
    reachability = {
        person_id: windows_of(stored)
        for person_id, stored in session.execute(
            select(Person.id, Person.reachability)
            .join(Role, Role.person_id == Person.id)
            .where(Role.organisation_id == organisation_id)
            .distinct()
        )
    }
    offered = frozenset(
        session.scalars(
            select(organisation_offer.c.offer_id).where(
                organisation_offer.c.organisation_id == organisation_id
            )
        )
    )
    return KeyContactPage(chosen, reachability, offered, offers)


def person_reachability(session: Session, person_id: int) -> tuple[ReachWindow, ...]:
    """When the person can be reached (the person's page and dialog tick these)."""
    return windows_of(session.scalar(select(Person.reachability).where(Person.id == person_id)) or "")
