"""Sync folders and network shares are recognised, warned about, and opened without WAL."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamlead.rules.locations import risky_location, wal_allowed


@pytest.mark.parametrize(
    ("folder", "service"),
    [
        ("OneDrive - Gemeente Amsterdam/Teamlead", "OneDrive"),
        ("Dropbox/werk", "Dropbox"),
        ("Google Drive/Mijn map", "Google Drive"),
        ("Library/Mobile Documents/com~apple~CloudDocs", "iCloud"),
    ],
)
def test_sync_folders_are_risky(tmp_path: Path, folder: str, service: str) -> None:
    path = tmp_path / folder / "teamlead.sqlite3"
    found = risky_location(path)
    assert found is not None
    assert found.kind == "sync"
    assert found.service == service
    assert service in found.warning(path)
    assert "safest mode" in found.warning(path)
    assert not wal_allowed(path)


def test_network_mounts_and_unc_paths_are_risky(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n//server/share /mnt/team\\040data cifs rw 0 0\nnas:/vol /srv/nfs nfs4 rw 0 0\n"
    )
    assert risky_location(Path("/mnt/team data/teamlead.sqlite3"), mounts=mounts).kind == "network"  # type: ignore[union-attr]
    assert risky_location(Path("/srv/nfs/x/teamlead.sqlite3"), mounts=mounts).service == "nfs4"  # type: ignore[union-attr]
    assert risky_location(Path("/srv/local/teamlead.sqlite3"), mounts=mounts) is None
    assert risky_location(Path("//fileserver/teams/teamlead.sqlite3")) is not None


def test_a_local_folder_is_fine(tmp_path: Path) -> None:
    assert risky_location(tmp_path / "Documents" / "teamlead.sqlite3") is None
    assert wal_allowed(tmp_path / "teamlead.sqlite3")
