"""The query as terms, and the marks and snippets the search box shows (no database needed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from teamlead.data.search_text import MAX_TERMS, highlight, mark, parse_query, snippet
from teamlead.rules.text import fold


def test_a_query_is_its_words_folded_with_repeats_and_prefixes_dropped() -> None:
    parsed = parse_query('Zoë "AND" (ozt* -Zo) zoë')
    assert parsed.terms == ("zoe", "and", "ozt")
    assert parsed.words == ("Zoë", "AND", "ozt")
    assert parsed.fts5() == '"Zoë"* "AND"* "ozt"*'
    assert parsed.text() == "Zoë AND ozt"


def test_letters_fts5_keeps_as_they_are_are_folded_for_it() -> None:
    assert parse_query("Yılmaz Łukasz").fts5() == '"Yilmaz"* "Lukasz"*'
    assert [fold(word) for word in ("Şükrü", "Öztürk", "ĳsbaan", "Straße")] == [
        "sukru",
        "ozturk",
        "ijsbaan",
        "strasse",
    ]


def test_punctuation_only_is_no_query() -> None:
    assert not parse_query("!!! -- '' () *")
    assert not parse_query("")


def test_a_pasted_paragraph_is_cut_to_a_few_terms() -> None:
    parsed = parse_query(" ".join(f"woord{n}x" for n in range(300)))
    assert len(parsed.terms) == MAX_TERMS


def test_marks_cover_the_words_that_start_with_a_term() -> None:
    text = "Zoë Öztürk (zoe.ozturk@example.nl) bij de Wildemanbuurt"
    assert [text[start:end] for start, end in mark(text, ("zoe", "wild"))] == ["Zoë", "zoe", "Wildemanbuurt"]
    assert mark(text, ()) == ()


def test_a_short_text_is_its_own_snippet_on_one_line() -> None:
    assert snippet("Belt\nmorgen   terug", ("terug",)) == ("Belt morgen terug", ((12, 17),))


def test_highlight_escapes_everything_but_the_marks() -> None:
    assert highlight("<a> & b", ((4, 5), (6, 7))) == "&lt;a&gt; <b>&amp;</b> <b>b</b>"


@given(st.text(max_size=1200))
def test_any_text_parses_to_safe_fts5_phrases(query: str) -> None:
    parsed = parse_query(query)
    assert len(parsed.terms) <= MAX_TERMS
    for word in parsed.words:
        assert word
        assert all(character.isalnum() or not character.isprintable() for character in word)
    assert '""' not in parsed.fts5()


@given(st.text(max_size=400), st.lists(st.text(min_size=1, max_size=5), max_size=3))
def test_snippet_marks_always_point_at_matching_words(text: str, words: list[str]) -> None:
    terms = tuple(fold(word) for word in words if fold(word))
    excerpt, marks = snippet(text, terms)
    assert len(excerpt) <= 142
    for start, end in marks:
        assert fold(excerpt[start:end]).startswith(terms)
