"""``--exit-when-ready`` in a real process: the damaged-database question (with its backup) goes to stderr
and the app exits 1, the file untouched; a database in a sync folder opens with the warning on stderr."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from teamlead.data.backup import backup_database
from teamlead.data.database import Database
from tests.ui.test_exit_when_ready import run_teamlead


def test_a_damaged_database_with_a_backup_names_it_on_stderr(
    sqlite_database: Database, tmp_path: Path
) -> None:
    path = sqlite_database.path
    assert path is not None
    backup_database(sqlite_database)
    sqlite_database.dispose()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 7])
    damaged = path.read_bytes()
    result = run_teamlead("--database", str(path), "--exit-when-ready", home=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "is damaged" in result.stderr
    assert "Or restore the latest good backup, from" in result.stderr
    assert path.read_bytes() == damaged
    assert not any(p.name.startswith(path.name + "-") for p in path.parent.iterdir())


def test_a_database_in_a_google_drive_folder_opens_with_the_warning_on_stderr(
    sqlite_database: Database, tmp_path: Path
) -> None:
    source = sqlite_database.path
    assert source is not None
    sqlite_database.dispose()
    path = tmp_path / "Google Drive" / "teamlead.sqlite3"
    path.parent.mkdir()
    path.write_bytes(source.read_bytes())
    result = run_teamlead("--database", str(path), "--exit-when-ready", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ready in ")
    assert "is in a Google Drive folder" in result.stderr
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        connection.close()
    assert not (path.parent / "backups").exists()  # no automatic backups in this mode
