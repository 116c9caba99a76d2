"""Who may read what Teamlead writes: its data folder, the database and the files SQLite keeps beside it, the
backups and the export are its owner's alone; a folder the user chose keeps the permissions it had."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from teamlead import cli
from teamlead.data.database import open_database
from teamlead.rules.locations import data_folder, default_database_path

pytestmark = pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_the_files_beside_it_are_for_its_owner_only(tmp_path: Path) -> None:
    chosen = tmp_path / "Teamlead-bestanden"
    chosen.mkdir(mode=0o755)
    path = chosen / "teamlead.sqlite3"
    database = open_database(path)
    try:
        with database.engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM district").scalar()
            assert mode(path) == 0o600
            assert mode(path.with_name(path.name + "-wal")) == 0o600
            assert mode(path.with_name(path.name + "-shm")) == 0o600
    finally:
        database.dispose()
    assert mode(chosen) == 0o755  # the user's own folder


def test_a_database_others_could_read_is_for_its_owner_only_once_opened(tmp_path: Path) -> None:
    path = tmp_path / "teamlead.sqlite3"
    open_database(path).dispose()
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"")
    for file in (path, wal):
        file.chmod(0o644)  # as an earlier version left them
    open_database(path).dispose()
    assert mode(path) == 0o600


def test_teamleads_own_data_folder_is_for_its_owner_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["meetings"]) == 0, capsys.readouterr().err
    assert default_database_path().exists()
    assert mode(data_folder()) == 0o700
    data_folder().chmod(0o755)  # as an earlier version left it
    assert cli.main(["meetings"]) == 0
    assert mode(data_folder()) == 0o700
    assert mode(default_database_path()) == 0o600


def test_backups_and_the_export_are_for_the_owner_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "teamlead.sqlite3"
    export = tmp_path / "alles.xlsx"
    assert cli.main(["--database", str(path), "backup"]) == 0
    backup = Path(capsys.readouterr().out.strip())
    assert cli.main(["--database", str(path), "export", "-o", str(export)]) == 0
    assert cli.main(["--database", str(path), "restore", str(backup)]) == 0
    assert mode(backup) == 0o600
    assert mode(backup.parent) == 0o700
    assert mode(export) == 0o600
    assert mode(path) == 0o600
