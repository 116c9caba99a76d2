"""`teamlead report` as a user runs it: exit codes and messages of shared/interface.md, files it writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import insert

from teamlead.cli import main
from teamlead.data.database import open_database
from teamlead.data.models import District
from tests.reporting.seed import seed
from tests.reports.readback import pdf_text, sheet_rows


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "teamlead.sqlite3"
    database = open_database(path)
    try:
        seed(database)
    finally:
        database.dispose()
    return path


def run(db: Path, *args: str) -> int:
    return main(["--database", str(db), *args])


def test_district_report_by_loose_name_with_period(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nw.xlsx"
    assert (
        run(
            db_file,
            "report",
            "district",
            "--district",
            "nieuw west",
            "--from",
            "2026-07-01",
            "--to",
            "2026-09-30",
            "-o",
            str(out),
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == str(out)
    values = dict(sheet_rows(out, "Summary")[1:])
    assert values["district"] == "Nieuw-West"
    assert values["meetings_held"] == 2


def test_to_alone_starts_on_the_first_day_of_its_quarter(db_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "nw.xlsx"
    assert (
        run(db_file, "report", "district", "--district", "NIEUW-WEST", "--to", "2026-08-15", "-o", str(out))
        == 0
    )
    values = dict(sheet_rows(out, "Summary")[1:])
    assert (values["period_from"], values["period_to"]) == ("2026-07-01", "2026-08-15")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "district", "-o", "x.pdf"], "Nieuw-West, West"),
        (["report", "district", "--district", "Noord", "-o", "x.pdf"], "Nieuw-West, West"),
        (["report", "district", "--district", "West", "-o", "x.docx"], ".pdf or .xlsx"),
        (
            [
                "report",
                "district",
                "--district",
                "West",
                "--from",
                "2026-09-02",
                "--to",
                "2026-09-01",
                "-o",
                "x.pdf",
            ],
            "--from",
        ),
        (["report", "district", "--district", "West", "--from", "2 sept", "-o", "x.pdf"], "YYYY-MM-DD"),
        (["report", "contacts", "--audience", "city", "-o", "x.pdf"], "district audience"),
        (["report", "meeting", "--audience", "city", "--meeting", "1", "-o", "x.pdf"], "district audience"),
        (["report", "meeting", "-o", "x.pdf"], "--meeting"),
    ],
)
def test_wrong_usage_exits_2_and_says_why(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    assert run(db_file, *args) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.glob("x.*"))


def test_unknown_meeting_exits_1(db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_file, "report", "meeting", "--meeting", "999", "-o", str(tmp_path / "m.pdf")) == 1
    assert "999" in capsys.readouterr().err


@pytest.mark.parametrize("named", [[], ["--district", "nieuw west"]])
def test_no_district_at_all_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], named: list[str]
) -> None:
    empty = tmp_path / "empty.sqlite3"
    assert run(empty, "report", "district", *named, "-o", str(tmp_path / "d.pdf")) == 1
    assert "no district" in capsys.readouterr().err
    assert not list(tmp_path.glob("d.*"))


def test_the_only_district_is_chosen_and_an_empty_period_says_so(tmp_path: Path) -> None:
    path = tmp_path / "one.sqlite3"
    database = open_database(path)
    with database.begin() as session:
        session.execute(insert(District).values(name="Weesp"))
    database.dispose()
    out = tmp_path / "weesp.pdf"
    assert run(path, "report", "district", "-o", str(out)) == 0
    text = pdf_text(out)
    assert "Weesp" in text
    assert "There is no data for this district in this period." in text


def test_meeting_pack_and_lists_in_both_formats(db_file: Path, tmp_path: Path) -> None:
    for kind in ("roster", "contacts", "agreements"):
        for suffix in (".pdf", ".xlsx"):
            assert (
                run(db_file, "report", kind, "--to", "2026-09-30", "-o", str(tmp_path / f"{kind}{suffix}"))
                == 0
            )
    assert run(db_file, "report", "meeting", "--meeting", "1", "-o", str(tmp_path / "m.pdf")) == 0
    text = pdf_text(tmp_path / "m.pdf")
    for expected in (
        "Meeting pack",
        "Netwerkoverleg Şükrü Öztürk",
        "Attendance sheet",
        "Signature",
        "Open agreements",
    ):
        assert expected in text, expected
    assert run(db_file, "report", "meeting", "--meeting", "1", "-o", str(tmp_path / "m.xlsx")) == 0
    invitees = sheet_rows(tmp_path / "m.xlsx", "Invitees")
    assert invitees[0] == ("Organisation", "Name", "Role", "Phone", "Attendance")
    assert len(invitees) == 4
    contacts = pdf_text(tmp_path / "contacts.pdf")
    assert "Geuzenveld" in contacts
    assert "Slotervaart" in contacts


def test_dutch_messages(db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "--language",
                "nl",
                "--database",
                str(db_file),
                "report",
                "district",
                "-o",
                str(tmp_path / "d.pdf"),
            ]
        )
        == 2
    )
    assert "Kies een gebied" in capsys.readouterr().err


def test_a_missing_or_unwritable_folder_is_refused_without_creating_anything(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "raports" / "q3.pdf"
    assert run(db_file, "report", "roster", "-o", str(typo)) == 1
    assert "raports does not exist" in capsys.readouterr().err
    assert not typo.parent.exists()

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert run(db_file, "report", "roster", "-o", str(blocker / "q3.xlsx")) == 1
    message = capsys.readouterr().err
    assert "does not exist" in message
    assert "Traceback" not in message
    assert blocker.read_text() == "not a folder"
