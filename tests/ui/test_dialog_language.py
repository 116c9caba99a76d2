"""Every dialog speaks one language: opened as a user opens it (the list in :mod:`tests.ui.dialog_catalogue`,
the same one ``scripts/dialog_shots.py`` photographs) on a demo database, in Dutch no visible interface text is
English (ours or Qt's) or a raw stored word, and in English none is Dutch; no button has lost its text.

One test per language walks all dialogs over one window and reports every leak at once, so a failure names the
dialog and the text (and the catalogue entry it matched).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from teamlead.data.database import open_database
from teamlead.demo import generate_demo
from teamlead.i18n import set_language
from teamlead.ui.context import AppContext
from teamlead.ui.main_window import MainWindow
from teamlead.ui.qt_language import apply_qt_language
from tests.ui.dialog_catalogue import CASES, idle, open_case
from tests.ui.interface_texts import blank_buttons, languages, leaks, visible_texts

TODAY = date(2026, 3, 2)


@pytest.fixture
def english_afterwards() -> Iterator[None]:
    yield
    set_language("en")
    apply_qt_language("en")


def test_the_checker_finds_what_it_should() -> None:
    """A leak is an English catalogue text (alone, or as words of a longer text), Qt's English, or a stored
    word; shared words and data are not."""
    dutch, english = languages()["nl"], languages()["en"]
    assert dutch.leaks(["Save", "Cancel", "Look in:", "call", "in_progress"]) == [
        "Save",
        "Cancel",
        "Look in:",
        "call",
        "in_progress",
    ]
    assert dutch.leaks(["Partner", "Open", "3 partners", "Jongerenwerk Nieuw-West", "Opslaan"]) == []
    assert dutch.leaks(["Wijkagent: Throw away what you typed?"]) != []
    assert english.leaks(["Annuleren", "Opslaan", "Wat u hebt getypt weggooien?"]) == [
        "Annuleren",
        "Opslaan",
        "Wat u hebt getypt weggooien?",
    ]
    assert english.leaks(["Partner", "Nieuw-West", "Save"]) == []


@pytest.mark.slow
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_dialog_reads_in_one_language(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    english_afterwards: None,
    language: str,
) -> None:
    monkeypatch.chdir(tmp_path)  # where the file dialogs start
    database = open_database(tmp_path / "demo.sqlite3")
    generate_demo(database, "small", 1, TODAY)
    set_language(language)  # as --language does at start
    apply_qt_language(language)
    context = AppContext(database, today=TODAY)
    window = MainWindow(context, qsettings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.screen_ready, timeout=20_000):
        window.show()
    idle(window)
    problems: list[str] = []
    seen: list[str] = []

    def check(name: str, dialog: QWidget) -> None:
        texts = visible_texts(dialog)
        assert texts, f"{name}: no text at all"
        seen.append(name)
        problems.extend(f"{name}: {text}" for text in leaks(dialog, language))
        problems.extend(f"{name}: a button without text: {button}" for button in blank_buttons(dialog))

    try:
        for case in CASES:
            open_case(case, window, lambda dialog, name=case.name: check(name, dialog))
    finally:
        context.tasks.shutdown(wait=True)
        database.dispose()
    assert seen == [case.name for case in CASES]
    assert problems == [], f"texts in the wrong language ({language}):\n" + "\n".join(problems)
