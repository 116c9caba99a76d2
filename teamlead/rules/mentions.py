"""Where a text mentions a person, and that text with the mentions replaced: the one rule for erasure (and for
the handover's review of first names).

A person is mentioned by their name, their e-mail address or their phone number (an :class:`Identifier`):

- **A name** matches as whole words (never inside a longer word: *Jan* is not in *Jansen*), ignoring case and
  diacritics as search does (:func:`teamlead.rules.text.fold`: *Ozturk* finds *Öztürk*); its words may be
  separated by any run of spaces, hyphens, full stops or apostrophes (``Anne-Marie`` finds ``Anne Marie``).
- **An e-mail address** matches whole, ignoring case.
- **A phone number** matches on its digits, however it is written: ``06 1234 5678`` finds ``06-12345678``,
  ``0612345678``, ``(06) 12 34 56 78``, ``+31 6 1234 5678``, ``0031 6 12345678`` and ``+31 (0)6 12345678``.

A full name of two words or more, an e-mail address and a phone number of :data:`SURE_PHONE_DIGITS` digits are
*certain*: they hardly mean anything else. A single word (a first name alone, a surname such as *Bakker* that
is also a trade, a name like *Osdorp* that is also a neighbourhood) and a short number are not: the user must
see their mentions in context and confirm them before anything is replaced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from teamlead.rules.text import fold, folded_words

ERASED = "[…]"
"""What a replaced mention becomes: no letters or digits, so it never forms a new mention with its neighbours."""

SURE_PHONE_DIGITS = 8
"""A phone number with fewer digits than this (after its country or trunk prefix) may be anything: confirmed."""

# Between the words of a name in a text: spaces (any), hyphens, full stops, apostrophes.
_NAME_GAP = r"[\s\-‐‑–.'’`]+"
# Whole words: not preceded or followed by a letter or digit (``\w`` without the underscore), as
# :func:`teamlead.rules.text.words` splits.
_WORD_BEFORE = r"(?<![^\W_])"
_WORD_AFTER = r"(?![^\W_])"
# A whole address: not inside a longer one (a full stop at the end of a sentence may follow).
_EMAIL_BEFORE = r"(?<![\w.%+\-])"
_EMAIL_AFTER = r"(?![\w\-]|\.\w)"
# Between the digits of a phone number as people write it.
_DIGIT_GAP = r"[\s\-./()]*"


class IdentifierKind(StrEnum):
    """What an identifier is: it decides how it is matched and whether it is certain."""

    NAME = "name"  # the full name as the roster has it
    NAME_PART = "name_part"  # a first name or a surname on its own
    EMAIL = "email"
    PHONE = "phone"


@dataclass(frozen=True)
class Identifier:
    """A value that identifies a person in free text."""

    kind: IdentifierKind
    value: str

    @cached_property
    def pattern(self) -> str:
        """The regular expression that finds it in a folded text (see :func:`folded`); empty when unusable."""
        if self.kind is IdentifierKind.EMAIL:
            address = fold(self.value.strip())
            return f"{_EMAIL_BEFORE}{re.escape(address)}{_EMAIL_AFTER}" if "@" in address[1:-1] else ""
        if self.kind is IdentifierKind.PHONE:
            return _phone_pattern(self.value)
        words = [word for word in folded_words(self.value) if word]
        if sum(len(word) for word in words) < 2:
            return ""
        return _WORD_BEFORE + _NAME_GAP.join(re.escape(word) for word in words) + _WORD_AFTER

    @cached_property
    def probe(self) -> str:
        """A quick test a folded text must pass to hold a mention: the pattern's core without the checks
        around it, beginning with a literal so the regular expression engine can skip ahead (the full
        pattern, beginning with a look-behind, tries every position of every text: ten times slower)."""
        if not self.usable:
            return ""
        if self.kind is IdentifierKind.EMAIL:
            return re.escape(fold(self.value.strip()))
        if self.kind is IdentifierKind.PHONE:
            return _DIGIT_GAP.join(_phone_parts(self.value)[1])
        return _NAME_GAP.join(re.escape(word) for word in folded_words(self.value) if word)

    @property
    def usable(self) -> bool:
        """Long enough to mean something: a name of two letters or more, an address, a number of 3+ digits."""
        return bool(self.pattern)

    @property
    def certain(self) -> bool:
        """Replaced without asking (see the module's docstring); otherwise the user confirms it first."""
        if not self.usable:
            return False
        if self.kind is IdentifierKind.NAME:
            return len(folded_words(self.value)) >= 2
        if self.kind is IdentifierKind.PHONE:
            return len(_phone_parts(self.value)[1]) >= SURE_PHONE_DIGITS
        return self.kind is IdentifierKind.EMAIL


_INTERNATIONAL = re.compile(r"(?:\+|00)\s*(\d{1,3})[\s\-./()]+(.*)")
HOME_COUNTRY = "31"
"""A number written without a country code is Dutch (its leading 0 is the trunk prefix), as the services
store them (:func:`teamlead.services.contact.format_phone`): ``06 1234 5678``, ``+44 20 7946 0958``."""


def _phone_parts(value: str) -> tuple[str, str]:
    """(country code, national digits) of a number as stored; the country is ``""`` when it is not clear."""
    text = value.strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        digits = "00" + digits  # one spelling of the international prefix
    if digits.startswith("00" + HOME_COUNTRY):
        return HOME_COUNTRY, digits[2 + len(HOME_COUNTRY) :].removeprefix("0")
    if digits.startswith("0") and not digits.startswith("00"):
        return HOME_COUNTRY, digits[1:]
    written = _INTERNATIONAL.fullmatch(text)
    if written:  # a foreign number as stored: the country code, then a space
        return written.group(1), re.sub(r"\D", "", written.group(2)).removeprefix("0")
    return "", digits.removeprefix("00")


def _phone_pattern(value: str) -> str:
    country, national = _phone_parts(value)
    if len(national) < 3:
        return ""
    digits = _DIGIT_GAP.join(national)
    if not country:
        return rf"(?<![\d+])(?:(?:\+|00){_DIGIT_GAP})?{digits}(?!\d)"
    international = _DIGIT_GAP.join(country)
    prefix = rf"(?:(?:\+|00){_DIGIT_GAP}{international}{_DIGIT_GAP}(?:0{_DIGIT_GAP})?|\(?0{_DIGIT_GAP})"
    return rf"(?<![\d+]){prefix}{digits}(?!\d)"


def folded(text: str) -> str:
    """``text`` folded character by character (case and diacritics gone), as mentions are looked for in it.

    ASCII text stays the same length; otherwise a character may fold to none (a combining accent) or two
    (``ß``), and :func:`_original_span` maps a match back.
    """
    return text.lower() if text.isascii() else "".join(map(fold, text))


def _original_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of ``text`` whose folding is ``folded(text)[start:end]`` (with trailing accents)."""
    origin: list[int] = []
    for index, character in enumerate(text):
        origin.extend([index] * len(fold(character)))
        if len(origin) >= end:
            break
    first, last = origin[start], origin[end - 1] + 1
    while last < len(text) and not fold(text[last]):
        last += 1
    return first, last


class Mentions:
    """Finds and replaces the mentions of some identifiers (unusable ones are left out)."""

    def __init__(self, identifiers: Iterable[Identifier]) -> None:
        usable = [identifier for identifier in identifiers if identifier.usable]
        patterns = sorted({i.pattern for i in usable}, key=len, reverse=True)
        self._pattern = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
        # one probe each: an alternation of them would lose the skip-ahead that makes them quick
        self._probes = [re.compile(probe) for probe in dict.fromkeys(i.probe for i in usable)]

    def __bool__(self) -> bool:
        return self._pattern is not None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` mentions any of the identifiers: (start, end) in ``text``, in order, not overlapping."""
        if self._pattern is None or not text:
            return []
        fold_of = folded(text)
        if not any(probe.search(fold_of) for probe in self._probes):
            return []
        found = [(m.start(), m.end()) for m in self._pattern.finditer(fold_of)]
        if not found or text.isascii():
            return found
        return [_original_span(text, start, end) for start, end in found]

    def replace(self, text: str, mark: str = ERASED) -> str:
        """``text`` with every mention replaced by ``mark``. A mention that stands free only once its neighbour
        is gone (an e-mail address typed straight after the phone number, ``0612345678jan@…``) is replaced
        too: the text is read again until no mention is left, so erasure never leaves one behind."""
        while spans := self.spans(text):
            pieces: list[str] = []
            last = 0
            for start, end in spans:
                pieces += (text[last:start], mark)
                last = end
            pieces.append(text[last:])
            text = "".join(pieces)
        return text


def bracketed_after(text: str, end: int) -> str | None:
    """What stands in brackets right after a mention ending at ``end``, or None: the field writes a partner
    after a first name, "Sanne (Buurtteam Geuzenveld)"."""
    closing = _bracket_end(text, end)
    if closing is None:
        return None
    return text[text.index("(", end) + 1 : closing - 1].strip()


def _bracket_end(text: str, end: int) -> int | None:
    """Where the brackets right after ``end`` close (the index after ``)``), or None. An organisation's own
    name may hold brackets ("Steuntje in de Rug (Westlandgracht)"), so they are counted."""
    opening = _OPENING.match(text, end)
    if opening is None:
        return None
    depth = 0
    for index in range(opening.end() - 1, min(len(text), opening.end() + _BRACKET_LIMIT)):
        depth += _DEPTH.get(text[index], 0)
        if depth == 0:
            return index + 1
    return None


_OPENING = re.compile(r"[ \t]*\(")
_DEPTH = {"(": 1, ")": -1}
_BRACKET_LIMIT = 200  # characters: longer is not a partner's name


def excerpt(text: str, span: tuple[int, int], width: int = 40) -> str:
    """The mention at ``span`` with up to ``width`` characters either side, on one line (``…`` where cut);
    what stands in brackets right after it (:func:`bracketed_after`) is shown whole, however long."""
    start, end = span
    end = _bracket_end(text, end) or end
    lead = "…" if start > width else ""
    tail = "…" if end + width < len(text) else ""
    line = lead + text[max(0, start - width) : end + width] + tail
    return _SPACES.sub(" ", line)


_SPACES = re.compile(r"\s+")
