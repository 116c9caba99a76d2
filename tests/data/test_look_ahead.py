"""The file's quick check started early (beside the app's imports) stands in for the one the opening takes only
while the file is exactly as it was: damage written after that look is still found, and nothing is left beside
the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from teamlead.data import look_ahead
from teamlead.data.database import open_database
from teamlead.data.integrity import State, inspect_sqlite
from teamlead.errors import DatabaseError
from tests.data.database_files import fresh_copy, make_teamlead_file, snapshot
from tests.data.test_database_opening import scribbled_over


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_teamlead_file(tmp_path_factory.mktemp("template") / "teamlead.sqlite3")


def _looked(path: Path) -> None:
    """Start the look as the app does (by ``--database``) and let it finish."""
    look_ahead.start_for(str(path))
    look = look_ahead._looks[path.absolute()]  # waiting for its thread, as the opening would
    assert look.done.wait(30)
    assert look.lines == ["ok"]


def test_a_sound_file_looked_at_early_opens_and_is_left_as_it_was(template: Path, tmp_path: Path) -> None:
    path = fresh_copy(template, tmp_path)
    before = snapshot(tmp_path)
    _looked(path)
    assert snapshot(tmp_path) == before  # the early look leaves no -wal, -shm or journal
    assert inspect_sqlite(path).state is State.CURRENT
    assert path.absolute() not in look_ahead._looks  # each look is used once
    open_database(path).dispose()


def test_damage_written_after_the_early_look_is_still_found(template: Path, tmp_path: Path) -> None:
    path = fresh_copy(template, tmp_path)
    _looked(path)
    stat = path.stat()
    scribbled_over(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # a write a moment later
    before = snapshot(tmp_path)
    with pytest.raises(DatabaseError, match="damaged"):
        open_database(path)
    assert snapshot(tmp_path) == before


def test_a_damaged_file_looked_at_early_is_refused_in_words(template: Path, tmp_path: Path) -> None:
    path = fresh_copy(template, tmp_path)
    scribbled_over(path)
    look_ahead.start_for(str(path))
    with pytest.raises(DatabaseError, match="damaged"):
        open_database(path)
