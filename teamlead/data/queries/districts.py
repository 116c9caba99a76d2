"""Which districts there are, and which one a typed name means.

Matching a name is one rule for the whole app (the import, the reports, ``teamlead meetings``, the dashboard's
default district): ``nieuw west`` is ``Nieuw-West`` (:func:`teamlead.rules.text.identity_key`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.admin import Meta
from teamlead.data.geography import District, Neighbourhood
from teamlead.data.roster import Organisation
from teamlead.rules.text import identity_key


@dataclass(frozen=True, slots=True)
class DistrictRef:
    id: int
    name: str


def all_districts(session: Session) -> list[DistrictRef]:
    """Every district by name (the settings' default district, the import's district choice)."""
    return [
        DistrictRef(district_id, name)
        for district_id, name in session.execute(select(District.id, District.name).order_by(District.name))
    ]


def find_district(session: Session, name: str) -> DistrictRef | None:
    """The district whose name matches ignoring case, spaces and dashes (``nieuw west`` is ``Nieuw-West``)."""
    wanted = identity_key(name)
    if not wanted:
        return None
    for district in all_districts(session):
        if identity_key(district.name) == wanted:
            return district
    return None


@dataclass(frozen=True, slots=True)
class NeighbourhoodRef:
    id: int
    name: str
    district_id: int
    district: str

    def label(self) -> str:
        """``Name (District)``: how a neighbourhood is told apart from its namesakes elsewhere."""
        return f"{self.name} ({self.district})"


def find_neighbourhoods(
    session: Session, name: str, district_ids: Sequence[int] | None = None
) -> list[NeighbourhoodRef]:
    """The neighbourhoods whose name matches ``name`` as :func:`find_district` matches, within the districts
    given (all when None), by district and name. Several districts may each have one of that name."""
    wanted = identity_key(name)
    if not wanted:
        return []
    return [found for found in neighbourhoods_of(session, district_ids) if identity_key(found.name) == wanted]


def neighbourhoods_of(session: Session, district_ids: Sequence[int] | None = None) -> list[NeighbourhoodRef]:
    """The neighbourhoods of the districts given (all when None), by district and name."""
    query = (
        select(Neighbourhood.id, Neighbourhood.name, District.id, District.name)
        .join(District, District.id == Neighbourhood.district_id)
        .order_by(District.name, Neighbourhood.name, Neighbourhood.id)
    )
    if district_ids is not None:
        query = query.where(Neighbourhood.district_id.in_(list(district_ids)))
    return [NeighbourhoodRef(*row) for row in session.execute(query)]


MERGED_PREFIX = "merged.district."
"""``teamlead_meta`` key of a district merged into another: ``merged.district.<old id>`` = ``<new id>``, so a
default district kept by id follows its district through a merge."""


def current_district_id(session: Session, district_id: int | None) -> int | None:
    """``district_id`` followed through merges; None when it (or what it was merged into) no longer exists."""
    seen: set[int] = set()
    while district_id is not None and district_id not in seen:
        seen.add(district_id)
        if session.get(District, district_id) is not None:
            return district_id
        merged = session.scalar(select(Meta.value).where(Meta.key == f"{MERGED_PREFIX}{district_id}"))
        district_id = int(merged) if merged is not None and merged.isdigit() else None
    return None


def only_district_id(session: Session) -> int | None:
    """The database's district when it has exactly one."""
    ids = session.scalars(select(District.id).limit(2)).all()
    return ids[0] if len(ids) == 1 else None


def district_for(
    session: Session,
    *,
    chosen: int | None = None,
    neighbourhood_id: int | None = None,
    screen_district_id: int | None = None,
    organisation_ids: Sequence[int] = (),
    default_district_id: int | None = None,
) -> int | None:
    """The district a new record belongs to, by the one precedence of ``shared/interface.md`` ("Districts"):
    the one chosen in its form; the district of the neighbourhood it is about, or of the screen it is made
    from; for a note or agreement, its first organisation's; the user's default district (kept by id, followed
    through merges); the database's only district. None when none of these gives one.

    Forms call it to show the district they will use; services call it to store it: one rule.
    """
    if chosen is not None:
        return chosen
    if neighbourhood_id is not None:
        found = session.scalar(select(Neighbourhood.district_id).where(Neighbourhood.id == neighbourhood_id))
        if found is not None:
            return found
    if screen_district_id is not None:
        return screen_district_id
    if organisation_ids:
        found = session.scalar(select(Organisation.district_id).where(Organisation.id == organisation_ids[0]))
        if found is not None:
            return found
    default = current_district_id(session, default_district_id)
    if default is not None:
        return default
    return only_district_id(session)
