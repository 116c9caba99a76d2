"""The pocket page's data (``teamlead report contacts --neighbourhood``) and the words all its formats share.

Who to call for one neighbourhood, kept on a phone or in a pocket: the key contacts of the active partners
serving it first, by domain, then the other people holding a role there. The PDF, the workbook and the contact
cards (``.vcf``, ``.zip``) are written from this one dataclass, so they always hold the same people.
"""

from __future__ import annotations

from dataclasses import dataclass

from teamlead.i18n import tr
from teamlead.reporting.model import ReportHeader
from teamlead.rules import formatting, words


@dataclass(frozen=True)
class PocketContact:
    """One person at one partner (or, for a partner without any contact person, the partner itself)."""

    name: str
    """Empty for a partner without people: then only its own phone and e-mail are known."""
    partner: str
    role: str
    phone: str
    """The person's number, else the partner's."""
    email: str
    reachability: tuple[str, ...]
    """:class:`~teamlead.rules.vocabulary.ReachWindow` values, in their order."""
    key: bool
    """The partner's key contact (vaste contactpersoon)."""
    person_id: int | None = None


@dataclass(frozen=True)
class PocketGroup:
    """The contacts of one domain, in Who to call's order."""

    domain: str
    contacts: tuple[PocketContact, ...]


@dataclass(frozen=True)
class PocketPage:
    header: ReportHeader
    """District audience; ``as_of``: the day whose role holders are listed."""
    neighbourhood: str
    district: str
    key_contacts: tuple[PocketGroup, ...]
    """The partners' key contacts, by domain."""
    others: tuple[PocketGroup, ...]
    """Every other current contact (and partners without any), by domain."""

    @property
    def place(self) -> str:
        """``Wildemanbuurt (Nieuw-West)``: the neighbourhood as the page names it."""
        return f"{self.neighbourhood} ({self.district})" if self.district else self.neighbourhood

    def contacts(self) -> tuple[PocketContact, ...]:
        """Everyone, key contacts first."""
        return tuple(contact for group in (*self.key_contacts, *self.others) for contact in group.contacts)

    def people(self) -> tuple[PocketContact, ...]:
        """One line per person (the first, so a key contact before the same person elsewhere): the cards."""
        seen: set[int] = set()
        found = []
        for contact in self.contacts():
            if contact.person_id is None or contact.person_id in seen:
                continue
            seen.add(contact.person_id)
            found.append(contact)
        return tuple(found)


def stand(page: PocketPage) -> str:
    """``Stand: 4 dec 2026``: the day the page was made, on every page and card."""
    return tr("As of: {day}", day=formatting.day_text(page.header.generated_at.date()))


def reach_words(contact: PocketContact) -> str:
    """When the person can be reached, in words (empty when not said)."""
    return ", ".join(words.reach_window(window) for window in contact.reachability)


def card_note(page: PocketPage, contact: PocketContact) -> str:
    """The ``NOTE`` of a card: where and when it is from, and when the person can be reached."""
    lines = [f"{tr('Who to call')}: {page.place}", stand(page)]
    if contact.key:
        lines.append(tr("Key contact of {partner}", partner=contact.partner))
    reach = reach_words(contact)
    if reach:
        lines.append(tr("Reachable: {windows}", windows=reach))
    return "\n".join(lines)
