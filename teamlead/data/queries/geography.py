"""The districts, neighbourhoods and domains as the settings page lists them, each with what uses it.

What uses a record is counted over every column that points at it (:mod:`teamlead.data.references`), so the
page, the refusal to delete and the words before a merge all see the same links the merge moves.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.data.references import references_to
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.vocabulary import DEFAULT_DOMAINS

DEFAULT_DOMAIN_KEYS = frozenset(key for key, _english, _dutch in DEFAULT_DOMAINS)
"""The keys of the default domains: renamable, never deleted or merged away (their Summary keys stay)."""

_KIND_OF_TABLE = {
    "neighbourhood": "neighbourhoods",
    "organisation": "partners",
    "organisation_neighbourhood": "partners",
    "note": "notes",
    "meeting": "meetings",
    "meeting_series": "series",
    "agreement": "agreements",
    "narrative": "narratives",
    "meeting_neighbourhood": "meetings",
    "place": "places",
    "neighbourhood_event": "history",
    "indicator": "indicators",
}


@dataclass(frozen=True, slots=True)
class Usage:
    """How many records of each kind refer to a district, neighbourhood or domain (``other``: kinds of
    record this page has no word for)."""

    neighbourhoods: int = 0
    partners: int = 0
    notes: int = 0
    meetings: int = 0
    series: int = 0
    agreements: int = 0
    narratives: int = 0
    places: int = 0
    history: int = 0
    indicators: int = 0
    other: int = 0

    @property
    def in_use(self) -> bool:
        return any(getattr(self, field.name) for field in fields(self))

    def describe(self) -> str:
        """``partners: 3, notes: 12``, the kinds in use only (no plural forms to get wrong)."""
        words_of = {
            "neighbourhoods": tr("neighbourhoods"),
            "partners": tr("partners"),
            "notes": tr("notes"),
            "meetings": tr("meetings"),
            "series": tr("meeting series"),
            "agreements": tr("agreements"),
            "narratives": tr("report texts"),
            "places": tr("places"),
            "history": tr("history lines"),
            "indicators": tr("indicator values"),
            "other": tr("other records"),
        }
        return ", ".join(
            f"{words_of[field.name]}: {getattr(self, field.name)}"
            for field in fields(self)
            if getattr(self, field.name)
        )


def in_use_message(name: str, usage: Usage) -> str:
    """Why a record cannot be deleted, and what to do instead: the service's refusal and the page's words."""
    return tr(
        "{name} is still in use ({what}), so it cannot be deleted. Merge it into another one instead: "
        "everything that uses it moves there.",
        name=name,
        what=usage.describe(),
    )


def usage_of(session: Session, table_name: str, ids: Iterable[int] | None = None) -> dict[int, Usage]:
    """What refers to each row of ``table_name`` (``district``, ``neighbourhood``, ``domain``), for the ids
    given (all when None); a row nothing refers to is missing from the answer. One query per referring
    column; a link row (a partner serving a neighbourhood) counts its holder once."""
    wanted = None if ids is None else list(ids)
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for reference in references_to(table_name):
        column = reference.column
        query = select(column, func.count()).where(column.is_not(None)).group_by(column)
        if wanted is not None:
            query = query.where(column.in_(wanted))
        kind = _KIND_OF_TABLE.get(reference.table.name, "other")
        for record_id, count in session.execute(query):
            counts[record_id][kind] += count
    return {record_id: Usage(**kinds) for record_id, kinds in counts.items()}


@dataclass(frozen=True, slots=True)
class DistrictRow:
    id: int
    name: str
    version: int
    usage: Usage


@dataclass(frozen=True, slots=True)
class NeighbourhoodRow:
    id: int
    name: str
    version: int
    district_id: int
    district: str
    usage: Usage


@dataclass(frozen=True, slots=True)
class DomainRow:
    id: int
    key: str | None
    name: str
    """As stored (what a rename starts from)."""
    label: str
    """As shown: a default domain with its default name in the current language."""
    version: int
    usage: Usage

    @property
    def is_default(self) -> bool:
        return self.key in DEFAULT_DOMAIN_KEYS


@dataclass(frozen=True, slots=True)
class Geography:
    districts: tuple[DistrictRow, ...]
    neighbourhoods: tuple[NeighbourhoodRow, ...]
    """By district, then name."""
    domains: tuple[DomainRow, ...]
    """In their order (default ones first)."""


def geography(session: Session) -> Geography:
    """Every district, neighbourhood and domain with what uses it: the settings page's three lists."""
    unused = Usage()
    of_districts = usage_of(session, "district")
    of_neighbourhoods = usage_of(session, "neighbourhood")
    of_domains = usage_of(session, "domain")
    districts = tuple(
        DistrictRow(row.id, row.name, row.version, of_districts.get(row.id, unused))
        for row in session.execute(
            select(District.id, District.name, District.version).order_by(District.name, District.id)
        )
    )
    neighbourhoods = tuple(
        NeighbourhoodRow(
            row.id,
            row.name,
            row.version,
            row.district_id,
            row.district,
            of_neighbourhoods.get(row.id, unused),
        )
        for row in session.execute(
            select(
                Neighbourhood.id,
                Neighbourhood.name,
                Neighbourhood.version,
                Neighbourhood.district_id,
                District.name.label("district"),
            )
            .join(District, District.id == Neighbourhood.district_id)
            .order_by(District.name, Neighbourhood.name, Neighbourhood.id)
        )
    )
    domains = tuple(
        DomainRow(
            row.id,
            row.key,
            row.name,
            words.domain_name(row.key, row.name),
            row.version,
            of_domains.get(row.id, unused),
        )
        for row in session.execute(
            select(Domain.id, Domain.key, Domain.name, Domain.version).order_by(
                Domain.position, Domain.name, Domain.id
            )
        )
    )
    return Geography(districts, neighbourhoods, domains)
