"""Privacy in the window: the note dialog's personal-data warning, a person's export and erasure (naming the
backups that still hold them), and the retention review."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from teamlead.data.backup import backup_database
from teamlead.data.database import Database, backup_before_migration
from teamlead.data.notes import Note
from teamlead.data.restore import restore_sqlite
from teamlead.rules import settings
from teamlead.services.notes import NoteInput, log_note
from teamlead.services.organisations import OrganisationInput, add_organisation
from teamlead.services.persons import PersonInput, add_person
from teamlead.ui.notes.dialog import open_note_dialog
from teamlead.ui.safety.erasure_dialog import ErasureDialog, ReviewModel
from teamlead.ui.safety.privacy_dialogs import PersonPrivacyDialog, RetentionDialog
from tests.ui.safety.conftest import Started, answer_modal

NAME = "Quirijntje Vlaskamp"


def _seed(database: Database) -> int:
    with database.begin() as session:
        partner = add_organisation(session, OrganisationInput(name="Huiskamer Slotermeer"))
        person = add_person(
            session, PersonInput(name=NAME, email="q.vlaskamp@huiskamer.example"), organisation_id=partner
        ).person_id
        for day, text in (
            (date(2015, 5, 1), "Oud overleg in de Zwiepzaal"),
            (date(2025, 5, 1), f"Gesproken met {NAME}"),
            (date(2025, 5, 2), "Quirijntje belt terug"),
        ):
            log_note(session, NoteInput(kind="call", text=text, organisation_ids=[partner], occurred_on=day))
    return person


def _open(
    start_window: Callable[[str], Started], qtbot: QtBot, database: Database, *, backed_up: bool = False
) -> Started:
    """The window on ``database``; with ``backed_up``, once the automatic backup at opening is written (it
    holds whoever is in the database then)."""
    path = database.path
    assert path is not None
    database.dispose()
    started = start_window(str(path))
    if backed_up:
        with qtbot.waitSignal(started.window.safety_backups.backup_done, timeout=20_000):  # type: ignore[attr-defined]
            pass
    qtbot.waitUntil(lambda: started.window.has_context, timeout=20_000)
    return started


def test_the_note_dialog_warns_about_a_bsn_but_not_about_a_phone_number(
    start_window: Callable[[str], Started], qtbot: QtBot, sqlite_database: Database
) -> None:
    started = _open(start_window, qtbot, sqlite_database)
    dialog = open_note_dialog(started.window.context, started.window)
    warning = dialog.personal_data_warning
    dialog.text.setPlainText("Gebeld met 020 555 1234 over de buurtbarbecue; zaak 123456789.")
    qtbot.wait(400)
    assert warning.isHidden()
    dialog.text.setPlainText("Mevrouw (BSN 111222333) vroeg om hulp.")
    qtbot.waitUntil(lambda: not warning.isHidden(), timeout=2000)
    assert "citizen service number" in warning.text()
    dialog.reject()


def test_export_then_erase_a_person_and_delete_the_copies_holding_them(
    start_window: Callable[[str], Started], qtbot: QtBot, sqlite_database: Database, tmp_path: Path
) -> None:
    person = _seed(sqlite_database)
    path = sqlite_database.path
    assert path is not None
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    settings.update(
        backup_folder=str(elsewhere)
    )  # the copies before an upgrade stay in backups/ all the same
    old_backup = backup_database(sqlite_database, elsewhere)
    sqlite_database.dispose()
    replaced = restore_sqlite(old_backup, path).aside  # the database it replaced is kept beside it
    assert replaced is not None
    replaced.with_name(replaced.name + "-wal").write_bytes(b"")  # a -wal that went aside with it
    before_upgrade = backup_before_migration(path, "0006")
    started = _open(start_window, qtbot, sqlite_database, backed_up=True)
    started.window.actions_by_name["privacy_person"].trigger()
    dialog = started.window.findChild(PersonPrivacyDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.person.offered()) == 1, timeout=5000)
    dialog.select(person)
    dialog.export(tmp_path / "inzage.json")
    qtbot.waitUntil(lambda: "inzage.pdf" in dialog.status.text(), timeout=10_000)
    assert (tmp_path / "inzage.pdf").exists()  # the readable one beside it
    assert "inzage.pdf" in dialog.status.text()
    assert "inzage.json" in dialog.status.text()
    exported = json.loads((tmp_path / "inzage.json").read_text(encoding="utf-8"))
    assert exported["person"]["name"] == NAME
    assert [n["text"] for n in exported["notes"]] == [f"Gesproken met {NAME}"]

    asked = answer_modal(ErasureDialog, lambda box: (box.review.rows(), box.erase_button.click())[0])
    named = answer_modal(
        QMessageBox,
        lambda box: (box.text(), next(b for b in box.buttons() if "Delete" in b.text()).click())[0],
        name="backupsHoldingBox",
    )
    with qtbot.waitSignal(dialog.erased, timeout=20_000):
        dialog.erase()
    assert [row.candidate.identifier.value for row in asked[0]] == ["Quirijntje"]  # not ticked: kept
    qtbot.waitUntil(lambda: bool(named), timeout=5000)
    for copy in (old_backup, replaced, before_upgrade):
        assert copy.name in named[0]
        assert not copy.exists()
    assert not replaced.with_name(replaced.name + "-wal").exists()
    assert "copies of the database deleted" in dialog.status.text()  # also the automatic one at opening
    for file in (path, path.with_name(path.name + "-wal")):
        if file.exists():
            assert b"Vlaskamp" not in file.read_bytes()
    with started.window.context.database.session() as session:
        texts = set(session.scalars(select(Note.text)))
    assert texts == {"Oud overleg in de Zwiepzaal", "Gesproken met […]", "Quirijntje belt terug"}
    dialog.close()


def redact_here(qtbot: QtBot, box: ErasureDialog, row: int) -> None:
    """Tick "Redact here" on a row as a keyboard user does: go to its box, press Space."""
    view = box.texts
    view.setFocus()
    view.setCurrentIndex(box.review.index(row, ReviewModel.REDACT))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert box.review.data(box.review.index(row, ReviewModel.REDACT), Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )


def test_a_text_the_user_ticks_is_redacted_too(
    start_window: Callable[[str], Started], qtbot: QtBot, sqlite_database: Database
) -> None:
    person = _seed(sqlite_database)
    started = _open(start_window, qtbot, sqlite_database, backed_up=True)
    started.window.actions_by_name["privacy_person"].trigger()
    dialog = started.window.findChild(PersonPrivacyDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.person.offered()) == 1, timeout=5000)
    dialog.select(person)

    def tick_and_erase(box: ErasureDialog) -> list[str]:
        shown = []
        for number, row in enumerate(box.review.rows()):
            redact_here(qtbot, box, number)
            shown.append(row.mention.excerpt)
        box.erase_button.click()
        return shown

    shown = answer_modal(ErasureDialog, tick_and_erase)
    kept = answer_modal(  # the automatic backup made at opening holds the person
        QMessageBox,
        lambda box: next(b for b in box.buttons() if "Keep" in b.text()).click(),
        name="backupsHoldingBox",
    )
    with qtbot.waitSignal(dialog.erased, timeout=20_000):
        dialog.erase()
    qtbot.waitUntil(lambda: bool(kept), timeout=5000)
    assert shown == [["Quirijntje belt terug"]]
    assert "2 texts changed" in dialog.status.text()
    with started.window.context.database.session() as session:
        texts = set(session.scalars(select(Note.text)))
    assert texts == {"Oud overleg in de Zwiepzaal", "Gesproken met […]", "[…] belt terug"}
    dialog.close()


def test_retention_review_then_delete_with_confirmation(
    start_window: Callable[[str], Started], qtbot: QtBot, sqlite_database: Database
) -> None:
    _seed(sqlite_database)
    started = _open(start_window, qtbot, sqlite_database)
    started.window.actions_by_name["privacy_retention"].trigger()
    dialog = started.window.findChild(RetentionDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert (
        dialog.table.item(0, 0).text() == "2015-05-01"
    )  # a table's date column, as every table shows it in English
    assert dialog.table.item(0, 1).text() == "Call"  # the kind's word, not the stored "call"
    assert dialog.table.item(0, 2).text() == "Huiskamer Slotermeer"
    answer_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    with qtbot.waitSignal(dialog.deleted, timeout=10_000) as deleted:
        dialog.delete_button.click()
    assert deleted.args == [1]
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=5000)
    with started.window.context.database.session() as session:
        assert session.scalar(select(func.count()).select_from(Note)) == 2
    path = started.window.context.database.path
    assert path is not None
    for file in (path, path.with_name(path.name + "-wal")):  # nor in the search index: the file is scrubbed
        if file.exists():
            assert b"zwiepzaal" not in file.read_bytes().lower(), file.name
    dialog.close()


def test_the_retention_period_chosen_is_kept_in_the_database(
    start_window: Callable[[str], Started], qtbot: QtBot, sqlite_database: Database
) -> None:
    """Typed in the dialog, kept in the database: the dialog opened again (and anyone opening this database)
    starts from it."""
    from teamlead.services.retention import retention_years

    _seed(sqlite_database)
    started = _open(start_window, qtbot, sqlite_database)
    started.window.actions_by_name["privacy_retention"].trigger()
    dialog = started.window.findChild(RetentionDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.years.isEnabled, timeout=5000)  # the database's period is read
    assert dialog.years.value() == 5
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)  # the 2015 note, past five years
    dialog.years.setValue(20)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=5000)  # nothing is twenty years old
    dialog.close()
    with started.window.context.database.session() as session:
        assert retention_years(session) == 20
    started.window.actions_by_name["privacy_retention"].trigger()
    again = next(d for d in started.window.findChildren(RetentionDialog) if d is not dialog)
    qtbot.waitUntil(again.years.isEnabled, timeout=5000)
    assert again.years.value() == 20
    again.close()
