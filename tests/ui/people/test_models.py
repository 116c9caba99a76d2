"""The People table model and its filter, without widgets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from teamlead.data.queries.people import PersonRow, RoleRow
from teamlead.ui.people.models import PeopleFilterProxy, PeopleTableModel


def person(id: int, name: str, title: str, organisation: str, phone: str = "") -> PersonRow:
    role = RoleRow(id, id, name, 1, organisation, title, date(2025, 1, 1), None, 1)
    return PersonRow(id=id, name=name, phone=phone, email="", roles=(role,), version=1)


def shown(proxy: PeopleFilterProxy) -> list[str]:
    return [proxy.index(r, PeopleTableModel.NAME).data() for r in range(proxy.rowCount())]


def test_people_filter_and_sort() -> None:
    model = PeopleTableModel()
    proxy = PeopleFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(
        [
            person(1, "Özlem Yıldız", "Jongerenwerker", "Dock", "06 5555 0001"),
            person(2, "Bram de Wit", "Wijkagent", "Politie"),
            person(3, "Anouk Jansen", "Leerplichtambtenaar", "Gemeente"),
        ]
    )
    assert shown(proxy) == ["Özlem Yıldız", "Bram de Wit", "Anouk Jansen"]  # the query's order
    proxy.sort(PeopleTableModel.NAME)
    assert shown(proxy) == ["Anouk Jansen", "Bram de Wit", "Özlem Yıldız"]
    proxy.set_text("ozlem")
    assert shown(proxy) == ["Özlem Yıldız"]
    proxy.set_text("0001")
    assert [proxy.index(0, c).data() for c in range(5)] == [
        "Özlem Yıldız",
        "Jongerenwerker",
        "Dock",
        "06 5555 0001",
        "",
    ]
    proxy.set_text("e")
    proxy.sort(PeopleTableModel.ROLE, Qt.SortOrder.DescendingOrder)
    assert shown(proxy) == ["Bram de Wit", "Anouk Jansen", "Özlem Yıldız"]
