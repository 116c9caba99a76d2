"""Search text in Python: the user's query as terms, and the marks and snippets that show where they matched.

The database decides *what* matches (see :mod:`teamlead.data.search_schema`); this module only has to agree
with it closely enough to mark the matching words. Words and folding are :mod:`teamlead.rules.text`' (the
rule every list filter uses too); a word matches a term when it starts with it.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from teamlead.rules.text import EXTRA_FOLDS, fold, words

# More words than this in a query are dropped: no record holds twenty words of a pasted paragraph anyway, and
# every term costs a posting-list scan.
MAX_TERMS = 16
# A query is read up to this length; the rest cannot change what a person meant to find.
MAX_QUERY_CHARS = 1_000
SNIPPET_CHARS = 140
SNIPPET_LEAD = 40
ELLIPSIS = "…"

Marks = tuple[tuple[int, int], ...]
_EXTRA = str.maketrans(dict(EXTRA_FOLDS))


@dataclass(frozen=True)
class ParsedQuery:
    """A query as the words to send to the database and the folded terms to mark matches with.

    The database gets the words as typed, so that each backend folds them with the same machinery it folds
    its documents with (FTS5's tokenizer; ``search_normalise`` on PostgreSQL): query and index always agree.
    """

    words: tuple[str, ...]
    terms: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.words)

    def fts5(self) -> str:
        """An FTS5 MATCH expression requiring every word as a prefix.

        Words are runs of letters and digits, so quoting each makes it a plain phrase: ``AND``, ``NEAR``,
        ``*``, quotes and brackets in the user's text never reach the query language.
        """
        return " ".join(f'"{word.translate(_EXTRA)}"*' for word in self.words)

    def text(self) -> str:
        """The words for PostgreSQL's ``search_query``."""
        return " ".join(self.words)


def parse_query(query: str) -> ParsedQuery:
    """The words of a query that must all match, each as a prefix.

    A word that is a prefix of another adds nothing (``zo zoe`` is ``zoe``), so it is dropped; repeats too.
    """
    found: dict[str, str] = {}
    for start, end in words(query[:MAX_QUERY_CHARS]):
        found.setdefault(fold(query[start:end]), query[start:end])
    terms = [term for term in found if term]
    kept = [term for term in terms if not any(other != term and other.startswith(term) for other in terms)]
    kept = kept[:MAX_TERMS]
    return ParsedQuery(tuple(found[term] for term in kept), tuple(kept))


def mark(text: str, terms: tuple[str, ...]) -> Marks:
    """Where in ``text`` the words matching any of ``terms`` are."""
    if not terms:
        return ()
    return tuple((start, end) for start, end in words(text) if fold(text[start:end]).startswith(terms))


def snippet(text: str, terms: tuple[str, ...], length: int = SNIPPET_CHARS) -> tuple[str, Marks]:
    """A one-line excerpt of ``text`` around its first match, with the matches in it marked.

    Without a match: the start of the text. Cuts fall on spaces where possible and are shown with an ellipsis.
    """
    flat = " ".join(text.split())
    marks = mark(flat, terms)
    if len(flat) <= length:
        return flat, marks
    start = max(0, marks[0][0] - SNIPPET_LEAD) if marks else 0
    if start > 0:
        space = flat.find(" ", start, marks[0][0] if marks else start + SNIPPET_LEAD)
        start = space + 1 if space >= 0 else start
    end = min(len(flat), start + length)
    if end < len(flat):
        space = flat.rfind(" ", start + length // 2, end)
        end = space if space >= 0 else end
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(flat) else ""
    shift = len(prefix) - start
    kept = tuple((s + shift, e + shift) for s, e in marks if s >= start and e <= end)
    return prefix + flat[start:end] + suffix, kept


def highlight(
    text: str,
    marks: Marks,
    before: str = "<b>",
    after: str = "</b>",
    escape: Callable[[str], str] = html.escape,
) -> str:
    """``text`` with each marked span wrapped in ``before``/``after``, the rest escaped (rich text for Qt)."""
    parts: list[str] = []
    position = 0
    for start, end in marks:
        parts += [escape(text[position:start]), before, escape(text[start:end]), after]
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)
