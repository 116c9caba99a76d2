"""The narrative per district and period: first save, later edits, and a second writer's conflict."""

from __future__ import annotations

from datetime import date

import pytest

from teamlead.errors import ConflictError, ValidationError
from teamlead.services.narratives import get_narrative, save_narrative
from tests.services.conftest import World

Q1 = (date(2026, 1, 1), date(2026, 3, 31))


def test_save_get_and_conflict(world: World) -> None:
    with world.database.session() as session:
        assert get_narrative(session, world.nieuw_west, *Q1) is None
    with world.database.begin() as session:
        save_narrative(session, world.nieuw_west, *Q1, "Het netwerk groeit.", expected_version=None)
    with world.database.begin() as session, pytest.raises(ConflictError):
        save_narrative(session, world.nieuw_west, *Q1, "Tweede eerste versie.", expected_version=None)
    with world.database.begin() as session:
        save_narrative(session, world.nieuw_west, *Q1, "Het netwerk groeit door.", expected_version=1)
    with world.database.session() as session:
        saved = get_narrative(session, world.nieuw_west, *Q1)
        assert get_narrative(session, world.west, *Q1) is None
    assert saved is not None
    assert (saved.text, saved.version) == ("Het netwerk groeit door.", 2)
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        save_narrative(session, world.nieuw_west, Q1[1], Q1[0], "x", expected_version=None)
    assert caught.value.field == "period_to"
