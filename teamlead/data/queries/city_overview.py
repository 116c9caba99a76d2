"""What a city user's dashboard counts, per district: neighbourhoods, active partners and open agreements.
Nothing here names a person or a note.

A city user reads these through the city's own views (:func:`~teamlead.data.access.city.city_reading`), which
carry exactly the city-audience columns; anyone else (an administrator looking) reads the tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, ScalarSelect, func, select
from sqlalchemy.orm import Session

from teamlead.data.access.city import city_reading
from teamlead.data.agreements import Agreement
from teamlead.data.geography import District, Neighbourhood
from teamlead.data.roster import Organisation
from teamlead.rules.vocabulary import AgreementStatus, OrganisationStatus

OPEN_AGREEMENTS = (AgreementStatus.OPEN, AgreementStatus.IN_PROGRESS)


@dataclass(frozen=True, slots=True)
class DistrictCount:
    name: str
    neighbourhoods: int
    partners: int
    open_agreements: int


@dataclass(frozen=True, slots=True)
class CityOverview:
    """Counts only: the city user may read these and nothing finer."""

    districts: tuple[DistrictCount, ...]

    def total(self, field: str) -> int:
        return sum(int(getattr(district, field)) for district in self.districts)


def _count(model: type, *where: ColumnElement[bool]) -> ScalarSelect[int]:
    return select(func.count()).select_from(model).where(*where).correlate(District).scalar_subquery()


def city_overview(session: Session) -> CityOverview:
    with city_reading(session):
        rows = session.execute(
            select(
                District.name,
                _count(Neighbourhood, Neighbourhood.district_id == District.id),
                _count(
                    Organisation,
                    Organisation.district_id == District.id,
                    Organisation.status == OrganisationStatus.ACTIVE,
                ),
                _count(
                    Agreement, Agreement.district_id == District.id, Agreement.status.in_(OPEN_AGREEMENTS)
                ),
            ).order_by(District.name)
        ).all()
    districts = tuple(DistrictCount(str(r[0]), int(r[1]), int(r[2]), int(r[3])) for r in rows)
    return CityOverview(districts)
