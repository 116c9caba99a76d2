"""The one file writer: all or nothing, a missing folder refused, permissions as asked."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teamlead.errors import UserError
from teamlead.rules.files import (
    PRIVATE,
    WINDOWS_FORBIDDEN,
    WINDOWS_RESERVED,
    atomic_target,
    file_name,
    private_outputs,
    write_text,
)


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_text("old", encoding="utf-8")

    def fail_half_way() -> None:
        with atomic_target(target) as temporary:
            temporary.write_text("half", encoding="utf-8")
            raise RuntimeError("the writer failed")

    with pytest.raises(RuntimeError):
        fail_half_way()
    assert target.read_text(encoding="utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["report.pdf"]


def test_a_missing_folder_is_refused_not_created(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        write_text(tmp_path / "nowhere" / "x.txt", "x")
    assert not (tmp_path / "nowhere").exists()


def test_private_files_are_for_the_owner_only(tmp_path: Path) -> None:
    write_text(tmp_path / "private.json", "{}", mode=0o600)
    assert stat.S_IMODE((tmp_path / "private.json").stat().st_mode) == 0o600


def test_inside_private_outputs_every_file_is_for_the_owner_only(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    with private_outputs():
        write_text(tmp_path / "contacts.csv", "Fatima;06 5555 0101")
    with private_outputs(False):
        write_text(tmp_path / "district.csv", "partners_active;12")
    write_text(tmp_path / "city.csv", "partners_active;12")
    assert stat.S_IMODE((tmp_path / "contacts.csv").stat().st_mode) == PRIVATE
    assert stat.S_IMODE((tmp_path / "district.csv").stat().st_mode) == 0o666 & ~umask
    assert stat.S_IMODE((tmp_path / "city.csv").stat().st_mode) == 0o666 & ~umask


# Writes a megabyte where the process may write 64 KiB at most, as on a full disk; prints what the user reads.
NO_ROOM = """
import resource, signal, sys
from pathlib import Path
from teamlead.errors import UserError
from teamlead.rules.files import write_bytes
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
try:
    write_bytes(Path(sys.argv[1]), b"x" * 1_000_000)
except UserError as error:
    print(error.message)
"""


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")
def test_no_room_to_write_reads_as_a_full_disk(tmp_path: Path) -> None:
    target = tmp_path / "export.xlsx"
    result = subprocess.run(
        [sys.executable, "-c", NO_ROOM, str(target)], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == f"The disk holding {target} is full. Make room and try again.", (
        result.stderr
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("District report Nieuw-West 2026-Q3", "District report Nieuw-West 2026-Q3"),
        ('Noord/Oost: "centrum"?', "Noord-Oost- -centrum--"),
        ("a\\b|c*d<e>f", "a-b-c-d-e-f"),
        ("tab\there", "tab-here"),
        ("trailing dots...", "trailing dots"),
        ("CON", "_CON"),
        ("nul.report", "_nul.report"),
        ("Com1 ", "_Com1"),
        ("", "teamlead"),
        ("...", "teamlead"),
    ],
)
def test_file_names_are_valid_on_windows(text: str, expected: str) -> None:
    assert file_name(text) == expected


@given(st.text(max_size=60))
def test_any_text_gives_a_name_windows_accepts(text: str) -> None:
    name = file_name(text)
    assert name
    assert not set(name) & WINDOWS_FORBIDDEN
    assert all(ord(char) >= 32 for char in name)
    assert not name.endswith((".", " "))
    assert name.split(".")[0].strip().upper() not in WINDOWS_RESERVED
