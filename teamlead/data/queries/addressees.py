"""Who an invitation or a mail draft goes to: the one rule of ``shared/interface.md`` "Addressees".

For each invitee of a meeting: the invited person's e-mail address; else the partner's key contact's; else the
partner's own. Invitees none of these reach are listed, so the draft can say who could not be addressed (the
team lead forwards it to them another way). An address that two invitees share is addressed once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from teamlead.data.meetings import Invitee


@dataclass(frozen=True, slots=True)
class Addressee:
    name: str
    email: str


@dataclass(frozen=True, slots=True)
class Addressees:
    """The addresses, in the invitees' order, and the names (person or partner) without one."""

    reached: tuple[Addressee, ...]
    unreached: tuple[str, ...]


def addressee_of(invitee: Invitee) -> Addressee | None:
    """The invitee's address by the rule above; None when the invitee has none."""
    person, partner = invitee.person, invitee.organisation
    if person is not None and person.email.strip():
        return Addressee(person.name, person.email.strip())
    if partner is not None:
        contact = partner.key_contact
        if contact is not None and contact.email.strip():
            return Addressee(contact.name, contact.email.strip())
        if partner.email.strip():
            return Addressee(partner.name, partner.email.strip())
    return None


def _label(invitee: Invitee) -> str:
    person, partner = invitee.person, invitee.organisation
    if person is not None and partner is not None:
        return f"{person.name} ({partner.name})"
    if person is not None:
        return person.name
    return partner.name if partner is not None else ""


def addressees(invitees: Iterable[Invitee]) -> Addressees:
    """The addressees of these invitees (of one meeting, or of several occurrences: each address once)."""
    reached: dict[str, Addressee] = {}
    unreached: dict[str, None] = {}
    for invitee in invitees:
        found = addressee_of(invitee)
        if found is None:
            label = _label(invitee)
            if label:
                unreached.setdefault(label)
        else:
            reached.setdefault(found.email.casefold(), found)
    return Addressees(tuple(reached.values()), tuple(unreached))
