"""Messy rosters as team leads really keep them, written as real files for the importer to read."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl

Rows = Sequence[Sequence[Any]]

# A predecessor's partner list: a title and a date above the header, headers in odd case and spelling, a
# blank row, organisation names repeated with typos and other spacing, one row without an organisation.
MESSY_ROSTER: Rows = [
    ["Partnerlijst Nieuw-West (bijgewerkt door Karin)"],
    ["Stand: maart 2026"],
    [],
    [
        "ORGANISATIE",
        "domein",
        "Buurt(en)",
        "Contactpersoon",
        "Functie",
        "Tel.",
        "E-mail adres",
        "Opmerkingen",
    ],
    [
        "Jongerenwerk Nieuw West",
        "Sociaal",
        "Geuzenveld; Slotermeer-Noordoost",
        "Fatima el Amrani",
        "Jongerenwerker",
        "020 555 0101",
        "Fatima@Jongerenwerk.example",
        "Belt altijd terug binnen een dag",
    ],
    [
        "jongerenwerk nieuw-west",
        "sociaal",
        "Geuzenveld, Osdorp-Oost",
        "Mark de Vries",
        "Coördinator",
        "06-55551234",
        "mark@jongerenwerk.example",
        None,
    ],
    [],
    ["  Jongerenwerk Nieuw-West ", "Social", None, "fatima el amrani", None, None, None, None],
    [
        "Politie Basisteam Slotervaart",
        "Veiligheid",
        "Slotervaart",
        "Sanne Jansen",
        "Wijkagent",
        "12345",
        "sanne@politie.example",
        None,
    ],
    [None, None, None, "Piet zonder organisatie", "Vrijwilliger", "06 5555 0000", None, None],
    [
        "Politie Basisteam Slotervart",
        "Safety",
        "Slotervaart",
        "Ahmed Ouali",
        "Wijkagent",
        205550177,
        "ahmed@@politie.example",
        None,
    ],
    [
        "Sportclub Zoë",
        "Sport",
        "Osdorp-Oost",
        "Ëlla Réné",
        "Trainer",
        "0205550199",
        None,
        "Zaal op woensdag beschikbaar",
    ],
]


def write_xlsx(path: Path, sheets: dict[str, Rows]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


def write_csv(path: Path, rows: Rows, *, separator: str = ";", encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=separator)
        for row in rows:
            writer.writerow(["" if value is None else value for value in row])
    return path
