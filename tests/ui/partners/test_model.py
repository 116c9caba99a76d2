"""The roster's table model and filter proxy, without widgets: what a user would see in each row."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from teamlead.data.queries.roster import RosterRow
from teamlead.ui.partners.model import Light, PartnerFilterProxy, PartnerTableModel, fold


def row(id: int, name: str, **values: object) -> RosterRow:
    base: dict[str, object] = {
        "id": id,
        "name": name,
        "domain_id": 1,
        "domain": "Social",
        "district_id": 1,
        "district": "Nieuw-West",
        "neighbourhoods": ("Wildemanbuurt",),
        "people": (),
        "last_contact": date(2026, 3, 1),
        "cadence_days": 60,
        "contact_state": "ok",
        "contact_due_on": date(2026, 4, 30),
        "open_agreements": 0,
        "status": "active",
        "is_informal": False,
        "version": 1,
    }
    base.update(values)
    return RosterRow(**base)  # type: ignore[arg-type]


def shown_names(proxy: PartnerFilterProxy) -> list[str]:
    return [proxy.index(r, PartnerTableModel.NAME).data() for r in range(proxy.rowCount())]


def make(rows: list[RosterRow]) -> tuple[PartnerTableModel, PartnerFilterProxy]:
    model = PartnerTableModel()
    proxy = PartnerFilterProxy()
    proxy.setSourceModel(model)
    model.set_roster(rows)
    return model, proxy


def test_fold_ignores_case_and_diacritics() -> None:
    assert fold("Café Öztürk") == "cafe ozturk"


def test_rows_show_their_columns_sorted_by_name() -> None:
    model, proxy = make(
        [
            row(1, "Streetcornerwork", last_contact=None, open_agreements=3, contact_state="overdue"),
            row(2, "Altra", neighbourhoods=("Geuzenveld", "Slotermeer-Noordoost")),
            row(3, "Buurtvaders", status="former", contact_state="none"),
        ]
    )
    assert shown_names(proxy) == ["Altra", "Buurtvaders (former)", "Streetcornerwork"]
    assert proxy.index(0, PartnerTableModel.NEIGHBOURHOODS).data() == "Geuzenveld, Slotermeer-Noordoost"
    assert proxy.index(2, PartnerTableModel.LAST_CONTACT).data() == "never"
    assert proxy.index(2, PartnerTableModel.STAY_IN_TOUCH).data() == "Overdue"
    assert proxy.index(2, PartnerTableModel.STAY_IN_TOUCH).data(PartnerTableModel.LightRole) == Light.RED
    assert proxy.index(0, PartnerTableModel.STAY_IN_TOUCH).data() == "In touch"
    assert proxy.index(1, PartnerTableModel.STAY_IN_TOUCH).data() == "No cadence"
    assert proxy.index(2, PartnerTableModel.OPEN_AGREEMENTS).data() == "3"
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Stay in touch"


def test_sorting_by_a_column_and_back() -> None:
    _model, proxy = make(
        [
            row(1, "B", open_agreements=5),
            row(2, "A", open_agreements=1, contact_state="overdue"),
            row(3, "C", contact_state="due"),
        ]
    )
    proxy.sort(PartnerTableModel.OPEN_AGREEMENTS, Qt.SortOrder.DescendingOrder)
    assert shown_names(proxy) == ["B", "A", "C"]
    proxy.sort(PartnerTableModel.STAY_IN_TOUCH)
    assert shown_names(proxy) == ["A", "C", "B"]
    proxy.sort(PartnerTableModel.NAME)
    assert shown_names(proxy) == ["A", "B", "C"]


def test_type_to_filter_matches_name_domain_neighbourhood_and_people() -> None:
    _model, proxy = make(
        [
            row(1, "Jongerenwerk Nieuw-West", people=("Mohamed Ajuau",)),
            row(2, "Politie Team Slotervaart", domain="Safety", neighbourhoods=("Slotervaart",)),
            row(3, "Moskee Ibn Ba'tutah", domain="Informal", people=("Fatima Öztürk",)),
        ]
    )
    proxy.set_text("ajuau")
    assert shown_names(proxy) == ["Jongerenwerk Nieuw-West"]
    proxy.set_text("SAFETY")
    assert shown_names(proxy) == ["Politie Team Slotervaart"]
    proxy.set_text("ozturk moskee")
    assert shown_names(proxy) == ["Moskee Ibn Ba'tutah"]
    proxy.set_text("wilde")
    assert len(shown_names(proxy)) == 2
    proxy.set_text("")
    assert len(shown_names(proxy)) == 3


def test_filter_survives_a_resort_and_new_rows() -> None:
    model, proxy = make([row(1, "Beta Amstel"), row(2, "Alpha"), row(3, "Gamma Ajax"), row(4, "Delta")])
    proxy.set_text("a")  # the start of a word, not anywhere in it: not Delta
    proxy.sort(PartnerTableModel.NAME, Qt.SortOrder.DescendingOrder)
    assert shown_names(proxy) == ["Gamma Ajax", "Beta Amstel", "Alpha"]
    proxy.set_text("de")
    model.set_roster([row(5, "Delphi"), row(2, "Alpha"), row(6, "Huis de Kameleon")])
    assert shown_names(proxy) == ["Huis de Kameleon", "Delphi"]


def test_a_partner_serving_many_neighbourhoods_shows_the_first_few() -> None:
    names = ("Geuzenveld", "Osdorp-Oost", "Slotervaart", "Wildemanbuurt", "De Punt")
    _model, proxy = make([row(1, "GGD Amsterdam", neighbourhoods=names)])
    assert (
        proxy.index(0, PartnerTableModel.NEIGHBOURHOODS).data() == "Geuzenveld, Osdorp-Oost, Slotervaart +2"
    )
    assert proxy.index(0, PartnerTableModel.NEIGHBOURHOODS).data(Qt.ItemDataRole.ToolTipRole) == "\n".join(
        names
    )
