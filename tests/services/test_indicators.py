"""Indicator figures: one value per neighbourhood, name (by the identity rule) and year, each change audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from teamlead.data.places import Indicator
from teamlead.errors import ConflictError, ValidationError
from teamlead.services.indicators import IndicatorValue, delete_indicator, replace_indicators, set_indicator
from tests.services.conftest import NOW, World, audit_rows


def test_set_replace_and_delete_are_audited(world: World) -> None:
    with world.database.begin() as session:
        first = set_indicator(session, world.wildeman, "Veiligheidsindex", 2024, 102, now=NOW)
        again = set_indicator(session, world.wildeman, "veiligheids-index", 2024, 79, now=NOW)
        replaced = replace_indicators(
            session,
            [
                IndicatorValue(world.wildeman, "VEILIGHEIDSINDEX", 2024, 79),
                IndicatorValue(world.wildeman, "Veiligheidsindex", 2025, 81.5),
                IndicatorValue(world.geuzenveld, "Schoolverzuim", 2025, 4),
                IndicatorValue(world.geuzenveld, "Schoolverzuim", 2025, 5),
            ],
            now=NOW,
        )
    assert again == first
    assert (replaced.added, replaced.changed, replaced.unchanged) == (2, 1, 1)
    with world.database.session() as session:
        rows = {(i.neighbourhood_id, i.name, i.year): i.value for i in session.scalars(select(Indicator))}
        version = session.get(Indicator, first).version  # type: ignore[union-attr]
    assert rows == {
        (world.wildeman, "Veiligheidsindex", 2024): 79.0,
        (world.wildeman, "Veiligheidsindex", 2025): 81.5,
        (world.geuzenveld, "Schoolverzuim", 2025): 5.0,
    }
    with world.database.begin() as session, pytest.raises(ConflictError):
        delete_indicator(session, first, expected_version=version + 1, now=NOW)
    with world.database.begin() as session:
        delete_indicator(session, first, expected_version=version, now=NOW)
    indicator_audits = [
        (action, fields) for table, _id, action, fields in audit_rows(world.database) if table == "indicator"
    ]
    assert indicator_audits == [
        ("create", "name,neighbourhood_id,value,year"),
        ("update", "value"),
        ("import", "name,neighbourhood_id,value,year"),
        ("import", "name,neighbourhood_id,value,year"),
        ("import", "value"),
        ("delete", ""),
    ]


@pytest.mark.parametrize(
    ("name", "year", "value", "field"),
    [("", 2024, 1.0, "name"), ("Index", 24, 1.0, "year"), ("Index", 2024, float("nan"), "value")],
)
def test_bad_figures_are_refused_by_field(
    world: World, name: str, year: int, value: float, field: str
) -> None:
    with world.database.begin() as session, pytest.raises(ValidationError) as refused:
        set_indicator(session, world.wildeman, name, year, value, now=NOW)
    assert refused.value.field == field
