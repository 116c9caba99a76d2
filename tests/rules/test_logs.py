"""The log file: errors and timings, never note texts, names, phone numbers or e-mail addresses."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from teamlead.data.database import Database
from teamlead.rules.logs import LOG_FILENAME, setup_logging, teardown_logging
from teamlead.services.erasure import erase_person
from teamlead.services.notes import NoteInput, log_note
from teamlead.services.organisations import OrganisationInput, add_organisation
from teamlead.services.persons import PersonInput, add_person
from teamlead.services.retention import delete_notes, notes_past_retention

NAME = "Xandrijn Wobbelkamp"
MAIL = "x.wobbelkamp@voorbeeld.example"
PHONE = "06 1122 3344"
NOTE = "Sentinelnotitie over de Wobbelkampstraat"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = setup_logging(tmp_path / "logs")
    assert path is not None
    yield path
    teardown_logging()


def test_no_personal_data_reaches_the_log(sqlite_database: Database, log_file: Path) -> None:
    with sqlite_database.begin() as session:
        partner = add_organisation(session, OrganisationInput(name="Sentinel Buurtwerk"))
        person = add_person(session, PersonInput(name=NAME, email=MAIL, phone=PHONE), organisation_id=partner)
        log_note(
            session,
            NoteInput(kind="call", text=NOTE, organisation_ids=[partner], occurred_on=date(2010, 1, 1)),
        )
    logger = logging.getLogger("teamlead.test")
    try:  # a library error carrying a note's text in its parameters
        with sqlite_database.begin() as session:
            session.execute(text("INSERT INTO no_such_table (x) VALUES (:x)"), {"x": NOTE})
    except Exception as error:
        logger.error("saving failed: %s", error, exc_info=error)
    logger.warning("contact %s, %s", MAIL, PHONE)  # careless code: the formatter still masks these
    with sqlite_database.begin() as session:
        delete_notes(session, notes_past_retention(session, date(2026, 3, 2), 5))
        erase_person(session, person.person_id)
    logger.info("opened in %d ms", 42)
    for handler in logging.getLogger("teamlead").handlers:
        handler.flush()
    content = log_file.read_text(encoding="utf-8")
    assert "retention: 1 notes deleted" in content
    assert "opened in 42 ms" in content
    assert "OperationalError" in content
    assert "person erased" in content
    for sentinel in (
        "Xandrijn",
        "Wobbelkamp",
        "wobbelkamp",
        MAIL,
        PHONE,
        "1122",
        "Sentinelnotitie",
        "Sentinel Buurtwerk",
    ):
        assert sentinel not in content, sentinel
    assert log_file.name == LOG_FILENAME
