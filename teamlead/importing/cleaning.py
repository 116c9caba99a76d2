"""One spreadsheet row made into clean values: trimmed text, phone numbers in display form, checked e-mail.

A value the database could not hold (too long, control characters) is cut or cleaned and the row says so; a
malformed phone number or e-mail address is kept as written with a warning, because a typo in a number is
still better than no number in a crisis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

import phonenumbers

from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.importing.headers import Field, Layout, field_label
from teamlead.importing.readers import Cell
from teamlead.rules.limits import Width
from teamlead.services.contact import format_phone, normalise_email, normalise_phone

# Column widths of the model (String(n)); longer text is cut with a warning.
LIMITS: dict[Field, int] = {
    Field.ORGANISATION: Width.NAME,
    Field.DOMAIN: Width.PLACE_NAME,
    Field.NEIGHBOURHOODS: Width.PLACE_NAME,
    Field.NAME: Width.NAME,
    Field.ROLE: Width.NAME,
    Field.PHONE: Width.PHONE,
    Field.EMAIL: Width.EMAIL,
    Field.ADDRESS: Width.ADDRESS,
    Field.WEBSITE: Width.ADDRESS,
    Field.NOTES: 100_000,
}
# Characters no database column should hold: control codes (tab and line breaks excepted), lone surrogates.
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SPLIT = re.compile(r"[;,]")
_PHONE_PUNCTUATION = re.compile(r"[\s\-.()/]+")
_DUTCH_NATIONAL = re.compile(r"0[1-9][0-9]{8}")


@dataclass(slots=True)
class RowRecord:
    """What one roster row says, cleaned. ``row`` is the number the user sees in the file."""

    row: int
    organisation: str = ""
    domain: str = ""
    neighbourhoods: tuple[str, ...] = ()
    name: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    website: str = ""
    notes: str = ""
    warnings: list[str] = field(default_factory=list)


def cell_text(value: Cell) -> str:
    """A cell as text: whole numbers without ``.0`` (phone numbers typed as numbers), dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date().isoformat()
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def dutch_phone(written: str) -> str | None:
    """The number in the services' display form, or None when it is not valid.

    A plain Dutch number (``020-555 0101``, ``0655551234``) skips phonenumbers' parser, the slow part, but
    not its validation: the same numbers pass and get the same form as through ``normalise_phone``.
    """
    digits = _PHONE_PUNCTUATION.sub("", written)
    if _DUTCH_NATIONAL.fullmatch(digits):
        number = phonenumbers.PhoneNumber(country_code=31, national_number=int(digits[1:]))
        return format_phone(number) if phonenumbers.is_valid_number(number) else None
    try:
        return normalise_phone(written)
    except ValidationError:
        return None


class _Cleaner:
    """Cleans the cells of one row, collecting its warnings."""

    def __init__(self, row: int, cells: list[Cell], layout: Layout, phones: dict[str, str | None]) -> None:
        self.row = row
        self.cells = cells
        self.layout = layout
        self.phones = phones
        self.warnings: list[str] = []

    def text(self, which: Field, limit: int | None = None) -> str:
        column = self.layout.columns.get(which)
        if column is None or column >= len(self.cells) or self.cells[column] is None:
            return ""
        text = cell_text(self.cells[column])
        if _UNSAFE.search(text):
            text = _UNSAFE.sub("", text)
        text = text.strip() if which is Field.NOTES else " ".join(text.split())
        return self.limited(which, text, limit or LIMITS[which])

    def limited(self, which: Field, text: str, limit: int) -> str:
        if len(text) <= limit:
            return text
        self.warn(
            tr(
                "{field} is longer than {limit} characters and was cut.",
                field=field_label(which),
                limit=limit,
            )
        )
        return text[:limit].rstrip()

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def phone(self) -> str:
        written = self.text(Field.PHONE)
        if not written:
            return ""
        if written not in self.phones:
            self.phones[written] = dutch_phone(written)
        normal = self.phones[written]
        if normal is None:
            self.warn(tr("the phone number {value} looks wrong; kept as written.", value=written))
            return written
        return normal

    def email(self) -> str:
        written = self.text(Field.EMAIL)
        try:
            return normalise_email(written)
        except ValidationError:
            self.warn(tr("the e-mail address {value} looks wrong; kept as written.", value=written))
            return written

    def neighbourhoods(self) -> tuple[str, ...]:
        names = []
        for part in _SPLIT.split(self.text(Field.NEIGHBOURHOODS, 10_000)):
            name = " ".join(part.split())
            if name:
                names.append(self.limited(Field.NEIGHBOURHOODS, name, LIMITS[Field.NEIGHBOURHOODS]))
        return tuple(dict.fromkeys(names))


def clean_row(
    row: int, cells: list[Cell], layout: Layout, phones: dict[str, str | None] | None = None
) -> RowRecord:
    """The row's values, cleaned; ``phones`` caches number normalisation across the rows of one file."""
    cleaner = _Cleaner(row, cells, layout, {} if phones is None else phones)
    record = RowRecord(
        row=row,
        organisation=cleaner.text(Field.ORGANISATION),
        domain=cleaner.text(Field.DOMAIN),
        neighbourhoods=cleaner.neighbourhoods(),
        name=cleaner.text(Field.NAME),
        role=cleaner.text(Field.ROLE),
        phone=cleaner.phone(),
        email=cleaner.email(),
        address=cleaner.text(Field.ADDRESS),
        website=cleaner.text(Field.WEBSITE),
        notes=cleaner.text(Field.NOTES),
    )
    record.warnings = cleaner.warnings
    return record
