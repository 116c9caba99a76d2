"""The two text rules: finding (case and diacritics ignored, word prefixes) and identity (diacritics kept)."""

from __future__ import annotations

import unicodedata

import pytest

from teamlead.rules.text import filter_terms, fold, haystack, identity_key, matches, narrows, words


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("yilmaz", "Yılmaz"),
        ("YIL", "Yılmaz"),
        ("zoe", "Zoë van Dijk"),
        ("van zo", "Zoë van Dijk"),
        ("oster", "Øster"),
        ("dogan", "Doğan"),
        ("strasse", "Straße"),
        ("straße", "Strasse"),
        ("ozturk", "Öztürk"),
        ("nieuw", "Jongerenwerk Nieuw-West"),
        ("west", "Jongerenwerk Nieuw-West"),
        ("ibn", "Ibn Ba'tutah Moskee"),
    ],
)
def test_a_typed_word_finds_the_start_of_a_word(typed: str, name: str) -> None:
    assert matches(filter_terms(typed), haystack((name,)))


@pytest.mark.parametrize(
    ("typed", "name"),
    [("ilmaz", "Yılmaz"), ("est", "Nieuw-West"), ("zoë van x", "Zoë van Dijk"), ("oo", "Boot")],
)
def test_the_middle_of_a_word_is_not_a_match(typed: str, name: str) -> None:
    assert not matches(filter_terms(typed), haystack((name,)))


def test_no_words_match_everything() -> None:
    assert filter_terms("  ,- ") == ()
    assert matches(filter_terms(""), haystack(("anything",)))


def test_fold_is_the_full_text_index_folding() -> None:
    assert fold("Ğüzel Øster Straße ÆBLE Ĳssel") == "guzel oster strasse aeble ijssel"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Jongerenwerk Nieuw West", "jongerenwerk nieuw-west"),
        ("nieuw west", "Nieuw-West"),
        ("St. Jozef (school)", "st jozef school"),
    ],
)
def test_identity_ignores_case_spaces_dashes_and_punctuation(one: str, other: str) -> None:
    assert identity_key(one) == identity_key(other)


def test_identity_keeps_diacritics() -> None:
    assert identity_key("Zoë") != identity_key("Zoe")
    assert identity_key("Yılmaz") != identity_key("Yilmaz")


def test_a_name_of_punctuation_alone_keeps_a_key() -> None:
    assert identity_key("--") == "--"


def test_report_keys_of_user_made_domains_and_themes() -> None:
    from teamlead.rules.text import report_key

    assert report_key("Jeugd & Gezin") == "jeugd_gezin"
    assert report_key("  Sport (buurt) ") == "sport_buurt"
    assert report_key("Zoë's Café") == "zoe_s_cafe"
    assert report_key("Sport", taken={"sport"}) == "sport_2"
    assert report_key("Sport", taken={"sport", "sport_2"}) == "sport_3"
    assert report_key("Social") == "social"
    assert report_key("!!!") == "key"


def test_a_report_key_fits_its_column() -> None:
    from teamlead.rules.limits import Width
    from teamlead.rules.text import report_key

    name = "Jeugd en gezin in de buurt " * 4  # 108 characters
    key = report_key(name)
    assert len(key) <= Width.KEY
    assert key == "jeugd_en_gezin_in_de_buurt_jeugd_en_gezi"
    second = report_key(name, taken={key})
    assert (second, len(second)) == ("jeugd_en_gezin_in_de_buurt_jeugd_en_ge_2", Width.KEY)
    assert report_key("a b" + "c" * 60, width=4) == "a_bc"
    assert report_key("a bcd", taken={"a_bc"}, width=4) == "a_2"  # not "a__2"


def test_a_word_is_a_run_of_letters_digits_and_private_use_characters_as_the_index_splits() -> None:
    """Every code point: in a word exactly when it is a letter or digit (``str.isalnum``) or private use (the
    full-text index's ``unicode61`` keeps those too); an underscore, a dash or a space ends a word."""
    every = "-".join(chr(point) for point in range(0x110000))  # point p at 2p, dashes between
    spans = list(words(every))
    assert {end - start for start, end in spans} == {1}
    in_words = {start // 2 for start, _end in spans}
    expected = {
        point for point in range(0x110000) if chr(point).isalnum() or unicodedata.category(chr(point)) == "Co"
    }
    assert sorted(in_words ^ expected) == []
    assert list(words("jongeren_werk Nieuw-West 2026")) == [(0, 8), (9, 13), (14, 19), (20, 24), (25, 29)]


def test_one_more_letter_narrows_a_filter_and_a_changed_word_does_not() -> None:
    assert narrows(filter_terms("jon"), filter_terms("jo"))
    assert narrows(filter_terms("jo va"), filter_terms("jo"))
    assert narrows(filter_terms("jo"), ())
    assert not narrows(filter_terms("j"), filter_terms("jo"))  # a letter taken back
    assert not narrows(filter_terms("ja"), filter_terms("jo"))
    assert not narrows(filter_terms("va"), filter_terms("jo va"))  # a word taken away
