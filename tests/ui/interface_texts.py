"""The interface texts a window shows, and which of them are in the wrong language.

:func:`visible_texts` reads what a user reads, whatever the widget's type: window titles, labels, buttons,
group boxes, tab titles, placeholders, tooltips, spin box suffixes, combo box entries, column headers and the
cells of lists and tables, wizard buttons, a message box's texts and read-only text boxes. Typed values (line
edits, editable text boxes) are left out: they are data, never interface.

:class:`Leaks` knows both languages from ``teamlead.po``: in Dutch, a text is a leak when it is (or contains,
as whole words) an English text of the catalogue whose Dutch differs, one of Qt's English standard texts, or a
raw stored word ("call", "in_progress"); in English, when it is a Dutch translation that differs from its
English text (or one of Qt's Dutch ones). Words both languages share ("Partner", "Open", "3 partners") never
count.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTextEdit,
    QWidget,
    QWizard,
)

QT_ENGLISH = (
    "OK", "Cancel", "Save", "Save All", "Discard", "Don't Save", "Yes", "No", "Yes to All", "No to All", "Open",
    "Close", "Apply", "Reset", "Help", "Restore Defaults", "Abort", "Retry", "Ignore", "Close without Saving",
    "Look in:", "File name:", "Files of type:", "Directory:", "Choose", "New Folder", "Back", "Forward",
    "Parent Directory", "Create New Folder", "List View", "Detail View", "Name", "Size", "Folder", "Drive",
    "Date Modified", "Recent Places", "< Back", "Next >", "Finish", "Commit", "Done", "Continue",
    "Show Details...", "Hide Details...",
)  # fmt: skip
"""Qt's own English texts (mnemonics left out) that must not show in Dutch."""

QT_DUTCH = (
    "Annuleren", "Opslaan", "Verwerpen", "Ja", "Nee", "Sluiten", "Toepassen", "Openen", "Bestandsnaam:",
    "< Terug", "Volgende >", "Voltooien", "Zoeken in:", "Bestandstype:", "Naam", "Grootte", "Datum gewijzigd",
)  # fmt: skip
"""Qt's Dutch texts that must not show in English."""

MAX_ROWS = 60
"""Cells read per list or table: enough for every fixed word, not every partner of a district."""


def plain(text: str) -> str:
    """A text as read: no mnemonic ``&`` (``&&`` is one ``&``), no markup, spaces collapsed."""
    text = re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " ")
    text = re.sub(r"&(?!&)", "", text).replace("&&", "&")
    return " ".join(text.split())


def _model_texts(model: QAbstractItemModel | None) -> list[str]:
    if model is None:
        return []
    top = QModelIndex()
    try:
        columns = model.columnCount(top)
    except TypeError:  # a list model's columnCount is private in PySide: it has one
        columns = 1
    texts = [
        str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        for column in range(columns)
    ]
    for row in range(min(model.rowCount(top), MAX_ROWS)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def _own_texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip(), widget.statusTip(), widget.whatsThis()]
    if widget.isWindow():
        texts.append(widget.windowTitle())
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
        if widget.isReadOnly() and not isinstance(widget.parent(), QAbstractSpinBox):
            texts.append(widget.text())
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        texts.append(widget.placeholderText())
        if widget.isReadOnly():  # a report the app wrote, not typing
            texts += widget.toPlainText().splitlines()[:MAX_ROWS]
    if isinstance(widget, QSpinBox):
        texts += [widget.prefix(), widget.suffix(), widget.specialValueText()]
    if isinstance(widget, QAbstractSpinBox) and not isinstance(widget, QSpinBox):
        texts += [widget.specialValueText()]
    if isinstance(widget, QTabBar):
        for tab in range(widget.count()):
            texts += [widget.tabText(tab), widget.tabToolTip(tab)]
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(item) for item in range(min(widget.count(), MAX_ROWS))]
        texts.append(widget.placeholderText())
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        texts += _model_texts(widget.model())
    if isinstance(widget, QWizard):
        buttons = (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton)
        buttons += (QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton)
        texts += [widget.buttonText(button) for button in buttons]
        page = widget.currentPage()
        if page is not None:
            texts += [page.title(), page.subTitle()]
    if isinstance(widget, QMessageBox):
        texts += [widget.text(), widget.informativeText(), widget.detailedText()]
    return texts


def visible_texts(root: QWidget) -> list[str]:
    """Every interface text ``root`` shows (itself and its visible children), each once, in reading order."""
    widgets = [root, *(child for child in root.findChildren(QWidget) if child.isVisibleTo(root))]
    seen: dict[str, None] = {}
    for widget in widgets:
        for text in _own_texts(widget):
            for line in text.splitlines():
                line = plain(line)
                if line and any(char.isalpha() for char in line):
                    seen.setdefault(line, None)
    return list(seen)


# --- the two languages ------------------------------------------------------------------------------------


WORD = re.compile(r"[^\W\d_]{2,}")


def _pattern(text: str, shared: set[str]) -> tuple[re.Pattern[str], int]:
    """``text`` as a regular expression (each ``{field}`` up to 60 characters) and how many of the words it fixes are
    not also words of the other language (``shared``, lower case: "of", "partner" are Dutch too)."""
    parts = []
    words = 0
    for literal, field, _spec, _conversion in string.Formatter().parse(text):
        parts.append(re.escape(literal))
        words += sum(1 for word in WORD.findall(literal) if word.lower() not in shared)
        if field is not None:
            parts.append(".{1,60}?")  # a name or a number, not a whole note
    return re.compile("".join(parts)), words


@dataclass(frozen=True)
class Language:
    """The texts that must not show in one language, exactly or (with two words or more) inside a text."""

    exact: frozenset[str]
    patterns: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]

    def leaks(self, texts: list[str]) -> list[str]:
        found = []
        for text in texts:
            if text in self.exact or text.rstrip(":…. ") in self.exact:
                found.append(text)
                continue
            for source, whole, inside in self.patterns:
                if whole.fullmatch(text) or (inside is not None and inside.search(text)):
                    found.append(f"{text}   <- {source!r}")
                    break
        return found


def _language(wrong: dict[str, str], right: set[str], standard: tuple[str, ...], raw: set[str]) -> Language:
    """``wrong``: plain text -> its source in the catalogue; texts in ``right`` (the other side) never leak."""
    exact = {text for text in wrong if text not in right} | {word for word in standard if word not in right}
    exact |= {text.rstrip(":…. ") for text in exact}
    shared = {word.lower() for text in right for word in WORD.findall(text)}
    patterns = []
    for text, source in wrong.items():
        if text in right or ("{" not in source and len(text.split()) < 2):
            continue
        whole, words = _pattern(text, shared)
        inside = re.compile(r"(?<!\w)" + whole.pattern + r"(?!\w)") if words >= 2 else None
        if words:
            patterns.append((source, whole, inside))
    return Language(frozenset(exact | raw), tuple(patterns))


def _raw_words() -> set[str]:
    """Stored words (``call``, ``in_progress``) that a screen must show in its language's word."""
    from teamlead.rules import vocabulary

    raw: set[str] = set()
    for kind in (
        vocabulary.NoteKind,
        vocabulary.MeetingKind,
        vocabulary.MeetingStatus,
        vocabulary.Attendance,
        vocabulary.AgreementStatus,
        vocabulary.OrganisationStatus,
    ):
        raw |= {str(member) for member in kind}
    return raw


@cache
def languages() -> dict[str, Language]:
    """What must not show in ``nl`` (English) and in ``en`` (Dutch)."""
    from scripts.translations import po_file, read_catalog

    english: dict[str, str] = {}
    dutch: dict[str, str] = {}
    english_all: set[str] = set()
    dutch_all: set[str] = set()
    for message in read_catalog(po_file("nl")):
        if not message.id:
            continue
        sources = [message.id] if isinstance(message.id, str) else list(message.id)
        forms = [message.string] if isinstance(message.string, str) else list(message.string)
        english_all |= {plain(source) for source in sources}
        dutch_all |= {plain(form) for form in forms}
        for source in sources:
            if source not in forms:
                english[plain(source)] = source
        for form in forms:
            if form not in sources:
                dutch[plain(form)] = form
    english = {text: source for text, source in english.items() if text}
    dutch = {text: source for text, source in dutch.items() if text}
    raw = {word for word in _raw_words() if word not in {text.lower() for text in dutch_all}}
    return {
        "nl": _language(english, dutch_all, QT_ENGLISH, raw),
        "en": _language(dutch, english_all, QT_DUTCH, set()),
    }


def blank_buttons(root: QWidget) -> list[str]:
    """Visible buttons with neither a text nor an icon (a translation that came back empty reads so)."""
    return [
        button.objectName() or type(button).__name__
        for button in root.findChildren(QAbstractButton)
        if button.isVisibleTo(root)
        and not button.text()
        and button.icon().isNull()
        and not isinstance(button.parent(), QTabBar | QAbstractSpinBox | QComboBox)
    ]


def leaks(root: QWidget, language: str) -> list[str]:
    """The texts ``root`` shows that belong to the other language (see the module's docstring)."""
    return languages()[language].leaks(visible_texts(root))
