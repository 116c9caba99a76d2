"""An error's text as a message or a log line never carries the failed statement or its parameters."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from teamlead.data.database import Database
from teamlead.errors import error_text, without_sql
from teamlead.rules.logs import setup_logging, teardown_logging

SENTINEL = "Xandrijn Wobbelkamp belde over zijn zoon"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = setup_logging(tmp_path / "logs")
    assert path is not None
    yield path
    teardown_logging()


def _duplicate_key_error(database: Database) -> Exception:
    """A real error whose text quotes the value: SQLAlchemy appends the statement and its parameters,
    PostgreSQL adds a DETAIL line with the key."""
    insert = text("INSERT INTO teamlead_meta (key, value) VALUES (:key, 'x')")
    with database.begin() as session:
        session.execute(insert, {"key": SENTINEL})
    try:
        with database.begin() as session:
            session.execute(insert, {"key": SENTINEL})
    except Exception as error:
        return error
    raise AssertionError("the second insert was accepted")


def test_error_text_leaves_out_the_statement_its_parameters_and_details(database: Database) -> None:
    error = _duplicate_key_error(database)
    assert SENTINEL in str(error)  # what a traceback or a careless message would show
    shown = error_text(error)
    assert SENTINEL not in shown
    assert "teamlead_meta" in shown or "unique constraint" in shown
    assert "\n" not in shown
    assert "[SQL" not in shown
    assert not shown.startswith("(")
    assert SENTINEL not in without_sql(str(error))


def test_a_careless_log_line_with_the_error_text_keeps_it_out(database: Database, log_file: Path) -> None:
    error = _duplicate_key_error(database)
    logging.getLogger("teamlead.test").error("saving failed: " + str(error))
    logging.getLogger("teamlead.test").error("saving failed: %s", error, exc_info=error)
    for handler in logging.getLogger("teamlead").handlers:
        handler.flush()
    content = log_file.read_text(encoding="utf-8")
    assert "saving failed" in content
    assert SENTINEL not in content
    assert "Wobbelkamp" not in content


def test_error_text_of_plain_errors() -> None:
    assert error_text(OSError(28, "No space left on device")) == "[Errno 28] No space left on device"
    assert error_text(ValueError("")) == "ValueError"
    assert error_text(RuntimeError("first line.\nsecond line")) == "first line"
