"""Districts, their neighbourhoods, and the (editable) domains partners work in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.limits import Width
from teamlead.rules.text import identity_key
from teamlead.rules.vocabulary import AuditAction
from teamlead.services._common import (
    apply_changes,
    audit,
    district_or_fail,
    flush,
    for_edit,
    required_text,
)


@dataclass(frozen=True, slots=True)
class DistrictRef:
    id: int
    name: str


def find_district(session: Session, name: str) -> DistrictRef | None:
    """The district whose name matches ignoring case, spaces and dashes (``nieuw west`` is ``Nieuw-West``)."""
    wanted = identity_key(name)
    if not wanted:
        return None
    for district_id, district_name in session.execute(
        select(District.id, District.name).order_by(District.name)
    ):
        if identity_key(district_name) == wanted:
            return DistrictRef(district_id, district_name)
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


def _unique_district_name(session: Session, name: str, exclude_id: int | None = None) -> None:
    other = find_district(session, name)
    if other is not None and other.id != exclude_id:
        raise ValidationError("name", tr("There is already a district called {name}.", name=other.name))


def add_district(session: Session, name: str, *, now: datetime | None = None) -> int:
    name = required_text("name", tr("Name"), name, Width.PLACE_NAME)
    _unique_district_name(session, name)
    district = District(name=name)
    session.add(district)
    flush(session)
    audit(session, district, AuditAction.CREATE, ["name"], now=now)
    return district.id


def rename_district(
    session: Session, district_id: int, name: str, *, expected_version: int, now: datetime | None = None
) -> None:
    district = for_edit(session, District, district_id, expected_version)
    name = required_text("name", tr("Name"), name, Width.PLACE_NAME)
    _unique_district_name(session, name, exclude_id=district.id)
    changed = apply_changes(district, {"name": name})
    flush(session)
    if changed:
        audit(session, district, AuditAction.UPDATE, changed, now=now)


def _unique_neighbourhood_name(session: Session, district_id: int, name: str, exclude_id: int | None) -> None:
    for other in session.scalars(select(Neighbourhood).where(Neighbourhood.district_id == district_id)):
        if other.id != exclude_id and identity_key(other.name) == identity_key(name):
            raise ValidationError(
                "name", tr("This district already has a neighbourhood called {name}.", name=other.name)
            )


def add_neighbourhood(session: Session, district_id: int, name: str, *, now: datetime | None = None) -> int:
    district_or_fail(session, district_id)
    name = required_text("name", tr("Name"), name, Width.PLACE_NAME)
    _unique_neighbourhood_name(session, district_id, name, None)
    neighbourhood = Neighbourhood(district_id=district_id, name=name)
    session.add(neighbourhood)
    flush(session)
    audit(session, neighbourhood, AuditAction.CREATE, ["district_id", "name"], now=now)
    return neighbourhood.id


def rename_neighbourhood(
    session: Session, neighbourhood_id: int, name: str, *, expected_version: int, now: datetime | None = None
) -> None:
    neighbourhood = for_edit(session, Neighbourhood, neighbourhood_id, expected_version)
    name = required_text("name", tr("Name"), name, Width.PLACE_NAME)
    _unique_neighbourhood_name(session, neighbourhood.district_id, name, neighbourhood.id)
    changed = apply_changes(neighbourhood, {"name": name})
    flush(session)
    if changed:
        audit(session, neighbourhood, AuditAction.UPDATE, changed, now=now)


def _unique_domain_name(session: Session, name: str, exclude_id: int | None) -> None:
    for other in session.scalars(select(Domain)):
        if other.id != exclude_id and identity_key(other.name) == identity_key(name):
            raise ValidationError("name", tr("There is already a domain called {name}.", name=other.name))


def add_domain(session: Session, name: str, *, now: datetime | None = None) -> int:
    """A new domain, listed after the existing ones; it has no ``key`` (only the default domains do)."""
    name = required_text("name", tr("Name"), name, Width.PLACE_NAME)
    _unique_domain_name(session, name, None)
    last = session.scalar(select(func.max(Domain.position))) or 0
    domain = Domain(name=name, position=last + 1)
    session.add(domain)
    flush(session)
    audit(session, domain, AuditAction.CREATE, ["name", "position"], now=now)
    return domain.id


def rename_domain(
    session: Session, domain_id: int, name: str, *, expected_version: int, now: datetime | None = None
) -> None:
    """Rename a domain; a default domain keeps its ``key``, so reports still know it."""
    domain = for_edit(session, Domain, domain_id, expected_version)
    name = required_text("name", tr("Name"), name, Width.PLACE_NAME)
    _unique_domain_name(session, name, domain.id)
    changed = apply_changes(domain, {"name": name})
    flush(session)
    if changed:
        audit(session, domain, AuditAction.UPDATE, changed, now=now)
