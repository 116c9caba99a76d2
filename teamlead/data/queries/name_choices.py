"""The partners and people a picker offers: ids with the names the user types and picks from.

One query for "partners to choose from", so that every dialog offers the same ones: a former (archived)
partner is offered nowhere (a new note, role, invitation or agreement is never about it). Its history stays
on its page and in the lists.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.queries._common import role_current
from teamlead.data.roster import Organisation, Person, Role
from teamlead.rules.vocabulary import OrganisationStatus


@dataclass(frozen=True)
class NameChoice:
    """An organisation or person a completer offers: ``label`` is what the user picks from."""

    id: int
    label: str
    organisation_ids: tuple[int, ...] = ()
    """For a person: the partners they work at now (a dialog offers a chosen partner's people first)."""


def organisation_choices(session: Session, among: Collection[int] | None = None) -> list[NameChoice]:
    """Active partners by name (of ``among`` only, when given): those a new note, role, invitation or
    agreement can be about."""
    query = (
        select(Organisation.id, Organisation.name)
        .where(Organisation.status == OrganisationStatus.ACTIVE)
        .order_by(Organisation.name, Organisation.id)
    )
    if among is not None:
        query = query.where(Organisation.id.in_(list(among)))
    return [NameChoice(organisation_id, name) for organisation_id, name in session.execute(query)]


def person_choices(session: Session, today: date) -> list[NameChoice]:
    """People with where they work now, so two people with the same name can be told apart (and a dialog
    can offer the people of a chosen partner first)."""
    where: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for person_id, organisation_id, organisation in session.execute(
        select(Role.person_id, Organisation.id, Organisation.name)
        .join(Organisation, Organisation.id == Role.organisation_id)
        .where(role_current(today))
        .order_by(Organisation.name, Organisation.id)
    ):
        where[person_id].append((organisation_id, organisation))
    return [
        NameChoice(
            i,
            f"{n} ({', '.join(name for _id, name in where[i])})" if where.get(i) else n,
            tuple(organisation_id for organisation_id, _name in where.get(i, ())),
        )
        for i, n in session.execute(select(Person.id, Person.name).order_by(Person.name, Person.id))
    ]


def person_names(session: Session) -> list[NameChoice]:
    """Every person by name alone (whose data to export or erase)."""
    return [
        NameChoice(person_id, name)
        for person_id, name in session.execute(select(Person.id, Person.name).order_by(Person.name))
    ]
