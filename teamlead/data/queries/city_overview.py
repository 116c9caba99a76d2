"""What a city user's dashboard counts: the shared lists every district uses, and each district's
neighbourhoods. Nothing here names a person, a partner or a note; the city's figures about the districts' work
come from the city-audience reports (Reports), which the server builds from counts alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.data.signals import Theme


@dataclass(frozen=True, slots=True)
class DistrictCount:
    name: str
    neighbourhoods: int


@dataclass(frozen=True, slots=True)
class CityOverview:
    """Counts only: the city user may read these and nothing finer."""

    districts: tuple[DistrictCount, ...]
    neighbourhoods: int
    domains: int
    themes: int


def city_overview(session: Session) -> CityOverview:
    rows = session.execute(
        select(District.name, func.count(Neighbourhood.id))
        .outerjoin(Neighbourhood, Neighbourhood.district_id == District.id)
        .group_by(District.id, District.name)
        .order_by(District.name)
    ).all()
    districts = tuple(DistrictCount(str(name), int(count)) for name, count in rows)
    return CityOverview(
        districts,
        sum(d.neighbourhoods for d in districts),
        int(session.scalar(select(func.count()).select_from(Domain)) or 0),
        int(session.scalar(select(func.count()).select_from(Theme)) or 0),
    )
