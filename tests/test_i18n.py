"""Both languages are complete: every text the code passes to ``tr`` has a Dutch entry with the same fields.

The code is scanned with ``ast`` rather than run, so a message on a rare error path counts as much as a
menu title; new strings anywhere in ``teamlead/`` are covered without touching this test.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

import teamlead
from teamlead.i18n import catalogue, set_language, tr

PACKAGE = Path(teamlead.__file__).parent


def _literal(node: ast.expr) -> str | None:
    """The text of a string literal, including implicitly concatenated ones ("a" "b"); else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def tr_literals() -> dict[str, list[str]]:
    """Every literal first argument of a ``tr(...)`` call in the package, with where it occurs."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            function = node.func
            name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", None)
            if name != "tr":
                continue
            text = _literal(node.args[0])
            if text is not None:
                where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
                found.setdefault(text, []).append(where)
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_scan_finds_the_strings_it_should() -> None:
    found = tr_literals()
    assert "teamlead: interrupted" in found
    assert any(text.startswith("{name} is damaged (") for text in found)


def test_every_translated_text_has_a_dutch_entry() -> None:
    dutch = catalogue()
    missing = {text: where for text, where in tr_literals().items() if text not in dutch}
    report = "\n".join(f"  {text!r}  ({', '.join(where)})" for text, where in sorted(missing.items()))
    if missing:
        pytest.fail(f"{len(missing)} texts passed to tr() have no Dutch entry in a catalogue:\n{report}")


def test_every_dutch_entry_has_the_fields_of_its_english_text() -> None:
    mismatched = [
        f"  {english!r}: {sorted(fields(english))} but Dutch has {sorted(fields(dutch))}"
        for english, dutch in catalogue().items()
        if fields(english) != fields(dutch)
    ]
    if mismatched:
        pytest.fail(
            "Dutch entries with other {placeholders} than their English text:\n" + "\n".join(mismatched)
        )


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_message_follows_the_language(language: str) -> None:
    set_language(language)
    text = tr("There is no database at {name}.", name="x.sqlite3")
    assert text == (
        "Er is geen database op x.sqlite3." if language == "nl" else "There is no database at x.sqlite3."
    )
