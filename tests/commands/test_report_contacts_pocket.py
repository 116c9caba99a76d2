"""`teamlead report contacts --neighbourhood`: the pocket page of a neighbourhood on the district demo.

Walked as a team lead walks it: the demo made by `teamlead demo --scale district`, key contacts chosen through
the service the partner screen uses, the files made by the command and read back (pypdf with the size of every
piece of text, openpyxl, vobject). Who should be on the page is asked of the database through Who to call's
own query, not of the writer.
"""

from __future__ import annotations

import math
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
import vobject
from pypdf import PdfReader

from teamlead.cli import main
from teamlead.data.database import open_database
from teamlead.data.queries.districts import find_neighbourhoods
from teamlead.data.queries.people import CallGroup, who_to_call
from teamlead.data.roster import Organisation, Person
from teamlead.i18n import set_language
from teamlead.producing.pocket import pocket_file_name, pocket_request
from teamlead.producing.produce import produce
from teamlead.rules import formatting
from teamlead.rules.clock import amsterdam_today
from teamlead.rules.files import WINDOWS_FORBIDDEN
from teamlead.services.geography import add_district, add_neighbourhood
from teamlead.services.key_contacts import set_key_contact, set_reachability
from teamlead.services.organisations import OrganisationInput, add_organisation
from teamlead.services.persons import PersonInput, add_person
from tests.reports.readback import pdf_text, sheet_rows

WILDEMAN = "Wildemanbuurt"
OZLEM = "Özlem Çelik-van Ĳsselmuiden"
LONG_PARTNER = (
    "Stichting Samenwerkende Buurtpartners voor Jeugd, Gezin; Zorg en Veiligheid in Geuzenveld-Slotermeer "
    "en Osdorp\\Nieuw-West"
)
OZLEM_PHONE = "06 5555 1234"


def run(db: Path, *args: str) -> int:
    return main(["--database", str(db), *args])


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The district demo as `teamlead demo --scale district` makes it; copy it before changing it."""
    path = tmp_path_factory.mktemp("demo") / "teamlead.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "teamlead", "--database", str(path), "demo", "--scale", "district"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return path


def _groups(db: Path) -> list[CallGroup]:
    database = open_database(db)
    try:
        with database.session() as session:
            neighbourhood = find_neighbourhoods(session, WILDEMAN)[0]
            return who_to_call(session, neighbourhood.id, today=date.today())
    finally:
        database.dispose()


@pytest.fixture(scope="module")
def pocket_db(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with a key contact for every Wildemanbuurt partner that has people (where the demo chose
    none), one reachable in the evening, and a partner with a long name whose key contact is Özlem."""
    path = tmp_path_factory.mktemp("pocket") / "teamlead.sqlite3"
    shutil.copy(demo_file, path)
    database = open_database(path)
    try:
        with database.begin() as session:
            neighbourhood = find_neighbourhoods(session, WILDEMAN)[0]
            groups = who_to_call(session, neighbourhood.id, today=date.today())
            for group in groups:
                for partner in group.partners:
                    if partner.people and partner.key_contact is None:
                        version = session.get(Organisation, partner.id).version  # type: ignore[union-attr]
                        set_key_contact(
                            session, partner.id, partner.people[0].person_id, expected_version=version
                        )
            organisation_id = add_organisation(
                session,
                OrganisationInput(
                    name=LONG_PARTNER,
                    district_id=neighbourhood.district_id,
                    domain_id=groups[0].domain_id,
                    neighbourhood_ids=[neighbourhood.id],
                    phone="020 555 0100",
                ),
            )
            added = add_person(
                session,
                PersonInput(name=OZLEM, phone=OZLEM_PHONE, email="o.celik@buurtpartners.example"),
                organisation_id=organisation_id,
                role_title="coördinator jeugd; veiligheid, zorg",
            )
            version = session.get(Organisation, organisation_id).version  # type: ignore[union-attr]
            set_key_contact(session, organisation_id, added.person_id, expected_version=version)
            person = session.get(Person, added.person_id)
            assert person is not None
            set_reachability(session, person.id, ["office", "evening"], expected_version=person.version)
    finally:
        database.dispose()
    return path


@pytest.fixture
def dutch() -> object:
    set_language("nl")
    yield
    set_language("en")


def _sized_text(page: object) -> list[tuple[str, float]]:
    """Every piece of text on a PDF page with the size it is drawn at (points)."""
    found: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            found.append((text.strip(), size * scale))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return found


def _key_contacts(groups: list[CallGroup]) -> list[tuple[str, str]]:
    """(name, phone) of every key contact, in Who to call's order."""
    return [
        (partner.key_contact.name, partner.key_contact.phone or partner.phone)
        for group in groups
        for partner in group.partners
        if partner.key_contact is not None
    ]


def test_the_pocket_pdf_shows_the_key_contacts_first_with_large_numbers(
    pocket_db: Path, tmp_path: Path, dutch: object
) -> None:
    out = tmp_path / "wildeman.pdf"
    assert (
        run(
            pocket_db,
            "--language",
            "nl",
            "report",
            "contacts",
            "--neighbourhood",
            "wildeman buurt",
            "-o",
            str(out),
        )
        == 0
    )
    keys = _key_contacts(_groups(pocket_db))
    assert len(keys) >= 20
    reader = PdfReader(out)
    first = _sized_text(reader.pages[0])
    first_text = " ".join(text for text, _ in first)
    assert "Vaste contactpersonen" in first_text
    on_first = [(name, phone) for name, phone in keys if name in first_text]
    assert len(on_first) >= 10, "the first page is for the key contacts"
    assert on_first == keys[: len(on_first)], "in Who to call's order"
    for _name, phone in on_first:
        sizes = [size for text, size in first if text == phone]
        assert sizes, f"{phone} not drawn on its own on the first page"
        assert min(sizes) >= 14, f"{phone} drawn at {min(sizes)} pt"
    # Every key contact before any other contact; every page names the place and the day it was made.
    text = pdf_text(out)
    others_from = text.index("Overige contactpersonen")
    assert all(text.index(name) < others_from for name, _ in keys)
    assert OZLEM in text
    made = f"Stand: {formatting.day_text(amsterdam_today())}"  # the report dates itself in Amsterdam
    for page in reader.pages:
        page_text = page.extract_text()
        assert WILDEMAN in page_text
        assert made in page_text


def test_the_workbook_holds_the_same_people(pocket_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "wildeman.xlsx"
    assert run(pocket_db, "report", "contacts", "--neighbourhood", WILDEMAN, "-o", str(out)) == 0
    rows = sheet_rows(out, "Who to call")
    header, body = rows[0], rows[1:]
    assert header[:4] == ("Key contact", "Domain", "Name", "Partner")
    keys = _key_contacts(_groups(pocket_db))
    marked = [(row[2], row[5]) for row in body if row[0] == "yes"]
    assert marked == keys
    assert all(row[0] == "yes" for row in body[: len(keys)]), "key contacts first"
    ozlem = next(row for row in body if row[2] == OZLEM)
    assert ozlem[3] == LONG_PARTNER
    assert ozlem[7] == "Office hours (Mon–Fri 9–17), Evening (17–23)"


def test_the_vcf_parses_with_names_intact_and_lines_folded(pocket_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "wildeman.vcf"
    assert run(pocket_db, "report", "contacts", "--neighbourhood", WILDEMAN, "-o", str(out)) == 0
    raw = out.read_bytes()
    lines = raw.split(b"\r\n")
    assert lines[-1] == b""
    assert b"\n" not in raw.replace(b"\r\n", b""), "CRLF line ends only"
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines), "long lines folded"
    cards = list(vobject.readComponents(raw.decode("utf-8")))
    people = {
        person.person_id
        for group in _groups(pocket_db)
        for partner in group.partners
        for person in partner.people
    }
    assert len(cards) == len(people)
    ozlem = next(card for card in cards if card.fn.value == OZLEM)
    assert ozlem.org.value == [LONG_PARTNER]
    assert ozlem.title.value == "coördinator jeugd; veiligheid, zorg"
    assert ozlem.n.value.given == "Özlem"
    assert ozlem.n.value.family == "Çelik-van Ĳsselmuiden"
    assert ozlem.tel.value == OZLEM_PHONE
    assert ozlem.tel.params["TYPE"] == ["WORK", "VOICE"]
    assert ozlem.email.value == "o.celik@buurtpartners.example"
    assert "Wildemanbuurt (Nieuw-West)" in ozlem.note.value
    assert "Evening (17–23)" in ozlem.note.value
    assert ozlem.rev.value.startswith(date.today().strftime("%Y%m%d"))
    assert cards[0].fn.value == _key_contacts(_groups(pocket_db))[0][0], "key contacts first"


def test_the_zip_holds_one_card_per_person_each_readable_alone(pocket_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "wildeman.zip"
    assert run(pocket_db, "report", "contacts", "--neighbourhood", WILDEMAN, "-o", str(out)) == 0
    single = tmp_path / "wildeman.vcf"
    assert run(pocket_db, "report", "contacts", "--neighbourhood", WILDEMAN, "-o", str(single)) == 0
    together = [card.fn.value for card in vobject.readComponents(single.read_text(encoding="utf-8"))]
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        alone = []
        for name in names:
            cards = list(vobject.readComponents(archive.read(name).decode("utf-8")))
            assert len(cards) == 1, name
            alone.append(cards[0].fn.value)
    assert alone == together
    assert len({name.casefold() for name in names}) == len(names), "unique, even where case is ignored"
    for name in names:
        assert name.endswith(".vcf")
        assert name.isascii()
        assert not set(name) & WINDOWS_FORBIDDEN
    assert any(name.startswith("Ozlem Celik-van IJsselmuiden - ") for name in names)


def test_the_screen_makes_the_same_file_through_produce(pocket_db: Path, tmp_path: Path) -> None:
    """What Who to call's "Save for my phone…" calls: the neighbourhood by id, the same cards."""
    by_command = tmp_path / "command.vcf"
    assert run(pocket_db, "report", "contacts", "--neighbourhood", WILDEMAN, "-o", str(by_command)) == 0
    database = open_database(pocket_db)
    try:
        with database.session() as session:
            neighbourhood = find_neighbourhoods(session, WILDEMAN)[0]
        name = pocket_file_name(neighbourhood.name, ".vcf")
        assert name == "Who to call Wildemanbuurt.vcf"
        written = produce(database, pocket_request(tmp_path / name, neighbourhood.id, date.today()))
    finally:
        database.dispose()
    cards = [card.fn.value for card in vobject.readComponents(written.read_text(encoding="utf-8"))]
    assert cards == [card.fn.value for card in vobject.readComponents(by_command.read_text(encoding="utf-8"))]


def test_the_demo_itself_chooses_key_contacts_shown_first(demo_file: Path, tmp_path: Path) -> None:
    keys = _key_contacts(_groups(demo_file))
    if not keys:
        pytest.skip("the district demo chooses no key contacts yet")
    out = tmp_path / "demo.pdf"
    assert run(demo_file, "report", "contacts", "--neighbourhood", WILDEMAN, "-o", str(out)) == 0
    first = _sized_text(PdfReader(out).pages[0])
    first_text = " ".join(text for text, _ in first)
    assert keys[0][0] in first_text
    assert min(size for text, size in first if text == keys[0][1]) >= 14


@pytest.mark.parametrize("suffix", [".pdf", ".vcf", ".zip"])
def test_the_city_may_not_have_it(
    pocket_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    out = tmp_path / f"city{suffix}"
    args = ("--neighbourhood", WILDEMAN, "--audience", "city", "-o", str(out))
    assert run(pocket_db, "report", "contacts", *args) == 2
    assert "district audience" in capsys.readouterr().err
    assert not out.exists()


def test_an_unknown_neighbourhood_is_named(
    pocket_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nowhere.vcf"
    assert run(pocket_db, "report", "contacts", "--neighbourhood", "Nergenshuizen", "-o", str(out)) == 2
    error = capsys.readouterr().err
    assert "'Nergenshuizen'" in error
    assert WILDEMAN in error  # what there is to choose from
    assert "Traceback" not in error
    assert not out.exists()


@pytest.mark.parametrize("suffix", [".vcf", ".zip"])
def test_cards_need_a_neighbourhood(
    pocket_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    out = tmp_path / f"all{suffix}"
    assert run(pocket_db, "report", "contacts", "-o", str(out)) == 2
    assert "--neighbourhood" in capsys.readouterr().err
    assert not out.exists()


def test_the_contact_sheet_without_a_neighbourhood_stays_as_it_was(pocket_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    assert run(pocket_db, "report", "contacts", "-o", str(out)) == 0
    text = pdf_text(out)
    assert text.startswith("Contact sheet")
    assert "Key contacts" not in text
    assert run(pocket_db, "report", "contacts", "-o", str(tmp_path / "sheet.png")) == 2


def test_a_neighbourhood_without_partners_gets_a_page_that_says_so(tmp_path: Path) -> None:
    db = tmp_path / "teamlead.sqlite3"
    database = open_database(db)
    try:
        with database.begin() as session:
            district = add_district(session, "Nieuw-West")
            add_neighbourhood(session, district, WILDEMAN)
    finally:
        database.dispose()
    for suffix in (".pdf", ".xlsx", ".vcf", ".zip"):
        out = tmp_path / f"empty{suffix}"
        assert run(db, "report", "contacts", "--neighbourhood", WILDEMAN, "-o", str(out)) == 0, suffix
    assert "No active partner serving this neighbourhood has a contact person" in pdf_text(
        tmp_path / "empty.pdf"
    )
    assert sheet_rows(tmp_path / "empty.xlsx", "Who to call")[1:] == []
    assert (tmp_path / "empty.vcf").read_bytes() == b""
    with zipfile.ZipFile(tmp_path / "empty.zip") as archive:
        assert archive.namelist() == []


def test_an_empty_database_names_the_neighbourhood_it_lacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "teamlead.sqlite3"
    assert run(db, "report", "contacts", "--neighbourhood", WILDEMAN, "-o", str(tmp_path / "x.pdf")) == 2
    assert f"'{WILDEMAN}'" in capsys.readouterr().err
