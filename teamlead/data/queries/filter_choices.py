"""The districts, domains and neighbourhoods the filter bars and editors offer (ids with display names)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.rules import words


@dataclass(frozen=True)
class Choice:
    """An id and the name a picker shows; ``group_id`` is the district of a neighbourhood."""

    id: int
    name: str
    group_id: int | None = None


@dataclass(frozen=True)
class Choices:
    districts: tuple[Choice, ...]
    domains: tuple[Choice, ...]
    neighbourhoods: tuple[Choice, ...]


def choices(session: Session) -> Choices:
    """Districts, domains (in their order, default ones in the current language) and neighbourhoods."""
    districts = tuple(
        Choice(i, n) for i, n in session.execute(select(District.id, District.name).order_by(District.name))
    )
    domains = tuple(
        Choice(i, words.domain_name(key, name))
        for i, key, name in session.execute(
            select(Domain.id, Domain.key, Domain.name).order_by(Domain.position, Domain.name)
        )
    )
    neighbourhoods = tuple(
        Choice(i, n, d)
        for i, n, d in session.execute(
            select(Neighbourhood.id, Neighbourhood.name, Neighbourhood.district_id).order_by(
                Neighbourhood.name
            )
        )
    )
    return Choices(districts, domains, neighbourhoods)
