"""Which districts there are, and which one a typed name means.

Matching a name is one rule for the whole app (the import, the reports, ``teamlead meetings``, the dashboard's
default district): ``nieuw west`` is ``Nieuw-West`` (:func:`teamlead.rules.text.identity_key`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.geography import District
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
