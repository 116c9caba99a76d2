"""Sync folders and network shares are recognised, warned about, and opened without WAL."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest

from teamlead.rules.locations import onedrive_roots, risky_location, sync_service, wal_allowed


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


@pytest.mark.parametrize(
    "path",
    [
        r"C:\Users\anna\OneDrive - Gemeente Amsterdam\Teamlead\teamlead.sqlite3",
        r"C:\Users\anna\OneDrive\Documenten\teamlead.sqlite3",
        r"c:\users\anna\onedrive - gemeente amsterdam\teamlead.sqlite3",
    ],
)
def test_onedrive_folders_on_windows_are_found_by_name(path: str) -> None:
    assert sync_service(PureWindowsPath(path)) == "OneDrive"


def test_onedrive_roots_of_any_name_come_from_its_variables_and_the_registry() -> None:
    environ = {"OneDriveCommercial": r"D:\Werk\GA", "OneDrive": "", "PATH": r"C:\Windows"}
    library = r"C:\Users\anna\Gemeente Amsterdam\Team Nieuw-West - Documenten"
    roots = onedrive_roots(environ, [library], flavour=PureWindowsPath)
    assert roots == [PureWindowsPath(r"D:\Werk\GA"), PureWindowsPath(library)]
    assert sync_service(PureWindowsPath(r"d:\werk\ga\teamlead.sqlite3"), roots) == "OneDrive"
    inside_library = PureWindowsPath(library) / "Teamlead" / "teamlead.sqlite3"
    assert sync_service(inside_library, roots) == "OneDrive"
    assert sync_service(PureWindowsPath(r"D:\Werk\GAX\teamlead.sqlite3"), roots) is None
    assert (
        sync_service(PureWindowsPath(r"C:\Users\anna\AppData\Local\Teamlead\teamlead.sqlite3"), roots) is None
    )


def test_a_onedrive_root_from_the_environment_makes_a_database_risky(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OneDriveCommercial", str(tmp_path / "Werk"))
    found = risky_location(tmp_path / "Werk" / "teamlead.sqlite3")
    assert found is not None
    assert found.service == "OneDrive"
    assert risky_location(tmp_path / "Elders" / "teamlead.sqlite3") is None
