"""Spotting a resident's personal data in a note before it is saved, or in a roster's free-text cells before
they are imported: a BSN, a date of birth.

Notes are about the network, not about residents (the BIO and the GDPR's data minimisation): a team lead who
types "mevr. (BSN 111222333, geb. 12-03-1954)" should be asked to leave it out. A nine-digit number is only
taken for a BSN when it passes the BSN eleven-test, so phone numbers and case numbers do not trigger it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from teamlead.i18n import tr

_NINE_DIGITS = re.compile(
    r"(?<![\d.\-])(\d{4}[ .]?\d{2}[ .]?\d{3}|\d{3}[ .]?\d{2}[ .]?\d{2}[ .]?\d{2}|\d{9})(?![\d\-])"
)
_DATE = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?!\d)")
_BIRTH_WORDS = re.compile(
    r"\b(geb\.?|geboren|geboortedatum|geb\.datum|dob|born|date of birth|birth date|birthdate)\b",
    re.IGNORECASE,
)
_BIRTH_WINDOW = 40  # characters between a birth word and the date it introduces


def is_bsn(digits: str) -> bool:
    """The BSN eleven-test: 9 digits, 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11 (and not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


@dataclass(frozen=True)
class Finding:
    """Something in a text that looks like personal data: what kind, and where (for highlighting)."""

    kind: str  # "bsn" or "birth_date"
    start: int
    end: int


def _plausible_birth(day: int, month: int, year: int, today: date) -> bool:
    try:
        born = date(year, month, day)
    except ValueError:
        return False
    return date(today.year - 120, 1, 1) <= born <= today


def find_personal_data(text: str, *, today: date | None = None) -> list[Finding]:
    """Every BSN (passing the eleven-test) and every date introduced as a date of birth in ``text``."""
    today = today or date.today()
    findings = []
    for match in _NINE_DIGITS.finditer(text):
        if is_bsn(re.sub(r"[ .]", "", match.group(1))):
            findings.append(Finding("bsn", match.start(1), match.end(1)))
    for word in _BIRTH_WORDS.finditer(text):
        window = text[word.end() : word.end() + _BIRTH_WINDOW]
        found = _DATE.search(window)
        if found is None:
            continue
        day, month, year = (int(part) for part in found.groups())
        if year < 100:
            year += 1900 if year > today.year % 100 else 2000
        if _plausible_birth(day, month, year, today):
            findings.append(Finding("birth_date", word.end() + found.start(), word.end() + found.end()))
    return sorted(findings, key=lambda finding: finding.start)


def personal_data_words(text: str, *, today: date | None = None) -> str | None:
    """What ``text`` seems to hold, in words ("a citizen service number (BSN) and a date of birth"), or None."""
    kinds = {finding.kind for finding in find_personal_data(text, today=today)}
    if not kinds:
        return None
    what = []
    if "bsn" in kinds:
        what.append(tr("a citizen service number (BSN)"))
    if "birth_date" in kinds:
        what.append(tr("a date of birth"))
    return tr(" and ").join(what)


def personal_data_warning(text: str, *, today: date | None = None) -> str | None:
    """The warning to show beside a note's text, or None when nothing looks like a resident's data."""
    what = personal_data_words(text, today=today)
    if what is None:
        return None
    return tr(
        "This note seems to hold {what}. Notes are about the network: please leave a resident's personal data "
        "out, or keep it in the system meant for it.",
        what=what,
    )
