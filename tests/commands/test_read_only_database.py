"""A database the user may read but not write (another user's file, a read-only folder): the commands that only
read it work, the ones that would change it say so, and the file stays as it was.

Root ignores permissions, so the commands run as the user ``nobody`` (``runuser``), as a user would start them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.data.database_files import snapshot
from tests.data.test_database_opening import nobody_can_run_python
from tests.importing.rosters import MESSY_ROSTER, write_xlsx

pytestmark = pytest.mark.skipif(
    not nobody_can_run_python(), reason="needs root and a Python the user nobody can run"
)

READING = {
    "check": ["check"],
    "meetings": ["meetings", "--from", "2020-01-01"],
    "report": ["report", "contacts", "-o", "{out}/contacts.xlsx"],
    "report-city": ["report", "district", "-o", "{out}/district.pdf"],
    "export": ["export", "-o", "{out}/everything.xlsx"],
    "calendar": ["calendar", "-o", "{out}/meetings.ics", "--from", "2020-01-01"],
}
WRITING = {"import": ["import", "{out}/partners.xlsx"], "demo": ["demo"]}


@pytest.fixture(params=["folder", "file"], ids=["read-only-folder", "read-only-file"])
def place(request: pytest.FixtureRequest, filled: Path) -> Iterator[tuple[Path, Path, Path]]:
    """(the database, nobody's output folder, nobody's home): the database belongs to root, readable by all,
    in a folder nobody may not write (``folder``), or in one nobody may write but as a read-only file."""
    base = Path(tempfile.mkdtemp(prefix="teamlead-read-only-", dir="/tmp"))  # /root's tmp is closed to nobody
    try:
        base.chmod(0o755)
        folder, out, home = base / "db", base / "out", base / "home"
        for made in (folder, out, home):
            made.mkdir()
        for open_to_all in (out, home) if request.param == "folder" else (folder, out, home):
            open_to_all.chmod(0o777)
        path = folder / "teamlead.sqlite3"
        shutil.copyfile(filled, path)
        path.chmod(0o644 if request.param == "folder" else 0o444)
        write_xlsx(out / "partners.xlsx", {"Partners": MESSY_ROSTER}).chmod(0o644)
        yield path, out, home
    finally:
        shutil.rmtree(base)


def as_nobody(path: Path, out: Path, home: Path, command: list[str]) -> subprocess.CompletedProcess[str]:
    argv = [part.format(out=out) for part in command]
    return subprocess.run(
        ["runuser", "-u", "nobody", "--", sys.executable, "-m", "teamlead", "--database", str(path), *argv],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": os.environ["PATH"], "HOME": str(home), "LANG": "C.UTF-8"},
        cwd=home,
        timeout=300,
    )


@pytest.mark.parametrize("name", sorted(READING))
def test_a_command_that_only_reads_opens_a_read_only_database(
    place: tuple[Path, Path, Path], name: str
) -> None:
    path, out, home = place
    before = snapshot(path.parent)
    result = as_nobody(path, out, home, READING[name])
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(path.parent) == before
    if name == "meetings":
        assert len(result.stdout.splitlines()) > 10
    if "-o" in READING[name]:
        written = Path(READING[name][READING[name].index("-o") + 1].format(out=out))
        assert written.stat().st_size > 0


@pytest.mark.parametrize("name", sorted(WRITING))
def test_a_command_that_writes_refuses_a_read_only_database_saying_why(
    place: tuple[Path, Path, Path], name: str
) -> None:
    path, out, home = place
    before = snapshot(path.parent)
    result = as_nobody(path, out, home, WRITING[name])
    assert result.returncode == 1, result.stderr
    assert "cannot write to" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(path.parent) == before
