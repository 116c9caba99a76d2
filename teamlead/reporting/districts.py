"""Choosing the district a report is about, by the ``--district`` rules of ``shared/interface.md``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.geography import District
from teamlead.errors import UsageError, UserError
from teamlead.i18n import tr

_IGNORED = re.compile(r"[\s\-‐-―_]+")


@dataclass(frozen=True)
class DistrictRef:
    id: int
    name: str


def district_key(name: str) -> str:
    """A district name ignoring case, spaces and dashes: ``nieuw west`` is ``Nieuw-West``."""
    return _IGNORED.sub("", name).casefold()


def all_districts(session: Session) -> list[DistrictRef]:
    rows = session.execute(select(District.id, District.name).order_by(District.name)).all()
    return [DistrictRef(row.id, row.name) for row in rows]


def _listing(districts: list[DistrictRef]) -> str:
    return ", ".join(district.name for district in districts)


def find_district(session: Session, name: str) -> DistrictRef:
    """The district called ``name`` (loosely); an unknown name is a usage error that lists the districts."""
    districts = all_districts(session)
    wanted = district_key(name)
    for district in districts:
        if district_key(district.name) == wanted:
            return district
    if not districts:
        raise UsageError(
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
    """``--district`` for lists (roster, contacts, agreements): the named district, else all of them."""
    if name is not None:
        return [find_district(session, name)]
    return all_districts(session)
