"""``teamlead demo`` end to end on a file, and its refusals: a non-empty database, a cancel, a bad date."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from teamlead.cli import main
from teamlead.data.database import Database, open_database
from teamlead.data.models import Note, Organisation, Person
from teamlead.demo import DatabaseNotEmptyError, DemoCancelledError, generate_demo
from tests.demo.conftest import TODAY


def _counts(database: Database) -> tuple[int, int, int]:
    with database.session() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Organisation, Person, Note)
        )


def test_the_command_fills_a_new_file_and_then_refuses_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.sqlite3"
    assert main(["--database", str(path), "demo", "--seed", "3", "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "small, seed 3, up to 2026-11-23" in out
    assert "partner organisations" in out
    assert "800  notes" in out
    before = path.read_bytes()

    assert main(["--database", str(path), "demo", "--today", TODAY.isoformat()]) == 1
    err = capsys.readouterr().err
    assert "already holds data" in err
    assert "new file" in err
    assert "Traceback" not in err
    database = open_database(path)
    try:
        assert _counts(database)[2] == 800
    finally:
        database.dispose()
    assert main(["--database", str(path), "--language", "nl", "demo"]) == 1
    assert "bevat al gegevens" in capsys.readouterr().err
    assert len(path.read_bytes()) == len(before)


def test_a_bad_date_or_scale_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite3"
    assert main(["--database", str(path), "demo", "--today", "23-11-2026"]) == 2
    assert "--today: '23-11-2026' is not a date" in capsys.readouterr().err
    assert main(["--database", str(path), "demo", "--today", "0001-01-01"]) == 2
    assert "--today: 0001-01-01 is outside the dates Teamlead takes" in capsys.readouterr().err
    assert not path.exists()
    with pytest.raises(SystemExit) as exit_info:
        main(["--database", str(path), "demo", "--scale", "huge"])
    assert exit_info.value.code == 2


def test_a_database_with_a_partner_is_refused_unchanged(database: Database) -> None:
    with database.begin() as session:
        session.add(Organisation(name="Jongerenwerk Nieuw-West"))
    with pytest.raises(DatabaseNotEmptyError, match="already holds data"):
        generate_demo(database, "small", today=TODAY)
    assert _counts(database) == (1, 0, 0)


def test_a_cancel_leaves_the_database_empty_and_usable(database: Database) -> None:
    shares: list[float] = []

    def progress(share: float, message: str) -> None:
        shares.append(share)

    with pytest.raises(DemoCancelledError, match="cancelled"):
        generate_demo(database, "small", today=TODAY, progress=progress, cancel=lambda: len(shares) > 8)
    assert _counts(database) == (0, 0, 0)
    shares.clear()
    summary = generate_demo(database, "small", today=TODAY, progress=progress)
    assert shares == sorted(shares)
    assert shares[-1] == 1.0
    assert _counts(database)[0] == summary.counts["organisation"]
