"""The import wizard driven as a user would: file, sheet, columns, preview, merges, import, summary."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.models import Organisation, Person
from teamlead.importing.headers import Field
from teamlead.ui.context import AppContext
from teamlead.ui.importing.wizard import ImportWizard
from tests.importing.rosters import MESSY_ROSTER, write_xlsx

TODAY = date(2026, 3, 2)


@pytest.fixture
def wizard(qtbot: QtBot, database: Database) -> Iterator[ImportWizard]:
    context = AppContext(database, today=TODAY)
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    yield wizard
    context.tasks.shutdown(wait=True)


def choose_file(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    page = wizard.file_page
    page.path_edit.setText(str(path))
    page.read(str(path))
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    page.district.setCurrentText("Nieuw-West")
    wizard.next()


def names(database: Database) -> list[str]:
    with database.session() as session:
        return sorted(session.scalars(select(Organisation.name)))


def test_the_whole_way_with_a_declined_merge_and_an_accepted_duplicate(
    qtbot: QtBot, wizard: ImportWizard, database: Database, tmp_path: Path
) -> None:
    cover = [["Overdracht"], ["Zie blad 2"]]
    path = write_xlsx(tmp_path / "partners.xlsx", {"Voorblad": cover, "Partners": MESSY_ROSTER})
    choose_file(qtbot, wizard, path)

    assert wizard.currentId() == wizard.SHEET
    sheets = wizard.currentPage().sheets  # type: ignore[attr-defined]
    assert sheets.currentRow() == 1  # the first sheet has no column names: the roster is preselected
    assert "no column names found" in sheets.item(0).text()
    wizard.next()

    assert wizard.currentId() == wizard.MAPPING
    mapping = wizard.currentPage()
    combo = mapping.combos[Field.ADDRESS]  # type: ignore[attr-defined]
    assert combo.currentIndex() == 0  # no address column in this roster
    notes = mapping.combos[Field.NOTES]  # type: ignore[attr-defined]
    assert notes.currentText() == "H: Opmerkingen"
    notes.setCurrentIndex(0)  # the user leaves the remarks out
    notes.activated.emit(0)
    assert Field.NOTES not in wizard.state.layout.columns  # type: ignore[union-attr]
    wizard.next()

    assert wizard.currentId() == wizard.PREVIEW
    preview = wizard.currentPage()
    qtbot.waitUntil(preview.isComplete, timeout=10_000)
    model = preview.model  # type: ignore[attr-defined]
    assert model.rowCount() == 7  # the blank row 7 is not shown
    rows = {model.data(model.index(r, 0)): model.data(model.index(r, 3)) for r in range(model.rowCount())}
    assert rows[10] == "no organisation; the row was skipped."
    assert rows[9] == "the phone number 12345 looks wrong; kept as written."
    assert rows[5] == ""
    wizard.next()

    assert wizard.currentId() == wizard.MERGES
    proposals = wizard.currentPage().model  # type: ignore[attr-defined]
    texts = [proposals.data(proposals.index(r)) for r in range(proposals.rowCount())]
    spelling = texts.index(
        'merged: organisation "Jongerenwerk Nieuw-West" (row 8) is "Jongerenwerk Nieuw West" (row 5)'
    )
    typo = next(r for r, text in enumerate(texts) if text.startswith("possible duplicate"))
    assert proposals.data(proposals.index(spelling), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert proposals.data(proposals.index(typo), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    proposals.toggle(spelling)  # keep "Jongerenwerk Nieuw-West" apart
    proposals.toggle(typo)  # "Politie Basisteam Slotervart" is the same team
    wizard.next()

    assert wizard.currentId() in (wizard.IMPORT, wizard.SUMMARY)
    qtbot.waitUntil(lambda: wizard.currentId() == wizard.SUMMARY, timeout=20_000)
    summary = wizard.currentPage().headline.text()  # type: ignore[attr-defined]
    # Row 8's partner stays apart, so its Fatima is a person of her own; the typo is merged instead.
    assert summary == "organisations: 4 added, 2 merged; persons: 6 added, 0 merged; rows skipped: 1"
    assert names(database) == [
        "Jongerenwerk Nieuw West",
        "Jongerenwerk Nieuw-West",
        "Politie Basisteam Slotervaart",
        "Sportclub Zoë",
    ]
    with database.session() as session:
        police = session.scalar(
            select(Organisation).where(Organisation.name == "Politie Basisteam Slotervaart")
        )
        assert police is not None
        assert sorted(r.person.name for r in police.roles) == ["Ahmed Ouali", "Sanne Jansen"]
        assert police.joined_on == TODAY  # the app's date, not the clock's
        assert session.scalar(select(Person).where(Person.name == "fatima el amrani")) is not None
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()


def test_a_bad_file_says_why_and_cannot_go_on(qtbot: QtBot, wizard: ImportWizard, tmp_path: Path) -> None:
    path = tmp_path / "oud.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    page = wizard.file_page
    page.path_edit.setText(str(path))
    page.read(str(path))
    qtbot.waitUntil(lambda: "old Excel file" in page.status.text(), timeout=10_000)
    assert not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_the_welcome_page_and_the_file_menu_open_the_wizard(
    qtbot: QtBot, make_window: object, database: Database
) -> None:
    window = make_window(database)  # type: ignore[operator]
    qtbot.waitUntil(lambda: window.showing_welcome, timeout=10_000)
    assert window.welcome.import_button.text() == "&Import a roster…"
    action = window.actions_by_name["import_roster"]
    assert action.shortcut().toString() == "Ctrl+I"
    action.trigger()
    wizard = window.findChild(ImportWizard)
    assert wizard is not None
    qtbot.waitUntil(wizard.isVisible)
    wizard.reject()


def test_the_district_shown_is_the_default_district(qtbot: QtBot, database: Database, tmp_path: Path) -> None:
    """Several districts: the wizard proposes the user's default district (kept by id, shown by name)."""
    from teamlead.data.queries.default_district import DefaultDistrict, database_id, save_default_district
    from teamlead.services.geography import add_district

    with database.begin() as session:
        add_district(session, "Noord")
        centrum = add_district(session, "Centrum")
        own = database_id(session)
    assert own is not None
    save_default_district(DefaultDistrict(own, centrum))
    context = AppContext(database, today=TODAY)
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        qtbot.waitUntil(lambda: wizard.file_page.district.currentText() == "Centrum", timeout=10_000)
    finally:
        context.tasks.shutdown(wait=True)


def test_the_preview_warns_of_a_residents_bsn_in_a_remark(
    qtbot: QtBot, wizard: ImportWizard, database: Database, tmp_path: Path
) -> None:
    rows = [
        ["Organisatie", "Contactpersoon", "Telefoon", "Opmerkingen"],
        ["Buurthuis De Honk", "Sanne Jansen", "+31 612345674", "Sleutel bij de beheerder"],
        ["Buurthuis De Honk", "Ahmed Ouali", "", "Belde over zoon (BSN 111222333)"],
    ]
    choose_file(qtbot, wizard, write_xlsx(tmp_path / "partners.xlsx", {"Partners": rows}))
    while wizard.currentId() != wizard.PREVIEW:
        wizard.next()
    preview = wizard.currentPage()
    qtbot.waitUntil(preview.isComplete, timeout=10_000)
    model = preview.model  # type: ignore[attr-defined]
    problems = {model.data(model.index(r, 0)): model.data(model.index(r, 3)) for r in range(model.rowCount())}
    assert problems[2] == ""
    assert problems[3].startswith("the Remarks cell seems to hold a citizen service number (BSN)")


def test_a_sheet_of_outcome_figures_goes_straight_to_the_import_and_replaces_its_figures(
    qtbot: QtBot, wizard: ImportWizard, database: Database, tmp_path: Path
) -> None:
    from teamlead.data.places import Indicator
    from teamlead.services.geography import add_district, add_neighbourhood

    with database.begin() as session:
        west = add_district(session, "Nieuw-West")
        slotervaart = add_neighbourhood(session, west, "Slotervaart")
    roster = [("Organisatie", "Naam"), ("Buurtteam Slotervaart", "Sanne Jansen")]
    figures = [
        ("Buurt", "Jaar", "Indicator", "Waarde"),
        ("Slotervaart", 2024, "Veiligheidsindex", 79),
        ("Slotervaart", 2025, "Veiligheidsindex", "81,5"),
        ("Osdorp", 2025, "Veiligheidsindex", 88),
    ]
    path = write_xlsx(tmp_path / "cijfers.xlsx", {"Partners": roster, "Cijfers": figures})
    choose_file(qtbot, wizard, path)

    assert wizard.currentId() == wizard.SHEET
    sheets = wizard.currentPage().sheets  # type: ignore[attr-defined]
    assert sheets.item(0).text() == "Partners — roster, 2 rows"
    assert sheets.item(1).text().startswith("Cijfers — outcome figures, 4 rows")
    sheets.setCurrentRow(1)
    wizard.next()  # no columns to check, nothing to merge: the import runs

    qtbot.waitUntil(lambda: wizard.currentId() == wizard.SUMMARY, timeout=20_000)
    page = wizard.currentPage()
    assert page.headline.text() == "indicators: 2 added, 0 changed, 0 unchanged; rows skipped: 1"  # type: ignore[attr-defined]
    assert "row 4: unknown neighbourhood Osdorp; skipped." in page.details.toPlainText()  # type: ignore[attr-defined]
    with database.session() as session:
        stored = {(row.neighbourhood_id, row.year): row.value for row in session.scalars(select(Indicator))}
        partners = session.scalars(select(Organisation.name)).all()
    assert stored == {(slotervaart, 2024): 79.0, (slotervaart, 2025): 81.5}
    assert partners == []  # the roster sheet beside it was not imported
