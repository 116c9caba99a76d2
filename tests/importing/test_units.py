"""The importer's small parts: header matching, separators, the fast Dutch phone path, near names, cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from teamlead.data.database import Database
from teamlead.data.models import Organisation
from teamlead.errors import ValidationError
from teamlead.importing.apply import ImportCancelledError, apply_plan
from teamlead.importing.cleaning import dutch_phone
from teamlead.importing.headers import Field, detect_layout, match_header
from teamlead.importing.plan import build_plan
from teamlead.importing.readers import Table, guess_separator
from teamlead.importing.similar import near_pairs
from teamlead.services.contact import normalise_phone
from tests.importing.big import HEADER, roster_rows


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("ORGANISATIE", Field.ORGANISATION),
        ("Organisation", Field.ORGANISATION),
        (" e-mail ", Field.EMAIL),
        ("E-mail adres", Field.EMAIL),
        ("Tel.", Field.PHONE),
        ("Buurt(en)", Field.NEIGHBOURHOODS),
        ("contact persoon", Field.NAME),
        ("Notities", Field.NOTES),
        ("Functie", Field.ROLE),
        ("Opmerking!", Field.NOTES),
        ("Geboortedatum", None),
    ],
)
def test_headers_match_in_dutch_or_english_ignoring_case_spaces_and_punctuation(
    header: str, field: Field | None
) -> None:
    assert match_header(header) == field


def test_the_header_is_found_below_title_and_blank_rows() -> None:
    table = Table(
        "Blad1", [(1, ["Partnerlijst"]), (2, ["Stand: maart", None]), (5, [None, "Naam", "Organisatie"])]
    )
    layout = detect_layout(table)
    assert layout is not None
    assert layout.header_index == 2
    assert layout.columns == {Field.NAME: 1, Field.ORGANISATION: 2}
    assert detect_layout(Table("x", [(1, ["Jongerenwerk", "Fatima"])])) is None


def test_separator_is_detected() -> None:
    assert guess_separator("Organisatie;Naam\nA;B\n") == ";"
    assert guess_separator("Organisatie,Naam\nA, B,C\nD,E\n") == ","
    assert guess_separator('Organisatie;Naam\n"Buurtteam, West";Fatima\n') == ";"
    assert guess_separator("Organisatie\tNaam\nA\tB\n") == "\t"


@settings(max_examples=300, deadline=None)
@given(
    digits=st.text("0123456789", min_size=10, max_size=10).map(lambda d: "0" + d[1:]),
    spacing=st.sampled_from(["{}", "{0}{1}{2} {3}", "({0}{1}{2}) {3}", "{0}{1}-{3}"]),
)
def test_the_fast_dutch_path_gives_the_services_form(digits: str, spacing: str) -> None:
    written = digits if spacing == "{}" else spacing.format(digits[0], digits[1], digits[2], digits[3:])
    try:
        expected: str | None = normalise_phone(written)
    except ValidationError:
        expected = None
    assert dutch_phone(written) == expected


def test_near_names_are_one_letter_apart() -> None:
    keys = [
        "politiebasisteamslotervaart",
        "politiebasisteamslotervart",
        "ggd",
        "ggz",
        "jongerenwerk",
        "jongernewerk",
    ]
    assert near_pairs(keys, keys) == [
        ("politiebasisteamslotervaart", "politiebasisteamslotervart"),
        ("jongerenwerk", "jongernewerk"),
    ]
    letters = [
        f"buurtteam{chr(97 + n // 676)}{chr(97 + n // 26 % 26)}{chr(97 + n % 26)}" for n in range(3000)
    ]
    assert ("buurtteamaab", "buurtteamaaa") in near_pairs(letters[1:2], letters)  # the indexed path
    numbered = [f"basisschool{n}" for n in range(3000)]  # Basisschool 12 and 13 are different schools
    assert near_pairs(numbered, numbered) == []
    assert near_pairs(["basisschool12"], ["basisschol12"]) == [("basisschool12", "basisschol12")]


def test_a_cancelled_import_writes_nothing(database: Database) -> None:
    table = Table("Partners", [(1, HEADER), *((n + 2, row) for n, row in enumerate(roster_rows(3000)))])
    layout = detect_layout(table)
    assert layout is not None
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    def run() -> None:
        with database.begin() as session:
            apply_plan(session, build_plan(session, table, layout, district="Nieuw-West"), cancel=cancel)

    with pytest.raises(ImportCancelledError, match="database is unchanged"):
        run()
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Organisation)) == 0


def test_paths_in_messages_name_the_file(tmp_path: Path) -> None:
    from teamlead.importing.limits import UnreadableFileError, check_file

    with pytest.raises(UnreadableFileError, match=r"^Cannot import nope\.xlsx: it cannot be opened"):
        check_file(tmp_path / "nope.xlsx")
