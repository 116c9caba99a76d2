"""A messy roster imported on SQLite and PostgreSQL, checked record by record; importing it again adds nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from teamlead.data.database import Database
from teamlead.data.models import (
    AuditEntry,
    District,
    Domain,
    Neighbourhood,
    Note,
    Organisation,
    Person,
    Role,
)
from teamlead.importing.readers import read_file
from teamlead.importing.session import Outcome, import_source
from tests.importing.rosters import MESSY_ROSTER, write_csv, write_xlsx

TODAY = date(2026, 3, 31)


def run(database: Database, path: Path, **options: object) -> Outcome:
    return import_source(database, read_file(path), today=TODAY, **options)  # type: ignore[arg-type]


def organisations(database: Database) -> dict[str, dict[str, object]]:
    with database.session() as session:
        return {
            o.name: {
                "domain": o.domain.name if o.domain else None,
                "district": o.district.name if o.district else None,
                "neighbourhoods": sorted(n.name for n in o.neighbourhoods),
                "phone": o.phone,
                "joined_on": o.joined_on,
                "persons": sorted(
                    (r.person.name, r.title, r.person.phone, r.person.email, r.started_on) for r in o.roles
                ),
            }
            for o in session.scalars(select(Organisation))
        }


def counts(database: Database) -> dict[str, int]:
    with database.session() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (District, Domain, Neighbourhood, Organisation, Person, Role, Note, AuditEntry)
        }


def test_messy_roster_is_imported_record_by_record(database: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "partners.xlsx", {"Partners": MESSY_ROSTER})
    outcome = run(database, path, district="nieuw west")
    assert outcome.lines == [
        "row 9: the phone number 12345 looks wrong; kept as written.",
        "row 10: no organisation; the row was skipped.",
        "row 11: the e-mail address ahmed@@politie.example looks wrong; kept as written.",
        'merged: organisation "jongerenwerk nieuw-west" (row 6) is "Jongerenwerk Nieuw West" (row 5)',
        'merged: organisation "Jongerenwerk Nieuw-West" (row 8) is "Jongerenwerk Nieuw West" (row 5)',
        'merged: person "fatima el amrani" (row 8) is "Fatima el Amrani" (row 5) at Jongerenwerk Nieuw West',
        'possible duplicate: organisation "Politie Basisteam Slotervart" (row 11) and '
        '"Politie Basisteam Slotervaart" (row 9)',
        "new domain: Sport",
        "new neighbourhood: Geuzenveld",
        "new neighbourhood: Slotermeer-Noordoost",
        "new neighbourhood: Osdorp-Oost",
        "new neighbourhood: Slotervaart",
        "new district: nieuw west",
        "remarks: 2 added to partners and 2 to persons, 0 already there (a remark is no contact moment)",
        "organisations: 4 added, 2 merged; persons: 5 added, 1 merged; rows skipped: 1",
    ]
    found = organisations(database)
    assert found == {
        "Jongerenwerk Nieuw West": {
            "domain": "Social",
            "district": "nieuw west",
            "neighbourhoods": ["Geuzenveld", "Osdorp-Oost", "Slotermeer-Noordoost"],
            "phone": "",
            "joined_on": TODAY,
            "persons": [
                ("Fatima el Amrani", "Jongerenwerker", "020 555 0101", "Fatima@Jongerenwerk.example", TODAY),
                ("Mark de Vries", "Coördinator", "06 5555 1234", "mark@jongerenwerk.example", TODAY),
            ],
        },
        "Politie Basisteam Slotervaart": {
            "domain": "Safety",
            "district": "nieuw west",
            "neighbourhoods": ["Slotervaart"],
            "phone": "",
            "joined_on": TODAY,
            "persons": [("Sanne Jansen", "Wijkagent", "12345", "sanne@politie.example", TODAY)],
        },
        "Politie Basisteam Slotervart": {
            "domain": "Safety",
            "district": "nieuw west",
            "neighbourhoods": ["Slotervaart"],
            "phone": "",
            "joined_on": TODAY,
            "persons": [("Ahmed Ouali", "Wijkagent", "020 555 0177", "ahmed@@politie.example", TODAY)],
        },
        "Sportclub Zoë": {
            "domain": "Sport",
            "district": "nieuw west",
            "neighbourhoods": ["Osdorp-Oost"],
            "phone": "",
            "joined_on": TODAY,
            "persons": [("Ëlla Réné", "Trainer", "020 555 0199", "", TODAY)],
        },
    }
    with database.session() as session:
        # The Opmerkingen cells are remarks on the partner and the person, dated the import's day: no notes.
        assert session.scalar(select(func.count()).select_from(Note)) == 0
        remarks = {o.name: o.remarks for o in session.scalars(select(Organisation)) if o.remarks}
        person_remarks = {p.name: p.remarks for p in session.scalars(select(Person)) if p.remarks}
        district = session.scalar(select(District))
        assert district is not None
        assert {n.name for n in district.neighbourhoods} == {
            "Geuzenveld",
            "Slotermeer-Noordoost",
            "Osdorp-Oost",
            "Slotervaart",
        }
    assert remarks == {
        "Jongerenwerk Nieuw West": "2026-03-31: Belt altijd terug binnen een dag",
        "Sportclub Zoë": "2026-03-31: Zaal op woensdag beschikbaar",
    }
    assert person_remarks == {
        "Fatima el Amrani": "2026-03-31: Belt altijd terug binnen een dag",
        "Ëlla Réné": "2026-03-31: Zaal op woensdag beschikbaar",
    }


def test_importing_the_same_file_again_adds_nothing(database: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "partners.xlsx", {"Partners": MESSY_ROSTER})
    run(database, path, district="Nieuw-West")
    before, records = counts(database), organisations(database)
    again = run(database, path, district="Nieuw-West")
    assert counts(database) == {**before, "audit_entry": before["audit_entry"]}
    assert organisations(database) == records
    assert again.lines[-1] == "organisations: 0 added, 6 merged; persons: 0 added, 6 merged; rows skipped: 1"
    assert again.lines[-2] == (
        "remarks: 0 added to partners and 0 to persons, 2 already there (a remark is no contact moment)"
    )
    assert 'merged: organisation "Sportclub Zoë" (row 12) is the existing "Sportclub Zoë"' in again.lines
    assert not [line for line in again.lines if line.startswith(("new ", "possible"))]


def test_windows_1252_csv_with_semicolons(database: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "partners.csv", MESSY_ROSTER, encoding="cp1252")
    assert "Zo\xeb".encode("cp1252") in path.read_bytes()  # really Windows-1252, not UTF-8
    outcome = run(database, path, district="Nieuw-West")
    assert (
        outcome.lines[-1] == "organisations: 4 added, 2 merged; persons: 5 added, 1 merged; rows skipped: 1"
    )
    # CSV line numbers: the blank line 3 and 7 count, as a text editor shows them.
    assert "row 10: no organisation; the row was skipped." in outcome.lines
    found = organisations(database)
    assert found["Sportclub Zoë"]["persons"] == [("Ëlla Réné", "Trainer", "020 555 0199", "", TODAY)]


def test_utf8_csv_with_bom_and_commas(database: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "partners.csv", MESSY_ROSTER, separator=",", encoding="utf-8-sig")
    outcome = run(database, path)
    assert (
        outcome.lines[-1] == "organisations: 4 added, 2 merged; persons: 5 added, 1 merged; rows skipped: 1"
    )
    found = organisations(database)
    # Without --district and without any district in the database, new neighbourhoods cannot be placed.
    assert found["Sportclub Zoë"]["neighbourhoods"] == []
    assert found["Sportclub Zoë"]["district"] is None
    assert (
        "row 5: the neighbourhood Geuzenveld is not known and there is no district to add it to "
        "(give --district); left out." in outcome.lines
    )
