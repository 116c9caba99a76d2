"""Compile the translations: every ``resources/translations/<language>/LC_MESSAGES/teamlead.po`` to the
``teamlead.mo`` beside it, which the app reads with the standard library's :mod:`gettext`.

    make translations                              # after editing a .po (by hand or in Poedit)
    .venv/bin/python scripts/translations.py --check  # exit 1 when a committed .mo is out of date

The ``.mo`` files are committed, so an installed or bundled app needs no compiler; ``tests/test_i18n.py``
compiles every ``.po`` in memory and fails when the committed ``.mo`` differs. This module also holds the scan
of the code for translated texts (``tr``, ``trn``, ``trp`` calls), which the completeness test and
``scripts/catalogues_to_po.py`` share.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "teamlead"
TRANSLATIONS = ROOT / "resources" / "translations"
DOMAIN = "teamlead"


@dataclass(frozen=True)
class Text:
    """One translatable text as the code passes it: ``tr(text)``, ``trn(text, plural, n)``,
    ``trp(context, text)``."""

    text: str
    plural: str | None = None
    context: str | None = None


def po_files() -> list[Path]:
    """Every language's ``.po`` source."""
    return sorted(TRANSLATIONS.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def po_file(language: str) -> Path:
    return TRANSLATIONS / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(po: Path) -> Catalog:
    with po.open("rb") as source:
        return read_po(source, locale=po.parents[1].name, domain=DOMAIN)


def compiled(po: Path) -> bytes:
    """The ``.mo`` for ``po``, as ``make translations`` writes it (fuzzy entries left out)."""
    target = BytesIO()
    write_mo(target, read_catalog(po), use_fuzzy=False)
    return target.getvalue()


def _literal(node: ast.expr) -> str | None:
    """The text of a string literal (implicit concatenation "a" "b" is one literal); else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _text_of(name: str, args: list[ast.expr]) -> Text | None:
    """The translatable text of a call to ``tr``/``trn``/``trp`` with literal arguments; else None."""
    literals = [_literal(arg) for arg in args]
    if name == "tr" and len(literals) >= 1 and literals[0] is not None:
        return Text(literals[0])
    if name == "trn" and len(literals) >= 2 and literals[0] is not None and literals[1] is not None:
        return Text(literals[0], plural=literals[1])
    if name == "trp" and len(literals) >= 2 and literals[0] is not None and literals[1] is not None:
        return Text(literals[1], context=literals[0])
    return None


def calls(path: Path) -> Iterator[tuple[Text, int]]:
    """Every literal translated text in one source file, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", None)
        if name in ("tr", "trn", "trp") and (found := _text_of(name, node.args)) is not None:
            yield found, node.lineno


def scan(package: Path = PACKAGE) -> dict[Text, list[tuple[str, int]]]:
    """Every literal text the code translates, with where (path relative to the checkout, line)."""
    found: dict[Text, list[tuple[str, int]]] = {}
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(package.parent).as_posix()
        for text, line in calls(path):
            found.setdefault(text, []).append((where, line))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that every .mo is up to date")
    arguments = parser.parse_args(argv)
    stale = []
    for po in po_files():
        mo = po.with_suffix(".mo")
        data = compiled(po)
        if mo.is_file() and mo.read_bytes() == data:
            continue
        stale.append(mo)
        if not arguments.check:
            mo.write_bytes(data)
            print(f"wrote {mo.relative_to(ROOT)}")
    if arguments.check and stale:
        print("out of date (run make translations): " + ", ".join(str(mo.relative_to(ROOT)) for mo in stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
