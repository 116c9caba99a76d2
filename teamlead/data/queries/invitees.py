"""Whom a meeting can invite: the active partners, and each person working at one of them today.

One choice names a partner, or a person at a partner ("Fatima el Amrani (Jongerenwerk Nieuw-West)"), so one
completion field invites either; the label is the same one the invitee lists show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.queries._common import role_current
from teamlead.data.queries.default_district import district_choice
from teamlead.data.queries.districts import DistrictRef
from teamlead.data.queries.name_choices import organisation_choices
from teamlead.data.roster import Organisation, Person, Role
from teamlead.rules.vocabulary import OrganisationStatus


@dataclass(frozen=True, slots=True)
class InviteeChoice:
    """A partner (``person_id`` None), a person at a partner, or (for an older invitation) a person alone."""

    organisation_id: int | None
    person_id: int | None
    label: str


def invitee_label(organisation: str, person: str) -> str:
    """How an invitee is named: ``Person (Partner)``, or the partner or the person alone."""
    if organisation and person:
        return f"{person} ({organisation})"
    return organisation or person


def invitee_choices(session: Session, today: date) -> list[InviteeChoice]:
    """The active partners by name, then the people working at one of them today, by name."""
    partners = [InviteeChoice(choice.id, None, choice.label) for choice in organisation_choices(session)]
    people = session.execute(
        select(Person.id, Person.name, Organisation.id, Organisation.name)
        .join(Role, Role.person_id == Person.id)
        .join(Organisation, Organisation.id == Role.organisation_id)
        .where(role_current(today), Organisation.status == OrganisationStatus.ACTIVE)
        .distinct()
        .order_by(Person.name, Organisation.name, Person.id, Organisation.id)
    ).all()
    return partners + [
        InviteeChoice(organisation_id, person_id, invitee_label(organisation, name))
        for person_id, name, organisation_id, organisation in people
    ]


@dataclass(frozen=True, slots=True)
class MeetingFormChoices:
    """What the "New meeting" dialog offers: the districts, the one it proposes, and whom it can invite."""

    districts: tuple[DistrictRef, ...]
    district_id: int | None
    invitees: tuple[InviteeChoice, ...]


def meeting_form_choices(session: Session, today: date) -> MeetingFormChoices:
    """The dialog's choices; the district proposed by the one precedence (:func:`district_choice`, the rule
    the service applies): the user's default district in this database, else the database's only district."""
    choice = district_choice(session)
    return MeetingFormChoices(
        districts=choice.districts,
        district_id=choice.suggested,
        invitees=tuple(invitee_choices(session, today)),
    )
