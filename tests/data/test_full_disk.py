"""A full disk reads as a full disk, with what to do, wherever it stops Teamlead: opening the database (SQLite
says "disk I/O error" when it cannot grow its ``-shm``), saving, or writing a report.

The disk is a small tmpfs, filled up; mounting one needs root (else the tests skip).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from teamlead import cli
from teamlead.data.database import open_database
from teamlead.data.geography import District
from teamlead.errors import DatabaseError

FULL = "is full. Make room and try again."


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)], capture_output=True, check=False
    )
    if mounted.returncode:
        pytest.skip("mounting a tmpfs needs root on Linux")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(disk: Path) -> None:
    """Take the disk's last free byte."""
    with (disk / "filler").open("ab", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 512)
        except OSError:
            pass


@pytest.fixture
def database_on_a_full_disk(small_disk: Path) -> Path:
    path = small_disk / "teamlead.sqlite3"
    database = open_database(path)
    try:
        with database.begin() as session:
            session.add(District(name="Nieuw-West"))
    finally:
        database.dispose()
    fill(small_disk)
    return path


def test_opening_on_a_full_disk_says_the_disk_is_full(
    database_on_a_full_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--database", str(database_on_a_full_disk), "meetings"]) == 1
    err = capsys.readouterr().err
    assert f"The disk holding {database_on_a_full_disk} {FULL}" in err
    assert "I/O" not in err


def test_saving_on_a_full_disk_says_the_disk_is_full(small_disk: Path) -> None:
    path = small_disk / "teamlead.sqlite3"
    database = open_database(path)
    try:
        with database.engine.connect():  # the -wal and -shm are there; then the disk fills up
            fill(small_disk)
            with pytest.raises(DatabaseError, match=FULL), database.begin() as session:
                session.add_all(District(name=f"Stadsdeel {number} " + "x" * 200) for number in range(2000))
    finally:
        database.dispose()


def test_a_report_on_a_full_disk_says_the_disk_is_full(
    small_disk: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "teamlead.sqlite3"
    assert cli.main(["--database", str(path), "report", "roster", "-o", str(tmp_path / "first.pdf")]) == 0
    fill(small_disk)
    target = small_disk / "roster.pdf"
    assert cli.main(["--database", str(path), "report", "roster", "-o", str(target)]) == 1
    assert f"The disk holding {target} {FULL}" in capsys.readouterr().err
    assert sorted(file.name for file in small_disk.iterdir()) == ["filler"]
