"""Hostile import files, made on the spot from a seed: mutated workbooks and CSV files of every known trick.

Each file is what an attacker (or a broken tool) could hand a team lead: references far away in any case, with
or without a namespace prefix or quotes of either kind, cells and rows without references, broken deflate
streams, truncated archives, entity-encoded references, huge fields, unbalanced quotes, mixed encodings, and
plain random byte damage. :func:`hostile_files` writes ``count`` of them into a folder.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl

SHEET = "xl/worksheets/sheet1.xml"
HEADER = ["Organisatie", "Naam", "Functie", "Telefoon", "E-mail", "Opmerkingen"]
ROWS = [
    [
        "Jongerenwerk Nieuw-West",
        "Fatima el Amrani",
        "Jongerenwerker",
        "020 555 0101",
        "fatima@jw.example",
        "",
    ],
    [
        "Politie Slotervaart",
        "Sanne Jansen",
        "Wijkagent",
        "06 5555 1234",
        "sanne@politie.example",
        "belt terug",
    ],
    ["GGD Amsterdam", "Kees Bakker", "Jeugdarts", "020 555 0199", "kees@ggd.example", ""],
]


def base_workbook() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Lijst"
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def base_csv() -> bytes:
    lines = [";".join(HEADER), *(";".join(row) for row in ROWS)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def with_sheet(workbook: bytes, sheet_xml: bytes, *, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    """``workbook`` with its first sheet replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(out, "w", compress) as target:
        for entry in source.infolist():
            data = sheet_xml if entry.filename == SHEET else source.read(entry)
            target.writestr(entry.filename, data)
    return out.getvalue()


def sheet(rows: str, dimension: str = "") -> bytes:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main">{dim}<sheetData>{rows}</sheetData></worksheet>'
    ).encode()


def cell(ref: str | None, text: str = "x", *, prefix: str = "", quote: str = '"', attrs: str = "") -> str:
    name = f"{prefix}c"
    reference = f" r={quote}{ref}{quote}" if ref is not None else ""
    return f'<{name}{reference}{attrs} t="inlineStr"><is><t>{text}</t></is></{name}>'


def row(number: int | None, cells: str, *, prefix: str = "") -> str:
    reference = f' r="{number}"' if number is not None else ""
    return f"<{prefix}row{reference}>{cells}</{prefix}row>"


def _far_references(rng: random.Random) -> bytes:
    column = rng.choice(["XFD", "xfd", "XfD", "ZZ", "zz", "AAA", "aaa", "BXY", "bxy"])
    number = rng.choice([1_048_576, 999_999, 300_000, 200_001, 60_000, 5_001])
    prefix = rng.choice(["", "", "x:", "ss:"])
    quote = rng.choice(['"', "'"])
    header = row(
        1, "".join(cell(f"{chr(65 + i)}1", h, prefix=prefix) for i, h in enumerate(HEADER)), prefix=prefix
    )
    far = row(number, cell(f"{column}{number}", "far", prefix=prefix, quote=quote), prefix=prefix)
    return sheet(header + far)


def _without_references(rng: random.Random) -> bytes:
    header = row(None, "".join(cell(None, h) for h in HEADER))
    columns = rng.choice([3_000, 20_000, 2_001])
    wide = row(None, cell(None, "y") * columns)
    tall = row(rng.choice([250_000, 1_048_576]), cell(None, "z"))
    return sheet(header + rng.choice([wide, tall, wide + tall]))


def _entity_references(rng: random.Random) -> bytes:
    letter = rng.choice(["&#88;FD", "&#x58;FD", "X&#70;D", "&#120;fd"])
    return sheet(row(1, cell("A1", "Organisatie")) + row(1_000_000, cell(f"{letter}1000000")))


def _many_rows(rng: random.Random) -> bytes:
    body = "".join(row(None, cell(None, "Organisatie") + cell(None, "n")) for _ in range(rng.randint(1, 4)))
    return sheet(body + row(rng.choice([200_001, 500_000]), cell(None, "end")))


def _huge_tag(rng: random.Random) -> bytes:
    padding = " " + "a" * rng.choice([70_000, 2_000_000]) + '="1"'
    return sheet(
        row(1, f'<c r="A1"{padding} t="inlineStr"><is><t>Organisatie</t></is></c>') + row(2, cell("XFD2"))
    )


def broken_deflate(workbook: bytes, rng: random.Random) -> bytes:
    data = bytearray(workbook)
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        info = archive.getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for _ in range(rng.randint(1, 8)):
        position = start + rng.randrange(max(1, info.compress_size))
        data[position] ^= rng.randrange(1, 256)
    return bytes(data)


def _flipped(data: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    if rng.random() < 0.2:
        del damaged[rng.randrange(len(damaged)) :]
    return bytes(damaged)


def _csv(rng: random.Random) -> bytes:
    base = base_csv()
    choice = rng.randrange(8)
    if choice == 0:
        return base + b"GGD;" + b"x" * rng.choice([131_073, 400_000]) + b"\r\n"
    if choice == 1:
        return base.replace(b"Politie", b'"Politie', 1)
    if choice == 2:
        return base + "Café Zoë;Jan\r\n".encode() + "Caf\u00e9;Piet\r\n".encode("cp1252")
    if choice == 3:
        return b"\xff\xfe" + ";".join(HEADER).encode("utf-16-le")
    if choice == 4:
        return base.replace(b"\r\n", b"\r")
    if choice == 5:
        return ";".join(HEADER).encode() + b"\n" + (b"a;" * rng.choice([2_001, 50_000])) + b"\n"
    if choice == 6:
        return base + b"Jongerenwerk;" + b'"' * rng.randint(1, 9) + b"\n"
    return _flipped(base, rng)


Maker = Callable[[random.Random], tuple[str, bytes]]


def _makers(workbook: bytes) -> list[Maker]:
    return [
        lambda rng: ("far.xlsx", with_sheet(workbook, _far_references(rng))),
        lambda rng: ("norefs.xlsx", with_sheet(workbook, _without_references(rng))),
        lambda rng: ("entity.xlsx", with_sheet(workbook, _entity_references(rng))),
        lambda rng: ("rows.xlsx", with_sheet(workbook, _many_rows(rng))),
        lambda rng: ("tag.xlsx", with_sheet(workbook, _huge_tag(rng))),
        lambda rng: ("deflate.xlsx", broken_deflate(workbook, rng)),
        lambda rng: ("stored.xlsx", with_sheet(workbook, _far_references(rng), compress=zipfile.ZIP_STORED)),
        lambda rng: ("flipped.xlsx", _flipped(workbook, rng)),
        lambda rng: ("flipped.xlsx", _flipped(workbook, rng)),
        lambda rng: ("mixed.csv", _csv(rng)),
        lambda rng: ("mixed.csv", _csv(rng)),
    ]


def hostile_files(folder: Path, count: int, seed: int = 1) -> Iterator[Path]:
    """Write ``count`` hostile files into ``folder`` (the same ones for the same seed)."""
    rng = random.Random(seed)
    makers = _makers(base_workbook())
    for number in range(count):
        name, data = makers[number % len(makers)](rng)
        path = folder / f"{number:05d}-{name}"
        path.write_bytes(data)
        yield path
