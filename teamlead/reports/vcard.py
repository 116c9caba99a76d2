"""vCard 3.0 (RFC 2426) text, written by hand: the few properties a phone's address book reads.

Small and pure so every rule of the format is in one place and testable: CRLF line ends, lines folded at 75
octets without splitting a UTF-8 character (a continuation starts with one space), and ``\\ , ;`` and line breaks
escaped in text values. A library would add a dependency for forty lines, and the cards Teamlead writes are
always the same shape.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from teamlead import __version__

LINE_OCTETS = 75
"""RFC 2426 (section 2.6, via RFC 2425 5.8.1): a line SHOULD be no longer than 75 octets, line break excluded."""
CRLF = "\r\n"


@dataclass(frozen=True)
class Card:
    """One person as a contact card."""

    name: str
    organisation: str = ""
    title: str = ""
    phone: str = ""
    email: str = ""
    note: str = ""
    revised: datetime | None = None
    """``REV``: when the card was made (an aware moment; written in UTC)."""


def escape(value: str) -> str:
    """A text value with ``\\``, ``,`` and ``;`` escaped and every line break as ``\\n``."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """``line`` cut into pieces of at most 75 octets of UTF-8 (a continuation's leading space counted), joined
    by CRLF and a space; a character is never split across two lines."""
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    limit = LINE_OCTETS
    for character in line:
        size = len(character.encode("utf-8"))
        if used + size > limit:
            pieces.append("".join(current))
            current, used, limit = [], 0, LINE_OCTETS - 1
        current.append(character)
        used += size
    pieces.append("".join(current))
    return f"{CRLF} ".join(pieces)


def structured_name(name: str) -> str:
    """``N``: family name; given name (the first word is taken as the given name, the rest, with any Dutch
    *tussenvoegsel* such as ``van``, as the family name; a single word is a family name)."""
    words = name.split()
    if len(words) < 2:
        return f"{escape(name.strip())};;;;"
    return f"{escape(' '.join(words[1:]))};{escape(words[0])};;;"


def revision(moment: datetime) -> str:
    """``REV`` in UTC, basic format: ``20261204T155300Z``."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def card_lines(card: Card) -> list[str]:
    """The card's unfolded content lines, ``BEGIN`` to ``END``."""
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"PRODID:-//Teamlead//Teamlead {__version__}//EN",
        f"N:{structured_name(card.name)}",
        f"FN:{escape(card.name)}",
    ]
    if card.organisation:
        lines.append(f"ORG:{escape(card.organisation)}")
    if card.title:
        lines.append(f"TITLE:{escape(card.title)}")
    if card.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{escape(card.phone)}")
    if card.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{escape(card.email)}")
    if card.note:
        lines.append(f"NOTE:{escape(card.note)}")
    if card.revised is not None:
        lines.append(f"REV:{revision(card.revised)}")
    lines.append("END:VCARD")
    return lines


def vcard_text(cards: Iterable[Card]) -> str:
    """The cards as the text of a ``.vcf`` file: folded lines, each ended by CRLF."""
    return "".join(fold(line) + CRLF for card in cards for line in card_lines(card))


def vcard_bytes(cards: Iterable[Card]) -> bytes:
    """The ``.vcf`` file's bytes (UTF-8, no byte-order mark: some address books read it as a character)."""
    return vcard_text(cards).encode("utf-8")
