"""Access requests and erasure on real databases; after erasure the words are gone from the SQLite file's bytes
and the copies that still hold the person are found."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from teamlead.data.admin import AuditEntry
from teamlead.data.backup import backup_database
from teamlead.data.database import Database
from teamlead.data.notes import Note
from teamlead.data.roster import Person
from teamlead.data.scrub import scrub
from teamlead.data.search import search
from teamlead.services.erasure import erase_person, own_values
from teamlead.services.notes import NoteInput, log_note
from teamlead.services.organisations import OrganisationInput, add_organisation
from teamlead.services.persons import PersonInput, add_person
from teamlead.services.privacy import access_report, backups_holding, write_access_report

SENTINEL = "Zwanetta Qorvalinsky"
MAIL = "zwanetta.q@voorbeeld.example"
PHONE = "06 8765 4321"  # as the service stores it


def _seed(database: Database) -> int:
    with database.begin() as session:
        organisation = add_organisation(session, OrganisationInput(name="Buurthuis De Kolk"))
        person = add_person(
            session,
            PersonInput(name=SENTINEL, email=MAIL, phone=PHONE, remarks="liever bellen"),
            organisation_id=organisation,
            role_title="coördinator",
        ).person_id
        other = add_person(session, PersonInput(name="Piet Jansen"), organisation_id=organisation).person_id
        log_note(
            session,
            NoteInput(
                kind="call",
                text=f"Gebeld met {SENTINEL} over de zomeractiviteiten.",
                organisation_ids=[organisation],
                person_ids=[person],
                occurred_on=date(2026, 3, 1),
            ),
        )
        log_note(
            session,
            NoteInput(
                kind="visit",
                text=f"Piet noemde dat {SENTINEL} ({MAIL}) het overneemt.",
                organisation_ids=[organisation],
                person_ids=[other],
                occurred_on=date(2026, 3, 2),
            ),
        )
    return person


def test_access_report_holds_everything_about_the_person(database: Database, tmp_path: Path) -> None:
    person_id = _seed(database)
    with database.session() as session:
        report = access_report(session, person_id)
    assert report["person"]["name"] == SENTINEL
    assert report["person"]["email"] == MAIL
    assert report["roles"][0]["organisation"] == "Buurthuis De Kolk"
    assert report["roles"][0]["title"] == "coördinator"
    assert len(report["notes"]) == 2  # the linked note and the one that mentions them
    target = write_access_report(report, tmp_path / "inzage.json")
    assert json.loads(target.read_text(encoding="utf-8"))["person"]["phone"] == PHONE


def test_erasure_removes_the_person_and_every_mention(database: Database) -> None:
    person_id = _seed(database)
    with database.begin() as session:
        erased = erase_person(session, person_id)
    assert erased.texts_changed == 2
    with database.session() as session:
        assert session.get(Person, person_id) is None
        texts = session.scalars(select(Note.text).order_by(Note.occurred_on)).all()
        assert texts == [
            "Gebeld met […] over de zomeractiviteiten.",
            "Piet noemde dat […] ([…]) het overneemt.",
        ]
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "erase")).one()
        assert (entry.table_name, entry.record_id, entry.fields) == ("person", person_id, "")
        assert session.scalar(select(func.count()).select_from(Person)) == 1
        assert not search(session, "Qorvalinsky")
        assert search(session, "Piet")


def test_erased_words_are_gone_from_the_sqlite_files_bytes(sqlite_database: Database) -> None:
    path = sqlite_database.path
    assert path is not None
    person_id = _seed(sqlite_database)
    before = backup_database(sqlite_database)
    with sqlite_database.session() as session:
        values = own_values(session.get_one(Person, person_id))
    # an open reader elsewhere in the app (a view's session) must not keep the words in the WAL
    with sqlite_database.begin() as session:
        erased = erase_person(session, person_id)
    assert erased.identifiers == values  # what the dialog then looks for in the backups
    scrub(sqlite_database)
    files = [path, path.with_name(path.name + "-wal")]
    for file in files:
        if file.exists():
            data = file.read_bytes()
            for word in ("Qorvalinsky", "qorvalinsky", "Zwanetta", "zwanetta", MAIL, PHONE):
                assert word.encode() not in data, f"{word} still in {file.name}"
    assert backups_holding([before], person_id, values) == [before]
    after = backup_database(sqlite_database)
    assert backups_holding([before, after], person_id, values) == [before]


def test_the_access_pdf_says_what_the_json_holds(database: Database, tmp_path: Path) -> None:
    """Both files of an access request: the PDF read back with pypdf names the person, their role and
    organisation, their contact details and every text of the JSON that mentions them, with its date."""
    import re

    from pypdf import PdfReader

    from teamlead.producing.access import write_access_files
    from teamlead.reports.access_pdf import day

    person_id = _seed(database)
    with database.begin() as session:  # a text beyond the notes: a partner's remarks
        other = add_organisation(
            session, OrganisationInput(name="Speeltuin De Kolk", remarks=f"Sleutel bij {SENTINEL}.")
        )
    with database.session() as session:
        report = access_report(session, person_id)
    readable, complete = write_access_files(report, tmp_path / "inzage.pdf")
    assert complete == tmp_path / "inzage.json"
    held = json.loads(complete.read_text(encoding="utf-8"))
    assert [(t["where"], t["record"]) for t in held["texts"]][-1] == ("Partner remarks", other)
    assert len(held["texts"]) == 3  # the two notes and the remarks
    assert (readable.stat().st_mode & 0o777, complete.stat().st_mode & 0o777) == (0o600, 0o600)
    text = " ".join(page.extract_text() for page in PdfReader(readable).pages)
    flat = re.sub(r"\s+", " ", text)
    for value in (held["person"]["name"], held["person"]["email"], held["person"]["phone"], "liever bellen"):
        assert value in flat, value
    assert held["roles"][0]["organisation"] in flat
    assert held["roles"][0]["title"] in flat
    for mentioned in held["texts"]:
        assert re.sub(r"\s+", " ", mentioned["text"]) in flat, mentioned["text"]
        assert mentioned["where"] in flat
        if mentioned["date"]:
            assert day(mentioned["date"]) in flat
        for name in mentioned["organisations"]:
            assert name in flat
