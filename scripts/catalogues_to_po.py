"""Fold the old Python catalogues (``teamlead/i18n/catalogues/*.py``, each a ``NL: dict[str, str]``) into the
Dutch ``.po`` file, then delete them, so the ``.po`` stays the only source of translations.

    .venv/bin/python scripts/catalogues_to_po.py   # fold, rewrite the .po, delete the catalogue modules
    make translations                              # compile the .po to the .mo the app reads

It works on a tree that has both the ``.po`` and catalogue modules, which is what a merge of a branch that
still added entries to the catalogues gives: resolve the merge by keeping that branch's catalogue modules
(``git checkout --theirs teamlead/i18n/catalogues`` for modify/delete conflicts, or take the files as they
come), run this script and ``make translations``, check ``tests/test_i18n.py``, and commit the result.

How it merges, entry by entry (msgid plus context):

- the ``.po`` keeps every entry it has, translations, plural forms and context included;
- a catalogue entry adds its Dutch when the ``.po`` lacks the text, and replaces the ``.po``'s Dutch when the
  two differ (the catalogue module then comes from the branch just merged; each replacement is printed);
- a catalogue entry for the plural text of a ``trn`` call (``"{count} partners"``) seeds that entry's plural
  form, one for its singular (or for the same text with 1, ``"1 partner"``) its singular form; a form with
  nothing to seed it is left empty for a person to fill (the completeness test names it); a ``trp`` entry
  new to the ``.po`` starts from the catalogue's Dutch for the same text without context;
- every entry gets ``#:`` references to where the code translates it (an ``ast`` scan of ``teamlead/``);
  entries the scan does not find (texts translated through a variable) are kept without references;
- the entries are written in a stable order: by English text, then context.
"""

from __future__ import annotations

import ast
import string
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from babel.messages.catalog import Catalog, Message  # noqa: E402
from babel.messages.pofile import write_po  # noqa: E402

from scripts.translations import PACKAGE, Text, po_file, read_catalog, scan  # noqa: E402

CATALOGUES = PACKAGE / "i18n" / "catalogues"
LANGUAGE = "nl"
HEADER = """\
# Dutch translations of Teamlead.
# The English texts are in the code (tr, trn, trp in teamlead/); edit this file by hand or in Poedit,
# then run `make translations` to compile it to teamlead.mo beside it.
#"""


def catalogue_entries(folder: Path = CATALOGUES) -> dict[str, str]:
    """Every ``NL`` dict in the catalogue modules, read as literals (not imported), in file order."""
    merged: dict[str, str] = {}
    for path in sorted(folder.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target = node.target if isinstance(node, ast.AnnAssign) else None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
            if isinstance(target, ast.Name) and target.id == "NL" and node.value is not None:  # type: ignore[union-attr]
                merged.update(ast.literal_eval(node.value))  # type: ignore[union-attr]
    return merged


def _flags(text: str) -> set[str]:
    """``python-brace-format`` for texts with ``{fields}``, so Poedit checks the placeholders."""
    try:
        has_fields = any(name is not None for _, name, _, _ in string.Formatter().parse(text))
    except ValueError:
        has_fields = False
    return {"python-brace-format"} if has_fields else set()


def _new_catalog(old: Catalog | None) -> Catalog:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    catalog = Catalog(
        locale=LANGUAGE,
        domain="teamlead",
        header_comment=old.header_comment if old else HEADER,
        project="Teamlead",
        version=old.version if old else "1",
        msgid_bugs_address=old.msgid_bugs_address if old else "teamlead@localhost",
        creation_date=old.creation_date if old else now,
        revision_date=old.revision_date if old else now,
        last_translator=old.last_translator if old else "Teamlead <teamlead@localhost>",
        language_team=old.language_team if old else "Dutch",
        fuzzy=False,
    )
    return catalog


Key = tuple[str, str | None]
"""An entry's English text (the singular of a plural entry) and context."""


def _existing(old: Catalog | None) -> dict[Key, Message]:
    """The ``.po``'s entries by key (its header left out)."""
    if old is None:
        return {}
    return {
        (message.id if isinstance(message.id, str) else message.id[0], message.context): message
        for message in old
        if message.id
    }


def _add_plurals_and_contexts(
    messages: dict[Key, Message], dutch: dict[str, str], found: set[Text]
) -> set[str]:
    """Entries for the code's ``trn`` and ``trp`` texts the ``.po`` lacks, seeded from the catalogues; the
    catalogue texts that only served as such seeds."""
    seeds: set[str] = set()
    for text in found:
        key = (text.text, text.context)
        if text.plural is not None:
            one = text.text.replace("{count}", "1")
            seeds.update({text.text, text.plural, one})
            if key not in messages or isinstance(messages[key].id, str):
                singular = dutch.get(text.text) or dutch.get(one, "").replace("1", "{count}", 1)
                seed = (singular, dutch.get(text.plural, ""))
                messages[key] = Message((text.text, text.plural), seed, context=text.context)
        elif text.context is not None and key not in messages:
            messages[key] = Message(text.text, dutch.get(text.text, ""), context=text.context)
    return seeds - {text.text for text in found if text.plural is None and text.context is None}


def _add_catalogue_entries(messages: dict[Key, Message], dutch: dict[str, str], seeds: set[str]) -> None:
    """The catalogue modules' entries: new ones added, differing ones replacing the ``.po``'s (printed)."""
    for english, translation in dutch.items():
        key = (english, None)
        if key not in messages:
            if english not in seeds:
                messages[key] = Message(english, translation)
        elif isinstance(messages[key].id, str) and messages[key].string != translation:
            print(f"catalogue replaces the .po: {english!r}: {messages[key].string!r} -> {translation!r}")
            messages[key].string = translation


def merged(old: Catalog | None, dutch: dict[str, str], found: dict[Text, list[tuple[str, int]]]) -> Catalog:
    """The new catalogue: the ``.po``'s entries, the catalogue modules' and the code's texts, merged."""
    messages = _existing(old)
    seeds = _add_plurals_and_contexts(messages, dutch, set(found))
    _add_catalogue_entries(messages, dutch, seeds)
    for text in found:
        messages.setdefault((text.text, text.context), Message(text.text, "", context=text.context))
    where = {(text.text, text.context): places for text, places in found.items()}
    catalog = _new_catalog(old)
    for key in sorted(messages, key=lambda key: (key[0], key[1] or "")):
        message = messages[key]
        texts = [message.id] if isinstance(message.id, str) else list(message.id)
        catalog.add(
            message.id,
            message.string,
            locations=where.get(key, []),
            flags=set(message.flags) | set().union(*(_flags(text) for text in texts)),
            auto_comments=message.auto_comments,
            user_comments=message.user_comments,
            context=message.context,
        )
    return catalog


def main() -> int:
    po = po_file(LANGUAGE)
    old = read_catalog(po) if po.is_file() else None
    dutch = catalogue_entries()
    catalog = merged(old, dutch, scan())
    po.parent.mkdir(parents=True, exist_ok=True)
    with po.open("wb") as target:
        write_po(target, catalog, width=110, sort_output=False, include_previous=False)
    print(f"wrote {po.relative_to(ROOT)}: {len(catalog)} entries ({len(dutch)} from catalogue modules)")
    if CATALOGUES.is_dir():
        for path in sorted(CATALOGUES.glob("*.py")):
            path.unlink()
        for cached in CATALOGUES.glob("__pycache__/*"):
            cached.unlink()
        for folder in (CATALOGUES / "__pycache__", CATALOGUES):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        print(f"deleted {CATALOGUES.relative_to(ROOT)}; now run: make translations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
