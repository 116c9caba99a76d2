"""A roster's remark column imported into the small demo: remarks on the partner and the person, never a contact
moment; a resident's BSN in a free-text cell is a `row N:` warning, a phone number never is. SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from teamlead.data.database import Database
from teamlead.data.models import District, Note, Organisation, Person, Role
from teamlead.data.queries.roster import roster
from teamlead.demo import generate_demo
from teamlead.importing.readers import read_file
from teamlead.importing.session import Outcome, import_source
from teamlead.reporting.district import gather_district_report
from teamlead.reporting.districts import DistrictRef
from teamlead.reporting.periods import AMSTERDAM, quarter_of
from teamlead.services.personal_data import is_bsn
from tests.importing.rosters import write_xlsx

TODAY = date(2026, 11, 23)
HEADER = ["Organisatie", "Contactpersoon", "Functie", "Telefoon", "Adres", "Opmerkingen"]
BSN = "111222333"


def _import(database: Database, path: Path) -> Outcome:
    return import_source(database, read_file(path), today=TODAY)


def _contact_figures(database: Database) -> dict[str, object]:
    """What counts contact moments: the district report's figures (this quarter and each trend quarter:
    contact moments, partners contacted), every partner's stay-in-touch state, the number of notes."""
    with database.session() as session:
        district = session.execute(select(District.id, District.name)).one()
        made_at = datetime.combine(TODAY, time(12), AMSTERDAM)
        report = gather_district_report(
            session, DistrictRef(district.id, district.name), quarter_of(TODAY), "city", made_at
        )
        trend = dict(report.trend.rows)
        contacted = [
            round(share * active) if share is not None else 0
            for share, active in zip(trend["partners_contacted_share"], trend["partners_active"], strict=True)
        ]
        return {
            "contact moments": {key: trend[key] for key in trend if key.startswith("contact_moments")},
            "partners contacted": contacted,
            "stay in touch": {
                row.id: (row.last_contact, row.contact_state, row.contact_due_on)
                for row in roster(session, today=TODAY, status=None)
                if row.name != "Buurtvaders Nieuw-West"
            },
            "notes": session.scalar(select(func.count()).select_from(Note)),
        }


def _partners_with_people(database: Database, count: int) -> list[tuple[str, str, str]]:
    """(partner, one of its people, the partner's remarks) of the demo's first partners that have people."""
    with database.session() as session:
        rows = session.execute(
            select(Organisation.name, Person.name, Organisation.remarks)
            .join(Role, Role.organisation_id == Organisation.id)
            .join(Person, Person.id == Role.person_id)
            .order_by(Organisation.id, Person.id)
        ).all()
    seen: dict[str, tuple[str, str, str]] = {}
    for organisation, person, remarks in rows:
        seen.setdefault(organisation, (organisation, person, remarks))
    return list(seen.values())[:count]


@pytest.fixture
def small_demo(database: Database) -> Database:
    generate_demo(database, "small", seed=1, today=TODAY)
    return database


def test_remarks_are_kept_on_partner_and_person_and_are_no_contact_moment(
    small_demo: Database, tmp_path: Path
) -> None:
    database = small_demo
    partners = _partners_with_people(database, 4)
    with_remarks = next(p for p in _partners_with_people(database, 200) if p[2])
    old_remark = with_remarks[2].splitlines()[0].split(": ", 1)[1]
    rows = [
        HEADER,
        [
            partners[0][0],
            partners[0][1],
            "Coördinator",
            "020 555 0101",
            "",
            "Belt altijd terug binnen een dag",
        ],
        [partners[1][0], partners[1][1], "", "", "", f"Moeder van jongere, BSN {BSN}, belde over overlast"],
        [partners[2][0], partners[2][1], "", "", "", "Sleutel van de zaal ligt bij de beheerder"],
        [with_remarks[0], "", "", "", "", old_remark],  # the demo's partner already has this remark
        ["Buurtvaders Nieuw-West", "Karim Aziz", "Vrijwilliger", "06 5555 0123", "", "Nieuw in het netwerk"],
    ]
    path = write_xlsx(tmp_path / "partners.xlsx", {"Partners": rows})
    before = _contact_figures(database)

    outcome = _import(database, path)

    bsn_lines = [line for line in outcome.lines if "citizen service number" in line]
    assert bsn_lines == [
        "row 3: the Remarks cell seems to hold a citizen service number (BSN); a roster is about the network: "
        "please leave a resident's personal data out."
    ]
    assert outcome.lines[-2] == (
        "remarks: 4 added to partners and 4 to persons, 1 already there (a remark is no contact moment)"
    )
    assert _contact_figures(database) == before
    with database.session() as session:
        remarks = dict(session.execute(select(Organisation.name, Organisation.remarks)).all())
        people = dict(session.execute(select(Person.name, Person.remarks)).all())
    assert remarks[partners[0][0]].splitlines()[-1] == "2026-11-23: Belt altijd terug binnen een dag"
    assert people[partners[0][1]].splitlines()[-1] == "2026-11-23: Belt altijd terug binnen een dag"
    assert remarks["Buurtvaders Nieuw-West"] == "2026-11-23: Nieuw in het netwerk"
    assert people["Karim Aziz"] == "2026-11-23: Nieuw in het netwerk"
    assert remarks[with_remarks[0]] == with_remarks[2]  # unchanged: the text was there

    # Importing the same file again changes nothing: no remark twice, no new version.
    with database.session() as session:
        versions = dict(session.execute(select(Organisation.id, Organisation.version)).all())
    again = _import(database, path)
    assert again.lines[-2] == (
        "remarks: 0 added to partners and 0 to persons, 5 already there (a remark is no contact moment)"
    )
    with database.session() as session:
        assert dict(session.execute(select(Organisation.name, Organisation.remarks)).all()) == remarks
        assert dict(session.execute(select(Person.name, Person.remarks)).all()) == people
        assert dict(session.execute(select(Organisation.id, Organisation.version)).all()) == versions
    assert _contact_figures(database) == before


def test_role_and_address_are_checked_too_and_the_dry_run_says_the_same(
    database: Database, tmp_path: Path
) -> None:
    rows = [
        HEADER,
        ["Buurthuis De Honk", "Sanne", "Wijkagent", "", "Dijkgraafplein 1", ""],
        ["Buurthuis De Honk", "Ahmed", "Mentor van de jongere geb. 12-03-2009", "", "", ""],
        [
            "Sportclub Zoë",
            "Ëlla",
            "Trainer",
            "",
            f"Bij mevrouw thuis (BSN {BSN[:4]} {BSN[4:6]} {BSN[6:]})",
            "",
        ],
    ]
    path = write_xlsx(tmp_path / "partners.xlsx", {"Partners": rows})
    dry = import_source(database, read_file(path), today=TODAY, dry_run=True)
    assert [line.split(";")[0] for line in dry.lines if line.startswith("row ")] == [
        "row 3: the Role cell seems to hold a date of birth",
        "row 4: the Address cell seems to hold a citizen service number (BSN)",
    ]
    assert _import(database, path).lines == dry.lines


def test_a_thousand_phone_numbers_give_no_bsn_warning(database: Database, tmp_path: Path) -> None:
    numbers = [f"+31 6{10_000_000 + index * 7_919:08d}" for index in range(1_000)]
    # A ninth of them pass the BSN's eleven-test: were the phone column checked, they would be "found".
    assert sum(is_bsn(number[-9:]) for number in numbers) > 50
    rows = [
        HEADER,
        *(
            [f"Partner {index}", f"Persoon {index}", "", number, "", ""]
            for index, number in enumerate(numbers)
        ),
    ]
    path = write_xlsx(tmp_path / "phones.xlsx", {"Partners": rows})
    outcome = import_source(database, read_file(path), today=TODAY, dry_run=True)
    assert not [line for line in outcome.lines if "BSN" in line or "date of birth" in line]
    assert outcome.lines[-1].startswith("organisations: 1000 added")
