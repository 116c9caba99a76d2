"""A neighbourhood's public outcome figures (indicators): entered one at a time or replaced by an import.

This is the one place indicator rows are written, so the page and the import check a figure the same way and
every change lands in the audit log (the names of changed fields, never the values).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.geography import Neighbourhood
from teamlead.data.places import Indicator
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.limits import Width
from teamlead.rules.text import identity_key
from teamlead.rules.vocabulary import AuditAction
from teamlead.services._common import (
    apply_changes,
    audit,
    audit_row,
    flush,
    for_edit,
    get_or_fail,
    required_text,
)

FIRST_YEAR = 1990
LAST_YEAR = 2100
"""A year outside these is a typing error (``226`` for ``2026``), not a figure anyone keeps."""


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    """One figure to write: a neighbourhood's value of a named indicator in a year."""

    neighbourhood_id: int
    name: str
    year: int
    value: float


@dataclass(frozen=True, slots=True)
class Replaced:
    """What a bulk replace did: figures new, changed, and already as given."""

    added: int
    changed: int
    unchanged: int


def indicator_name(value: str | None) -> str:
    """The name as stored: stripped, not empty, within the column."""
    return required_text("name", tr("Indicator"), value, Width.PLACE_NAME)


def check_year(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            "year",
            tr("The year must lie between {first} and {last}.", first=FIRST_YEAR, last=LAST_YEAR),
        )
    return year


def check_value(value: float) -> float:
    if not math.isfinite(value):
        raise ValidationError("value", tr("An indicator's value must be a number."))
    return float(value)


def set_indicator(
    session: Session,
    neighbourhood_id: int,
    name: str,
    year: int,
    value: float,
    *,
    now: datetime | None = None,
) -> int:
    """Write the neighbourhood's ``name`` in ``year``: a new figure, or the existing one set to ``value``.
    Returns the indicator's id."""
    get_or_fail(session, Neighbourhood, neighbourhood_id, "neighbourhood_id")
    figure = IndicatorValue(neighbourhood_id, indicator_name(name), check_year(year), check_value(value))
    indicator, _state = _write(session, figure, now)
    return indicator.id


def delete_indicator(
    session: Session, indicator_id: int, *, expected_version: int, now: datetime | None = None
) -> None:
    """Remove one figure (a typing error, a year the city withdrew), unless it changed since it was read."""
    indicator = for_edit(session, Indicator, indicator_id, expected_version)
    session.delete(indicator)
    flush(session)
    audit_row(session, Indicator.__tablename__, indicator_id, AuditAction.DELETE, now=now)


def replace_indicators(
    session: Session, figures: Iterable[IndicatorValue], *, now: datetime | None = None
) -> Replaced:
    """Write every figure given, replacing the value of the same neighbourhood, name and year; figures not named
    stay. The caller's transaction holds it all: one refused figure and nothing is written. The last of two
    figures for the same neighbourhood, name and year wins, as in the sheet read top to bottom."""
    counts = {"added": 0, "changed": 0, "unchanged": 0}
    for figure in figures:
        checked = IndicatorValue(
            figure.neighbourhood_id,
            indicator_name(figure.name),
            check_year(figure.year),
            check_value(figure.value),
        )
        _indicator, state = _write(session, checked, now, action=AuditAction.IMPORT)
        counts[state] += 1
    return Replaced(**counts)


def stored_name(session: Session, neighbourhood_id: int, name: str) -> str:
    """The spelling the neighbourhood already keeps for ``name`` by the identity rule (``veiligheids-index`` is
    ``Veiligheidsindex``), else ``name`` itself: one indicator is not split over two spellings."""
    wanted = identity_key(name)
    for stored in session.scalars(
        select(Indicator.name).where(Indicator.neighbourhood_id == neighbourhood_id).distinct()
    ):
        if identity_key(stored) == wanted:
            return stored
    return name


def _write(
    session: Session, figure: IndicatorValue, now: datetime | None, action: AuditAction | None = None
) -> tuple[Indicator, str]:
    name = stored_name(session, figure.neighbourhood_id, figure.name)
    indicator = session.scalar(
        select(Indicator).where(
            Indicator.neighbourhood_id == figure.neighbourhood_id,
            Indicator.name == name,
            Indicator.year == figure.year,
        )
    )
    if indicator is None:
        indicator = Indicator(
            neighbourhood_id=figure.neighbourhood_id, name=name, year=figure.year, value=figure.value
        )
        session.add(indicator)
        audit(
            session,
            indicator,
            action or AuditAction.CREATE,
            ["neighbourhood_id", "name", "year", "value"],
            now=now,
        )
        return indicator, "added"
    changed = apply_changes(indicator, {"value": figure.value})
    flush(session)
    if not changed:
        return indicator, "unchanged"
    audit(session, indicator, action or AuditAction.UPDATE, changed, now=now)
    return indicator, "changed"
