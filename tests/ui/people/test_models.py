"""The People table model and its filter, without widgets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from teamlead.data.queries.people import PersonRow, RoleRow
from teamlead.ui.people.models import PeopleTableModel


def person(id: int, name: str, title: str, organisation: str, phone: str = "") -> PersonRow:
    role = RoleRow(id, id, name, 1, organisation, title, date(2025, 1, 1), None, 1)
    return PersonRow(id=id, name=name, phone=phone, email="", roles=(role,), version=1)


def shown(model: PeopleTableModel) -> list[str]:
    return [model.index(r, PeopleTableModel.NAME).data() for r in range(model.rowCount())]


def test_people_filter_and_sort() -> None:
    model = PeopleTableModel()
    model.set_rows(
        [
            person(1, "Özlem Yıldız", "Jongerenwerker", "Dock", "06 5555 0001"),
            person(2, "Bram de Wit", "Wijkagent", "Politie"),
            person(3, "Anouk Jansen", "Leerplichtambtenaar", "Gemeente"),
        ]
    )
    assert shown(model) == ["Özlem Yıldız", "Bram de Wit", "Anouk Jansen"]  # the query's order
    assert model.total() == 3
    model.sort(PeopleTableModel.NAME)
    assert shown(model) == ["Anouk Jansen", "Bram de Wit", "Özlem Yıldız"]
    model.set_filter_text("ozlem")
    assert shown(model) == ["Özlem Yıldız"]
    assert model.total() == 3
    model.set_filter_text("0001")
    assert [model.index(0, c).data() for c in range(5)] == [
        "Özlem Yıldız",
        "Jongerenwerker",
        "Dock",
        "06 5555 0001",
        "",
    ]
    model.set_filter_text("")
    model.sort(PeopleTableModel.ROLE, Qt.SortOrder.DescendingOrder)
    assert shown(model) == ["Bram de Wit", "Anouk Jansen", "Özlem Yıldız"]


def test_typing_letter_by_letter_and_back_shows_what_the_whole_text_shows() -> None:
    """One more letter filters what is shown; a letter taken back or a word changed looks at everyone again."""
    rows = [
        person(1, "Özlem Yıldız", "Jongerenwerker", "Dock"),
        person(2, "Jordy de Wit", "Wijkagent", "Politie"),
        person(3, "Joost Jansen", "Jongerenwerker", "Dock"),
        person(4, "Anouk Jansen", "Leerplichtambtenaar", "Gemeente"),
    ]
    typed, whole = PeopleTableModel(), PeopleTableModel()
    typed.set_rows(rows)
    whole.set_rows(rows)
    for text in ("j", "jo", "joo", "jo", "jo ", "jo d", "jo do", "jo d", "jo", "j", "jans", "jansen a", ""):
        typed.set_filter_text(text)
        whole.set_filter_text("")
        whole.set_filter_text(text)
        assert shown(typed) == shown(whole), text
    typed.set_filter_text("jo do")
    assert shown(typed) == ["Özlem Yıldız", "Joost Jansen"]  # jongerenwerker at Dock
