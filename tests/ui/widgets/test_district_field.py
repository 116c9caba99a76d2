"""The district field: shows what the precedence gives, never "(no district)" when it has one to show, keeps a
record's own district and the user's pick against later suggestions."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from teamlead.data.queries.districts import DistrictRef
from teamlead.ui.widgets.district_field import DistrictField

DISTRICTS = [DistrictRef(1, "Centrum"), DistrictRef(2, "Noord")]


def items(field: DistrictField) -> list[str]:
    return [field.itemText(i) for i in range(field.count())]


def test_a_suggestion_fills_an_empty_field_and_the_none_item_goes(qtbot: QtBot) -> None:
    field = DistrictField()
    qtbot.addWidget(field)
    field.set_districts(DISTRICTS)
    field.set_district(None)
    assert (field.district_id(), items(field)) == (None, ["(no district)", "Centrum", "Noord"])
    field.suggest(2)
    assert (field.district_id(), items(field)) == (2, ["Centrum", "Noord"])
    field.suggest(1)  # a later input of the rule (a neighbourhood ticked) moves it
    assert field.district_id() == 1


def test_the_users_pick_and_the_records_own_district_stay(qtbot: QtBot) -> None:
    field = DistrictField()
    qtbot.addWidget(field)
    field.set_districts(DISTRICTS)
    field.set_district(None)
    field.setCurrentIndex(field.findText("Noord"))
    field.activated.emit(field.currentIndex())
    assert field.user_picked
    field.suggest(1)
    assert field.district_id() == 2
    field.set_district(1)  # another record, with its own district
    field.suggest(2)
    assert field.district_id() == 1
    field.set_districts([*DISTRICTS, DistrictRef(3, "West")])  # the list reloads: what is shown stays
    assert (field.district_id(), items(field)) == (1, ["Centrum", "Noord", "West"])
