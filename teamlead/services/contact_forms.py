"""What the partner form and the person forms save in one go: the record's fields together with its key
contact and offers (a partner) or its reachability (a person).

One user action, one transaction (the caller's ``database.begin()``): the version the user saw is checked by
the first write; the later ones follow the record's version as that write left it, so a form that changes
several things is never refused by its own earlier step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from teamlead.data.roster import Organisation, Person
from teamlead.services import key_contacts, organisations, persons
from teamlead.services._common import get_or_fail


@dataclass(frozen=True, slots=True)
class KeyContactChoice:
    """The key contact the form chose (None: none chosen); the form passes it only when the user changed it,
    so a partner whose key contact has left can still be saved without choosing a successor."""

    person_id: int | None


def _version(session: Session, model: type[Organisation] | type[Person], record_id: int) -> int:
    return get_or_fail(session, model, record_id).version


def save_partner(
    session: Session,
    organisation_id: int,
    data: organisations.OrganisationInput,
    *,
    key_contact: KeyContactChoice | None,
    offer_ids: Iterable[int],
    expected_version: int,
    today: date | None = None,
    now: datetime | None = None,
) -> None:
    """The partner form's Save on an existing partner (``key_contact`` None: left as it is)."""
    organisations.edit_organisation(
        session, organisation_id, data, expected_version=expected_version, now=now
    )
    if key_contact is not None:
        key_contacts.set_key_contact(
            session,
            organisation_id,
            key_contact.person_id,
            expected_version=_version(session, Organisation, organisation_id),
            today=today,
            now=now,
        )
    key_contacts.set_offers(
        session,
        organisation_id,
        offer_ids,
        expected_version=_version(session, Organisation, organisation_id),
        now=now,
    )


def add_partner(
    session: Session,
    data: organisations.OrganisationInput,
    *,
    offer_ids: Iterable[int],
    today: date | None = None,
    now: datetime | None = None,
) -> int:
    """The partner form's Save on a new partner (it has no people yet, so no key contact)."""
    organisation_id = organisations.add_organisation(session, data, today=today, now=now)
    key_contacts.set_offers(
        session,
        organisation_id,
        offer_ids,
        expected_version=_version(session, Organisation, organisation_id),
        now=now,
    )
    return organisation_id


def save_person(
    session: Session,
    person_id: int,
    data: persons.PersonInput,
    *,
    reachability: Iterable[str],
    expected_version: int,
    now: datetime | None = None,
) -> None:
    """The person's page's Save: name, contact details, remarks and when they can be reached."""
    persons.edit_person(session, person_id, data, expected_version=expected_version, now=now)
    key_contacts.set_reachability(
        session, person_id, reachability, expected_version=_version(session, Person, person_id), now=now
    )


def add_person(
    session: Session,
    data: persons.PersonInput,
    *,
    organisation_id: int,
    role_title: str,
    started_on: date | None,
    reachability: Iterable[str],
    now: datetime | None = None,
) -> persons.PersonAdded:
    """The "Add a person" dialog: a new person with their role there and when they can be reached."""
    added = persons.add_person(
        session, data, organisation_id=organisation_id, role_title=role_title, started_on=started_on, now=now
    )
    key_contacts.set_reachability(
        session,
        added.person_id,
        reachability,
        expected_version=_version(session, Person, added.person_id),
        now=now,
    )
    return added
