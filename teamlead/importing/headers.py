"""Which column holds what: header names in Dutch or English, found even below title rows.

A header matches when it equals a known name after ignoring case, spaces and punctuation (``E-mail``,
``e mail`` and ``EMAIL`` are one). The header row is the first of the top rows that names the organisation
column, or at least two known columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from teamlead.i18n import tr
from teamlead.importing.readers import Cell, Table

HEADER_SEARCH_ROWS = 30


class Field(StrEnum):
    ORGANISATION = "organisation"
    DOMAIN = "domain"
    NEIGHBOURHOODS = "neighbourhoods"
    NAME = "name"
    ROLE = "role"
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    WEBSITE = "website"
    NOTES = "notes"


SYNONYMS: dict[Field, tuple[str, ...]] = {
    Field.ORGANISATION: ("organisatie", "organisation", "organization", "organisatienaam", "partner"),
    Field.DOMAIN: ("domein", "domain", "sector"),
    Field.NEIGHBOURHOODS: ("buurt", "buurten", "neighbourhood", "neighbourhoods", "neighborhood", "wijk"),
    Field.NAME: ("naam", "contactpersoon", "name", "contactperson", "contact", "persoon"),
    Field.ROLE: ("functie", "rol", "role", "title", "jobtitle"),
    Field.PHONE: ("telefoon", "tel", "phone", "telefoonnummer", "telnr", "telephone", "mobiel", "mobile"),
    Field.EMAIL: ("email", "emailadres", "mail", "emailaddress"),
    Field.ADDRESS: ("adres", "address", "bezoekadres"),
    Field.WEBSITE: ("website", "site", "url", "web"),
    Field.NOTES: ("opmerkingen", "opmerking", "notities", "notitie", "notes", "note", "remarks"),
}
_BY_NAME = {name: field for field, names in SYNONYMS.items() for name in names}
_NOT_LETTERS = re.compile(r"[\W_]+")


def field_label(field: Field) -> str:
    """The field's name for the user, in the current language."""
    labels = {
        Field.ORGANISATION: tr("Organisation"),
        Field.DOMAIN: tr("Domain"),
        Field.NEIGHBOURHOODS: tr("Neighbourhoods"),
        Field.NAME: tr("Name"),
        Field.ROLE: tr("Role"),
        Field.PHONE: tr("Phone"),
        Field.EMAIL: tr("E-mail"),
        Field.ADDRESS: tr("Address"),
        Field.WEBSITE: tr("Website"),
        Field.NOTES: tr("Remarks"),
    }
    return labels[field]


def header_key(value: Cell) -> str:
    return _NOT_LETTERS.sub("", str(value)).casefold() if value is not None else ""


def match_header(value: Cell) -> Field | None:
    return _BY_NAME.get(header_key(value))


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the header row is (its index in the table's rows) and which column holds which field."""

    header_index: int
    headers: tuple[str, ...]
    columns: dict[Field, int]

    def with_column(self, field: Field, column: int | None) -> Layout:
        """The same layout with ``field`` read from ``column`` (None: not imported); for the wizard."""
        columns = {key: value for key, value in self.columns.items() if key != field and value != column}
        if column is not None:
            columns[field] = column
        return Layout(self.header_index, self.headers, columns)


def detect_layout(table: Table) -> Layout | None:
    """The header row and its columns, or None when no top row looks like a roster's header."""
    for index, (_number, cells) in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        columns: dict[Field, int] = {}
        for column, value in enumerate(cells):
            found = match_header(value)
            if found is not None and found not in columns:
                columns[found] = column
        if Field.ORGANISATION in columns or len(columns) >= 2:
            headers = tuple("" if value is None else str(value).strip() for value in cells)
            return Layout(index, headers, columns)
    return None
