"""Every command fed values at the edges: dates of year 1 and 9999, ids beyond 64 bits, database URLs of other
kinds or without a file, names over 255 bytes and paths over 4 KB, folders, pipes and text files where files
are expected. Each is refused with exit 1 or 2 and one ``teamlead:`` message, never a traceback, and never
by the last handler's "unexpected error" (the value was checked at the command line's edge)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from teamlead.cli import main
from teamlead.data.database import Database
from tests.reporting.seed import seed

LONG_NAME = "n" * 300
LONG_TEXT = "x" * 300
OTHER_URLS = (
    "sqlite://",
    "sqlite:///:memory:",
    "mysql://user@host/teamlead",
    "http://example.org/teamlead",
    "postgresql+psycopg2://user@host/teamlead",
    "postgresql://user@[::1",
)


@dataclass(frozen=True)
class Place:
    db: str
    folder: Path
    text: Path
    workbook: Path
    tampered: Path
    pipe: Path

    @property
    def long_path(self) -> str:
        return str(self.folder / "/".join(["p" * 200] * 25))


def _place(database: Database, tmp_path: Path) -> Place:
    seed(database)
    db = database.url.render_as_string(hide_password=False)
    workbook = tmp_path / "nieuw-west.xlsx"
    period = ["--district", "Nieuw-West", "--from", "2026-07-01", "--to", "2026-09-30"]
    assert main(["--database", db, "report", "district", *period, "-o", str(workbook)]) == 0
    tampered = tmp_path / "year-one.xlsx"
    book = load_workbook(workbook)
    for row in book["Summary"].iter_rows():
        if row[0].value == "period_from":
            row[1].value = "0001-01-01"
    book.save(tampered)
    text = tmp_path / "notes.txt"
    text.write_text("geen database\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    return Place(db, tmp_path / "folder", text, workbook, tampered, pipe)


def _cases(place: Place, out: Path) -> list[tuple[list[str], int | None]]:
    """(arguments, exit code); None where it depends on the backend (backup and restore are SQLite's)."""
    db = ["--database", place.db]
    long_name, long_path, missing = str(out.parent / LONG_NAME), place.long_path, str(out.parent / "missing")
    cases: list[tuple[list[str], int | None]] = [
        *(([*["--database", url], "meetings"], 2) for url in OTHER_URLS),
        (["--database", long_name, "meetings"], 2),
        (["--database", long_path, "check"], 2),
        (["--database", str(place.folder), "meetings"], 1),
        (["--database", str(place.text), "meetings"], 1),
    ]
    per_command: list[tuple[list[str], int | None]] = [
        (["report", "district", "-o", f"{out}.pdf", "--from", "0001-01-01"], 2),
        (["report", "district", "-o", f"{out}.pdf", "--to", "9999-12-31"], 2),
        (["report", "agreements", "-o", f"{out}.xlsx", "--from", "1899-12-31"], 2),
        (["report", "roster", "-o", f"{out}.pdf", "--to", "2200-01-01"], 2),
        (["report", "district", "-o", f"{out}.pdf", "--from", "2026-02-30"], 2),
        (["report", "meeting", "-o", f"{out}.pdf", "--meeting", str(2**70)], 2),
        (["report", "meeting", "-o", f"{out}.pdf", "--meeting", str(-(2**70))], 2),
        (["report", "meeting", "-o", f"{out}.pdf", "--meeting", str(2**63 - 1)], 2),
        (["report", "meeting", "-o", f"{out}.pdf", "--meeting", str(2**31 - 1)], 1),
        (["report", "roster", "-o", f"{long_name}.pdf"], 2),
        (["report", "roster", "-o", f"{long_path}.pdf"], 2),
        (["report", "roster", "-o", f"{missing}/roster.pdf"], 1),
        (["report", "roster", "-o", str(place.folder)], 2),
        (["report", "roster", "-o", str(place.pipe)], 1),
        (["report", "district", "-o", f"{out}.pdf", "--district", LONG_TEXT], 2),
        (["report", "network", "-o", f"{out}.pdf", "--neighbourhood", LONG_TEXT], 2),
        (["meetings", "--from", "0001-01-01"], 2),
        (["meetings", "--to", "9999-12-31"], 2),
        (["meetings", "--district", LONG_TEXT], 2),
        (["calendar", "-o", f"{out}.ics", "--from", "0001-01-01"], 2),
        (["calendar", "-o", f"{out}.ics", "--from", "9999-12-31"], 2),
        (["calendar", "-o", f"{long_name}.ics"], 2),
        (["demo", "--today", "0001-01-01"], 2),
        (["demo", "--today", "9999-12-31"], 2),
        (["export", "-o", f"{long_name}.xlsx"], 2),
        (["export", "-o", f"{long_path}.xlsx"], 2),
        (["export", "-o", f"{missing}/export.xlsx"], 1),
        (["import", f"{long_name}.xlsx"], 2),
        (["import", f"{missing}/roster.xlsx"], 1),
        (["import", str(place.folder)], 1),
        (["import", str(place.text)], 1),
        (["import", str(place.workbook), "--district", LONG_TEXT], 1),
        (["consolidate", f"{long_name}.xlsx", "-o", f"{out}.xlsx"], 2),
        (["consolidate", str(place.tampered), "-o", f"{out}.xlsx"], 1),
        (["consolidate", str(place.workbook), "-o", f"{long_path}.xlsx"], 2),
        (["consolidate", f"{missing}/district.xlsx", "-o", f"{out}.xlsx"], 1),
        (["backup", "-o", long_name], None),
        (["restore", long_name], None),
        (["restore", str(place.folder)], 1),
        (["restore", str(place.text)], 1),
    ]
    return cases + [([*db, *arguments], code) for arguments, code in per_command]


def test_edge_values_are_refused_with_a_message(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    place = _place(database, tmp_path)
    capsys.readouterr()
    problems = []
    for arguments, expected in _cases(place, tmp_path / "out"):
        code = main(arguments)
        out, err = capsys.readouterr()
        said = err.strip()
        shown = " ".join(part[:40] for part in arguments)
        if code not in ((1, 2) if expected is None else (expected,)):
            problems.append(f"{shown}: exit {code}, expected {expected}: {said[:200]}")
        elif not said.startswith("teamlead: ") or len(said.splitlines()) != 1:
            problems.append(f"{shown}: not one teamlead: message: {said[:300]}")
        elif "Traceback" in out + err or "unexpected error" in said:
            problems.append(f"{shown}: {said[:300]}")
    assert problems == []
    assert place.pipe.is_fifo()  # a pipe (or a device) is never replaced by a report
    assert not any(path.name.startswith(LONG_NAME[:10]) for path in tmp_path.iterdir())
