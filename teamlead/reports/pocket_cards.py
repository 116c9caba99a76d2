"""The pocket page as contact cards: one ``.vcf`` with a card per person, or a ``.zip`` of one ``.vcf`` each.

The ``.zip`` exists because classic Outlook imports only the first card of a file. Its file names are plain
ASCII (a zip made elsewhere may show other letters garbled in Windows' own unpacker), safe on Windows
(:func:`teamlead.rules.files.file_name`) and unique even to a file system that ignores case.
"""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

from teamlead.reports.pocket import PocketContact, PocketPage, card_note
from teamlead.reports.vcard import Card, vcard_bytes
from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.files import atomic_target, file_name, write_bytes
from teamlead.rules.text import EXTRA_FOLDS

_FOLDS: dict[str | int, str | int | None] = dict(EXTRA_FOLDS)
NAME_LENGTH = 60
"""At most this many characters of a person's name in a card's file name."""


def cards(page: PocketPage) -> list[Card]:
    """A card per person on the page, key contacts first."""
    return [_card(page, contact) for contact in page.people()]


def _card(page: PocketPage, contact: PocketContact) -> Card:
    return Card(
        name=contact.name,
        organisation=contact.partner,
        title=contact.role,
        phone=contact.phone,
        email=contact.email,
        note=card_note(page, contact),
        revised=page.header.generated_at,
    )


def write_pocket_vcf(page: PocketPage, target: Path) -> None:
    write_bytes(target, vcard_bytes(cards(page)))


def ascii_name(text: str) -> str:
    """``Özlem Çelik-van Ĳsselmuiden`` -> ``Ozlem Celik-van IJsselmuiden``: letters without their marks,
    anything else outside ASCII dropped."""
    decomposed = unicodedata.normalize("NFKD", text.translate(str.maketrans(_FOLDS)))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c) and c.isascii())
    return " ".join(plain.split())


def card_file_names(people: tuple[PocketContact, ...]) -> list[str]:
    """One file name per person, in order: ``Name - Partner.vcf``, numbered when two would be the same."""
    names: list[str] = []
    taken: set[str] = set()
    for contact in people:
        base = file_name(ascii_name(contact.name)[:NAME_LENGTH].strip() or "contact")
        partner = ascii_name(contact.partner)[:NAME_LENGTH].strip()
        if partner:
            base = file_name(f"{base} - {file_name(partner)}")
        candidate, number = base, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{base} ({number})"
        taken.add(candidate.casefold())
        names.append(f"{candidate}.vcf")
    return names


def write_pocket_zip(page: PocketPage, target: Path) -> None:
    people = page.people()
    made = page.header.generated_at.astimezone(AMSTERDAM)
    stamp = (made.year, made.month, made.day, made.hour, made.minute, made.second)
    with atomic_target(target) as temporary, zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, contact in zip(card_file_names(people), people, strict=True):
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, vcard_bytes([_card(page, contact)]))
