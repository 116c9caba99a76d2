"""The mention rule: whole words in any case, e-mail addresses whole, phone numbers on their digits; after a
replacement nothing of the identifier is left to find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teamlead.rules.mentions import ERASED, Identifier, IdentifierKind, Mentions, excerpt, folded

NAME = Identifier(IdentifierKind.NAME, "Jan Bakker")
MAIL = Identifier(IdentifierKind.EMAIL, "Jan.Bakker@Kwartiermakers.example")
PHONE = Identifier(IdentifierKind.PHONE, "06 1234 5678")
ALL = Mentions([NAME, MAIL, PHONE])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("belde Jan Bakker gisteren", "belde […] gisteren"),
        ("JAN BAKKER en jan bakker", "[…] en […]"),
        ("Jan\n  Bakker's fiets", "[…]'s fiets"),
        ("Ján Bäkker, met accenten", "[…], met accenten"),
        ("(Jan Bakker)", "([…])"),
        ("Jan Evertsenstraat", "Jan Evertsenstraat"),
        ("Jansen en Bakkerij", "Jansen en Bakkerij"),
        ("Jan Bakkerij", "Jan Bakkerij"),
        ("Jan Bakker2", "Jan Bakker2"),
        ("mail jan.bakker@kwartiermakers.EXAMPLE.", "mail […]."),
        ("mailto:JAN.BAKKER@KWARTIERMAKERS.EXAMPLE", "mailto:[…]"),
        ("ajan.bakker@kwartiermakers.example", "ajan.bakker@kwartiermakers.example"),
        # another address: not this one, but its name part is the name
        ("jan.bakker@kwartiermakers.example.org", "[…]@kwartiermakers.example.org"),
    ],
)
def test_names_and_addresses_match_whole_in_any_case(text: str, expected: str) -> None:
    assert ALL.replace(text) == expected


@pytest.mark.parametrize(
    "written",
    [
        "06 1234 5678",
        "06-12345678",
        "0612345678",
        "06 12 34 56 78",
        "(06) 12345678",
        "06.1234.5678",
        "+31 6 1234 5678",
        "+31612345678",
        "+31 (0)6 12345678",
        "0031 6 12345678",
        "0031612345678",
    ],
)
def test_a_phone_number_matches_on_its_digits_however_it_is_written(written: str) -> None:
    assert ALL.replace(f"bel {written} na vijven") == f"bel {ERASED} na vijven"


@pytest.mark.parametrize(
    "text", ["10612345678", "061234567890", "06 1234 56789", "+32 6 1234 5678", "612345678"]
)
def test_a_longer_or_other_number_is_not_the_phone_number(text: str) -> None:
    assert ALL.replace(text) == text


def test_a_foreign_number_matches_with_its_country_code_or_as_dialled_at_home() -> None:
    london = Mentions([Identifier(IdentifierKind.PHONE, "+44 20 7946 0958")])
    assert london.replace("+442079460958, 0044 20 7946 0958, 020 7946 0958") == "[…], […], […]"
    assert london.replace("020 555 0958") == "020 555 0958"


def test_diacritics_and_special_letters_fold_as_search_folds_them() -> None:
    assert Mentions([Identifier(IdentifierKind.NAME, "Öztürk")]).replace("Ozturk, ÖZTÜRK, Öztürkçe") == (
        "[…], […], Öztürkçe"
    )
    assert Mentions([Identifier(IdentifierKind.NAME, "Yılmaz")]).replace("Yilmaz, Yılmaz") == "[…], […]"
    decomposed = "Zoe\u0308 belt"  # an e with a separate diaeresis: the accent goes with the name
    assert Mentions([Identifier(IdentifierKind.NAME, "Zoë")]).replace(decomposed) == "[…] belt"
    assert (
        Mentions([Identifier(IdentifierKind.NAME, "Strauss")]).replace("Strauß, Straußen") == "[…], Straußen"
    )


def test_certain_identifiers_and_the_ones_to_confirm() -> None:
    assert NAME.certain
    assert MAIL.certain
    assert PHONE.certain
    assert not Identifier(IdentifierKind.NAME, "Osdorp").certain  # a one-word name: also a neighbourhood
    assert not Identifier(IdentifierKind.NAME_PART, "Jan").certain
    assert not Identifier(IdentifierKind.NAME_PART, "de Vries").certain
    assert not Identifier(IdentifierKind.PHONE, "112").certain
    for unusable in (
        Identifier(IdentifierKind.NAME, "J."),
        Identifier(IdentifierKind.NAME, "…"),
        Identifier(IdentifierKind.EMAIL, "jan@"),
        Identifier(IdentifierKind.PHONE, "06"),
    ):
        assert not unusable.usable
        assert not Mentions([unusable])


def test_an_excerpt_shows_the_mention_in_context_on_one_line() -> None:
    text = "Vandaag " + "x" * 60 + " belde Jan\nBakker over de\tbuurtbarbecue " + "y" * 60
    (span,) = ALL.spans(text)
    assert excerpt(text, span, width=10) == "…xxx belde Jan Bakker over de b…"


# Text made of the identifier's words, other words and every kind of separator, to find what slips through.
_PIECES = st.sampled_from(
    [
        "Jan",
        "Bakker",
        "jan",
        "BAKKER",
        "Jansen",
        "Bakkerij",
        "Ján",
        "Bäkker",
        "06",
        "1234",
        "5678",
        "12345678",
        "+31",
        "0031",
        "jan.bakker@kwartiermakers.example",
        "@",
        ".",
        "-",
        " ",
        "\n",
        "(",
        ")",
        "x",
        "é",
        "'",
    ]
)


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_after_a_replacement_no_mention_is_left_and_nothing_else_changed(text: str) -> None:
    replaced = ALL.replace(text)
    assert ALL.spans(replaced) == []
    assert ALL.replace(replaced) == replaced
    # what is left outside the marks is the original text, in order
    kept = replaced.split(ERASED)
    position = 0
    for piece in kept:
        found = text.find(piece, position)
        assert found >= 0
        position = found + len(piece)
    if not ALL.spans(text):
        assert replaced == text


@given(st.text(max_size=40), st.text(max_size=40))
def test_spans_map_back_onto_any_text(before: str, after: str) -> None:
    """Whatever the characters around it (accents that fold away, letters that fold to two), a mention's span
    is a stretch of the original text that folds to the name, in order, and replacing leaves none."""
    mentions = Mentions([Identifier(IdentifierKind.NAME, "Ab Cd")])
    text = f"{before} ab cd {after}"
    spans = mentions.spans(text)
    assert spans
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert re.sub(r"[\s\-‐‑–.'’`]+", " ", folded(text[start:end])) == "ab cd"
        last = end
    assert mentions.spans(mentions.replace(text)) == []


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_the_quick_probe_never_hides_a_mention(text: str) -> None:
    """The probe only skips texts the full patterns would not match either (it decides nothing)."""
    full = re.compile(
        "|".join(f"(?:{i.pattern})" for i in sorted((NAME, MAIL, PHONE), key=lambda i: -len(i.pattern)))
    )
    if full.search(folded(text)):
        assert ALL.spans(text)
    for identifier in (NAME, MAIL, PHONE, Identifier(IdentifierKind.NAME_PART, "Bakker")):
        if re.search(identifier.pattern, folded(text)):
            assert re.search(identifier.probe, folded(text)), identifier


def test_a_mention_freed_by_replacing_its_neighbour_is_replaced_too() -> None:
    # Found by the property test above: the address is glued to the phone number, so it only stands free once
    # the number is gone.
    assert ALL.replace("0612345678jan.bakker@kwartiermakers.example") == ERASED + ERASED


def test_what_stands_in_brackets_after_a_first_name_is_read_whole_and_shown_in_context() -> None:
    from teamlead.rules.mentions import bracketed_after

    text = "Gisteren belde Bas (Steuntje in de Rug (Westlandgracht)) over de jongens bij het pleintje om de hoek."
    end = text.index("Bas") + 3
    assert bracketed_after(text, end) == "Steuntje in de Rug (Westlandgracht)"
    assert "Bas (Steuntje in de Rug (Westlandgracht))" in excerpt(text, (end - 3, end), width=10)
    assert bracketed_after("Bas belt (later) terug", 3) is None  # not right after the name
    assert bracketed_after("Bas (nooit gesloten", 3) is None
