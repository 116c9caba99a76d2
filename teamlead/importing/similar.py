"""Names one letter apart (a typo: one letter wrong, missing, extra, or two swapped), found without comparing
every name with every other.

Two names within one edit share a "deletion variant" (the name with one letter left out, or itself), so only
names sharing one are compared, with rapidfuzz's optimal string alignment distance. A roster of thousands of
partners takes milliseconds instead of millions of comparisons.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz.distance import OSA

MIN_LENGTH = 5
"""Shorter names (GGD, GGZ) are often different organisations one letter apart: not reported."""
_DIGITS = re.compile(r"[0-9]+")


def _close(query: str, choice: str) -> bool:
    """One edit apart, and not told apart by a number (Basisschool 12 and 13, Medewerker 4 and 5 differ)."""
    if (_DIGITS.search(query) or _DIGITS.search(choice)) and _DIGITS.findall(query) != _DIGITS.findall(
        choice
    ):
        return False
    return OSA.distance(query, choice, score_cutoff=1) <= 1


SMALL = 400
"""Up to this many comparisons (a partner's few contact persons), comparing each pair directly is quicker."""


def _compare_all(queries: list[str], choices: list[str]) -> list[tuple[str, str]]:
    seen: set[frozenset[str]] = set()
    pairs = []
    for query in queries:
        if len(query) < MIN_LENGTH:
            continue
        for choice in choices:
            pair = frozenset((query, choice))
            if choice == query or len(choice) < MIN_LENGTH or pair in seen:
                continue
            if _close(query, choice):
                seen.add(pair)
                pairs.append((query, choice))
    return pairs


def _variants(key: str) -> set[str]:
    """The name and each form of it with one letter left out, under the name's numbers: names with other
    numbers never share a variant, so they are not even compared."""
    numbers = "\x00".join(_DIGITS.findall(key)) + "\x01"
    return {numbers + key, *(numbers + key[:index] + key[index + 1 :] for index in range(len(key)))}


def near_pairs(queries: Iterable[str], choices: Iterable[str]) -> list[tuple[str, str]]:
    """Each (query, choice) one edit apart, each unordered pair once, in the order of ``queries``."""
    queries, choices = list(queries), list(choices)
    if len(queries) * len(choices) <= SMALL:
        return _compare_all(queries, choices)
    index: dict[str, set[str]] = defaultdict(set)
    for choice in choices:
        if len(choice) >= MIN_LENGTH:
            for variant in _variants(choice):
                index[variant].add(choice)
    seen: set[frozenset[str]] = set()
    pairs = []
    for query in queries:
        if len(query) < MIN_LENGTH:
            continue
        candidates: set[str] = set()
        for variant in _variants(query):
            candidates |= index.get(variant, set())
        for choice in sorted(candidates):
            pair = frozenset((query, choice))
            if choice == query or pair in seen:
                continue
            if OSA.distance(query, choice, score_cutoff=1) <= 1:
                seen.add(pair)
                pairs.append((query, choice))
    return pairs
