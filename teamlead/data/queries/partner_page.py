"""A partner's page: its fields, its people with their phone numbers and e-mail addresses, and its timeline.

A fixed number of queries whatever the number of people (no per-row look-ups).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.queries.history import ChangeRow, record_history
from teamlead.data.queries.organisation import (
    OrganisationDetail,
    TimelineEntry,
    organisation_detail,
    partner_timeline,
)
from teamlead.data.queries.people import RoleRow
from teamlead.data.roster import Person


@dataclass(frozen=True)
class RoleLine:
    """A person's role at an organisation over time (``ended_on`` None: it still holds)."""

    role_id: int
    role_version: int
    person_id: int
    person_name: str
    organisation_id: int
    organisation_name: str
    title: str
    started_on: date | None
    ended_on: date | None
    phone: str
    email: str

    def current(self, today: date) -> bool:
        return (self.started_on is None or self.started_on <= today) and (
            self.ended_on is None or self.ended_on >= today
        )


@dataclass(frozen=True)
class PartnerPage:
    """A partner's page: its fields (:mod:`organisation`), its people with their numbers, its timeline."""

    detail: OrganisationDetail
    roles: tuple[RoleLine, ...]
    timeline: tuple[TimelineEntry, ...]
    changes: tuple[ChangeRow, ...] = ()
    """Who changed what of the partner (the audit, newest first)."""


TIMELINE_LIMIT = 200


def role_lines(session: Session, roles: Sequence[RoleRow]) -> tuple[RoleLine, ...]:
    """The roles with the person's phone and e-mail (one query for all of them)."""
    person_ids = {role.person_id for role in roles}
    contact = {
        person_id: (phone, email)
        for person_id, phone, email in session.execute(
            select(Person.id, Person.phone, Person.email).where(Person.id.in_(person_ids))
        )
    }
    return tuple(
        RoleLine(
            role_id=role.id,
            role_version=role.version,
            person_id=role.person_id,
            person_name=role.person,
            organisation_id=role.organisation_id,
            organisation_name=role.organisation,
            title=role.title,
            started_on=role.started_on,
            ended_on=role.ended_on,
            phone=contact.get(role.person_id, ("", ""))[0],
            email=contact.get(role.person_id, ("", ""))[1],
        )
        for role in roles
    )


def partner_page(session: Session, organisation_id: int) -> PartnerPage | None:
    detail = organisation_detail(session, organisation_id)
    if detail is None:
        return None
    return PartnerPage(
        detail,
        role_lines(session, detail.roles),
        tuple(partner_timeline(session, organisation_id, limit=TIMELINE_LIMIT)),
        tuple(record_history(session, "organisation", organisation_id)),
    )
