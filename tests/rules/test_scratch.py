"""Scratch files only in Teamlead's own folder, and nothing a killed run wrote left for good: the next start
removes its scratch folder and the partial files it had begun beside their targets."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from teamlead.rules import scratch
from teamlead.rules.files import atomic_target, write_text
from teamlead.rules.locations import data_folder

# A run of Teamlead that writes a report and a temporary file, and is killed in the middle of both.
KILLED_RUN = """
import sys, tempfile, time
from pathlib import Path
from teamlead.rules import scratch
from teamlead.rules.files import atomic_target
with scratch.run():
    with atomic_target(Path(sys.argv[1])) as partial:
        partial.write_text("Fatima el Amrani, 06 5555 0101")
        with tempfile.NamedTemporaryFile("w", prefix="openpyxl.", delete=False) as sheet:
            sheet.write("<row>Gebeld met Fatima</row>")
        print(partial, sheet.name, flush=True)
        time.sleep(3600)
"""


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def killed_run(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(the target, the partial file beside it, the temporary file) of a run killed while writing both."""
    target = tmp_path / "reports" / "contacts.xlsx"
    target.parent.mkdir()
    with subprocess.Popen(  # closes the pipe when done
        [sys.executable, "-c", KILLED_RUN, str(target)], stdout=subprocess.PIPE, text=True
    ) as run:
        assert run.stdout is not None
        partial, temporary = (Path(name) for name in run.stdout.readline().split())
        run.send_signal(signal.SIGKILL)
        run.wait()
    return target, partial, temporary


def test_a_run_keeps_its_temporary_files_in_teamleads_own_folder(tmp_path: Path) -> None:
    data_folder().mkdir(parents=True)
    data_folder().chmod(0o755)  # as an earlier version left it
    with scratch.run() as session:
        assert session is not None
        folder = Path(tempfile.gettempdir())
        assert folder == session.folder
        assert folder.parent.parent == data_folder()
        with tempfile.NamedTemporaryFile(prefix="openpyxl.") as sheet:
            assert Path(sheet.name).parent == folder
        assert mode(folder) == 0o700
        assert mode(folder.parent) == 0o700
        assert mode(data_folder()) == 0o700
    assert not folder.exists()
    assert Path(tempfile.gettempdir()) != folder


def test_the_partial_file_beside_a_target_has_a_recognisable_name_and_is_listed(tmp_path: Path) -> None:
    target = tmp_path / ("Contactlijst Nieuw-West " * 10 + ".xlsx")  # 245 bytes: no room for a long suffix
    with scratch.run() as session:
        assert session is not None
        with atomic_target(target) as partial:
            partial.write_bytes(b"PK")
            assert partial.parent == tmp_path
            assert partial.name.startswith(".~teamlead-Contactlijst Nieuw-West")
            assert partial.name.endswith(".partial")
            assert len(os.fsencode(partial.name)) <= 255
            assert scratch.is_partial(partial)
            assert str(partial) in (session.folder / scratch.PARTIALS).read_text(encoding="utf-8")
    assert target.read_bytes() == b"PK"
    assert [path.name for path in tmp_path.iterdir()] == [target.name]


def test_the_next_start_removes_what_a_killed_run_left(killed_run: tuple[Path, Path, Path]) -> None:
    target, partial, temporary = killed_run
    assert partial.exists()
    assert temporary.exists()
    assert temporary.parent.parent == data_folder() / scratch.SCRATCH
    unlisted = target.with_name(".~teamlead-contacts.xlsx.0123abcd.partial")  # not its, so not touched
    unlisted.write_text("iemand anders")
    beside = target.with_name("notes.txt")
    beside.write_text("van de gebruiker")

    with scratch.run():
        pass

    assert not partial.exists()
    assert not temporary.exists()
    assert not temporary.parent.exists()
    assert not target.exists()
    assert unlisted.exists()
    assert beside.exists()
    assert [path.name for path in (data_folder() / scratch.SCRATCH).iterdir()] == [scratch.SWEEP_LOCK]


def test_a_running_teamleads_files_are_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "export.xlsx"
    with subprocess.Popen(  # closes the pipe when done
        [sys.executable, "-c", KILLED_RUN, str(target)], stdout=subprocess.PIPE, text=True
    ) as run:
        try:
            assert run.stdout is not None
            partial, temporary = (Path(name) for name in run.stdout.readline().split())
            assert scratch.sweep() == 0
            assert partial.exists()
            assert temporary.exists()
        finally:
            run.send_signal(signal.SIGKILL)
            run.wait()
    assert scratch.sweep() == 1
    assert not partial.exists()


def test_without_a_data_folder_files_are_still_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A home Teamlead may not write in (a kiosk, a locked-down account): nothing is listed, all still works."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    with scratch.run() as session:
        assert session is None
        write_text(tmp_path / "report.txt", "klaar")
    assert (tmp_path / "report.txt").read_text() == "klaar"
