"""Choosing the district a report or list is about, by the ``--district`` rules of ``shared/interface.md``.

Matching a name is one rule (:func:`teamlead.data.queries.districts.find_district`), so the import, the
reports and ``teamlead meetings`` all take ``nieuw west`` for ``Nieuw-West`` alike; this module adds what the
command line does when nothing matches.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from teamlead.data.queries.districts import (
    DistrictRef,
    NeighbourhoodRef,
    all_districts,
    find_neighbourhoods,
    neighbourhoods_of,
)
from teamlead.data.queries.districts import find_district as match_district
from teamlead.errors import UsageError, UserError
from teamlead.i18n import tr

__all__ = [
    "DistrictRef",
    "NeighbourhoodRef",
    "all_districts",
    "choose_districts",
    "choose_neighbourhood",
    "choose_one_district",
    "find_district",
]


def _listing(districts: list[DistrictRef]) -> str:
    return ", ".join(district.name for district in districts)


def find_district(session: Session, name: str) -> DistrictRef:
    """The district called ``name`` (loosely); an unknown name is a usage error that lists the districts.

    A database without any district is not the user's wrong word but missing data: that fails (exit 1).
    """
    found = match_district(session, name)
    if found is not None:
        return found
    districts = all_districts(session)
    if not districts:
        raise UserError(
            tr("There is no district called {name!r}: the database has no districts yet.", name=name)
        )
    raise UsageError(
        tr(
            "There is no district called {name!r}. Districts: {districts}.",
            name=name,
            districts=_listing(districts),
        )
    )


def choose_one_district(session: Session, name: str | None) -> DistrictRef:
    """``--district`` for reports about one district: the named one, else the database's only district."""
    if name is not None:
        return find_district(session, name)
    districts = all_districts(session)
    if not districts:
        raise UserError(
            tr("The database has no district yet, so there is nothing to report on. Add a district first.")
        )
    if len(districts) > 1:
        raise UsageError(
            tr("Choose a district with --district. Districts: {districts}.", districts=_listing(districts))
        )
    return districts[0]


def choose_districts(session: Session, name: str | None) -> list[DistrictRef]:
    """``--district`` for lists (roster, contacts, agreements, meetings): the named district, else all."""
    if name is not None:
        return [find_district(session, name)]
    return all_districts(session)


def choose_neighbourhood(session: Session, name: str, district: str | None) -> NeighbourhoodRef:
    """``--neighbourhood NAME``, matched as ``--district`` matches, within ``--district`` when given.

    A name that several districts have, or none, is wrong usage (exit 2): the message lists the namesakes as
    ``Name (District)``, or the neighbourhoods there are to choose from.
    """
    districts = [find_district(session, district)] if district is not None else None
    district_ids = [found.id for found in districts] if districts is not None else None
    found = find_neighbourhoods(session, name, district_ids)
    if len(found) == 1:
        return found[0]
    if found:
        raise UsageError(
            tr(
                "Several districts have a neighbourhood called {name!r}: {found}. Choose one with --district.",
                name=name,
                found=", ".join(neighbourhood.label() for neighbourhood in found),
            )
        )
    known = neighbourhoods_of(session, district_ids)
    if len({neighbourhood.district_id for neighbourhood in known}) <= 1:
        listing = ", ".join(neighbourhood.name for neighbourhood in known)
    else:
        listing = ", ".join(neighbourhood.label() for neighbourhood in known)
    raise UsageError(
        tr(
            "There is no neighbourhood called {name!r}. Neighbourhoods: {neighbourhoods}.",
            name=name,
            neighbourhoods=listing or tr("none yet"),
        )
    )
