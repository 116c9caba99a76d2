"""Qt's own texts in the app's language: the standard buttons (OK, Cancel, Save, Discard, Yes, No), the file
dialogs and the message boxes come from Qt, which ships their translations as ``qtbase_<language>.qm`` in
PySide6's translations folder. One translator on the application, swapped when the language changes; English
needs none (Qt's source texts are English).

``qtbase_nl`` leaves a few texts of the file dialog in English ("Look in:", "Files of type:", the "Folder" of
its Type column); those are in our own catalogue under Qt's context and a second, small translator answers
for them (:func:`qt_gaps`)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from teamlead.i18n import current_language, trp

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []


def qt_translations_folder() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def qt_gaps() -> dict[tuple[str, str], str]:
    """Qt's texts that its own translation lacks, by (Qt's context, Qt's English), in the current language.

    Found by asking ``qtbase_nl`` for every text a file dialog (open and save), a wizard, a message box with
    every button, a calendar and the text fields' context menus look up; these four were missing."""
    return {
        ("QFileDialog", "&Look in:"): trp("QFileDialog", "&Look in:"),
        ("QFileDialog", "Files of &type:"): trp("QFileDialog", "Files of &type:"),
        ("QAbstractFileIconProvider", "Folder"): trp("QAbstractFileIconProvider", "Folder"),
        ("QAbstractFileIconProvider", "Drive"): trp("QAbstractFileIconProvider", "Drive"),
    }


class _QtGaps(QTranslator):
    """Answers for :func:`qt_gaps` only; for any other text Qt asks the next translator (``qtbase``)."""

    def __init__(self, texts: dict[tuple[str, str], str], parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._texts = texts

    def translate(
        self, context: str, source_text: str, /, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self._texts.get((context, source_text))  # None (not ""): Qt then asks the next translator

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name; an empty translator would not be asked
        return False


def apply_qt_language(language: str | None = None) -> bool:
    """Install Qt's translation for ``language`` (default: the app's current one) on the application,
    replacing the one installed before; True when one is installed. Widgets made afterwards read in it (the
    main window rebuilds itself on a language switch)."""
    app = QCoreApplication.instance()
    language = language or current_language()
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    if app is None or language == "en":
        return False
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{language}", qt_translations_folder()):
        log.warning("Qt's translation qtbase_%s is not in %s", language, qt_translations_folder())
        return False
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    gaps = _QtGaps(qt_gaps(), app)  # installed last, so asked first
    QCoreApplication.installTranslator(gaps)
    _installed.append(gaps)
    return True


def app_locale(language: str | None = None) -> QLocale:
    """The QLocale of ``language`` (default: the app's current one), for what Qt itself names in it: month
    and day names in a calendar. Dutch as in the Netherlands; English as in Britain, which writes the day
    before the month as the Netherlands do. The week starts on Monday in both."""
    if (language or current_language()) == "nl":
        return QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
