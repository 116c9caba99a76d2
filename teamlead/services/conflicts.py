"""Two people editing one record in a shared database: what the other saved, side by side with one's own.

Saves are checked against the version the user started from (:func:`teamlead.services._common.for_edit`
and SQLAlchemy's version counter), so the second save is refused with a
:class:`~teamlead.errors.ConflictError`. These helpers give the dialog both versions in words, and tell a
lost connection (the server went away) from other failures, so the edit can be kept and retried.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.engine import server_unreachable
from teamlead.data.offers import Offer, organisation_offer
from teamlead.data.roster import Organisation, Person, key_contact
from teamlead.errors import ServerUnreachableError, ValidationError
from teamlead.i18n import tr
from teamlead.services.organisations import OrganisationInput

# The partner fields a person types, in form order (neighbourhoods and dates are compared by value too).
PARTNER_FIELDS = (
    "name",
    "address",
    "phone",
    "email",
    "website",
    "description",
    "remarks",
    "contact_cadence_days",
)
CHOSEN_FIELDS = ("key_contact", "offers")
"""Compared too, though kept beside the partner's row: a colleague who chose another key contact or ticked
an offer saved the partner as much as one who changed its phone number."""


def partner_labels() -> dict[str, str]:
    return {
        "name": tr("Name"),
        "address": tr("Address"),
        "phone": tr("Phone"),
        "email": tr("E-mail"),
        "website": tr("Website"),
        "description": tr("Description"),
        "remarks": tr("Remarks"),
        "contact_cadence_days": tr("Contact every (days)"),
        "key_contact": tr("Key contact"),
        "offers": tr("Can offer"),
    }


def offer_list(names: Iterable[str]) -> str:
    """Offers as one comparable text: sorted, comma-separated."""
    return ", ".join(sorted(names, key=str.casefold))


@dataclass(frozen=True)
class Saved:
    """A record as it is stored now: its version and its fields as text."""

    version: int
    values: dict[str, str]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def stored_partner(session: Session, organisation_id: int) -> Saved:
    """The partner as someone else saved it (for the conflict dialog and for "reload")."""
    organisation = session.get(Organisation, organisation_id)
    if organisation is None:
        raise ValidationError("id", tr("This record no longer exists (id {id}).", id=organisation_id))
    session.refresh(organisation)
    values = {name: _text(getattr(organisation, name)) for name in PARTNER_FIELDS}
    values["key_contact"] = _text(
        session.scalar(
            select(Person.name)
            .join(key_contact, key_contact.c.person_id == Person.id)
            .where(key_contact.c.organisation_id == organisation_id)
        )
    )
    values["offers"] = offer_list(
        session.scalars(
            select(Offer.name)
            .join(organisation_offer, organisation_offer.c.offer_id == Offer.id)
            .where(organisation_offer.c.organisation_id == organisation_id)
        )
    )
    return Saved(organisation.version, values)


def partner_form_values(
    data: OrganisationInput, *, key_contact_name: str = "", offer_names: Iterable[str] = ()
) -> dict[str, str]:
    """The user's own version of the fields the dialog compares: the form's fields, its key contact (by
    name, "" for none) and its ticked offers."""
    present = {f.name for f in fields(data)}
    values = {name: _text(getattr(data, name)) for name in PARTNER_FIELDS if name in present}
    values["key_contact"] = key_contact_name
    values["offers"] = offer_list(offer_names)
    return values


def differing(mine: dict[str, str], theirs: dict[str, str]) -> list[str]:
    """The fields whose values differ, in :data:`PARTNER_FIELDS` order."""
    return [name for name in mine if mine.get(name) != theirs.get(name)]


def connection_lost(error: BaseException) -> bool:
    """Whether ``error`` means the database server went away or cannot be reached (worth a retry)."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ServerUnreachableError) or server_unreachable(cause):
            return True
        if getattr(cause, "connection_invalidated", False):
            return True
        cause = cause.__cause__ or cause.__context__
    return False
