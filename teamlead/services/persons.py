"""Contact persons and their roles over time.

A role runs from ``started_on`` to ``ended_on``, both days included; an open end means it still holds.
Changing a role or moving to another organisation ends the old role the day before the new one starts, so
the history reads as one unbroken line and no day counts two roles unless the person really holds two.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from teamlead.data.roster import Organisation, Person, Role
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules import formatting
from teamlead.rules.limits import Width
from teamlead.rules.vocabulary import AuditAction
from teamlead.services._common import (
    apply_changes,
    audit,
    check_period,
    flush,
    for_edit,
    get_or_fail,
    limited_text,
    required_text,
    today_or,
)
from teamlead.services.contact import normalise_email, normalise_phone
from teamlead.services.key_contacts import choose_only_contacts


@dataclass(frozen=True, slots=True)
class PersonInput:
    """A person's own details (their roles are separate, because they change over time)."""

    name: str
    phone: str = ""
    email: str = ""
    remarks: str = ""


@dataclass(frozen=True, slots=True)
class PersonAdded:
    person_id: int
    role_id: int | None


def _validated(data: PersonInput) -> dict[str, object]:
    return {
        "name": required_text("name", tr("Name"), data.name, Width.NAME),
        "phone": normalise_phone(data.phone),
        "email": normalise_email(data.email),
        "remarks": (data.remarks or "").strip(),
    }


def _organisation(session: Session, organisation_id: int) -> Organisation:
    organisation = session.get(Organisation, organisation_id)
    if organisation is None:
        raise ValidationError("organisation_id", tr("Unknown organisation (id {id}).", id=organisation_id))
    return organisation


def _new_role(
    session: Session, person_id: int, organisation_id: int, title: str, started_on: date, now: datetime | None
) -> int:
    _organisation(session, organisation_id)
    role = Role(
        person_id=person_id,
        organisation_id=organisation_id,
        title=limited_text("title", tr("Role"), title, Width.NAME),
        started_on=started_on,
    )
    session.add(role)
    flush(session)
    audit(session, role, AuditAction.CREATE, ["person_id", "organisation_id", "title", "started_on"], now=now)
    choose_only_contacts(session, [organisation_id], started_on, now=now)  # the only contact: key contact
    return role.id


def add_person(
    session: Session,
    data: PersonInput,
    *,
    organisation_id: int | None = None,
    role_title: str = "",
    started_on: date | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> PersonAdded:
    """A new contact person, with their role at ``organisation_id`` from ``started_on`` (default today)."""
    values = _validated(data)
    if organisation_id is not None:
        _organisation(session, organisation_id)
    person = Person(**values)
    session.add(person)
    flush(session)
    audit(session, person, AuditAction.CREATE, [k for k, v in values.items() if v], now=now)
    role_id = None
    if organisation_id is not None:
        role_id = _new_role(
            session, person.id, organisation_id, role_title, started_on or today_or(today), now
        )
    return PersonAdded(person.id, role_id)


def edit_person(
    session: Session, person_id: int, data: PersonInput, *, expected_version: int, now: datetime | None = None
) -> None:
    """Change a person's name or contact details."""
    person = for_edit(session, Person, person_id, expected_version)
    changed = apply_changes(person, _validated(data))
    flush(session)
    if changed:
        audit(session, person, AuditAction.UPDATE, changed, now=now)


def start_role(
    session: Session,
    person_id: int,
    organisation_id: int,
    title: str,
    *,
    started_on: date | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> int:
    """An extra role; the person keeps the roles they have (two roles at once)."""
    get_or_fail(session, Person, person_id, "person_id")
    return _new_role(session, person_id, organisation_id, title, started_on or today_or(today), now)


def _end(role: Role, last_day: date, field: str) -> None:
    if role.ended_on is not None:
        raise ValidationError(
            field, tr("This role has already ended on {date}.", date=formatting.day_text(role.ended_on))
        )
    if role.started_on is not None and last_day < role.started_on:
        raise ValidationError(
            field,
            tr(
                "The end date {end} lies before the start date {start}.",
                end=formatting.day_text(last_day),
                start=formatting.day_text(role.started_on),
            ),
        )
    role.ended_on = last_day


def end_role(
    session: Session,
    role_id: int,
    *,
    expected_version: int,
    ended_on: date | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> None:
    """Someone leaves: the role ends on ``ended_on`` (default today), the last day it holds."""
    role = for_edit(session, Role, role_id, expected_version)
    _end(role, ended_on or today_or(today), "ended_on")
    flush(session)
    audit(session, role, AuditAction.UPDATE, ["ended_on"], now=now)


def _switch(
    session: Session,
    role: Role,
    organisation_id: int,
    title: str,
    on: date,
    now: datetime | None,
) -> int:
    """End ``role`` the day before ``on`` and start the new one on ``on``."""
    check_period("started_on", role.started_on, on)
    if role.started_on == on:
        # The old role started that same day: it becomes the new one instead of leaving a zero-day row.
        changed = apply_changes(
            role,
            {
                "organisation_id": organisation_id,
                "title": limited_text("title", tr("Role"), title, Width.NAME),
            },
        )
        flush(session)
        audit(session, role, AuditAction.UPDATE, changed, now=now)
        return role.id
    _end(role, on - timedelta(days=1), "started_on")
    flush(session)
    audit(session, role, AuditAction.UPDATE, ["ended_on"], now=now)
    return _new_role(session, role.person_id, organisation_id, title, on, now)


def change_role(
    session: Session,
    role_id: int,
    title: str,
    *,
    expected_version: int,
    on: date | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> int:
    """A new role at the same organisation from ``on`` (default today); the old one ends the day before."""
    role = for_edit(session, Role, role_id, expected_version)
    required_text("title", tr("Role"), title, Width.NAME)
    return _switch(session, role, role.organisation_id, title, on or today_or(today), now)


def move_person(
    session: Session,
    role_id: int,
    organisation_id: int,
    *,
    expected_version: int,
    title: str | None = None,
    on: date | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> int:
    """The person moves to another organisation from ``on``; their role there keeps the title unless given."""
    role = for_edit(session, Role, role_id, expected_version)
    _organisation(session, organisation_id)
    if organisation_id == role.organisation_id:
        raise ValidationError("organisation_id", tr("The person already works at this organisation."))
    return _switch(
        session, role, organisation_id, role.title if title is None else title, on or today_or(today), now
    )
