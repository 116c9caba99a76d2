"""Qt's own texts follow the app's language: the standard buttons of a button box and a message box read in
Dutch with ``--language nl`` and after switching to Dutch in the window, and in English again with ``en``."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from teamlead.cli import language_from
from teamlead.data.database import Database
from teamlead.i18n import set_language
from teamlead.ui.main_window import MainWindow
from teamlead.ui.qt_language import apply_qt_language
from teamlead.ui.settings_actions import apply_settings

Button = QDialogButtonBox.StandardButton
Answer = QMessageBox.StandardButton
WORDS = {
    "nl": (["OK", "Annuleren", "Opslaan", "Verwerpen"], ["&Ja", "&Nee"]),
    "en": (["OK", "Cancel", "Save", "Discard"], ["&Yes", "&No"]),
}


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    apply_qt_language("en")


def standard_words(parent: QWidget | None = None) -> tuple[list[str], list[str]]:
    """The texts of Ok/Cancel/Save/Discard in a new button box and of Yes/No in a new message box."""
    box = QDialogButtonBox(Button.Ok | Button.Cancel | Button.Save | Button.Discard, parent)
    message = QMessageBox(parent)
    message.setStandardButtons(Answer.Yes | Answer.No)
    try:
        return (
            [box.button(button).text() for button in (Button.Ok, Button.Cancel, Button.Save, Button.Discard)],
            [message.button(answer).text() for answer in (Answer.Yes, Answer.No)],
        )
    finally:
        box.deleteLater()
        message.deleteLater()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_standard_buttons_read_in_the_language_given_at_start(qapp: object, language: str) -> None:
    set_language(language_from(["--language", language]))  # as the command line does
    assert apply_qt_language() == (language != "en")  # as the app's start does
    assert standard_words() == WORDS[language]


def test_the_language_switch_changes_the_standard_buttons(
    make_window: Callable[[Database], MainWindow], sqlite_database: Database
) -> None:
    window = make_window(sqlite_database)
    assert standard_words(window) == WORDS["en"]
    apply_settings(window, "nl")
    assert standard_words(window) == WORDS["nl"]
    apply_settings(window, "en")
    assert standard_words(window) == WORDS["en"]


@pytest.mark.parametrize(
    ("language", "labels", "buttons"),
    [
        ("nl", ["&Zoeken in:", "Bestands&naam:", "Bestands&type:"], ["&Openen", "Annuleren"]),
        ("en", ["&Look in:", "File &name:", "Files of &type:"], ["&Open", "Cancel"]),
    ],
)
def test_the_file_dialog_reads_in_the_language_also_where_qt_lacks_a_translation(
    qapp: object, language: str, labels: list[str], buttons: list[str]
) -> None:
    """qtbase_nl leaves "Look in:" and "Files of type:" English; the app's catalogue fills them in."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

    set_language(language)
    apply_qt_language()
    dialog = QFileDialog(None, "x")
    try:
        assert [label.text() for label in dialog.findChildren(QLabel)] == labels
        assert [button.text() for button in dialog.findChildren(QPushButton)] == buttons
    finally:
        dialog.deleteLater()
        set_language("en")
