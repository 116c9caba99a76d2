"""The menu bar keeps its letters: a screen's label or button with a menu's letter moves to a free one."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from teamlead.ui.widgets.mnemonics import keep_menu_letters, mnemonic, moved

MENUS = ["&File", "&Go", "&Help"]


def test_the_letter_of_a_text() -> None:
    assert mnemonic("&Filter:") == "f"
    assert mnemonic("Notes && signals") is None
    assert mnemonic("Notes && &signals") == "s"
    assert mnemonic("Agenda") is None


def test_a_mnemonic_moves_to_the_first_free_letter_of_its_own_text() -> None:
    assert moved("&Filter:", {"f", "g", "h"}) == "F&ilter:"
    assert moved("C&hange role…", {"f", "g", "h", "c"}) == "Ch&ange role…"
    assert moved("&Go", {"g", "o"}) == "Go"  # no free letter: no mnemonic
    assert moved("&Notes && signals", {"n"}) == "N&otes && signals"


def test_a_screen_gives_way_to_the_menus_and_keeps_its_own_letters_apart(qtbot: QtBot) -> None:
    screen = QWidget()
    qtbot.addWidget(screen)
    form = QFormLayout(screen)
    field = QLineEdit()
    label = QLabel("&Filter:")
    label.setBuddy(field)
    form.addRow(label, field)
    button = QPushButton("&Find")
    form.addRow(button)
    kept = QPushButton("&New partner…")
    form.addRow(kept)
    tabs = QTabWidget()
    tabs.addTab(QWidget(), "&Help text")
    form.addRow(tabs)
    plain = QLabel("&Heading without a field")  # no buddy: no mnemonic, left alone
    form.addRow(plain)
    keep_menu_letters(screen, MENUS)
    assert label.text() == "F&ilter:"
    assert button.text() == "Fin&d"  # i is Filter's now, n is New partner's
    assert tabs.tabText(0) == "H&elp text"
    assert kept.text() == "&New partner…"
    assert plain.text() == "&Heading without a field"
