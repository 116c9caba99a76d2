"""The command line's last handler: an error nobody foresaw ends in one short line and the log's path, exit 1;
the traceback goes to the log file only, without the error's text (which can hold a note or a name)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from teamlead.cli import main
from teamlead.data.database import Database
from teamlead.rules.logs import LOG_ENV, LOG_FILENAME
from teamlead.services.notes import NoteInput, log_note
from teamlead.services.organisations import OrganisationInput, add_organisation

SENTINEL = "Xandrijn Wobbelkamp"


def test_an_unexpected_error_is_one_line_pointing_to_the_log(
    sqlite_database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite_database.begin() as session:
        partner = add_organisation(session, OrganisationInput(name="Buurtwerk Osdorp"))
        log_note(
            session, NoteInput(kind="call", text="Gebeld", organisation_ids=[partner]), today=date(2026, 3, 2)
        )
    with sqlite_database.begin() as session:  # a damaged file: SQLite keeps any text in a date column
        session.execute(text("UPDATE note SET occurred_on = :value"), {"value": SENTINEL})
    target = tmp_path / "export.xlsx"
    assert main(["--database", str(sqlite_database.path), "export", "-o", str(target)]) == 1
    out, err = capsys.readouterr()
    log = Path(os.environ[LOG_ENV]) / LOG_FILENAME
    assert err == (
        "teamlead: the command stopped on an unexpected error (ValueError). "
        f"The details are in the log file {log}.\n"
    )
    assert out == ""
    content = log.read_text(encoding="utf-8")
    assert "ERROR teamlead.cli: command failed" in content
    assert "builtins.ValueError" in content
    assert 'teamlead/commands/export.py", line' in content
    assert SENTINEL not in content
    assert not target.exists()
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".export")] == []
