"""The menu bar keeps its letters: Alt+F (in Dutch Alt+B) opens File on every screen.

A label or button on a screen whose underlined letter is also a menu's made Alt+that letter ambiguous: Qt
then gave the key to the label (in Dutch "&Buurt:" took Alt+B from "&Bestand", in English "&Filter:" took
Alt+F from "&File"), so the menu did not open. Translators cannot see which screen a string lands on, so the
rule is applied here, in both languages: a screen's mnemonic that a menu uses moves to the next free letter of
its own text (or goes, when there is none).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget, QWidget

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The underlined letter of ``text`` ("&&" is a literal "&"), lowercased; None without one."""
    found = _MNEMONIC.search(text.replace("&&", "\0\0"))
    return found.group(1).lower() if found else None


def moved(text: str, taken: set[str]) -> str:
    """``text`` with its mnemonic on the first letter that is not ``taken``, else without one."""
    plain = text.replace("&&", "\0").replace("&", "")
    for position, character in enumerate(plain):
        if character.isalnum() and character.lower() not in taken:
            plain = plain[:position] + "&" + plain[position:]
            break
    return plain.replace("\0", "&&")


def keep_menu_letters(screen: QWidget, menu_texts: Iterable[str]) -> None:
    """Move every mnemonic in ``screen`` that a menu (by its ``menu_texts``) uses to a free letter."""
    reserved = {letter for letter in map(mnemonic, menu_texts) if letter}
    texts = _texts(screen)
    used = {letter for text, _set in texts if (letter := mnemonic(text)) and letter not in reserved}
    for text, set_text in texts:
        if mnemonic(text) in reserved:
            new = moved(text, reserved | used)
            if (letter := mnemonic(new)) is not None:
                used.add(letter)
            set_text(new)


def _texts(screen: QWidget) -> list[tuple[str, Callable[[str], None]]]:
    """(text, setter) of every buddy label, button, group box title and tab that has a mnemonic."""
    found: list[tuple[str, Callable[[str], None]]] = []
    for widget in screen.findChildren(QWidget):
        if (isinstance(widget, QLabel) and widget.buddy() is not None) or isinstance(widget, QAbstractButton):
            found.append((widget.text(), widget.setText))
        elif isinstance(widget, QGroupBox):
            found.append((widget.title(), widget.setTitle))
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                found.append((widget.tabText(index), partial(widget.setTabText, index)))
    return [(text, setter) for text, setter in found if mnemonic(text)]
