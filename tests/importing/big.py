"""Large realistic rosters (thousands of rows) for the kill test and the benchmark, written fast and the same
every time: about four persons per partner, Dutch names, valid fictional numbers, a note on every tenth row."""

from __future__ import annotations

import random
from pathlib import Path

from openpyxl import Workbook

HEADER = ["Organisatie", "Domein", "Buurt", "Naam", "Functie", "Telefoon", "E-mail", "Adres", "Opmerkingen"]
KINDS = [
    ("Jongerenwerk", "Sociaal"),
    ("Buurtteam", "Sociaal"),
    ("Huisartsenpraktijk", "Zorg"),
    ("Politie Basisteam", "Veiligheid"),
    ("Basisschool", "Onderwijs"),
    ("Woningcorporatie", "Wonen"),
    ("Sportvereniging", "Informeel"),
    ("Moskee", "Informeel"),
    ("Gemeente Loket", "Gemeente"),
]
PLACES = ["Geuzenveld", "Slotermeer-Noordoost", "Osdorp-Oost", "De Punt", "Slotervaart", "Wildemanbuurt"]
FIRST = ["Fatima", "Mark", "Sanne", "Ahmed", "Ëlla", "Noah", "Zoë", "Mohamed", "Anouk", "Daan", "Şükrü"]
LAST = ["de Vries", "el Amrani", "Jansen", "Ouali", "Réné", "Bakker", "Yılmaz", "Visser", "Smit"]
ROLES = ["Coördinator", "Jongerenwerker", "Wijkagent", "Directeur", "Vrijwilliger", "Huisarts"]


def roster_rows(count: int, seed: int = 1) -> list[list[object]]:
    chance = random.Random(seed)
    rows: list[list[object]] = []
    for index in range(count):
        org = index // 4
        kind, domain = KINDS[org % len(KINDS)]
        place = PLACES[org % len(PLACES)]
        first, last = chance.choice(FIRST), chance.choice(LAST)
        rows.append(
            [
                f"{kind} {place} {org}",
                domain,
                f"{place}; {PLACES[(org + 1) % len(PLACES)]}",
                f"{first} {last} {index}",
                chance.choice(ROLES),
                f"06 5555 {index % 10_000:04d}" if index % 2 else f"020 555 {index % 10_000:04d}",
                f"persoon{index}@partner{org}.example",
                f"Pleinstraat {org % 200 + 1}, Amsterdam",
                f"Aanspreekpunt voor {place}, rij {index}" if index % 10 == 0 else None,
            ]
        )
    return rows


def write_big_roster(path: Path, count: int, seed: int = 1) -> Path:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Partners")
    sheet.append(["Partnerlijst Nieuw-West"])
    sheet.append([])
    sheet.append(HEADER)
    for row in roster_rows(count, seed):
        sheet.append(row)
    workbook.save(path)
    return path
