"""`teamlead handover`: the folder a successor receives, on the district demo and on the city demo.

The folder is read back as the successor would: the dossier with pypdf, the workbook by `teamlead import` into
an empty SQLite and PostgreSQL database, the copy by `teamlead check`. On the city demo, sentinels put into
another district's note, person and narrative (through the services) must stay out of every file.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, union
from sqlalchemy.engine import URL

from teamlead.cli import main
from teamlead.data.admin import Narrative
from teamlead.data.agreements import Agreement, agreement_organisation
from teamlead.data.backup import backup_sqlite
from teamlead.data.database import open_database
from teamlead.data.geography import District, Neighbourhood
from teamlead.data.meetings import Invitee, Meeting, MeetingSeries
from teamlead.data.notes import Note, note_organisation
from teamlead.data.roster import Organisation, Role, key_contact, organisation_neighbourhood
from teamlead.data.signals import SignalAsk, SignalRound
from teamlead.producing.handover import choose_district, write_handover
from teamlead.reporting.districts import DistrictRef
from teamlead.reports.dossier_pdf import glance_labels, section_titles
from teamlead.rules.clock import AMSTERDAM
from teamlead.rules.vocabulary import OPEN_AGREEMENT_STATUSES, MeetingStatus, NoteKind, OrganisationStatus
from teamlead.services.narratives import save_narrative
from teamlead.services.notes import NoteInput, log_note
from teamlead.services.persons import PersonInput, add_person
from tests.reports.readback import pdf_text, workbook_xml

DEMO_TODAY = "2026-03-02"
MADE_AT = datetime(2026, 3, 2, 10, 0, tzinfo=AMSTERDAM)
SENTINEL_NOTE = "Zq7SentinelNoteOfAnotherDistrict"
SENTINEL_PERSON = "Zq7Sentinel Personofanotherdistrict"
SENTINEL_REFERENCED_PERSON = "Zq7Sentinel Personatareferencepartner"
SENTINEL_NARRATIVE = "Zq7SentinelNarrativeOfAnotherDistrict"


def _demo(path: Path, scale: str) -> Path:
    command = [sys.executable, "-m", "teamlead", "--database", str(path), "demo", "--scale", scale]
    subprocess.run([*command, "--seed", "1", "--today", DEMO_TODAY], check=True, stdout=subprocess.DEVNULL)
    return path


@pytest.fixture(scope="module")
def district_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _demo(tmp_path_factory.mktemp("handover") / "district.sqlite3", "district")


@pytest.fixture(scope="module")
def handed_over(district_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The district demo's handover, made by the command."""
    folder = tmp_path_factory.mktemp("out") / "Overdracht Nieuw-West"
    assert main(["--database", str(district_demo), "handover", "-o", str(folder)]) == 0
    return folder


def _one(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    assert len(found) == 1, (pattern, sorted(p.name for p in folder.iterdir()))
    return found[0]


def test_the_folder_holds_the_four_parts_and_nothing_else(
    handed_over: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = sorted(path.name for path in handed_over.iterdir())
    assert len(names) == 4, names
    _one(handed_over, "*.pdf")
    _one(handed_over, "*.xlsx")
    _one(handed_over, "*.sqlite3")
    readme = _one(handed_over, "README.txt").read_text(encoding="utf-8")
    assert "PERSONAL DATA" in readme
    assert "delete it" in readme
    assert "teamlead --database" in readme
    assert " import " in readme
    assert not [p for p in handed_over.parent.iterdir() if p.name.startswith(".")]  # no temporary folder left


def test_the_command_prints_the_paths(
    district_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "h"
    assert main(["--database", str(district_demo), "--language", "nl", "handover", "-o", str(folder)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert sorted(Path(line) for line in printed) == sorted(folder.absolute().iterdir())
    readme = (folder / "LEESMIJ.txt").read_text(encoding="utf-8")
    assert "PERSOONSGEGEVENS" in readme


def test_check_passes_on_the_copy(handed_over: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = _one(handed_over, "*.sqlite3")
    assert main(["--database", str(copy), "check"]) == 0
    assert "Integrity: ok" in capsys.readouterr().out


@pytest.mark.parametrize("target", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_the_workbook_imports_into_an_empty_database(
    handed_over: Path, district_demo: Path, target: str, request: pytest.FixtureRequest
) -> None:
    url: URL = request.getfixturevalue("sqlite_url" if target == "sqlite" else "postgres_url")
    workbook = _one(handed_over, "*.xlsx")
    assert main(["--database", url.render_as_string(hide_password=False), "import", str(workbook)]) == 0
    source, imported = open_database(district_demo), open_database(url)
    try:
        with source.session() as before, imported.session() as after:
            for model in (Organisation, Note, Meeting, Agreement, Narrative, SignalRound, MeetingSeries):
                count = select(func.count()).select_from(model)
                assert after.scalar(count) == before.scalar(count), model.__name__
    finally:
        source.dispose()
        imported.dispose()


def _expected_figures(db: Path, today: date) -> dict[str, int]:
    """The dossier's key figures, counted here from the database with the definitions of the brief."""
    database = open_database(db)
    try:
        with database.session() as session:
            district = session.scalar(select(District.id))
            own = select(Organisation.id).where(Organisation.district_id == district)
            active = [Organisation.district_id == district, Organisation.status == OrganisationStatus.ACTIVE]
            year_ago = MADE_AT - timedelta(days=365)
            rounds = (
                select(SignalRound)
                .join(Note, Note.id == SignalRound.note_id)
                .where(Note.district_id == district, Note.kind == NoteKind.SIGNAL, Note.occurred_on <= today)
            )
            return {
                "active_partners": session.scalar(select(func.count()).where(*active)),
                "neighbourhoods": session.scalar(
                    select(func.count())
                    .select_from(Neighbourhood)
                    .where(Neighbourhood.district_id == district)
                ),
                "persons": session.scalar(
                    select(func.count(func.distinct(Role.person_id))).where(Role.organisation_id.in_(own))
                ),
                "key_contacts": session.scalar(
                    select(func.count())
                    .select_from(key_contact)
                    .join(Organisation, Organisation.id == key_contact.c.organisation_id)
                    .where(*active)
                ),
                "series": session.scalar(
                    select(func.count(func.distinct(Meeting.series_id))).where(
                        Meeting.district_id == district,
                        Meeting.series_id.is_not(None),
                        Meeting.status != MeetingStatus.CANCELLED,
                        Meeting.starts_at > year_ago,
                    )
                ),
                "open_agreements": session.scalar(
                    select(func.count()).where(
                        Agreement.district_id == district, Agreement.status.in_(OPEN_AGREEMENT_STATUSES)
                    )
                ),
                "open_signals": len(session.scalars(rounds.where(SignalRound.closed_on.is_(None))).all()),
                "signals_without_feedback": len(
                    session.scalars(
                        rounds.where(SignalRound.closed_on.is_not(None), SignalRound.feedback_on.is_(None))
                    ).all()
                ),
            }
    finally:
        database.dispose()


def test_the_dossier_reads_back_with_every_section_and_the_figures_counted_here(
    district_demo: Path, tmp_path: Path
) -> None:
    database = open_database(district_demo, only_reads=True)
    try:
        district = choose_district(database, None)
        written = write_handover(database, tmp_path / "h", district, MADE_AT, "en")
    finally:
        database.dispose()
    text = pdf_text(written.dossier)
    for title in section_titles().values():
        assert title in text, title
    expected = _expected_figures(district_demo, MADE_AT.date())
    assert all(expected.values()), expected  # the demo has some of each: the figures say something
    for key, label in glance_labels().items():
        found = re.search(re.escape(label) + r" (\d+)", text)
        assert found is not None, label
        assert int(found.group(1)) == expected[key], key
    assert "Zq7" not in text


def test_a_folder_that_exists_a_missing_parent_or_a_file_as_parent_is_refused(
    district_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    existing = tmp_path / "there"
    existing.mkdir()
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("x")
    before = sorted(tmp_path.iterdir())
    for target, words in (
        (existing, "already exists"),
        (tmp_path / "missing" / "h", "does not exist"),
        (a_file / "h", "is not a folder"),
    ):
        assert main(["--database", str(district_demo), "handover", "-o", str(target)]) == 1
        error = capsys.readouterr().err
        assert words in error, error
        assert "Traceback" not in error
        assert sorted(tmp_path.iterdir()) == before
    assert not any(existing.iterdir())


# The city demo ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def city(city_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DistrictRef]:
    """A copy of the city demo with sentinels in another district's note, persons and narrative; the district
    handed over is Noord."""
    path = backup_sqlite(city_demo, tmp_path_factory.mktemp("city") / "city.sqlite3")
    database = open_database(path)
    try:
        with database.begin() as session:
            ours = session.scalar(select(District.id).where(District.name == "Noord"))
            other = session.scalar(select(District.id).where(District.name == "Zuid"))
            assert ours is not None
            assert other is not None
            our_neighbourhoods = select(Neighbourhood.id).where(Neighbourhood.district_id == ours)
            our_meetings = select(Meeting.id).where(Meeting.district_id == ours)
            our_notes = select(Note.id).where(Note.district_id == ours)
            our_agreements = select(Agreement.id).where(Agreement.district_id == ours)
            named = union(
                select(organisation_neighbourhood.c.organisation_id).where(
                    organisation_neighbourhood.c.neighbourhood_id.in_(our_neighbourhoods)
                ),
                select(Invitee.organisation_id).where(
                    Invitee.meeting_id.in_(our_meetings), Invitee.organisation_id.is_not(None)
                ),
                select(note_organisation.c.organisation_id).where(note_organisation.c.note_id.in_(our_notes)),
                select(agreement_organisation.c.organisation_id).where(
                    agreement_organisation.c.agreement_id.in_(our_agreements)
                ),
                select(SignalAsk.organisation_id).where(
                    SignalAsk.round_id.in_(select(SignalRound.id).where(SignalRound.note_id.in_(our_notes)))
                ),
            )
            theirs = (
                select(Organisation.id).where(Organisation.district_id == other).order_by(Organisation.id)
            )
            unnamed, referenced = session.scalars(theirs.where(Organisation.id.not_in(named)).limit(2)).all()
            ours_org = session.scalar(
                select(Organisation.id).where(Organisation.district_id == ours).limit(1)
            )
            assert unnamed is not None
            assert referenced is not None
            assert ours_org is not None
            today = date(2026, 3, 2)
            # A visit of Noord's that names a partner of Zuid: that partner becomes a reference row.
            visit = NoteInput(
                NoteKind.VISIT, "Visit", organisation_ids=[ours_org, referenced], occurred_on=today
            )
            log_note(session, visit, today=today)
            add_person(session, PersonInput(SENTINEL_PERSON), organisation_id=unnamed, today=today)
            add_person(
                session, PersonInput(SENTINEL_REFERENCED_PERSON), organisation_id=referenced, today=today
            )
            # The first partner decides the note's district: Zuid's, though it names one of Noord's too.
            note = NoteInput(
                NoteKind.VISIT, SENTINEL_NOTE, organisation_ids=[unnamed, ours_org], occurred_on=today
            )
            log_note(session, note, today=today)
            save_narrative(
                session, other, date(2023, 1, 1), date(2023, 3, 31), SENTINEL_NARRATIVE, expected_version=None
            )
            district = DistrictRef(ours, "Noord")
    finally:
        database.dispose()
    return path, district


@pytest.fixture(scope="module")
def city_handover(city: tuple[Path, DistrictRef], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("city-out") / "Handover Noord"
    assert main(["--database", str(city[0]), "handover", "--district", "noord", "-o", str(folder)]) == 0
    return folder


def test_on_the_city_demo_no_copy_and_the_readme_says_why(city_handover: Path) -> None:
    assert not list(city_handover.glob("*.sqlite3"))
    readme = (city_handover / "README.txt").read_text(encoding="utf-8")
    assert "No copy of the database" in readme
    assert "other districts" in readme
    assert "Zuid" in readme


def test_on_the_city_demo_no_sentinel_of_another_district_reaches_any_file(city_handover: Path) -> None:
    texts = {
        "workbook": workbook_xml(_one(city_handover, "*.xlsx")),
        "dossier": pdf_text(_one(city_handover, "*.pdf")),
        "readme": (city_handover / "README.txt").read_text(encoding="utf-8"),
    }
    for name, text in texts.items():
        for sentinel in (SENTINEL_NOTE, SENTINEL_PERSON, SENTINEL_NARRATIVE):
            assert sentinel not in text, (name, sentinel)
    assert SENTINEL_REFERENCED_PERSON not in texts["workbook"]


def _sheet(workbook: object, name: str) -> list[dict[str, object]]:
    rows = workbook[name].iter_rows(values_only=True)  # type: ignore[index]
    headers = next(rows)
    return [dict(zip(headers, row, strict=True)) for row in rows]


def test_on_the_city_demo_the_workbook_holds_the_district_and_reference_rows_only(
    city: tuple[Path, DistrictRef], city_handover: Path
) -> None:
    ours = city[1].id
    workbook = load_workbook(_one(city_handover, "*.xlsx"), read_only=True)
    try:
        organisations = _sheet(workbook, "organisation")
        notes = _sheet(workbook, "note")
        narratives = _sheet(workbook, "narrative")
        roles = _sheet(workbook, "role")
        persons = _sheet(workbook, "person")
        links = {
            name: _sheet(workbook, name)
            for name in ("note_organisation", "agreement_organisation", "invitee", "signal_ask")
        }
        serving = _sheet(workbook, "organisation_neighbourhood")
        neighbourhoods = {row["id"]: row["district_id"] for row in _sheet(workbook, "neighbourhood")}
    finally:
        workbook.close()
    assert notes
    assert all(row["district_id"] == ours for row in notes)
    assert narratives
    assert all(row["district_id"] == ours for row in narratives)
    own = {row["id"] for row in organisations if row["district_id"] == ours}
    references = [row for row in organisations if row["district_id"] != ours]
    assert own
    assert references
    for row in references:  # name, domain, neighbourhoods: nothing else
        assert not any(
            row[field] for field in ("address", "website", "phone", "email", "description", "remarks")
        )
    assert {row["organisation_id"] for row in roles} <= own
    assert {row["id"] for row in persons} == {row["person_id"] for row in roles}
    named = {row["organisation_id"] for rows in links.values() for row in rows}
    named |= {row["organisation_id"] for row in serving if neighbourhoods[row["neighbourhood_id"]] == ours}
    assert {row["id"] for row in references} <= named
