"""Helpers for the database lifecycle tests: a real Teamlead file to copy, damage or lock, and hashes."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from teamlead.data.database import open_database
from teamlead.data.geography import District


def make_teamlead_file(path: Path, districts: int = 300) -> Path:
    """A real, closed Teamlead database with enough rows to span many pages."""
    database = open_database(path)
    try:
        with database.begin() as session:
            session.add_all(
                District(name=f"District {number:04d} " + "x" * 150) for number in range(districts)
            )
    finally:
        database.dispose()
    return path


def fresh_copy(template: Path, folder: Path) -> Path:
    """A copy of ``template`` as ``folder/teamlead.sqlite3`` (a folder of its own, to compare listings)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "teamlead.sqlite3"
    shutil.copyfile(template, target)
    return target


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the hash of its bytes: what "untouched" means."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
