"""Both languages are complete: every text the code passes to ``tr``, ``trn`` or ``trp`` has a Dutch entry in
the ``.po`` file with the same fields (in every plural form), none fuzzy or empty, and the committed ``.mo``
is what the ``.po`` compiles to.

The code is scanned with ``ast`` rather than run, so a message on a rare error path counts as much as a
menu title; new strings anywhere in ``teamlead/`` are covered without touching this test.
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message

from scripts.translations import ROOT, Text, compiled, po_file, po_files, read_catalog, scan
from teamlead.i18n import LANGUAGES, set_language, tr, trn, trp


@pytest.fixture(scope="module")
def dutch() -> Catalog:
    return read_catalog(po_file("nl"))


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def english_texts(message: Message) -> list[str]:
    return [message.id] if isinstance(message.id, str) else list(message.id)


def translations(message: Message) -> list[str]:
    return [message.string] if isinstance(message.string, str) else list(message.string)


def test_the_scan_finds_the_strings_it_should() -> None:
    found = scan()
    assert Text("teamlead: interrupted") in found
    assert any(text.text.startswith("{name} is damaged (") for text in found)
    assert Text("{count} partner", plural="{count} partners") in found  # trn over several lines
    assert Text("Done", context="agreement status") in found


def test_every_language_but_english_has_a_po_file() -> None:
    assert {po.parents[1].name for po in po_files()} == set(LANGUAGES) - {"en"}


def test_every_translated_text_has_a_dutch_entry(dutch: Catalog) -> None:
    problems = []
    for text, where in scan().items():
        message = dutch.get(text.text, context=text.context)
        places = ", ".join(f"{path}:{line}" for path, line in where)
        if message is None:
            problems.append(f"  no entry: {text}  ({places})")
        elif text.plural is not None and (isinstance(message.id, str) or message.id[1] != text.plural):
            problems.append(f"  not a plural entry with this plural: {text}  ({places})")
        elif text.plural is None and not isinstance(message.id, str):
            problems.append(f"  a plural entry, but the code calls tr/trp: {text}  ({places})")
    if problems:
        pytest.fail(
            f"{len(problems)} texts lack their Dutch entry in {po_file('nl').name}:\n" + "\n".join(problems)
        )


def test_every_dutch_entry_is_complete_and_has_the_fields_of_its_english_text(dutch: Catalog) -> None:
    problems = []
    for message in dutch:
        if not message.id:
            continue
        english = english_texts(message)
        dutch_forms = translations(message)
        if message.fuzzy:
            problems.append(f"  fuzzy: {english[0]!r}")
        if len(dutch_forms) != len(english) or not all(dutch_forms):
            problems.append(f"  empty: {english[0]!r}: {dutch_forms!r}")
        wanted = set().union(*(fields(text) for text in english)) - {"count"}
        for form in dutch_forms:
            have = fields(form) - {"count"}
            if have != wanted:
                problems.append(f"  {english[0]!r}: {sorted(wanted)} but Dutch {form!r} has {sorted(have)}")
    if problems:
        pytest.fail("Incomplete Dutch entries:\n" + "\n".join(problems))


def test_a_plural_entry_shows_its_count_where_the_english_does(dutch: Catalog) -> None:
    """``{count}`` may be left out of a singular ("Eén partner"), never of the plural form."""
    for message in dutch:
        if message.id and not isinstance(message.id, str) and "count" in fields(message.id[1]):
            assert "count" in fields(message.string[1]), message.id


@pytest.mark.parametrize("po", po_files(), ids=lambda po: po.parents[1].name)
def test_the_committed_mo_is_compiled_from_the_po(po: Path) -> None:
    mo = po.with_suffix(".mo")
    assert mo.is_file(), f"{mo.relative_to(ROOT)} is missing: run make translations"
    assert mo.read_bytes() == compiled(po), f"{mo.relative_to(ROOT)} is out of date: run make translations"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_message_follows_the_language(language: str) -> None:
    set_language(language)
    text = tr("There is no database at {name}.", name="x.sqlite3")
    assert text == (
        "Er is geen database op x.sqlite3." if language == "nl" else "There is no database at x.sqlite3."
    )


@pytest.mark.parametrize(
    ("language", "one", "three"),
    [("en", "1 partner", "3 partners"), ("nl", "1 partner", "3 partners")],
)
def test_a_count_takes_the_plural_form_of_the_language(language: str, one: str, three: str) -> None:
    set_language(language)
    assert trn("{count} partner", "{count} partners", 1) == one
    assert trn("{count} partner", "{count} partners", 3) == three
    assert trn("{count} person", "{count} people", 1) == ("1 persoon" if language == "nl" else "1 person")
    assert trn("{count} person", "{count} people", 0) == ("0 personen" if language == "nl" else "0 people")


def test_a_word_with_two_meanings_reads_by_its_context() -> None:
    set_language("nl")
    assert trp("agreement status", "Done") == "Afgerond"
    assert tr("Done") == "Klaar"
    set_language("en")
    assert trp("agreement status", "Done") == tr("Done") == "Done"
