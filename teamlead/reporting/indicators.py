"""Gathering the neighbourhoods' public outcome figures for the district report's network section.

Only the indicator table is read: a neighbourhood's places, history and focus are for the team lead and its
partners and never reach a report the city reads (``shared/interface.md``, "Audiences").
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.geography import Neighbourhood
from teamlead.data.places import Indicator
from teamlead.reporting.model import IndicatorLine, NeighbourhoodIndicators

YEARS_SHOWN = 4
"""Enough to see a direction; more would not fit beside the names on a portrait page."""


def neighbourhood_indicators(
    session: Session, district_id: int, last_year: int, years_shown: int = YEARS_SHOWN
) -> NeighbourhoodIndicators:
    """The district's figures of the latest ``years_shown`` years that have any, up to ``last_year`` (the
    period's): a report on 2025 does not show figures of 2026 entered since."""
    rows = session.execute(
        select(Neighbourhood.name, Indicator.name, Indicator.year, Indicator.value)
        .join(Neighbourhood, Neighbourhood.id == Indicator.neighbourhood_id)
        .where(Neighbourhood.district_id == district_id, Indicator.year <= last_year)
    ).all()
    years = tuple(sorted({row[2] for row in rows})[-years_shown:])
    values: dict[tuple[str, str], dict[int, float]] = defaultdict(dict)
    for neighbourhood, name, year, value in rows:
        if year in years:
            values[(neighbourhood, name)][year] = value
    lines = tuple(
        IndicatorLine(neighbourhood, name, tuple(by_year.get(year) for year in years))
        for (neighbourhood, name), by_year in sorted(
            values.items(), key=lambda item: (item[0][0].casefold(), item[0][1].casefold())
        )
    )
    return NeighbourhoodIndicators(years, lines)
