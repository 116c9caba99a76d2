"""How text is compared, in two rules and nowhere else.

- **Finding** (search, every list filter, the agreements register): case and diacritics ignored, and each typed
  word matches the start of a word: ``yil`` finds *Yılmaz*, ``zoe`` finds *Zoë*, ``oster`` finds *Øster*,
  ``strasse`` finds *Straße*. :func:`fold` is that folding; it agrees with the database's full-text index
  (FTS5's ``unicode61`` with :data:`EXTRA_FOLDS` on SQLite, ``unaccent`` on PostgreSQL).
- **Identity** (is this the same organisation, person, district?): :func:`identity_key` ignores case, spaces,
  dashes and punctuation but keeps diacritics (``Jongerenwerk Nieuw West`` is ``jongerenwerk nieuw-west``, but
  *Zoë* and *Zoe* are two names), as ``shared/interface.md`` says for the import and ``--district``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

from teamlead.rules.limits import Width

# Characters that PostgreSQL's unaccent folds but FTS5's unicode61 keeps as they are, with unaccent's folding.
EXTRA_FOLDS: tuple[tuple[str, str], ...] = (
    ("ı", "i"),
    ("ł", "l"),
    ("Ł", "L"),
    ("ø", "o"),
    ("Ø", "O"),
    ("ß", "ss"),
    ("ẞ", "SS"),
    ("æ", "ae"),
    ("Æ", "AE"),
    ("œ", "oe"),
    ("Œ", "OE"),
    ("đ", "d"),
    ("Đ", "D"),
    ("ð", "d"),
    ("Ð", "D"),
    ("ĳ", "ij"),
    ("Ĳ", "IJ"),
    ("þ", "th"),
    ("Þ", "TH"),
)
_EXTRA = str.maketrans(dict(EXTRA_FOLDS))


_WORD = re.compile(r"(?:[^\W_]|[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd])+")
"""A run of letters and digits (``str.isalnum``: a word character but the underscore) and private-use characters
(category ``Co``), as the full-text index splits; one regular expression rather than a Python test per
character, which made folding the city's 26,000 meetings for the list filter take most of a second."""


def words(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every word in ``text``: a run of letters and digits, as the full-text index splits."""
    for found in _WORD.finditer(text):
        yield found.span()


@lru_cache(maxsize=4096)
def fold(word: str) -> str:
    """``word`` without case and diacritics: ``Öztürk`` -> ``ozturk``, ``Yılmaz`` -> ``yilmaz``."""
    if word.isascii():  # nothing to decompose or fold but the case: most words, and every sort of a long list
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.translate(_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def folded_words(text: str) -> list[str]:
    """The words of ``text``, each folded."""
    return [fold(text[start:end]) for start, end in words(text)]


def haystack(texts: Iterable[str]) -> str:
    """What a list filter searches in, made once per row: the folded words of ``texts``, each after a space.

    With that shape, "a word starts with the term" is the fast substring test ``" " + term in haystack``.
    """
    return "".join(map(_hay, texts))


def forget_folded() -> None:
    """Empty the kept foldings (a benchmark measuring a list's first load)."""
    _hay.cache_clear()
    fold.cache_clear()


@lru_cache(maxsize=65_536)
def _hay(text: str) -> str:
    """One text's part of a haystack. Kept: lists repeat their texts (a partner's name in each of its
    26,000 meetings, a series' title in each occurrence), and folding them again was most of a list's load."""
    return "".join(" " + word for word in folded_words(text) if word)


def filter_terms(query: str) -> tuple[str, ...]:
    """The typed words as :func:`matches` wants them (folded, each with the space a word starts after)."""
    return tuple(dict.fromkeys(" " + word for word in folded_words(query) if word))


def matches(terms: tuple[str, ...], hay: str) -> bool:
    """Every term starts some word of the haystack (no terms: everything matches)."""
    return all(term in hay for term in terms)


def narrows(terms: tuple[str, ...], before: tuple[str, ...]) -> bool:
    """Whether whatever ``terms`` match, ``before`` matched too (each earlier term begins a new one: one more
    letter typed), so a list filters what it shows instead of every row."""
    return all(any(term.startswith(old) for term in terms) for old in before)


_NOT_IDENTITY = re.compile(r"[\s\-_.,;:'’‘\"“”/\\()&+!?]+")


def identity_key(name: str) -> str:
    """A name for deciding that two records are the same: lower case, without spaces, dashes and
    punctuation, with diacritics kept (``nieuw west`` = ``Nieuw-West``; *Zoë* is not *Zoe*).

    A name made only of punctuation keeps its lower-case self, so it still has a key of its own.
    """
    return _NOT_IDENTITY.sub("", name).casefold() or name.casefold()


_NOT_KEY = re.compile(r"[^a-z0-9]+")


def report_key(name: str, taken: Iterable[str] = (), width: int = Width.KEY) -> str:
    """The stable key of a user-made domain or theme, as the district report's Summary keys use it: the name
    decomposed to ASCII, lower case, each run of other characters than a–z and 0–9 turned into ``_``,
    leading and trailing ``_`` removed; ``_2``, ``_3``… when another key has it (``shared/interface.md``).

    A name without any letter or digit gets the key ``key`` (then ``key_2``…), never an empty one. A key is
    at most ``width`` characters (the column's), so a long name's key is cut, before its ``_2``.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    base = _NOT_KEY.sub("_", ascii_name).strip("_") or "key"
    used = set(taken)
    key, number = base[:width].rstrip("_"), 2
    while key in used:
        suffix = f"_{number}"
        key, number = base[: width - len(suffix)].rstrip("_") + suffix, number + 1
    return key
