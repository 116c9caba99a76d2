"""A domain reads the same on the screen and in the reports, in each language (one rule: rules.words).

The default domain "Social" named in Dutch by its user ("Sociaal") is still the default domain: English screens
and English reports say "Social", Dutch ones "Sociaal"; a domain the user renamed to something else keeps that.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from teamlead.cli import main
from teamlead.data.database import Database
from teamlead.data.geography import Domain
from teamlead.data.queries.roster import roster
from teamlead.i18n import set_language
from teamlead.services.geography import add_district, rename_domain
from teamlead.services.organisations import OrganisationInput, add_organisation

TODAY = date(2026, 11, 23)


def cells(path: Path) -> set[str]:
    workbook = load_workbook(path, read_only=True)
    found = {
        str(value)
        for sheet in workbook
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value
    }
    workbook.close()
    return found


@pytest.mark.parametrize(
    ("stored", "english", "dutch"), [("Sociaal", "Social", "Sociaal"), ("Welzijn", "Welzijn", "Welzijn")]
)
def test_a_domain_reads_alike_on_screen_and_in_reports(
    database: Database, tmp_path: Path, stored: str, english: str, dutch: str
) -> None:
    with database.begin() as session:
        district = add_district(session, "Nieuw-West")
        social = session.scalars(select(Domain).where(Domain.key == "social")).one()
        rename_domain(session, social.id, stored, expected_version=social.version)
        add_organisation(
            session,
            OrganisationInput(
                name="Jongerenwerk Nieuw-West", district_id=district, domain_id=social.id, joined_on=TODAY
            ),
        )
    url = database.url.render_as_string(hide_password=False)
    for language, word in (("en", english), ("nl", dutch)):
        set_language(language)
        with database.session() as session:
            assert [row.domain for row in roster(session, today=TODAY)] == [word]
        target = tmp_path / f"roster-{language}.xlsx"
        assert main(["--database", url, "--language", language, "report", "roster", "-o", str(target)]) == 0
        assert word in cells(target)
        assert ({english, dutch} - {word}).isdisjoint(cells(target))
