"""The vCard 3.0 text of :mod:`teamlead.reports.vcard`: folding at 75 octets without splitting a character,
escaping, CRLF; read back with vobject, and for any text with hypothesis."""

from __future__ import annotations

from datetime import datetime

import vobject
from hypothesis import given
from hypothesis import strategies as st

from teamlead.reports.vcard import Card, escape, fold, vcard_bytes, vcard_text
from teamlead.rules.clock import AMSTERDAM

MADE = datetime(2026, 12, 4, 16, 53, tzinfo=AMSTERDAM)


def test_a_long_line_of_multibyte_letters_folds_between_characters() -> None:
    line = "FN:" + "Ĳ" * 60  # two octets each: the 75-octet edge falls inside one
    folded = fold(line).encode("utf-8").split(b"\r\n")
    assert len(folded) == 2
    assert all(len(piece) <= 75 for piece in folded)
    assert folded[1].startswith(b" ")
    assert b"".join([folded[0], folded[1][1:]]).decode("utf-8") == line  # every piece decodes: none split


def test_a_short_line_is_left_alone() -> None:
    assert fold("FN:Zoë") == "FN:Zoë"


def test_escaping_backslash_comma_semicolon_and_newlines() -> None:
    assert escape("a\\b,c;d\ne\r\nf") == "a\\\\b\\,c\\;d\\ne\\nf"


def test_a_card_reads_back_with_every_field() -> None:
    card = Card(
        name="Özlem Çelik-van Ĳsselmuiden",
        organisation="Stichting Jeugd, Gezin; Zorg\\Veiligheid",
        title="coördinator",
        phone="06 5555 1234",
        email="o@example.org",
        note="Wie bel ik: Wildemanbuurt (Nieuw-West)\nStand: 4 dec 2026",
        revised=MADE,
    )
    text = vcard_text([card])
    assert text.endswith("END:VCARD\r\n")
    assert "REV:20261204T155300Z\r\n" in text
    parsed = vobject.readOne(text)
    assert parsed.version.value == "3.0"
    assert parsed.fn.value == card.name
    assert parsed.n.value.family == "Çelik-van Ĳsselmuiden"
    assert parsed.org.value == [card.organisation]
    assert parsed.note.value == card.note
    assert parsed.tel.params["TYPE"] == ["WORK", "VOICE"]
    assert parsed.email.params["TYPE"] == ["INTERNET"]


def test_a_person_without_phone_or_email_gets_no_empty_properties() -> None:
    text = vcard_text([Card(name="Zoë")])
    assert "TEL" not in text
    assert "EMAIL" not in text
    assert vobject.readOne(text).n.value.family == "Zoë"


@given(
    name=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=120).filter(
        str.strip
    ),
    organisation=st.text(st.characters(blacklist_categories=("Cs",)), max_size=200),
)
def test_any_text_survives_folding_and_escaping(name: str, organisation: str) -> None:
    data = vcard_bytes([Card(name=name, organisation=organisation)])
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    unfolded = data.decode("utf-8").replace("\r\n ", "")
    fn = next(line for line in unfolded.split("\r\n") if line.startswith("FN:"))
    assert fn == f"FN:{escape(name)}"
