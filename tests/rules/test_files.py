"""The one file writer: all or nothing, a missing folder refused, permissions as asked."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teamlead.errors import UserError
from teamlead.rules.files import WINDOWS_FORBIDDEN, WINDOWS_RESERVED, atomic_target, file_name, write_text


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
