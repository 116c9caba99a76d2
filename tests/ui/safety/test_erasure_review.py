"""Erasing a person of the district demo whose first name is in notes, as "Bas (Via Nova Mavo)": the dialog
offers each such note in context, the user redacts them one by one and leaves a note where the first name is
a common word; afterwards neither the full name nor "first name (organisation)" is in the SQLite file's bytes,
and the note left alone still holds its word."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from teamlead.data.database import open_database
from teamlead.services.notes import NoteInput, log_note
from teamlead.ui.safety.erasure_dialog import ErasureDialog, ReviewModel
from teamlead.ui.safety.privacy_dialogs import PersonPrivacyDialog
from tests.ui.safety.conftest import Started, answer_modal

# First names of the demo that are Dutch words too, and a note using the word as a word.
COMMON_WORDS = {
    "Bas": "De bas van de geluidsinstallatie stond te hard bij het buurtfeest.",
    "Mark": "De jongeren kregen een mark om de bus te betalen.",
    "Roos": "Een roos voor elke vrijwilliger bij de afsluiting.",
    "Jan": "Jan en alleman stond bij het buurtfeest.",
}


@dataclass(frozen=True)
class Chosen:
    person: int
    name: str
    first: str
    organisation: str
    bracketed: int  # notes with "first (organisation)"


def _demo(folder: Path) -> Path:
    path = folder / "district.sqlite3"
    command = [sys.executable, "-m", "teamlead", "--database", str(path), "demo", "--scale", "district"]
    subprocess.run([*command, "--seed", "1", "--today", "2026-03-02"], check=True, stdout=subprocess.DEVNULL)
    return path


def _person_named_with_organisation(path: Path) -> Chosen:
    """A person with a name of their own, whose first name is a common word and stands in at least one note
    followed by their organisation in brackets (the fewest such notes, so each is looked at)."""
    marks = ",".join("?" * len(COMMON_WORDS))
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            f"""
            SELECT p.id, p.name, substr(p.name, 1, instr(p.name, ' ') - 1) AS first, o.name,
                   (SELECT count(*) FROM note n
                     WHERE instr(n.text, substr(p.name, 1, instr(p.name, ' ') - 1) || ' (' || o.name || ')')) AS c
              FROM person p JOIN role r ON r.person_id = p.id JOIN organisation o ON o.id = r.organisation_id
             WHERE first IN ({marks}) AND (SELECT count(*) FROM person q WHERE q.name = p.name) = 1
               AND (SELECT count(*) FROM role s WHERE s.person_id = p.id) = 1
             ORDER BY c = 0, c, p.id
            """,
            tuple(COMMON_WORDS),
        ).fetchall()
    person, name, first, organisation, bracketed = rows[0]
    assert bracketed >= 1, "the demo has no first name (organisation) of a person with a common-word name"
    return Chosen(person, name, first, organisation, bracketed)


def _bytes(path: Path) -> bytes:
    return b"".join(f.read_bytes() for f in (path, path.with_name(path.name + "-wal")) if f.exists())


@pytest.mark.slow
def test_first_names_in_notes_are_offered_in_context_and_redacted_one_by_one(
    start_window: Callable[[str], Started], qtbot: QtBot, tmp_path: Path
) -> None:
    path = _demo(tmp_path)
    chosen = _person_named_with_organisation(path)
    named = f"{chosen.first} ({chosen.organisation})"
    assert named.encode() in path.read_bytes()
    database = open_database(path)
    with database.begin() as session:  # a colleague's note where the first name is just a word
        word_note = log_note(
            session,
            NoteInput(kind="call", text=COMMON_WORDS[chosen.first], occurred_on=date(2026, 2, 27)),
        )
    database.dispose()

    started = start_window(str(path))
    with qtbot.waitSignal(started.window.safety_backups.backup_done, timeout=30_000):  # type: ignore[attr-defined]
        pass
    qtbot.waitUntil(lambda: started.window.has_context, timeout=20_000)
    started.window.actions_by_name["privacy_person"].trigger()
    dialog = started.window.findChild(PersonPrivacyDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.person.offered()) > 1000, timeout=10_000)
    dialog.select(chosen.person)

    def review(box: ErasureDialog) -> list[tuple[str, bool, str, tuple[str, ...], int]]:
        """Read each row; redact those naming the organisation after the first name; leave the rest."""
        seen = []
        for number, row in enumerate(box.review.rows()):
            mention = row.mention
            seen.append(
                (
                    mention.excerpt,
                    mention.with_organisation,
                    mention.label(),
                    mention.organisations,
                    mention.record_id,
                )
            )
            if named in mention.excerpt:
                view = box.texts
                view.setFocus()
                view.setCurrentIndex(box.review.index(number, ReviewModel.REDACT))
                qtbot.keyClick(view, Qt.Key.Key_Space)
        seen.append((box.counted.text(), False, "", (), 0))
        box.erase_button.click()
        return seen

    shown = answer_modal(ErasureDialog, review)
    kept = answer_modal(  # the automatic backup made at opening still holds the person: keep it here
        QMessageBox,
        lambda box: next(b for b in box.buttons() if "Keep" in b.text()).click(),
        name="backupsHoldingBox",
    )
    with qtbot.waitSignal(dialog.erased, timeout=60_000):
        dialog.erase()
    qtbot.waitUntil(lambda: bool(kept), timeout=10_000)
    rows, counted = shown[0][:-1], shown[0][-1][0]
    with_organisation = [row for row in rows if row[1]]
    assert len(with_organisation) == chosen.bracketed  # every "first (organisation)" note, each on its own
    assert rows[: len(with_organisation)] == with_organisation  # and first
    assert all(row[2] == "Note" and chosen.organisation in row[3] for row in with_organisation)
    assert any(row[2:] == ("Note", (), word_note) for row in rows)  # the common word is offered, too
    assert counted.startswith(f"{chosen.bracketed} of {len(rows)} texts chosen")
    dialog.close()
    started.window.context.tasks.shutdown(wait=True)
    started.window.context.database.dispose()

    data = _bytes(path)
    for gone in (chosen.name, named):
        for variant in (gone, gone.lower()):
            assert variant.encode() not in data, f"{variant!r} is still in the file"
    with sqlite3.connect(path) as connection:
        (text,) = connection.execute("SELECT text FROM note WHERE id = ?", (word_note,)).fetchone()
        redacted = connection.execute(
            "SELECT count(*) FROM note WHERE text LIKE ?", (f"%[…] ({chosen.organisation})%",)
        ).fetchone()[0]
    assert text == COMMON_WORDS[chosen.first]  # not chosen: kept
    assert redacted >= chosen.bracketed
