"""What a person typing in the search box gets, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

from datetime import date

import pytest

from teamlead.data.database import Database
from teamlead.data.search import SearchKind, SearchResults, highlight, search
from tests.data.search_builders import module_database, note, organisation, person, role

__all__ = ["module_database"]  # the fixture, shared by import


def titles(results: SearchResults, kind: SearchKind) -> list[str]:
    group = results.group(kind)
    return [hit.title for hit in group.hits] if group else []


def find(database: Database, query: str, **options: object) -> SearchResults:
    with database.session() as session:
        return search(session, query, **options)  # type: ignore[arg-type]


LONG_NOTE = (
    "Lang verslag van het netwerkoverleg. " * 20
    + "Daarna kwam de Kolenkitbuurt ter sprake. "
    + "Tot slot. " * 20
)


@pytest.fixture(scope="module")
def roster(module_database: Database) -> Database:
    """One small district, shared by the tests of this module (they only read)."""
    with module_database.begin() as session:
        youth = organisation(
            session,
            "Jongerenwerk Nieuw-West",
            address="Plein '40-'45 nr. 12",
            description="Ambulant jongerenwerk in de Wildemanbuurt en Geuzenveld",
        )
        police = organisation(session, "Wijkteam Politie Osdorp", address="Tussen Meer 2")
        organisation(session, "Buurtteam Noord", description="Samen met het jongerenwerk")
        organisation(session, "Stichting Jongerenwerk Amsterdam Noord")
        organisation(session, "Jongerenwerk Noord")
        zoe = person(session, "Zoë Öztürk", email="zoe.ozturk@jongerenwerk.example")
        sukru = person(session, "Şükrü Yılmaz", email="s.yilmaz@politie.example")
        role(session, zoe, youth, "Coördinator")
        role(session, sukru, youth, "Vrijwilliger", ended_on=date(2024, 6, 30))
        role(session, sukru, police, "Wijkagent")
        note(
            session,
            "Signaal: jongeren roepen op tot rellen in de Wildemanbuurt. Zoë belt de wijkagent.",
            youth,
        )
        note(session, "Overleg met de school over de zomeractiviteiten.", police, youth)
        for number in range(1, 8):
            note(session, f"Melding nummer {number} over overlast")
        note(session, LONG_NOTE)
    return module_database


@pytest.mark.parametrize(
    ("query", "kind", "title"),
    [
        ("zoe", SearchKind.PERSON, "Zoë Öztürk"),
        ("ZOË", SearchKind.PERSON, "Zoë Öztürk"),
        ("ozturk", SearchKind.PERSON, "Zoë Öztürk"),
        ("sukru", SearchKind.PERSON, "Şükrü Yılmaz"),
        ("yilmaz", SearchKind.PERSON, "Şükrü Yılmaz"),  # dotless ı, which FTS5 alone would not fold
        ("coordinator", SearchKind.ROLE, "Zoë Öztürk · Coördinator"),
    ],
)
def test_diacritics_and_case_do_not_matter(
    roster: Database, query: str, kind: SearchKind, title: str
) -> None:
    assert titles(find(roster, query), kind) == [title]


def test_a_word_is_found_from_its_first_letters(roster: Database) -> None:
    results = find(roster, "wild")
    assert titles(results, SearchKind.ORGANISATION) == ["Jongerenwerk Nieuw-West"]
    group = results.group(SearchKind.NOTE)
    assert group is not None
    assert [hit.snippet for hit in group.hits] == [
        "Signaal: jongeren roepen op tot rellen in de Wildemanbuurt. Zoë belt de wijkagent."
    ]
    assert find(roster, "manbuurt").groups == ()  # the start of a word, not the middle


def test_every_word_must_match_somewhere_in_the_record(roster: Database) -> None:
    assert titles(find(roster, "zoe coord"), SearchKind.ROLE) == ["Zoë Öztürk · Coördinator"]
    assert titles(find(roster, "zoe wijkagent"), SearchKind.ROLE) == []
    assert titles(find(roster, "jongerenwerk geuzenveld"), SearchKind.ORGANISATION) == [
        "Jongerenwerk Nieuw-West"
    ]


def test_e_mail_addresses_and_hyphenated_words_are_split_into_words(roster: Database) -> None:
    assert titles(find(roster, "politie.example"), SearchKind.PERSON) == ["Şükrü Yılmaz"]
    assert titles(find(roster, "nieuw"), SearchKind.ORGANISATION) == ["Jongerenwerk Nieuw-West"]
    assert titles(find(roster, "west"), SearchKind.ORGANISATION) == ["Jongerenwerk Nieuw-West"]
    assert titles(find(roster, "45"), SearchKind.ORGANISATION) == ["Jongerenwerk Nieuw-West"]


def test_results_come_grouped_by_kind_with_what_to_open(roster: Database) -> None:
    results = find(roster, "sukru")
    assert [group.kind for group in results.groups] == [SearchKind.PERSON, SearchKind.ROLE]
    current, ended = results.groups[1].hits
    assert (current.title, current.snippet, current.ended_on) == (
        "Şükrü Yılmaz · Wijkagent",
        "Wijkteam Politie Osdorp",
        None,
    )
    assert (ended.title, ended.snippet, ended.ended_on) == (
        "Şükrü Yılmaz · Vrijwilliger",
        "Jongerenwerk Nieuw-West",
        date(2024, 6, 30),
    )
    with roster.session() as session:
        from teamlead.data.models import Role

        role_record = session.get_one(Role, current.record_id)
        assert (current.person_id, current.organisation_id) == (
            role_record.person_id,
            role_record.organisation_id,
        )
    signal = find(roster, "rellen").hits()[0]
    assert (signal.kind, signal.title, signal.occurred_on) == (
        SearchKind.NOTE,
        "Jongerenwerk Nieuw-West",
        date(2025, 3, 14),
    )


def test_the_match_is_marked_for_highlighting(roster: Database) -> None:
    hit = find(roster, "zoe oz").group(SearchKind.PERSON).hits[0]  # type: ignore[union-attr]
    assert [hit.title[start:end] for start, end in hit.title_marks] == ["Zoë", "Öztürk"]
    assert highlight(hit.title, hit.title_marks) == "<b>Zoë</b> <b>Öztürk</b>"
    assert highlight(hit.snippet, hit.snippet_marks, "[", "]") == "[zoe].[ozturk]@jongerenwerk.example"


def test_a_match_in_the_name_ranks_first_then_the_shorter_name(roster: Database) -> None:
    assert titles(find(roster, "jongerenwerk"), SearchKind.ORGANISATION) == [
        "Jongerenwerk Noord",
        "Jongerenwerk Nieuw-West",
        "Stichting Jongerenwerk Amsterdam Noord",
        "Buurtteam Noord",
    ]


def test_notes_are_newest_first_and_each_kind_is_limited(roster: Database) -> None:
    group = find(roster, "overlast", limit=3).group(SearchKind.NOTE)
    assert group is not None
    assert [hit.snippet for hit in group.hits] == [f"Melding nummer {n} over overlast" for n in (7, 6, 5)]
    assert group.more
    everything = find(roster, "overlast", limit=10).group(SearchKind.NOTE)
    assert everything is not None
    assert len(everything.hits) == 7
    assert not everything.more


def test_kinds_can_be_chosen(roster: Database) -> None:
    results = find(roster, "zoe", kinds=(SearchKind.NOTE,))
    assert [group.kind for group in results.groups] == [SearchKind.NOTE]


def test_a_long_note_gives_a_short_snippet_around_the_match(roster: Database) -> None:
    hit = find(roster, "kolenkit").hits()[0]
    assert hit.snippet.startswith("…")
    assert hit.snippet.endswith("…")
    assert len(hit.snippet) <= 142
    assert [hit.snippet[start:end] for start, end in hit.snippet_marks] == ["Kolenkitbuurt"]


HOSTILE = [
    "",
    "   ",
    '"',
    "'",
    "*",
    "AND",
    "OR NOT",
    "zoe AND",
    "-",
    "(",
    ")(",
    '"zoe',
    "zoe*",
    "^zoe",
    "title:zoe",
    "{title}: zoe",
    "NEAR(zoe ozturk)",
    "zoe + ozturk",
    "!!!???",
    "%_\\",
    "'; DROP TABLE note; --",
    "\x00zoe\x00",
    "🙂 zoe",
    "a" * 1000,
    "zoe " * 250,
    "".join(chr(33 + (i * 7) % 94) for i in range(1000)),
    " ".join(f"w{i}" for i in range(400)),
]


def test_any_input_is_a_query_and_never_an_error(roster: Database) -> None:
    for query in HOSTILE:
        results = find(roster, query)
        assert isinstance(results, SearchResults)
        if not any(character.isalnum() for character in query):
            assert results.groups == (), query


def test_operators_and_punctuation_are_only_words_or_separators(roster: Database) -> None:
    assert titles(find(roster, '"zoe'), SearchKind.PERSON) == ["Zoë Öztürk"]
    assert titles(find(roster, "zoe*"), SearchKind.PERSON) == ["Zoë Öztürk"]
    assert titles(find(roster, "(zoe) -ozturk"), SearchKind.PERSON) == ["Zoë Öztürk"]
    assert titles(find(roster, "zoe OR sukru"), SearchKind.PERSON) == []  # "or" is a word that must match too
    assert titles(find(roster, "\x00zoe\x00"), SearchKind.PERSON) == ["Zoë Öztürk"]
