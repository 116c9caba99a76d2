"""``teamlead report minutes --meeting ID -o FILE.pdf`` on the district demo (made for today, so some of its
meetings are still to come): made for a held meeting, refused with a message and the right exit code for the city
audience, a meeting still to come, a cancelled one, an unknown id and another format; nothing is written then."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from teamlead.cli import main
from teamlead.data.database import open_database
from teamlead.data.meetings import Invitee, Meeting
from teamlead.rules.vocabulary import MeetingKind, MeetingStatus
from tests.reports.readback import pdf_text


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "teamlead.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "teamlead", "--database", str(path), "demo", "--scale", "district"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return path


def _meeting(demo_file: Path, *, held: bool, cancelled: bool = False) -> tuple[int, str, int]:
    """A network meeting (id, title, invitees) held before now or still to come, or a cancelled one."""
    now = datetime.now(UTC)
    database = open_database(demo_file)
    try:
        with database.session() as session:
            query = select(Meeting.id, Meeting.title).where(Meeting.kind == MeetingKind.NETWORK)
            if cancelled:
                query = query.where(Meeting.status == MeetingStatus.CANCELLED)
            else:
                query = query.where(
                    Meeting.status != MeetingStatus.CANCELLED,
                    Meeting.starts_at < now if held else Meeting.starts_at > now,
                )
            row = session.execute(
                query.order_by(Meeting.starts_at.desc() if held else Meeting.starts_at)
            ).first()
            assert row is not None
            invited = session.scalar(select(func.count()).where(Invitee.meeting_id == row.id))
            return row.id, row.title, invited or 0
    finally:
        database.dispose()


def run(db: Path, *args: str) -> int:
    return main(["--database", str(db), "--language", "en", *args])


def test_the_minutes_of_a_held_meeting(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting_id, title, invited = _meeting(demo_file, held=True)
    target = tmp_path / "verslag.pdf"
    assert run(demo_file, "report", "minutes", "--meeting", str(meeting_id), "-o", str(target)) == 0
    assert capsys.readouterr().out.strip() == str(target)
    text = pdf_text(target)
    assert title in text
    assert f"invited: {invited} " in text
    assert "District: contains personal data, do not forward" in text


@pytest.mark.parametrize(
    ("which", "extra", "code", "message"),
    [
        ("held", ["--audience", "city"], 2, "exists only for the district audience"),
        ("future", [], 1, "has not been held yet"),
        ("cancelled", [], 1, "was cancelled, so it has no minutes"),
        ("unknown", [], 1, "There is no meeting with id 999999"),
    ],
)
def test_what_has_no_minutes_is_refused_and_nothing_written(
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    which: str,
    extra: list[str],
    code: int,
    message: str,
) -> None:
    if which == "unknown":
        meeting_id = 999_999
    else:
        meeting_id = _meeting(demo_file, held=which == "held", cancelled=which == "cancelled")[0]
    target = tmp_path / "verslag.pdf"
    assert (
        run(demo_file, "report", "minutes", "--meeting", str(meeting_id), *extra, "-o", str(target)) == code
    )
    error = capsys.readouterr().err
    assert message in error
    assert "Traceback" not in error
    assert not target.exists()


def test_another_format_is_wrong_usage(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting_id = _meeting(demo_file, held=True)[0]
    target = tmp_path / "verslag.xlsx"
    assert run(demo_file, "report", "minutes", "--meeting", str(meeting_id), "-o", str(target)) == 2
    assert "must end in .pdf" in capsys.readouterr().err
    assert not target.exists()


def test_without_a_meeting_is_wrong_usage(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(demo_file, "report", "minutes", "-o", str(tmp_path / "verslag.pdf")) == 2
    assert "--meeting ID" in capsys.readouterr().err
